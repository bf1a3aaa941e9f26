/**
 * Staff master and assignment history exports to CSV or Excel, with the import's own column labels so that
 * an export can be imported again. CSV is UTF-8 with BOM by default or CP932 on request; characters CP932
 * cannot hold are reported, and replaced by 〓 only when the user has accepted it (security.md, consequence 9).
 * The read is audited by the access guard (permission org.export).
 */
import { AppError } from '../http/app-error.js';
import type { ServiceContext } from '../http/context.js';
import { encodeCsv, type CsvOutputEncoding, type UnencodableCharacter } from '../common/csv-codec.js';
import { buildXlsx } from '../common/excel-export.js';
import { assignmentImportColumns, staffImportColumns } from '../../domain/org/staff-import.js';
import {
  assignmentKindLabels,
  employmentTypeLabels,
  type AssignmentKind,
  type EmploymentType,
} from '../../domain/org/org-model.js';
import { listAssignmentsForExport, listStaffForExport, type AssignmentExportRow, type StaffExportRow } from './export.repository.js';
import type { ExportKind, ExportUnencodable, UnencodableReport } from '../../domain/org/org-api.js';

export const exportKinds = ['staff', 'assignments'] as const satisfies readonly ExportKind[];
export type ExportFormat = 'csv' | 'xlsx';

export type ExportInput = {
  kind: ExportKind;
  format: ExportFormat;
  encoding: CsvOutputEncoding;
  /** CP932 only: write 〓 for characters it cannot hold instead of refusing */
  replaceUnencodable: boolean;
};

export type ExportFile = {
  bytes: Buffer;
  contentType: string;
  /** ASCII, for the plain filename parameter */
  asciiFileName: string;
  /** Japanese, for filename* */
  fileName: string;
  /** characters written as 〓 (0 unless replaceUnencodable) */
  unencodableCount: number;
};

/** The longest list returned; the count is always exact. */
const maxReported = 1000;

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

/** The characters CP932 cannot hold, located by line, column label and employee number (the first column); shared with the evaluation exports. */
export function describeUnencodable(
  found: readonly UnencodableCharacter[],
  header: readonly string[],
  rows: readonly (readonly string[])[],
): ExportUnencodable[] {
  return found.slice(0, maxReported).map((item) => ({
    row: item.row,
    column: item.column,
    columnLabel: header[item.column - 1] ?? '',
    // Row 1 is the header; the employee number is the first column of both files.
    employeeNumber: rows[item.row - 2]?.[0] ?? '',
    char: item.char,
    codePoint: item.codePoint,
  }));
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
  const encoded = encodeCsv([header, ...rows], input.encoding);
  if (encoded.unencodable.length > 0 && !input.replaceUnencodable) {
    throw new AppError(
      'org.export-unencodable',
      `Shift_JIS (CP932) で表せない文字が${encoded.unencodable.length}個あります。UTF-8 で出力するか、「〓」に置き換えて出力してください。`,
      { count: encoded.unencodable.length, unencodable: describeUnencodable(encoded.unencodable, header, rows) },
    );
  }
  return {
    bytes: encoded.bytes,
    contentType: input.encoding === 'cp932' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
    asciiFileName: `${input.kind}-${stamp}.csv`,
    fileName: `${sheetNames[input.kind]}_${stamp}.csv`,
    unencodableCount: encoded.unencodable.length,
  };
}

/** Preflight for the download dialog: what a CSV in this encoding could not hold. */
export async function checkExportEncoding(
  ctx: ServiceContext,
  input: { kind: ExportKind; encoding: CsvOutputEncoding },
): Promise<UnencodableReport> {
  if (input.encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  const { header, rows } = await loadTable(ctx, input.kind);
  const { unencodable } = encodeCsv([header, ...rows], input.encoding);
  return { count: unencodable.length, unencodable: describeUnencodable(unencodable, header, rows) };
}
