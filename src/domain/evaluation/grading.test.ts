import { describe, expect, it } from 'vitest';
import {
  defaultGradeScale,
  defaultOverallRule,
  gradeScaleSchema,
  isGradeInScale,
  overallGrade,
  pointScale,
  pointsOf,
  raterLeniency,
  type GoalRating,
  type GradeScale,
  type OverallRule,
} from './grading.js';

const noPoints: GradeScale = { ...defaultGradeScale, levels: defaultGradeScale.levels.map((level) => ({ ...level, points: null })) };
const sixLevels: GradeScale = {
  levels: [
    { code: 'SS', label: '極めて優秀', points: 6 },
    { code: 'S', label: '特に優秀', points: 5 },
    { code: 'A', label: '優秀', points: 4 },
    { code: 'B', label: '標準', points: 3 },
    { code: 'C', label: 'やや不十分', points: 2 },
    { code: 'D', label: '不十分', points: 1 },
  ],
  standardCode: 'B',
};
/** uneven spacing: the nearest grade is by points, not by position */
const uneven: GradeScale = {
  levels: [
    { code: 'S', label: '', points: 10 },
    { code: 'A', label: '', points: 7 },
    { code: 'B', label: '', points: 5 },
    { code: 'C', label: '', points: 2 },
  ],
  standardCode: 'B',
};

function goals(...pairs: [string, number | null][]): GoalRating[] {
  return pairs.map(([grade, weight]) => ({ grade, weight }));
}

describe('gradeScaleSchema', () => {
  it.each([
    ['the default', defaultGradeScale],
    ['no points', noPoints],
    ['six levels', sixLevels],
    ['uneven points', uneven],
    ['a point scale 1–5', pointScale(1, 5, 3)],
    ['a point scale 0–100 by 10', pointScale(0, 100, 60, 10)],
  ])('accepts %s', (_name, scale) => {
    expect(gradeScaleSchema.safeParse(scale).success).toBe(true);
  });

  const broken: [string, unknown, string][] = [
    ['one level', { levels: [{ code: 'B', label: '', points: 3 }], standardCode: 'B' }, '評語は2段階以上にしてください'],
    ['duplicate codes', { ...defaultGradeScale, levels: [...defaultGradeScale.levels, { code: 'S', label: '', points: 0 }] }, '評語「S」が重複しています'],
    ['an unknown standard', { ...defaultGradeScale, standardCode: 'E' }, '標準とする評語「E」が評語の一覧にありません'],
    [
      'points on some levels only',
      { ...defaultGradeScale, levels: defaultGradeScale.levels.map((l, i) => (i === 0 ? { ...l, points: null } : l)) },
      '点数はすべての評語に設定するか、すべて空欄にしてください',
    ],
    [
      'points not decreasing',
      { ...defaultGradeScale, levels: defaultGradeScale.levels.map((l) => (l.code === 'C' ? { ...l, points: 3 } : l)) },
      '評語「C」の点数は上位の評語「B」より小さくしてください',
    ],
    ['an empty code', { ...defaultGradeScale, levels: defaultGradeScale.levels.map((l, i) => (i === 0 ? { ...l, code: ' ' } : l)) }, '評語の記号を入力してください'],
    ['infinite points', { ...defaultGradeScale, levels: defaultGradeScale.levels.map((l, i) => (i === 0 ? { ...l, points: Infinity } : l)) }, ''],
  ];
  it.each(broken)('refuses %s', (_name, scale, message) => {
    const result = gradeScaleSchema.safeParse(scale);
    expect(result.success).toBe(false);
    if (message !== '' && !result.success) expect(result.error.issues.map((i) => i.message)).toContain(message);
  });
});

describe('pointScale', () => {
  it('builds codes from the best down', () => {
    expect(pointScale(1, 5, 3)).toEqual({
      levels: [5, 4, 3, 2, 1].map((p) => ({ code: String(p), label: `${p}点`, points: p })),
      standardCode: '3',
    });
  });
  it('handles fractional steps without float noise', () => {
    expect(pointScale(1, 2, 1.5, 0.1)?.levels.map((l) => l.code)).toEqual(['2', '1.9', '1.8', '1.7', '1.6', '1.5', '1.4', '1.3', '1.2', '1.1', '1']);
  });
  it.each([
    ['min ≥ max', 5, 1, 3, 1],
    ['a standard off the steps', 1, 5, 3.5, 1],
    ['a step that does not reach max', 0, 10, 0, 3],
    ['a zero step', 1, 5, 3, 0],
    ['more than 101 levels', 0, 1000, 0, 1],
    ['NaN', Number.NaN, 5, 3, 1],
  ])('is undefined for %s', (_name, min, max, standard, step) => {
    expect(pointScale(min, max, standard, step)).toBeUndefined();
  });
});

