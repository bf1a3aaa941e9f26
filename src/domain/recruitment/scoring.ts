/**
 * Rubric scoring (評定) and rater calibration. Rule (documented in ADR 0018): a rater's total is the weighted mean
 * of their item scores mapped to 0–100 (1 → 0, scaleMax → 100), so stages with different scales and weights compare;
 * an applicant's stage score is the plain mean of the totals of the raters who scored them, and is final only when
 * the required number of raters have scored. Calibration shows each rater's leniency: the mean difference between
 * their total and the mean of the OTHER raters on the same applicants (so one harsh rater doesn't pull their own
 * baseline), and flags applicants whose raters differ by more than a spread (in points of 100).
 */
import type { Rubric } from './recruitment-model.js';

export type RaterScores = { raterId: number; applicantId: number; scores: Readonly<Record<string, number>> };

export type ScoreProblem = { itemId: string; message: string };

/** Every item scored once, each an integer in 1..scaleMax; unknown items refused. */
export function validateScores(rubric: Rubric, scores: Readonly<Record<string, number>>): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  for (const item of rubric.items) {
    const v = scores[item.id];
    if (v === undefined) problems.push({ itemId: item.id, message: `「${item.label}」の評定を入力してください` });
    else if (!Number.isInteger(v) || v < 1 || v > rubric.scaleMax) problems.push({ itemId: item.id, message: `「${item.label}」は1〜${rubric.scaleMax}の整数で入力してください` });
  }
  for (const id of Object.keys(scores)) {
    if (!rubric.items.some((i) => i.id === id)) problems.push({ itemId: id, message: `評価項目「${id}」はこの試験にありません` });
  }
  return problems;
}

/** A rater's total for one applicant on 0–100, rounded to 0.1. */
export function raterTotal(rubric: Rubric, scores: Readonly<Record<string, number>>): number {
  let weighted = 0;
  let weights = 0;
  for (const item of rubric.items) {
    const v = scores[item.id];
    if (v === undefined) throw new Error(`missing score ${item.id}`);
    weighted += item.weight * ((v - 1) / (rubric.scaleMax - 1));
    weights += item.weight;
  }
  return round1((weighted / weights) * 100);
}

export type ApplicantScore = {
  applicantId: number;
  /** mean of the raters' totals; null until someone scored */
  score: number | null;
  raterTotals: Array<{ raterId: number; total: number }>;
  /** highest minus lowest rater total */
  spread: number;
  /** all required raters have scored */
  isComplete: boolean;
};

export function applicantScores(rubric: Rubric, all: readonly RaterScores[], ratersPerApplicant: number): ApplicantScore[] {
  return applicantScoresFromTotals(
    all.map((s) => ({ raterId: s.raterId, applicantId: s.applicantId, total: raterTotal(rubric, s.scores) })),
    ratersPerApplicant,
  );
}

export type RaterCalibration = {
  raterId: number;
  applicants: number;
  meanTotal: number;
  /** mean of (own total − mean of the other raters' totals) over applicants scored together; null if never paired */
  leniency: number | null;
  /** per item: mean of (own score − others' mean score) on the item, on the item's scale */
  itemLeniency: Record<string, number | null>;
};

export function calibrate(rubric: Rubric, all: readonly RaterScores[]): RaterCalibration[] {
  const byApplicant = new Map<number, RaterScores[]>();
  for (const s of all) byApplicant.set(s.applicantId, [...(byApplicant.get(s.applicantId) ?? []), s]);
  const raterIds = [...new Set(all.map((s) => s.raterId))].sort((a, b) => a - b);
  return raterIds.map((raterId) => {
    const own = all.filter((s) => s.raterId === raterId);
    const diffs: number[] = [];
    const itemDiffs = new Map<string, number[]>(rubric.items.map((i) => [i.id, []]));
    for (const mine of own) {
      const others = (byApplicant.get(mine.applicantId) ?? []).filter((s) => s.raterId !== raterId);
      if (others.length === 0) continue;
      diffs.push(raterTotal(rubric, mine.scores) - mean(others.map((o) => raterTotal(rubric, o.scores))));
      for (const item of rubric.items) itemDiffs.get(item.id)!.push(mine.scores[item.id]! - mean(others.map((o) => o.scores[item.id]!)));
    }
    return {
      raterId,
      applicants: own.length,
      meanTotal: round1(mean(own.map((s) => raterTotal(rubric, s.scores)))),
      leniency: diffs.length === 0 ? null : round1(mean(diffs)),
      itemLeniency: Object.fromEntries([...itemDiffs.entries()].map(([id, d]) => [id, d.length === 0 ? null : round2(mean(d))])),
    };
  });
}

const mean = (values: readonly number[]) => values.reduce((s, v) => s + v, 0) / values.length;
const round1 = (v: number) => Math.round(v * 10) / 10;
const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * `applicantScores` over stored rater totals (each computed by `raterTotal` when it was saved): the same rule
 * without reading every item score back, for the stage-results view of thousands of applicants.
 */
export function applicantScoresFromTotals(all: ReadonlyArray<{ raterId: number; applicantId: number; total: number }>, ratersPerApplicant: number): ApplicantScore[] {
  const byApplicant = new Map<number, Array<{ raterId: number; total: number }>>();
  for (const s of all) {
    const list = byApplicant.get(s.applicantId);
    if (list) list.push({ raterId: s.raterId, total: s.total });
    else byApplicant.set(s.applicantId, [{ raterId: s.raterId, total: s.total }]);
  }
  return [...byApplicant.entries()]
    .sort(([a], [b]) => a - b)
    .map(([applicantId, totals]) => {
      const sorted = [...totals].sort((a, b) => a.raterId - b.raterId);
      const values = sorted.map((t) => t.total);
      return {
        applicantId,
        score: round1(values.reduce((s, v) => s + v, 0) / values.length),
        raterTotals: sorted,
        spread: round1(Math.max(...values) - Math.min(...values)),
        isComplete: values.length >= ratersPerApplicant,
      };
    });
}
