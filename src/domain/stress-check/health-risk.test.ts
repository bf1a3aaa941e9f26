import { describe, expect, it } from 'vitest';
import { groupJudgement, healthRiskOf, riskCoefficients } from './health-risk.js';

const at = (q: number, c: number, s: number, w: number) => ({ quantitativeLoad: q, control: c, supervisorSupport: s, coworkerSupport: w });

describe('health risk (hand-computed from facts.md coefficients)', () => {
  it.each([
    // at the national means: 100 / 100 / 100
    ['male at the means', at(8.7, 7.9, 7.5, 8.1), 'male', 100, 100, 100],
    ['female at the means', at(7.9, 7.2, 6.6, 8.2), 'female', 100, 100, 100],
    // 量 one above the male mean: A = 100·e^0.076 = 107.90
    ['male load +1', at(9.7, 7.9, 7.5, 8.1), 'male', 107.9, 100, 107.9],
    // A = 100·e^(3.3·0.076 + 4.9·0.089) = 100·e^0.6869 = 198.75; B = 100·e^(4.5·0.097 + 5.1·0.097) = 100·e^0.9312 = 253.76
    ['male worst', at(12, 3, 3, 3), 'male', 198.75, 253.76, 504.35],
    // A = 100·e^(4.1·0.048 + 4.2·0.056) = 100·e^0.432 = 154.03; B = 100·e^(3.6·0.097 + 5.2·0.097) = 100·e^0.8536 = 234.81
    ['female worst', at(12, 3, 3, 3), 'female', 154.03, 234.81, 361.68],
    // A = 100·e^(−5.7·0.076 − 4.1·0.089) = 100·e^−0.7981 = 45.02; B = 100·e^(−4.5·0.097 − 3.9·0.097) = 100·e^−0.8148 = 44.27
    ['male best', at(3, 12, 12, 12), 'male', 45.02, 44.27, 19.93],
  ] as const)('%s', (_, means, sex, a, b, total) => {
    const r = healthRiskOf(means, sex);
    expect(r.riskA).toBeCloseTo(a, 1);
    expect(r.riskB).toBeCloseTo(b, 1);
    expect(r.total).toBeCloseTo(total, 1);
  });

  it('uses the facts.md male means 7.9 (control) and 7.5 (supervisor), not the disputed 8.0 / 7.6', () => {
    expect(riskCoefficients.male.means.control).toBe(7.9);
    expect(riskCoefficients.male.means.supervisorSupport).toBe(7.5);
  });

  it('computes men and women separately and weights the totals by respondents', () => {
    // men (9,8,7,8) and (8,8,8,8): means (8.5, 8, 7.5, 8) → A 97.62, B 100.97, total 98.57
    // woman (10,6,6,7) → A 118.29, B 119.08, total 140.86; weighted (2·m + 1·f)/3
    const g = groupJudgement([
      { sex: 'male', judgement: at(9, 8, 7, 8) },
      { sex: 'male', judgement: at(8, 8, 8, 8) },
      { sex: 'female', judgement: at(10, 6, 6, 7) },
      { sex: null, judgement: at(3, 3, 3, 3) },
    ]);
    expect(g.riskRespondents).toBe(3);
    expect(g.risk!.riskA).toBeCloseTo(104.51, 1);
    expect(g.risk!.riskB).toBeCloseTo(107.01, 1);
    expect(g.risk!.total).toBeCloseTo(112.67, 1);
    // the plotted point uses everyone, including the person whose sex is not recorded
    expect(g.means).toEqual(at(30 / 4, 25 / 4, 24 / 4, 26 / 4));
  });

  it('has no risk for a group without recorded sex', () => {
    expect(groupJudgement([{ sex: null, judgement: at(8, 8, 8, 8) }]).risk).toBeNull();
    expect(groupJudgement([]).means).toBeNull();
  });
});