describe('pointsOf and isGradeInScale', () => {
  it.each([
    [defaultGradeScale, 'S', 5],
    [defaultGradeScale, 'D', 1],
    [noPoints, 'S', 5],
    [noPoints, 'B', 3],
    [noPoints, 'D', 1],
    [sixLevels, 'SS', 6],
    [uneven, 'A', 7],
    [defaultGradeScale, 'E', undefined],
    [defaultGradeScale, 's', undefined],
  ] as const)('%#: %s → %s', (scale, code, points) => {
    expect(pointsOf(scale, code)).toBe(points);
    expect(isGradeInScale(scale, code)).toBe(points !== undefined);
  });
});

describe('overallGrade — the documented rule', () => {
  const towardsStandard = defaultOverallRule;
  const equal: OverallRule = { weighting: 'equal', tieBreak: 'toward-standard' };
  const upward: OverallRule = { weighting: 'weight', tieBreak: 'upward' };
  const downward: OverallRule = { weighting: 'weight', tieBreak: 'downward' };
  const cases: [string, GoalRating[], GradeScale, OverallRule, string, number][] = [
    ['one goal', goals(['A', 100]), defaultGradeScale, towardsStandard, 'A', 4],
    ['all B', goals(['B', 40], ['B', 60]), defaultGradeScale, towardsStandard, 'B', 3],
    ['weights decide: A 70 + C 30 = 3.4', goals(['A', 70], ['C', 30]), defaultGradeScale, towardsStandard, 'B', 3.4],
    ['weights decide: A 80 + C 20 = 3.6', goals(['A', 80], ['C', 20]), defaultGradeScale, towardsStandard, 'A', 3.6],
    ['tie A/B goes to B', goals(['A', 50], ['B', 50]), defaultGradeScale, towardsStandard, 'B', 3.5],
    ['tie S/A goes to A', goals(['S', 50], ['A', 50]), defaultGradeScale, towardsStandard, 'A', 4.5],
    ['tie B/C goes to B', goals(['B', 50], ['C', 50]), defaultGradeScale, towardsStandard, 'B', 2.5],
    ['tie C/D goes to C', goals(['C', 50], ['D', 50]), defaultGradeScale, towardsStandard, 'C', 1.5],
    ['tie despite float noise (weights 0.1/0.1/0.2/0.2 → 3.4999999999999996)', goals(['A', 0.1], ['B', 0.1], ['A', 0.2], ['B', 0.2]), defaultGradeScale, towardsStandard, 'B', 3.5],
    ['tie despite float noise (weights 0.1/0.1/0.7/0.7 → 4.500000000000001)', goals(['S', 0.1], ['A', 0.1], ['S', 0.7], ['A', 0.7]), defaultGradeScale, towardsStandard, 'A', 4.5],
    ['S + D = 3', goals(['S', 50], ['D', 50]), defaultGradeScale, towardsStandard, 'B', 3],
    ['tie upward', goals(['A', 50], ['B', 50]), defaultGradeScale, upward, 'A', 3.5],
    ['tie downward', goals(['A', 50], ['B', 50]), defaultGradeScale, downward, 'B', 3.5],
    ['tie downward below standard', goals(['C', 50], ['D', 50]), defaultGradeScale, downward, 'D', 1.5],
    ['equal weighting ignores weights', goals(['A', 90], ['C', 10]), defaultGradeScale, equal, 'B', 3],
    ['equal weighting needs no weights', goals(['S', null], ['A', null], ['A', null]), defaultGradeScale, equal, 'A', 13 / 3],
    ['no points: position counts', goals(['S', 50], ['A', 50]), noPoints, towardsStandard, 'A', 4.5],
    ['six levels: SS 50 + S 50', goals(['SS', 50], ['S', 50]), sixLevels, towardsStandard, 'S', 5.5],
    ['six levels: SS + D', goals(['SS', 50], ['D', 50]), sixLevels, towardsStandard, 'B', 3.5],
    ['uneven: 8.5 is halfway between A (7) and S (10) → A', goals(['S', 50], ['A', 50]), uneven, towardsStandard, 'A', 8.5],
    ['uneven: 6 is halfway between B (5) and A (7) → B', goals(['A', 50], ['B', 50]), uneven, towardsStandard, 'B', 6],
    ['uneven: 4.4 nearer B (5) than C (2)', goals(['B', 80], ['C', 20]), uneven, towardsStandard, 'B', 4.4],
    ['uneven: 3.2 nearer C (2)', goals(['B', 40], ['C', 60]), uneven, towardsStandard, 'C', 3.2],
    ['point scale: 4 60 + 5 40 = 4.4', goals(['4', 60], ['5', 40]), pointScale(1, 5, 3) as GradeScale, towardsStandard, '4', 4.4],
    ['point scale by 10: 70 + 80 = 75 → tie → 70 (towards 60)', goals(['70', 1], ['80', 1]), pointScale(0, 100, 60, 10) as GradeScale, towardsStandard, '70', 75],
    ['point scale by 10: 40 + 50 = 45 → tie → 50 (towards 60)', goals(['40', 1], ['50', 1]), pointScale(0, 100, 60, 10) as GradeScale, towardsStandard, '50', 45],
    ['weights need not add to 100', goals(['A', 1], ['A', 2]), defaultGradeScale, towardsStandard, 'A', 4],
  ];
  it.each(cases)('%s', (_name, ratings, scale, rule, grade, mean) => {
    const result = overallGrade(ratings, scale, rule);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.grade).toBe(grade);
      expect(result.meanPoints).toBeCloseTo(mean, 9);
    }
  });

  it('uses the default rule when none is given', () => {
    expect(overallGrade(goals(['A', 50], ['B', 50]), defaultGradeScale)).toMatchObject({ ok: true, grade: 'B' });
  });

  it.each([
    ['no goals', [], 'grading.no-ratings'],
    ['an unknown grade', goals(['E', 100]), 'grading.unknown-grade'],
    ['a missing weight', goals(['A', 50], ['B', null]), 'grading.invalid-weight'],
    ['a zero weight', goals(['A', 0]), 'grading.invalid-weight'],
    ['a negative weight', goals(['A', 150], ['B', -50]), 'grading.invalid-weight'],
    ['a NaN weight', goals(['A', Number.NaN]), 'grading.invalid-weight'],
  ] as const)('answers no for %s', (_name, ratings, code) => {
    const result = overallGrade(ratings, defaultGradeScale, defaultOverallRule);
    expect(result).toMatchObject({ ok: false, code });
    if (!result.ok) expect(result.message).toMatch(/[ぁ-んァ-ヶ一-龠]/u);
  });
});

