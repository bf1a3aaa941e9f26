/**
 * Grade scales (評語), the overall-grade rule of a performance sheet and the rater-leniency figures.
 *
 * A scale is a setting (facts.md: the common scale is S/A/B/C/D with B as standard; some bodies use six
 * levels or points). Every scale is one list of levels, best first; a point-only scale is a list whose
 * codes are the numbers themselves (`pointScale`).
 */
import { z } from 'zod';

export const gradeLevelSchema = z.object({
  /** what the sheet stores: 'S', 'A' … or '5', '4' … on a point-only scale */
  code: z.string().trim().min(1, '評語の記号を入力してください').max(10, '評語の記号は10文字以内で入力してください'),
  label: z.string().trim().max(50, '評語の説明は50文字以内で入力してください'),
  /** null: the level counts by its position (worst = 1); see `pointsOf` */
  points: z.number().finite().nullable(),
});
export type GradeLevel = z.infer<typeof gradeLevelSchema>;

export const gradeScaleSchema = z
  .object({
    /** best first */
    levels: z.array(gradeLevelSchema).min(2, '評語は2段階以上にしてください').max(101, '評語は101段階以内にしてください'),
    /** the standard level (標準), B by default; ties of the overall rule go towards it */
    standardCode: z.string().trim().min(1, '標準とする評語を選んでください'),
  })
  .superRefine((scale, ctx) => {
    const codes = new Set<string>();
    scale.levels.forEach((level, index) => {
      if (codes.has(level.code)) {
        ctx.addIssue({ code: 'custom', path: ['levels', index, 'code'], message: `評語「${level.code}」が重複しています` });
      }
      codes.add(level.code);
    });
    if (!codes.has(scale.standardCode)) {
      ctx.addIssue({ code: 'custom', path: ['standardCode'], message: `標準とする評語「${scale.standardCode}」が評語の一覧にありません` });
    }
    const withPoints = scale.levels.filter((level) => level.points !== null).length;
    if (withPoints !== 0 && withPoints !== scale.levels.length) {
      ctx.addIssue({ code: 'custom', path: ['levels'], message: '点数はすべての評語に設定するか、すべて空欄にしてください' });
      return;
    }
    scale.levels.forEach((level, index) => {
      const better = index > 0 ? scale.levels[index - 1] : undefined;
      if (better && better.points !== null && level.points !== null && level.points >= better.points) {
        ctx.addIssue({
          code: 'custom',
          path: ['levels', index, 'points'],
          message: `評語「${level.code}」の点数は上位の評語「${better.code}」より小さくしてください`,
        });
      }
    });
  });
export type GradeScale = z.infer<typeof gradeScaleSchema>;

/** The common local-government scale: S/A/B/C/D, B standard, S=5 … D=1. Labels are editable defaults. */
export const defaultGradeScale: GradeScale = {
  levels: [
    { code: 'S', label: '特に優秀', points: 5 },
    { code: 'A', label: '優秀', points: 4 },
    { code: 'B', label: '標準', points: 3 },
    { code: 'C', label: 'やや不十分', points: 2 },
    { code: 'D', label: '不十分', points: 1 },
  ],
  standardCode: 'B',
};

/**
 * A point-only scale from `max` down to `min` in steps of `step` (codes are the numbers as text).
 * Returns undefined when the arguments do not describe such a scale.
 */
export function pointScale(min: number, max: number, standard: number, step = 1): GradeScale | undefined {
  if (![min, max, standard, step].every(Number.isFinite) || step <= 0 || min >= max) return undefined;
  const count = Math.round((max - min) / step);
  if (Math.abs(min + count * step - max) > 1e-9 || count + 1 > 101) return undefined;
  const levels: GradeLevel[] = [];
  for (let i = count; i >= 0; i -= 1) {
    const points = Number((min + i * step).toFixed(10));
    levels.push({ code: String(points), label: `${points}点`, points });
  }
  if (!levels.some((level) => level.points === standard)) return undefined;
  return { levels, standardCode: String(standard) };
}

/** Is `code` one of the scale's levels? */
export function isGradeInScale(scale: GradeScale, code: string): boolean {
  return scale.levels.some((level) => level.code === code);
}

/**
 * The points of a grade: the scale's own points, or — when the scale has none — its position counted
 * from the worst level (worst = 1, next = 2 …), so S/A/B/C/D without points behaves as 5…1.
 */
export function pointsOf(scale: GradeScale, code: string): number | undefined {
  const index = scale.levels.findIndex((level) => level.code === code);
  if (index < 0) return undefined;
  const level = scale.levels[index];
  return level?.points ?? scale.levels.length - index;
}

export const overallRuleSchema = z.object({
  /** 'weight': goals count by their weights; 'equal': every goal counts the same (weights not used) */
  weighting: z.enum(['weight', 'equal']),
  /** which grade a mean exactly halfway between two grades gets */
  tieBreak: z.enum(['toward-standard', 'upward', 'downward']),
});
export type OverallRule = z.infer<typeof overallRuleSchema>;

export const defaultOverallRule: OverallRule = { weighting: 'weight', tieBreak: 'toward-standard' };

export type GoalRating = { grade: string; weight?: number | null };

export type OverallGradeResult =
  | { ok: true; grade: string; meanPoints: number }
  | { ok: false; code: 'grading.no-ratings' | 'grading.unknown-grade' | 'grading.invalid-weight'; message: string };

