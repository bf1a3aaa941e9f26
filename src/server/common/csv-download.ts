/**
 * A table as a CSV download: UTF-8 with BOM, or CP932 for Excel-era systems — where a CP932 file would lose
 * characters it is refused with their places, unless the user accepted 〓 in their stead (security.md,
 * consequence 9). Shared by every export (staff and assignments, the payroll grades, …). The refusal keeps the
 * code `org.export-unencodable`, which the web's download dialog knows.
 */
import { AppError } from '../http/app-error.js';
import { encodeCsv, type CsvOutputEncoding, type UnencodableCharacter } from './csv-codec.js';
import type { ExportUnencodable, UnencodableReport } from '../../domain/org/org-api.js';

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

/** The characters CP932 cannot hold, located by line, column label and the first column (the employee number in every export). */
export function describeUnencodable(found: readonly UnencodableCharacter[], header: readonly string[], rows: readonly (readonly string[])[]): ExportUnencodable[] {
  return found.slice(0, maxReported).map((item) => ({
    row: item.row,
    column: item.column,
    columnLabel: header[item.column - 1] ?? '',
    // Row 1 is the header.
    employeeNumber: rows[item.row - 2]?.[0] ?? '',
    char: item.char,
    codePoint: item.codePoint,
  }));
}

/** Encodes the table, or refuses (422) when CP932 would lose characters and 〓 was not accepted. */
export function csvDownload(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  opts: { encoding: CsvOutputEncoding; replaceUnencodable: boolean; asciiFileName: string; fileName: string },
): ExportFile {
  const encoded = encodeCsv([header, ...rows], opts.encoding);
  if (encoded.unencodable.length > 0 && !opts.replaceUnencodable) {
    throw new AppError(
      'org.export-unencodable',
      `Shift_JIS (CP932) で表せない文字が${encoded.unencodable.length}個あります。UTF-8 で出力するか、「〓」に置き換えて出力してください。`,
      { count: encoded.unencodable.length, unencodable: describeUnencodable(encoded.unencodable, header, rows) },
    );
  }
  return {
    bytes: encoded.bytes,
    contentType: opts.encoding === 'cp932' ? 'text/csv; charset=Shift_JIS' : 'text/csv; charset=utf-8',
    asciiFileName: opts.asciiFileName,
    fileName: opts.fileName,
    unencodableCount: encoded.unencodable.length,
  };
}

/** Preflight for a download dialog: what a CSV of the table in this encoding could not hold. */
export function unencodableReport(header: readonly string[], rows: readonly (readonly string[])[], encoding: CsvOutputEncoding): UnencodableReport {
  if (encoding === 'utf-8-bom') return { count: 0, unencodable: [] };
  const { unencodable } = encodeCsv([header, ...rows], encoding);
  return { count: unencodable.length, unencodable: describeUnencodable(unencodable, header, rows) };
}
