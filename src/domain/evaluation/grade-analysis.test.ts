import { describe, expect, it } from 'vitest';
import { defaultGradeScale, pointScale, type GradeScale } from './grading.js';
import { groupGradeCounts, leniencyRows, percentOf, scaleOrDefault, summarizeGrades } from './grade-analysis.js';

const noPoints: GradeScale = { ...defaultGradeScale, levels: defaultGradeScale.levels.map((level) => ({ ...level, points: null })) };

describe('summarizeGrades', () => {
  it('lists every level best first, counts and averages the points', () => {
    const result = summarizeGrades(defaultGradeScale, [
      { grade: 'B', n: 3 },
      { grade: 'A', n: 1 },
    ]);
    expect(Object.keys(result.counts)).toEqual(['S', 'A', 'B', 'C', 'D']);
    expect(result).toEqual({ total: 4, counts: { S: 0, A: 1, B: 3, C: 0, D: 0 }, meanPoints: 13 / 4 });
  });

  it('gives null points for nothing, and adds up repeated grades', () => {
    expect(summarizeGrades(defaultGradeScale, [])).toEqual({ total: 0, counts: { S: 0, A: 0, B: 0, C: 0, D: 0 }, meanPoints: null });
    expect(summarizeGrades(defaultGradeScale, [{ grade: 'C', n: 1 }, { grade: 'C', n: 2 }, { grade: 'S', n: 0 }]).counts.C).toBe(3);
  });

  it('counts a code outside the scale but leaves it out of the mean', () => {
    const result = summarizeGrades(defaultGradeScale, [{ grade: 'X', n: 2 }, { grade: 'D', n: 1 }]);
    expect(result.total).toBe(3);
    expect(result.counts.X).toBe(2);
    expect(result.meanPoints).toBe(1);
  });

  it('uses positions when the scale has no points, and the points of a point-only scale', () => {
    expect(summarizeGrades(noPoints, [{ grade: 'S', n: 1 }, { grade: 'D', n: 1 }]).meanPoints).toBe(3);
    const half = pointScale(1, 3, 2, 0.5)!;
    expect(summarizeGrades(half, [{ grade: '2.5', n: 1 }, { grade: '1.5', n: 1 }]).meanPoints).toBe(2);
  });
});

describe('groupGradeCounts', () => {
  it('keeps the order groups come in and summarises each', () => {
    const groups = groupGradeCounts(defaultGradeScale, [
      { key: '7', label: '窓口係', grade: 'A', n: 2 },
      { key: '3', label: '人事係', grade: 'B', n: 1 },
      { key: '7', label: '窓口係', grade: 'C', n: 2 },
    ]);
    expect(groups.map((g) => [g.key, g.label, g.total, g.meanPoints])).toEqual([
      ['7', '窓口係', 4, 3],
      ['3', '人事係', 1, 3],
    ]);
  });
});

describe('leniencyRows', () => {
  it('compares each evaluator with the pooled mean, most lenient first', () => {
    const rows = leniencyRows(defaultGradeScale, [
      { evaluatorStaffId: 2, name: '試験 二郎', grade: 'C', n: 2 },
      { evaluatorStaffId: 1, name: '試験 一郎', grade: 'A', n: 1 },
      { evaluatorStaffId: 1, name: '試験 一郎', grade: 'S', n: 1 },
    ]);
    // pooled: (2+2+4+5)/4 = 3.25
    expect(rows).toEqual([
      { evaluatorStaffId: 1, name: '試験 一郎', count: 2, mean: 4.5, pooledMean: 3.25, difference: 1.25 },
      { evaluatorStaffId: 2, name: '試験 二郎', count: 2, mean: 2, pooledMean: 3.25, difference: -1.25 },
    ]);
  });

  it('leaves grades off the scale out and gives an empty list for no ratings', () => {
    const rows = leniencyRows(defaultGradeScale, [{ evaluatorStaffId: 5, name: '試験 五郎', grade: 'Z', n: 3 }]);
    expect(rows).toEqual([{ evaluatorStaffId: 5, name: '試験 五郎', count: 0, mean: null, pooledMean: null, difference: null }]);
    expect(leniencyRows(defaultGradeScale, [])).toEqual([]);
  });
});

describe('percentOf and scaleOrDefault', () => {
  it('rounds to one decimal and treats 0 of 0 as 0', () => {
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(2, 3)).toBe(66.7);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('takes a stored scale that validates and falls back to the default otherwise', () => {
    expect(scaleOrDefault(noPoints)).toEqual({ scale: noPoints, isFallback: false });
    expect(scaleOrDefault(undefined)).toEqual({ scale: defaultGradeScale, isFallback: true });
    expect(scaleOrDefault({ levels: [], standardCode: 'B' }).isFallback).toBe(true);
  });
});
