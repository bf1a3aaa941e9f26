/**
 * 仕事のストレス判定図 and 健康リスク of a group (facts.md, Tokyo University technical note): the group's mean scale
 * scores, risk A from 量的負担 × コントロール, risk B from 上司 × 同僚 support, 総合健康リスク = A × B / 100 (national
 * average 100). Men and women are computed separately with their own means and coefficients; the group's figure is
 * the respondent-weighted mean of the two. People whose sex is not recorded count in the scale means but not in
 * the health risk (there is no coefficient set for them).
 *
 * Disputed coefficients: two sources differ on two male means — コントロール 7.9 vs 8.0 and 上司の支援 7.5 vs 7.6.
 * We use 7.9 / 7.5 (the table in facts.md); ADR 0017 records the choice. The effect is at most
 * exp(0.1·0.089) ≈ +0.9 % on risk A and exp(0.1·0.097) ≈ +1.0 % on risk B for men.
 */
import type { JudgementScales } from './stress-scoring.js';

export type Sex = 'male' | 'female';

export type RiskCoefficients = {
  means: JudgementScales;
  /** α (量的負担), β (コントロール), γ (上司の支援), δ (同僚の支援) */
  alpha: number;
  beta: number;
  gamma: number;
  delta: number;
};

export const riskCoefficients: Record<Sex, RiskCoefficients> = {
  male: { means: { quantitativeLoad: 8.7, control: 7.9, supervisorSupport: 7.5, coworkerSupport: 8.1 }, alpha: 0.076, beta: -0.089, gamma: -0.097, delta: -0.097 },
  female: { means: { quantitativeLoad: 7.9, control: 7.2, supervisorSupport: 6.6, coworkerSupport: 8.2 }, alpha: 0.048, beta: -0.056, gamma: -0.097, delta: -0.097 },
};

export type HealthRisk = { riskA: number; riskB: number; total: number };

/** Health risk of a group's mean scales for one sex. */
export function healthRiskOf(means: JudgementScales, sex: Sex): HealthRisk {
  const k = riskCoefficients[sex];
  const riskA = 100 * Math.exp((means.quantitativeLoad - k.means.quantitativeLoad) * k.alpha + (means.control - k.means.control) * k.beta);
  const riskB = 100 * Math.exp((means.supervisorSupport - k.means.supervisorSupport) * k.gamma + (means.coworkerSupport - k.means.coworkerSupport) * k.delta);
  return { riskA, riskB, total: (riskA * riskB) / 100 };
}

export type GroupMember = { sex: Sex | null; judgement: JudgementScales };

const scaleKeys = ['quantitativeLoad', 'control', 'supervisorSupport', 'coworkerSupport'] as const;

export function meanScales(members: readonly { judgement: JudgementScales }[]): JudgementScales | null {
  if (members.length === 0) return null;
  const sum: JudgementScales = { quantitativeLoad: 0, control: 0, supervisorSupport: 0, coworkerSupport: 0 };
  for (const m of members) for (const k of scaleKeys) sum[k] += m.judgement[k];
  for (const k of scaleKeys) sum[k] /= members.length;
  return sum;
}

export type GroupJudgement = {
  /** everyone's mean scales (the point plotted on the 判定図) */
  means: JudgementScales | null;
  /** respondent-weighted health risk over men and women; null when nobody's sex is recorded */
  risk: HealthRisk | null;
  /** how many people the health risk is computed over */
  riskRespondents: number;
};

/** The group's 判定図 point and health risk: each sex with its own coefficients, then weighted by respondents. */
export function groupJudgement(members: readonly GroupMember[]): GroupJudgement {
  const parts: Array<{ n: number; risk: HealthRisk }> = [];
  for (const sex of ['male', 'female'] as const) {
    const ofSex = members.filter((m) => m.sex === sex);
    const means = meanScales(ofSex);
    if (means) parts.push({ n: ofSex.length, risk: healthRiskOf(means, sex) });
  }
  const n = parts.reduce((s, p) => s + p.n, 0);
  const weighted = (key: keyof HealthRisk) => parts.reduce((s, p) => s + p.risk[key] * p.n, 0) / n;
  return {
    means: meanScales(members),
    risk: n === 0 ? null : { riskA: weighted('riskA'), riskB: weighted('riskB'), total: weighted('total') },
    riskRespondents: n,
  };
}
