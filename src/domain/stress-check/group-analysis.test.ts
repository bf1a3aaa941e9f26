import { describe, expect, it } from 'vitest';
import { analyseGroups, figureOf, frozenTree, hasFrozenTree, unitPaths, type GroupEntry } from './group-analysis.js';

const entry = (unitId: number | null, sex: 'male' | 'female' | null, q: number, c: number, s: number, w: number, b = 60): GroupEntry => ({
  unitId,
  sex,
  scores: { areaTotals: { A: 40, B: b, C: 20, D: 4 }, judgement: { quantitativeLoad: q, control: c, supervisorSupport: s, coworkerSupport: w }, scales: { quantitativeLoad: 2.5 } },
});

describe('figureOf', () => {
  it('means, the 判定図 point and the rounded health risk (men at the national means → 100)', () => {
    const f = figureOf(Array.from({ length: 10 }, (_, i) => entry(1, 'male', i % 2 === 0 ? 8 : 9.4, 7.9, 7.5, 8.1, 60 + i)));
    expect(f.respondents).toBe(10);
    expect(f.areaMeans).toEqual({ A: 40, B: 64.5, C: 20 });
    expect(f.judgement.quantitativeLoad).toBe(8.7);
    expect(f.risk).toEqual({ riskA: 100, riskB: 100, total: 100 });
    expect(f.scaleMeans.find((s) => s.key === 'quantitativeLoad')!.mean).toBe(2.5);
  });
});

describe('analyseGroups', () => {
  // 1 部 ─ 2 課 (12), 3 課 (4): 3 is under 10, so 2 is hidden as well (else 1 − 2 = 3's four people)
  const units = [
    { unitId: 1, parentUnitId: null, name: '総務部' },
    { unitId: 2, parentUnitId: 1, name: '総務課' },
    { unitId: 3, parentUnitId: 1, name: '職員課' },
  ];
  it('shows the department, hides the small unit and its one sibling', () => {
    const entries = [...Array.from({ length: 12 }, () => entry(2, 'male', 9, 8, 7, 8)), ...Array.from({ length: 4 }, () => entry(3, 'female', 10, 6, 6, 7))];
    const result = analyseGroups(units, entries, 10);
    expect(result.units.map((u) => [u.unitId, u.status, u.figure?.respondents ?? null, u.depth])).toEqual([
      [1, 'shown', 16, 0],
      [2, 'differencing', null, 1],
      [3, 'small', null, 1],
    ]);
    expect(result.total?.respondents).toBe(16);
  });

  it('shows nothing, not even the total, below 10 respondents', () => {
    const result = analyseGroups(units, Array.from({ length: 9 }, () => entry(2, 'male', 9, 8, 7, 8)), 10);
    expect(result.total).toBeNull();
    expect(result.units.every((u) => u.figure === null)).toBe(true);
  });

  it('counts people whose unit is no longer in the tree in the total only', () => {
    const entries = [...Array.from({ length: 10 }, () => entry(2, 'male', 9, 8, 7, 8)), ...Array.from({ length: 10 }, () => entry(3, 'male', 9, 8, 7, 8)), entry(99, null, 9, 8, 7, 8)];
    const result = analyseGroups(units, entries, 10);
    expect(result.total?.respondents).toBe(21);
    // The one unplaced person joins the smallest block (a unit's), so that unit and 部 1 (whose subtree lacks the
    // person) are hidden: total − shown top-level units must not isolate them.
    const shown = result.units.filter((u) => u.status === 'shown').map((u) => u.unitId);
    const sum = result.units.filter((u) => u.status === 'shown' && u.depth === 0).reduce((s, u) => s + u.figure!.respondents, 0);
    expect(21 - sum === 0 || 21 - sum >= 10).toBe(true);
    expect(shown).not.toContain(1);
  });
});

describe('the tree frozen at close', () => {
  const units = [
    { unitId: 1, parentUnitId: null, name: '総務部' },
    { unitId: 2, parentUnitId: 1, name: '総務課' },
    { unitId: 3, parentUnitId: 2, name: '総務係' },
    { unitId: 4, parentUnitId: 1, name: '職員課' },
  ];
  it('keeps each unit with its ancestors and rebuilds the same tree from the entries', () => {
    const paths = unitPaths(units, [3, 4, 99]);
    expect(Object.fromEntries(paths)).toEqual({ 3: [3, 2, 1], 4: [4, 1] });
    const entries: GroupEntry[] = [entry(3, 'male', 9, 8, 7, 8), entry(4, 'male', 9, 8, 7, 8)].map((e) => ({ ...e, scores: { ...e.scores, unitPath: paths.get(e.unitId!) } }));
    expect(hasFrozenTree(entries)).toBe(true);
    const names = new Map(units.map((u) => [u.unitId, u.name]));
    expect(frozenTree(entries, names)).toEqual([
      { unitId: 1, parentUnitId: null, name: '総務部' },
      { unitId: 2, parentUnitId: 1, name: '総務課' },
      { unitId: 3, parentUnitId: 2, name: '総務係' },
      { unitId: 4, parentUnitId: 1, name: '職員課' },
    ]);
    // a later rename or abolition changes only the label
    expect(frozenTree(entries, new Map([[1, '総務部']]))[1]).toEqual({ unitId: 2, parentUnitId: 1, name: '(現在はない所属 2)' });
    expect(hasFrozenTree([entry(3, 'male', 9, 8, 7, 8)])).toBe(false);
  });
});
