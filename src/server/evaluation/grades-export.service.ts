/**
 * The final grades of a 年度 for the payroll system (勤勉手当 and 昇給, facts.md), one CSV row per person and period.
 * The encoding and unencodable-character handling are the organisation exports' (UTF-8 with BOM by default, CP932
 * on request, refused with org.export-unencodable unless 〓 was accepted). The read is audited twice: by the access
 * guard (permission evaluation.grades.export) and here with what was exported.
 *
 * Columns (every cell quoted, CRLF; a row for every sheet of the 年度's cycles, confirmed or not):
 *   職員番号 | 氏名 (氏 名, half-width space) | 所属 (the sheet's unit, named as of the cycle's end) | 職位 |
 *   年度 (西暦4桁, e.g. 2025) | 評価期間 (前期業績評価 / 後期業績評価 / 能力評価) |
 *   最終評語 (the confirmed grade after adjustment or complaint handling; empty while not confirmed) |
 *   点数 (the grade's points on the cycle's scale, S=5 … D=1 by default; empty without a grade) |
 *   確定日 (YYYY-MM-DD: the day the confirmer confirmed, or the day 苦情処理 revised the grade) |
 *   状態 (the sheet's step, e.g. 確認者確認済み, 完了)
 * Rows are ordered by 職員番号, then 前期, 後期, 能力評価.
 */
import type { ServiceContext } from '../http/context.js';
import { tokyoDate } from '../http/context.js';
import { audit } from '../access/audit.service.js';
import type { CsvOutputEncoding } from '../common/csv-codec.js';
import { csvDownload, unencodableReport, type ExportFile } from '../common/csv-download.js';
import type { UnencodableReport } from '../../domain/org/org-api.js';
import { evaluationPeriodLabels, type EvaluationPeriod } from '../../domain/evaluation/evaluation-calendar.js';
import { scaleOrDefault } from '../../domain/evaluation/grade-analysis.js';
import { defaultGradeScale, pointsOf, type GradeScale } from '../../domain/evaluation/grading.js';
import { abilityStateLabels, performanceStateLabels, type AbilityState, type PerformanceState } from '../../domain/evaluation/sheet-workflow.js';
import type { CycleSettings } from './sheet-documents.js';
import { listCycleSettingsOfYear, listPayrollGrades, type PayrollGradeRow } from './analysis.repository.js';

export const gradesExportHeader = ['職員番号', '氏名', '所属', '職位', '年度', '評価期間', '最終評語', '点数', '確定日', '状態'] as const;

export type GradesExportInput = {
  fiscalYear: number;
  encoding: CsvOutputEncoding;
  /** CP932 only: write 〓 for characters it cannot hold instead of refusing */
  replaceUnencodable: boolean;
};

/**
 * 確定日: a grade revised by complaint handling (苦情処理) was settled that day; otherwise the day of the confirmer's
 * confirmation (the history keeps instants; the day is Japan's).
 */
function confirmedOnOf(row: PayrollGradeRow): string {
  if (row.finalGrade === null) return '';
  if (row.complaintOutcome === 'grade-revised' && row.complaintHandledOn) return row.complaintHandledOn;
  if (row.confirmedAt === null) return '';
  const at = new Date(row.confirmedAt);
  return Number.isNaN(at.getTime()) ? '' : tokyoDate(at);
}

function stateLabelOf(row: PayrollGradeRow): string {
  const labels: Record<string, string> = row.kind === 'ability' ? abilityStateLabels : performanceStateLabels;
  return labels[row.state as AbilityState & PerformanceState] ?? row.state;
}

function cellsOf(row: PayrollGradeRow, scale: GradeScale): string[] {
  const points = row.finalGrade === null ? undefined : pointsOf(scale, row.finalGrade);
  return [
    row.employeeNumber,
    `${row.familyName} ${row.givenName}`,
    row.unitName ?? '',
    row.positionName ?? '',
    String(row.fiscalYear),
    evaluationPeriodLabels[row.period as EvaluationPeriod] ?? row.period,
    row.finalGrade ?? '',
    points === undefined ? '' : String(points),
    confirmedOnOf(row),
    stateLabelOf(row),
  ];
}

async function loadRows(ctx: ServiceContext, fiscalYear: number): Promise<string[][]> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const cycles = await listCycleSettingsOfYear(exec, municipalityId, fiscalYear);
  const scales = new Map(cycles.map((cycle) => [cycle.cycleId, scaleOrDefault((cycle.settings as Partial<CycleSettings> | null)?.sheet?.scale).scale]));
  return (await listPayrollGrades(exec, municipalityId, fiscalYear)).map((row) => cellsOf(row, scales.get(row.cycleId) ?? defaultGradeScale));
}

/** GET /api/evaluation/exports/grades: the CSV file; a CP932 file that would lose characters is refused unless 〓 was accepted. */
export async function exportGrades(ctx: ServiceContext, input: GradesExportInput): Promise<ExportFile> {
  const header = [...gradesExportHeader];
  const rows = await loadRows(ctx, input.fiscalYear);
  const file = csvDownload(header, rows, {
    encoding: input.encoding,
    replaceUnencodable: input.replaceUnencodable,
    asciiFileName: `grades-${input.fiscalYear}-${ctx.today}.csv`,
    fileName: `評価結果_${input.fiscalYear}年度_${ctx.today}.csv`,
  });
  await audit(
    ctx.database,
    { municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now },
    {
      action: 'evaluation.grades-exported',
      outcome: 'succeeded',
      objectType: 'fiscal_year',
      objectId: input.fiscalYear,
      details: { rows: rows.length, encoding: input.encoding, replaced: file.unencodableCount },
    },
  );
  return file;
}

/** GET /api/evaluation/exports/grades/check: what a CSV of the 年度 in this encoding could not hold. */
export async function checkGradesExportEncoding(ctx: ServiceContext, input: { fiscalYear: number; encoding: CsvOutputEncoding }): Promise<UnencodableReport> {
  if (input.encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  return unencodableReport([...gradesExportHeader], await loadRows(ctx, input.fiscalYear), input.encoding);
}