describe('raterLeniency', () => {
  it('gives each evaluator their mean minus the pooled mean, most lenient first', () => {
    // pooled: (4+4+5 + 3+3 + 2+3+3+2) / 9 = 29/9
    const report = raterLeniency(
      new Map([
        [10, [4, 4, 5]],
        [20, [3, 3]],
        [30, [2, 3, 3, 2]],
      ]),
    );
    expect(report.overall.count).toBe(9);
    expect(report.overall.meanPoints).toBeCloseTo(29 / 9, 12);
    expect(report.raters.map((r) => [r.evaluatorId, r.count])).toEqual([
      [10, 3],
      [20, 2],
      [30, 4],
    ]);
    expect(report.raters[0]?.leniency).toBeCloseTo(13 / 3 - 29 / 9, 12);
    expect(report.raters[1]?.leniency).toBeCloseTo(3 - 29 / 9, 12);
    expect(report.raters[2]?.leniency).toBeCloseTo(2.5 - 29 / 9, 12);
  });

  it('puts evaluators without ratings last and orders ties by id', () => {
    const report = raterLeniency(
      new Map<number, number[]>([
        [7, []],
        [5, [3]],
        [3, [3]],
      ]),
    );
    expect(report.raters).toEqual([
      { evaluatorId: 3, count: 1, meanPoints: 3, leniency: 0 },
      { evaluatorId: 5, count: 1, meanPoints: 3, leniency: 0 },
      { evaluatorId: 7, count: 0, meanPoints: null, leniency: null },
    ]);
  });

  it('is empty without ratings', () => {
    expect(raterLeniency(new Map())).toEqual({ overall: { count: 0, meanPoints: null }, raters: [] });
    expect(raterLeniency(new Map([[1, []]]))).toEqual({
      overall: { count: 0, meanPoints: null },
      raters: [{ evaluatorId: 1, count: 0, meanPoints: null, leniency: null }],
    });
  });

  it('leniencies weighted by counts sum to zero', () => {
    const report = raterLeniency(
      new Map([
        [1, [5, 4, 4, 3]],
        [2, [1, 2]],
        [3, [3, 3, 4]],
      ]),
    );
    const weighted = report.raters.reduce((sum, r) => sum + (r.leniency ?? 0) * r.count, 0);
    expect(weighted).toBeCloseTo(0, 12);
  });
});
