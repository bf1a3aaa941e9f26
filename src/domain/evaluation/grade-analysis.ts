/**
 * Grade analysis for HR (issue 3 item 10): the distribution of confirmed grades (最終評語) of a cycle by unit,
 * position or evaluator, and rater leniency (評価者ごとの甘辛) from the evaluators' own overall grades. Pure: the
 * server counts in SQL and hands the counts here; the web reads the types.
 */
import { defaultGradeScale, gradeScaleSchema, pointsOf, raterLeniency, type GradeScale } from './grading.js';
import type { CycleSummary } from './evaluation-api.js';

export const analysisGroupings = ['unit', 'position', 'evaluator'] as const;
/** 所属別 / 職位別 / 評価者別 */
export type AnalysisGrouping = (typeof analysisGroupings)[number];
export const analysisGroupingLabels: Record<AnalysisGrouping, string> = { unit: '所属別', position: '職位別', evaluator: '評価者別' };
/** The column heading of a grouping's key (所属, 職位, 評価者). */
export const analysisGroupingNouns: Record<AnalysisGrouping, string> = { unit: '所属', position: '職位', evaluator: '評価者' };

/** Counts of grades: every level of the scale is present (0 when none); a code outside the scale keeps its own key. */
export type GradeCounts = {
  total: number;
  counts: Record<string, number>;
  /** mean points (`pointsOf`) of the grades in the scale; null when there are none */
  meanPoints: number | null;
};

export type GradeGroup = GradeCounts & {
  /** the unit, position or evaluator id as text; 'none' for sheets without one */
  key: string;
  label: string;
};

export type LeniencyRow = {
  evaluatorStaffId: number;
  name: string;
  /** sheets this evaluator rated (overall grade given) in the cycle */
  count: number;
  /** mean points of those overall grades */
  mean: number | null;
  /** mean of every rating of the cycle (each rating counted once) */
  pooledMean: number | null;
  /** mean − pooledMean: positive = more lenient (甘め), negative = stricter (辛め) */
  difference: number | null;
};

/** GET /api/evaluation/cycles/:id/analysis?by= */
export type GradeAnalysis = {
  cycle: Pick<CycleSummary, 'id' | 'fiscalYear' | 'period' | 'periodLabel' | 'kind' | 'startsOn' | 'endsOn'>;
  /** the cycle's scale, levels best first */
  scale: GradeScale;
  by: AnalysisGrouping;
  /** confirmed sheets only (final grade set) */
  groups: GradeGroup[];
  overall: GradeCounts;
  /** most lenient first (`raterLeniency`), from the evaluators' own overall grades */
  leniency: LeniencyRow[];
  /** sheets of the cycle without a confirmed grade yet (not in the distribution) */
  unconfirmedCount: number;
};

/**
 * The grade scale a cycle was opened with (kept in its settings). A stored scale that no longer validates gives the
 * default scale rather than no analysis at all; `isFallback` says so, for a log line.
 */
export function scaleOrDefault(stored: unknown): { scale: GradeScale; isFallback: boolean } {
  const parsed = gradeScaleSchema.safeParse(stored);
  return parsed.success ? { scale: parsed.data, isFallback: false } : { scale: defaultGradeScale, isFallback: true };
}

/** One counted cell: how many sheets of a group got a grade. */
export type GradeCountRow = { grade: string; n: number };

/** Totals, counts per level (every level listed, best first) and mean points of a set of grade counts. */
export function summarizeGrades(scale: GradeScale, rows: Iterable<GradeCountRow>): GradeCounts {
  const counts: Record<string, number> = {};
  for (const level of scale.levels) counts[level.code] = 0;
  let total = 0;
  let pointSum = 0;
  let pointCount = 0;
  for (const row of rows) {
    if (row.n <= 0) continue;
    counts[row.grade] = (counts[row.grade] ?? 0) + row.n;
    total += row.n;
    const points = pointsOf(scale, row.grade);
    if (points !== undefined) {
      pointSum += points * row.n;
      pointCount += row.n;
    }
  }
  return { total, counts, meanPoints: pointCount === 0 ? null : pointSum / pointCount };
}

/** Grade counts per group, kept in the order the groups are first met (the repository's order). */
export function groupGradeCounts(
  scale: GradeScale,
  rows: readonly (GradeCountRow & { key: string; label: string })[],
): GradeGroup[] {
  const byKey = new Map<string, { label: string; rows: GradeCountRow[] }>();
  for (const row of rows) {
    const group = byKey.get(row.key) ?? { label: row.label, rows: [] };
    group.rows.push({ grade: row.grade, n: row.n });
    byKey.set(row.key, group);
  }
  return [...byKey.entries()].map(([key, group]) => ({ key, label: group.label, ...summarizeGrades(scale, group.rows) }));
}

/**
 * Leniency rows from the evaluators' overall grades (rated_grade), counted per evaluator and grade. Grades not on
 * the scale are left out (they cannot be turned into points).
 */
export function leniencyRows(
  scale: GradeScale,
  rows: readonly (GradeCountRow & { evaluatorStaffId: number; name: string })[],
): LeniencyRow[] {
  const points = new Map<number, number[]>();
  const names = new Map<number, string>();
  for (const row of rows) {
    names.set(row.evaluatorStaffId, row.name);
    const list = points.get(row.evaluatorStaffId) ?? [];
    const p = pointsOf(scale, row.grade);
    if (p !== undefined) for (let i = 0; i < row.n; i += 1) list.push(p);
    points.set(row.evaluatorStaffId, list);
  }
  const report = raterLeniency(points);
  return report.raters.map((rater) => ({
    evaluatorStaffId: rater.evaluatorId,
    name: names.get(rater.evaluatorId) ?? '',
    count: rater.count,
    mean: rater.meanPoints,
    pooledMean: report.overall.meanPoints,
    difference: rater.leniency,
  }));
}

/** A share as a percentage with one decimal (0 of 0 is 0). */
export function percentOf(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((n / total) * 1000) / 10;
}
