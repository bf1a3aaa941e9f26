/**
 * Grade analysis for HR (issue 3 item 10): the distribution of a cycle's confirmed grades by unit, position or
 * evaluator, and rater leniency. HR only (permission evaluation.analysis.read), so small groups are shown as they
 * are: nobody outside HR sees a group of one.
 */
import type { ServiceContext } from '../http/context.js';
import {
  scaleOrDefault,
  groupGradeCounts,
  leniencyRows,
  summarizeGrades,
  type AnalysisGrouping,
  type GradeAnalysis,
} from '../../domain/evaluation/grade-analysis.js';
import type { GradeScale } from '../../domain/evaluation/grading.js';
import type { CycleRow } from './sheets.repository.js';
import { requireCycle } from './cycles.service.js';
import { cycleSettingsOf, cycleSummary } from './sheet-documents.js';
import { countCycleGrades, listGroupLabels } from './analysis.repository.js';

export type LoadedCycle = { row: CycleRow; scale: GradeScale; summary: GradeAnalysis['cycle'] };

/** The grade scale the cycle was opened with. */
export function scaleOfCycle(row: CycleRow): GradeScale {
  const { scale, isFallback } = scaleOrDefault(cycleSettingsOf(row).sheet?.scale);
  if (isFallback) console.warn('evaluation cycle settings hold no valid grade scale; using the default scale', { cycleId: row.id });
  return scale;
}

/** The cycle of the municipality with its grade scale, or 404 (common.not-found). */
export async function loadCycleForAnalysis(ctx: ServiceContext, cycleId: number): Promise<LoadedCycle> {
  const row = await requireCycle(ctx.database.db, ctx.actor.municipalityId, cycleId);
  const { id, fiscalYear, period, periodLabel, kind, startsOn, endsOn } = cycleSummary(row, 0);
  return { row, scale: scaleOfCycle(row), summary: { id, fiscalYear, period, periodLabel, kind, startsOn, endsOn } };
}

/**
 * GET /api/evaluation/cycles/:id/analysis?by=unit|position|evaluator. The distribution counts sheets with a
 * confirmed grade (final_grade); units are named as of the cycle's end. Leniency compares each evaluator's own
 * overall grades (rated_grade, before the confirmer's adjustment) with everyone's, so it shows how the evaluator
 * rates, not what the confirmer made of it.
 */
export async function analyseCycle(ctx: ServiceContext, input: { cycleId: number; by: AnalysisGrouping }): Promise<GradeAnalysis> {
  const cycle = await loadCycleForAnalysis(ctx, input.cycleId);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const counts = await countCycleGrades(exec, municipalityId, cycle.row.id, input.by);
  const labels =
    input.by === 'evaluator'
      ? [...counts.evaluators.values()].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.staffId - b.staffId)).map((e) => ({ id: e.staffId, label: e.name }))
      : counts.finalByKey.length === 0
        ? []
        : await listGroupLabels(exec, municipalityId, input.by, cycle.row.endsOn);
  // Groups in the labels' order (units by code, positions by rank, people by kana); sheets without one last.
  const order = new Map(labels.map((label, index) => [label.id, { index, label: label.label }]));
  const keyed = counts.finalByKey
    .map((row) => {
      const known = row.keyId === null ? undefined : order.get(row.keyId);
      return {
        key: row.keyId === null ? 'none' : String(row.keyId),
        label: known?.label ?? noneLabels[input.by],
        rank: known?.index ?? Number.MAX_SAFE_INTEGER,
        grade: row.grade,
        n: row.n,
      };
    })
    .sort((a, b) => a.rank - b.rank || a.key.localeCompare(b.key));
  return {
    cycle: cycle.summary,
    scale: cycle.scale,
    by: input.by,
    groups: groupGradeCounts(cycle.scale, keyed),
    overall: summarizeGrades(cycle.scale, counts.finalByKey),
    leniency: leniencyRows(
      cycle.scale,
      counts.ratedByEvaluator.map((row) => ({ ...row, name: counts.evaluators.get(row.evaluatorStaffId)?.name ?? '' })),
    ),
    unconfirmedCount: counts.unconfirmed,
  };
}

const noneLabels: Record<AnalysisGrouping, string> = { unit: '(所属なし)', position: '(職位なし)', evaluator: '(評価者なし)' };
