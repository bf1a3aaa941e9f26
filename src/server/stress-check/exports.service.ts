/**
 * Stress-check exports (facts.md: the MHLW program offers Excel/CSV export; ADR 0017 left them for later):
 * - the group analysis, for whoever may read it on screen: built from the very analysis the screen shows
 *   (readGroupAnalysis — closed campaigns only, suppressed and rolled-up groups hidden with their reason), never
 *   from raw entries;
 * - the implementer's list of examinees' results (実施者 only; the route guard audits the read as
 *   stress-check.results.read).
 * CSV is UTF-8 with BOM by default, CP932 on request (characters it cannot hold are refused unless 〓 was accepted);
 * Excel is text cells only. Both neutralise formula prefixes (security.md 9). Each export is audited with its row
 * count and format — never content.
 */
import type { ServiceContext } from '../http/context.js';
import { tokyoDate } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit } from '../access/audit.service.js';
import type { CsvOutputEncoding } from '../common/csv-codec.js';
import { csvDownload, unencodableReport, type ExportFile } from '../common/csv-download.js';
import { buildXlsx } from '../common/excel-export.js';
import type { UnencodableReport } from '../../domain/org/org-api.js';
import type { StressScore } from '../../domain/stress-check/stress-scoring.js';
import type { ConsentDecision, ExportFormat, InterviewRequestStatus } from '../../domain/stress-check/stress-check-api.js';
import { groupAnalysisTable, groupExportHeader, resultsExportHeader, resultsTable } from '../../domain/stress-check/stress-check-export.js';
import { auditSource, requireCampaign } from './campaigns.service.js';
import { readGroupAnalysis } from './group-analysis.service.js';
import { listResultsForExport } from './stress-check.repository.js';

export type StressExportInput = {
  campaignId: number;
  format: ExportFormat;
  encoding: CsvOutputEncoding;
  /** CP932 only: write 〓 for characters it cannot hold instead of refusing */
  replaceUnencodable: boolean;
};

type Table = { header: string[]; rows: string[][]; sheetName: string; asciiName: string; fileName: string };

/** exceljs builds the workbook in memory: beyond this, CSV is the format that scales. */
const maxExcelRows = 100_000;

async function fileOf(table: Table, input: StressExportInput, today: string): Promise<ExportFile> {
  if (input.format === 'xlsx') {
    if (table.rows.length > maxExcelRows) {
      throw new AppError('org.export-too-large', `Excel で出力できるのは${maxExcelRows.toLocaleString('ja-JP')}行までです(${table.rows.length.toLocaleString('ja-JP')}行)。CSV で出力してください。`);
    }
    return {
      bytes: await buildXlsx(table.sheetName, table.header, table.rows),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      asciiFileName: `${table.asciiName}-${today}.xlsx`,
      fileName: `${table.fileName}_${today}.xlsx`,
      unencodableCount: 0,
    };
  }
  return csvDownload(table.header, table.rows, {
    encoding: input.encoding,
    replaceUnencodable: input.replaceUnencodable,
    asciiFileName: `${table.asciiName}-${today}.csv`,
    fileName: `${table.fileName}_${today}.csv`,
  });
}

async function groupTable(ctx: ServiceContext, campaignId: number): Promise<Table> {
  const analysis = await readGroupAnalysis(ctx, { campaignId });
  return {
    header: [...groupExportHeader],
    rows: groupAnalysisTable(analysis),
    sheetName: '集団分析',
    asciiName: `stress-check-groups-${analysis.campaign.id}`,
    fileName: `集団分析_${analysis.campaign.name}`,
  };
}

async function resultsTableOf(ctx: ServiceContext, campaignId: number): Promise<Table> {
  const campaign = await requireCampaign(ctx, campaignId);
  // Units as of today while the campaign runs, as of its last day once it is over.
  const date = ctx.today > campaign.closesOn ? campaign.closesOn : ctx.today;
  const rows = await listResultsForExport(ctx.database.db, ctx.actor.municipalityId, campaign.id, date);
  const dayOf = (instant: string) => tokyoDate(new Date(instant));
  return {
    header: [...resultsExportHeader],
    rows: resultsTable(
      rows.map((r) => ({
        employeeNumber: r.employeeNumber,
        name: `${r.familyName} ${r.givenName}`,
        unitName: r.unitName,
        submittedOn: dayOf(r.computedAt),
        shownOn: r.shownAt ? dayOf(r.shownAt) : null,
        score: r.score as StressScore,
        consent: (r.consent as ConsentDecision | null) ?? null,
        interviewRequestStatus: (r.requestStatus as InterviewRequestStatus | null) ?? null,
      })),
    ),
    sheetName: '受検者の結果',
    asciiName: `stress-check-results-${campaign.id}`,
    fileName: `受検者の結果_${campaign.name}`,
  };
}

async function exportTable(ctx: ServiceContext, input: StressExportInput, table: Table, action: string): Promise<ExportFile> {
  const file = await fileOf(table, input, ctx.today);
  await audit(ctx.database, auditSource(ctx), {
    action,
    outcome: 'succeeded',
    objectType: 'stress_check_campaign',
    objectId: input.campaignId,
    details: { rows: table.rows.length, format: input.format, ...(input.format === 'csv' ? { encoding: input.encoding, replaced: file.unencodableCount } : {}) },
  });
  return file;
}

/** GET /campaigns/{id}/exports/group-analysis — the group analysis as on screen (closed campaigns only). */
export async function exportGroupAnalysis(ctx: ServiceContext, input: StressExportInput): Promise<ExportFile> {
  return exportTable(ctx, input, await groupTable(ctx, input.campaignId), 'stress-check.group-analysis-exported');
}

/** GET /campaigns/{id}/exports/results — every examinee's result (implementer only). */
export async function exportResults(ctx: ServiceContext, input: StressExportInput): Promise<ExportFile> {
  return exportTable(ctx, input, await resultsTableOf(ctx, input.campaignId), 'stress-check.results-exported');
}

/** …/check: what a CP932 CSV of the table could not hold (nothing is exported, so nothing is audited here). */
export async function checkGroupAnalysisExport(ctx: ServiceContext, input: { campaignId: number; encoding: CsvOutputEncoding }): Promise<UnencodableReport> {
  if (input.encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  const table = await groupTable(ctx, input.campaignId);
  return unencodableReport(table.header, table.rows, input.encoding);
}

export async function checkResultsExport(ctx: ServiceContext, input: { campaignId: number; encoding: CsvOutputEncoding }): Promise<UnencodableReport> {
  if (input.encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  const table = await resultsTableOf(ctx, input.campaignId);
  return unencodableReport(table.header, table.rows, input.encoding);
}