// Floating-point weighted means of exact halves (3.5) come out exact, but weights such as 33/33/34 can
// leave a residue around 1e-15; anything closer than this counts as a tie.
const tieTolerance = 1e-9;

/**
 * The overall grade of a sheet from its goal grades (総合評価).
 *
 * Rule (default `{ weighting: 'weight', tieBreak: 'toward-standard' }`):
 * 1. Each goal's grade becomes points: the scale's points (S=5, A=4, B=3, C=2, D=1 by default) or, where
 *    the scale has none, its position counted from the worst grade (worst = 1).
 * 2. The points are averaged, weighted by the goals' weights (under `weighting: 'equal'` every goal
 *    counts the same). Weights need not add up to 100 here; the sheet checks that on submission.
 * 3. The overall grade is the grade whose points are nearest to that mean. When the mean lies exactly
 *    halfway between two grades, the one nearer the standard grade (B) is taken, so a tie never moves a
 *    result away from the standard: A 50 + B 50 → 3.5 → B; S 50 + A 50 → 4.5 → A; C 50 + D 50 → 1.5 → C.
 *    (`tieBreak: 'upward'` / `'downward'` take the better / worse grade instead.)
 * The result is a proposal for the evaluator; the evaluator's overall grade and the confirmer's
 * adjustment (調整) remain decisions of people.
 */
export function overallGrade(goalRatings: readonly GoalRating[], scale: GradeScale, rule: OverallRule = defaultOverallRule): OverallGradeResult {
  if (goalRatings.length === 0) return { ok: false, code: 'grading.no-ratings', message: '評価された目標がありません' };
  let weightedSum = 0;
  let weightTotal = 0;
  for (const rating of goalRatings) {
    const points = pointsOf(scale, rating.grade);
    if (points === undefined) {
      return { ok: false, code: 'grading.unknown-grade', message: `評語「${rating.grade}」は評語の一覧にありません` };
    }
    const weight = rule.weighting === 'equal' ? 1 : rating.weight;
    if (weight === undefined || weight === null || !Number.isFinite(weight) || weight <= 0) {
      return { ok: false, code: 'grading.invalid-weight', message: '目標のウエイトは0より大きい数値にしてください' };
    }
    weightedSum += points * weight;
    weightTotal += weight;
  }
  const meanPoints = weightedSum / weightTotal;
  const standardPoints = pointsOf(scale, scale.standardCode) ?? meanPoints;
  let best: { code: string; points: number; distance: number } | undefined;
  for (const level of scale.levels) {
    const points = pointsOf(scale, level.code) ?? 0;
    const distance = Math.abs(meanPoints - points);
    if (!best || distance < best.distance - tieTolerance) {
      best = { code: level.code, points, distance };
    } else if (Math.abs(distance - best.distance) <= tieTolerance && prefersOnTie(points, best.points, standardPoints, rule)) {
      best = { code: level.code, points, distance };
    }
  }
  // `scale.levels` has at least one level by type, so `best` is set; the fallback only satisfies the compiler.
  return best ? { ok: true, grade: best.code, meanPoints } : { ok: false, code: 'grading.unknown-grade', message: '評語の一覧が空です' };
}

function prefersOnTie(candidate: number, current: number, standard: number, rule: OverallRule): boolean {
  if (rule.tieBreak === 'upward') return candidate > current;
  if (rule.tieBreak === 'downward') return candidate < current;
  return Math.abs(candidate - standard) < Math.abs(current - standard);
}

export type RaterLeniency = {
  evaluatorId: number;
  count: number;
  /** null when the evaluator has no ratings */
  meanPoints: number | null;
  /** meanPoints minus everyone's mean; positive = more lenient (甘め), negative = stricter (辛め) */
  leniency: number | null;
};

export type RaterLeniencyReport = {
  overall: { count: number; meanPoints: number | null };
  /** most lenient first; evaluators without ratings last; ties by evaluator id */
  raters: RaterLeniency[];
};

/**
 * Rater leniency (評価者ごとの甘辛): each evaluator's mean points minus the mean of all ratings. The overall
 * mean pools every rating once (an evaluator with many ratings weighs more, and their own ratings are
 * part of it); counts are returned so small samples can be read with care.
 */
export function raterLeniency(ratingsByEvaluator: ReadonlyMap<number, readonly number[]>): RaterLeniencyReport {
  let total = 0;
  let count = 0;
  for (const points of ratingsByEvaluator.values()) {
    for (const p of points) {
      total += p;
      count += 1;
    }
  }
  const overallMean = count === 0 ? null : total / count;
  const raters: RaterLeniency[] = [...ratingsByEvaluator.entries()].map(([evaluatorId, points]) => {
    if (points.length === 0 || overallMean === null) return { evaluatorId, count: points.length, meanPoints: null, leniency: null };
    const mean = points.reduce((sum, p) => sum + p, 0) / points.length;
    return { evaluatorId, count: points.length, meanPoints: mean, leniency: mean - overallMean };
  });
  raters.sort((a, b) => {
    if (a.leniency === null || b.leniency === null) {
      if (a.leniency !== b.leniency) return a.leniency === null ? 1 : -1;
    } else if (a.leniency !== b.leniency) {
      return b.leniency - a.leniency;
    }
    return a.evaluatorId - b.evaluatorId;
  });
  return { overall: { count, meanPoints: overallMean }, raters };
}
