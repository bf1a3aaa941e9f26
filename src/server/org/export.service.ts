/**
 * Staff master and assignment history exports to CSV or Excel, with the import's own column labels so that
 * an export can be imported again. CSV is UTF-8 with BOM by default or CP932 on request; characters CP932
 * cannot hold are reported, and replaced by 〓 only when the user has accepted it (security.md, consequence 9).
 * The read is audited by the access guard (permission org.export).
 */
import { AppError } from '../http/app-error.js';
import type { ServiceContext } from '../http/context.js';
import type { CsvOutputEncoding } from '../common/csv-codec.js';
import { csvDownload, unencodableReport, type ExportFile } from '../common/csv-download.js';
import { buildXlsx } from '../common/excel-export.js';
import { assignmentImportColumns, staffImportColumns } from '../../domain/org/staff-import.js';
import {
  assignmentKindLabels,
  employmentTypeLabels,
  type AssignmentKind,
  type EmploymentType,
} from '../../domain/org/org-model.js';
import { listAssignmentsForExport, listStaffForExport, type AssignmentExportRow, type StaffExportRow } from './export.repository.js';
import type { ExportKind, UnencodableReport } from '../../domain/org/org-api.js';

export const exportKinds = ['staff', 'assignments'] as const satisfies readonly ExportKind[];
export type ExportFormat = 'csv' | 'xlsx';

export type ExportInput = {
  kind: ExportKind;
  format: ExportFormat;
  encoding: CsvOutputEncoding;
  /** CP932 only: write 〓 for characters it cannot hold instead of refusing */
  replaceUnencodable: boolean;
};

const sexLabels: Record<string, string> = { male: '男', female: '女' };

const sheetNames: Record<ExportKind, string> = { staff: '職員マスタ', assignments: '配属履歴' };

function staffCells(row: StaffExportRow): string[] {
  return [
    row.employeeNumber,
    row.familyName,
    row.givenName,
    row.familyNameKana,
    row.givenNameKana,
    row.birthDate,
    row.hireDate,
    employmentTypeLabels[row.employmentType as EmploymentType] ?? row.employmentType,
    row.jobCategory ?? '',
    row.sex === null ? '' : (sexLabels[row.sex] ?? row.sex),
    row.separatedOn ?? '',
    // The importer splits 資格 on ';'.
    row.qualifications.join(';'),
  ];
}

function assignmentCells(row: AssignmentExportRow): string[] {
  return [
    row.employeeNumber,
    row.unitCode,
    row.positionCode,
    row.startsOn,
    row.endsOn ?? '',
    assignmentKindLabels[row.kind as AssignmentKind] ?? row.kind,
    row.dispatchTo ?? '',
  ];
}

async function loadTable(ctx: ServiceContext, kind: ExportKind): Promise<{ header: string[]; rows: string[][] }> {
  const municipalityId = ctx.actor.municipalityId;
  if (kind === 'staff') {
    return {
      header: staffImportColumns.map((column) => column.label),
      rows: (await listStaffForExport(ctx.database.db, municipalityId)).map(staffCells),
    };
  }
  return {
    header: assignmentImportColumns.map((column) => column.label),
    rows: (await listAssignmentsForExport(ctx.database.db, municipalityId)).map(assignmentCells),
  };
}

/** exceljs builds the workbook in memory: beyond this, CSV is the format that scales. */
export const maxExcelRows = 100_000;

/** Builds the file; a CP932 CSV that would lose characters is refused unless the user accepted 〓. */
export async function exportOrgData(ctx: ServiceContext, input: ExportInput): Promise<ExportFile> {
  const { header, rows } = await loadTable(ctx, input.kind);
  const stamp = ctx.today;
  if (input.format === 'xlsx') {
    if (rows.length > maxExcelRows) {
      throw new AppError('org.export-too-large', `Excel で出力できるのは${maxExcelRows.toLocaleString('ja-JP')}行までです(${rows.length.toLocaleString('ja-JP')}行)。CSV で出力してください。`);
    }
    return {
      bytes: await buildXlsx(sheetNames[input.kind], header, rows),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      asciiFileName: `${input.kind}-${stamp}.xlsx`,
      fileName: `${sheetNames[input.kind]}_${stamp}.xlsx`,
      unencodableCount: 0,
    };
  }
  return csvDownload(header, rows, {
    encoding: input.encoding,
    replaceUnencodable: input.replaceUnencodable,
    asciiFileName: `${input.kind}-${stamp}.csv`,
    fileName: `${sheetNames[input.kind]}_${stamp}.csv`,
  });
}

/** Preflight for the download dialog: what a CSV in this encoding could not hold. */
export async function checkExportEncoding(
  ctx: ServiceContext,
  input: { kind: ExportKind; encoding: CsvOutputEncoding },
): Promise<UnencodableReport> {
  if (input.encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  const { header, rows } = await loadTable(ctx, input.kind);
  return unencodableReport(header, rows, input.encoding);
}
