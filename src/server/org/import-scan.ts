/**
 * Checks an import file a slice at a time, so that a 600,000-row assignment history never sits in memory
 * as parsed rows and records all at once: the text is cut at record boundaries into slices of about
 * `sliceLines` lines, each slice is parsed (csv-codec) and validated (domain staff-import) with the file's
 * header, and the checks that span slices or need the database run here. Line numbers are the file's.
 *
 * What the domain validator does within one table, this adds across slices: an employee number repeated
 * in a staff file, and overlapping regular assignments of one employee in an assignment file.
 */
import { parseCsvText, type CsvRow } from '../common/csv-codec.js';
import {
  checkAgainstReferenceData,
  validateAssignmentImport,
  validateStaffImport,
  type AssignmentImportRecord,
  type ImportReferenceData,
  type ImportTable,
  type StaffImportRecord,
} from '../../domain/org/staff-import.js';
import type { ImportIssue, ImportIssueCode, ImportKind } from '../../domain/org/org-api.js';

/** What the database holds that a file is checked against. */
export type ImportReference = {
  staffByNumber: ReadonlyMap<string, { id: number; birthDate: string }>;
  unitIdByCode: ReadonlyMap<string, number>;
  positionIdByCode: ReadonlyMap<string, number>;
};

/** A slice's records that passed every check, handed to the writer in file order. */
export type CheckedSlice =
  | { kind: 'staff'; records: StaffImportRecord[]; presentColumns: ReadonlySet<string> }
  | { kind: 'assignments'; records: AssignmentImportRecord[] };

export type ScanResult = {
  header: string[];
  totalRows: number;
  /** the first rows' cells as written */
  sample: string[][];
  /** every error, in line order */
  errors: ImportIssue[];
};

export type ScanOptions = {
  sampleSize: number;
  /** physical lines per slice */
  sliceLines?: number;
  /**
   * Called for each slice while no error has been found in the file so far (a commit writes it); after
   * the first error the scan goes on only to report every error.
   */
  onCheckedSlice?: (slice: CheckedSlice) => Promise<void>;
};

/**
 * A slice is also the unit a commit writes in one go (≤ 1,000 rows per statement) and reports progress
 * for; small slices let parsing the next one overlap with the database writing this one.
 */
const defaultSliceLines = 1000;
const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

// ---------------------------------------------------------------------------------------------
// Slicing

type TextSlice = { text: string; firstLine: number };

/**
 * Cuts CSV text, fed in pieces of any size, into the header record and slices of about `sliceLines`
 * physical lines, each ending after a line break outside quotes, i.e. at a record boundary. Lines are
 * counted as the codec counts them (CRLF, LF and a lone CR each end one), quoted breaks included. Empty
 * lines before the header belong to the header's text, as the parser skips them.
 */
class RecordSlicer {
  /** unconsumed text: the open slice (or the header still being read) and what follows */
  private buffer = '';
  private index = 0;
  private isQuoted = false;
  private hasContent = false;
  /** physical line at `index` */
  private line = 1;
  private sliceFirstLine = 1;
  header: { text: string; lines: number } | null = null;

  constructor(private readonly sliceLines: number) {}

  push(piece: string): TextSlice[] {
    this.buffer += piece;
    return this.scan(false);
  }

  end(): TextSlice[] {
    const slices = this.scan(true);
    if (this.header === null) {
      this.header = { text: this.buffer, lines: this.line - 1 };
    } else if (this.buffer.length > 0) {
      slices.push({ text: this.buffer, firstLine: this.sliceFirstLine });
    }
    this.buffer = '';
    this.index = 0;
    return slices;
  }

  private scan(isLast: boolean): TextSlice[] {
    const slices: TextSlice[] = [];
    const text = this.buffer;
    let sliceStart = 0;
    let index = this.index;
    for (; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (code === quote) {
        this.isQuoted = !this.isQuoted;
        this.hasContent = true;
        continue;
      }
      if (code !== lineFeed && code !== carriageReturn) {
        this.hasContent = true;
        continue;
      }
      // A CR at the end of a piece may be the first half of a CRLF: wait for the next piece.
      if (code === carriageReturn && index + 1 === text.length && !isLast) break;
      const end = code === carriageReturn && text.charCodeAt(index + 1) === lineFeed ? index + 2 : index + 1;
      index = end - 1;
      this.line += 1;
      if (this.isQuoted) continue;
      if (this.header === null) {
        if (!this.hasContent) continue;
        this.header = { text: text.slice(sliceStart, end), lines: this.line - 1 };
        sliceStart = end;
        this.sliceFirstLine = this.line;
      } else if (this.line - this.sliceFirstLine >= this.sliceLines) {
        slices.push({ text: text.slice(sliceStart, end), firstLine: this.sliceFirstLine });
        sliceStart = end;
        this.sliceFirstLine = this.line;
      }
    }
    this.buffer = text.slice(sliceStart);
    this.index = index - sliceStart;
    return slices;
  }
}

// ---------------------------------------------------------------------------------------------
// Checks across slices and against the database

const substitutionMark = '\u3013';

/**
 * 〓 stands for a character a CP932 export could not hold (𠮷 …). Importing such a file back would
 * overwrite the real name with the mark, so the original character must be restored first.
 */
function findSubstitutionMarks(
  records: readonly (StaffImportRecord | AssignmentImportRecord)[],
  columnNames: Partial<Record<string, string>>,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const check = (line: number, key: string, label: string, value: string | null | undefined) => {
    if (!value?.includes(substitutionMark)) return;
    const column = columnNames[key] ?? label;
    issues.push({
      line,
      column,
      code: 'substitution-mark',
      message: `「${column}」に「〓」があります。Shift_JIS で出力したときに置き換えられた文字です。元の文字に直してから取り込んでください。`,
    });
  };
  for (const record of records) {
    if ('unitCode' in record) {
      check(record.line, 'dispatchTo', '派遣先', record.dispatchTo);
      continue;
    }
    check(record.line, 'familyName', '氏', record.familyName);
    check(record.line, 'givenName', '名', record.givenName);
    check(record.line, 'jobCategory', '職種', record.jobCategory);
    check(record.line, 'qualifications', '資格', record.qualifications.find((name) => name.includes(substitutionMark)));
  }
  return issues;
}

/**
 * Staff upsert: a registered employee number arriving with another birth date. Employee numbers are not
 * reused, so this is either a typo in the number (which would overwrite someone else) or a wrong birth date.
 * The stored birth date is not shown: the report is kept with the job and birth dates are protected.
 */
function findProbableDuplicates(
  records: readonly StaffImportRecord[],
  staffByNumber: ImportReference['staffByNumber'],
  column: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const record of records) {
    const registered = staffByNumber.get(record.employeeNumber);
    if (!registered || registered.birthDate === record.birthDate) continue;
    issues.push({
      line: record.line,
      column,
      code: 'probable-duplicate',
      message: `職員番号 '${record.employeeNumber}' は生年月日の異なる職員として登録済みです。別の職員と重複している可能性があります。職員番号と生年月日を確認してください。`,
    });
  }
  return issues;
}

/** Employee numbers of earlier slices, for the staff file's duplicate rule across slices. */
function findDuplicatesAcrossSlices(
  records: readonly StaffImportRecord[],
  firstLineByNumber: Map<string, number>,
  column: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const record of records) {
    const first = firstLineByNumber.get(record.employeeNumber);
    if (first !== undefined) {
      issues.push({
        line: record.line,
        column,
        code: 'duplicate-employee-number',
        message: `職員番号 '${record.employeeNumber}' は${first}行目と重複しています。`,
      });
    }
  }
  // Added after the check: duplicates inside this slice are the domain validator's to report.
  for (const record of records) if (!firstLineByNumber.has(record.employeeNumber)) firstLineByNumber.set(record.employeeNumber, record.line);
  return issues;
}

/** 'YYYY-MM-DD' as a number, so earlier slices' periods are kept as compact number arrays. */
const dayNumber = (date: string | null) => (date === null ? 99_991_231 : Number(date.replaceAll('-', '')));
const dateText = (day: number) =>
  day === 99_991_231 ? '' : `${String(day).slice(0, 4)}-${String(day).slice(4, 6)}-${String(day).slice(6, 8)}`;

/**
 * A person holds one regular post at a time (the domain's rule, inclusive periods); this applies it to
 * pairs of rows in different slices. Earlier periods are kept per employee as [start, end, line] triples.
 */
function findOverlapsAcrossSlices(
  records: readonly AssignmentImportRecord[],
  periodsByNumber: Map<string, number[]>,
  column: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const record of records) {
    if (record.kind !== 'regular') continue;
    const earlier = periodsByNumber.get(record.employeeNumber);
    if (!earlier) continue;
    const start = dayNumber(record.startsOn);
    const end = dayNumber(record.endsOn);
    for (let index = 0; index < earlier.length; index += 3) {
      const otherStart = earlier[index] ?? 0;
      const otherEnd = earlier[index + 1] ?? 0;
      const otherLine = earlier[index + 2] ?? 0;
      if (otherStart > end || start > otherEnd) continue;
      issues.push({
        line: record.line,
        column,
        code: 'overlapping-assignment',
        message: `職員番号 '${record.employeeNumber}' の通常の配属（${record.startsOn}〜${record.endsOn ?? ''}）が${otherLine}行目（${dateText(otherStart)}〜${dateText(otherEnd)}）と重なっています。`,
      });
      break;
    }
  }
  for (const record of records) {
    if (record.kind !== 'regular') continue;
    const periods = periodsByNumber.get(record.employeeNumber);
    const triple = [dayNumber(record.startsOn), dayNumber(record.endsOn), record.line];
    if (periods) periods.push(...triple);
    else periodsByNumber.set(record.employeeNumber, triple);
  }
  return issues;
}

function byLine(issues: ImportIssue[]): ImportIssue[] {
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => a.issue.line - b.issue.line || a.index - b.index)
    .map(({ issue }) => issue);
}

// ---------------------------------------------------------------------------------------------
// Scan

type SliceCheck = (table: ImportTable) => { errors: ImportIssue[]; checked: CheckedSlice | null };

function staffChecker(reference: ImportReference): SliceCheck {
  const firstLineByNumber = new Map<string, number>();
  return (table) => {
    const result = validateStaffImport(table);
    if (!result.ok) return { errors: result.errors, checked: null };
    const names = result.columnNames;
    const errors = byLine([
      ...findDuplicatesAcrossSlices(result.records, firstLineByNumber, names.employeeNumber ?? '職員番号'),
      ...findSubstitutionMarks(result.records, names),
      ...findProbableDuplicates(result.records, reference.staffByNumber, names.birthDate ?? '生年月日'),
    ]);
    return { errors, checked: { kind: 'staff', records: result.records, presentColumns: new Set(Object.keys(names)) } };
  };
}

function assignmentChecker(reference: ImportReference): SliceCheck {
  const periodsByNumber = new Map<string, number[]>();
  const sets: ImportReferenceData = {
    // Replace mode: registered employees are the ones an assignment file may name.
    existingEmployeeNumbers: new Set(),
    knownEmployeeNumbers: new Set(reference.staffByNumber.keys()),
    unitCodes: new Set(reference.unitIdByCode.keys()),
    positionCodes: new Set(reference.positionIdByCode.keys()),
  };
  return (table) => {
    const result = validateAssignmentImport(table);
    // A slice with errors yields no records, so its rows take no part in the checks across slices; the
    // file cannot be committed anyway, and the next upload checks them.
    if (!result.ok) return { errors: result.errors, checked: null };
    const names = result.columnNames;
    const errors = byLine([
      ...findOverlapsAcrossSlices(result.records, periodsByNumber, names.startsOn ?? '開始日'),
      ...findSubstitutionMarks(result.records, names),
      ...checkAgainstReferenceData(result.records, sets, names),
    ]);
    return { errors, checked: { kind: 'assignments', records: result.records } };
  };
}

/**
 * Parses and checks decoded CSV text, given as pieces in order (one piece, or the stored content read a
 * part at a time), slice by slice. A file the parser refuses (unbalanced quote …) gives that one error, as
 * a whole-file parse would; otherwise every error of every slice is reported.
 */
export async function scanImportText(
  kind: ImportKind,
  pieces: Iterable<string> | AsyncIterable<string>,
  reference: ImportReference,
  options: ScanOptions,
): Promise<ScanResult> {
  const slicer = new RecordSlicer(options.sliceLines ?? defaultSliceLines);
  const check = kind === 'staff' ? staffChecker(reference) : assignmentChecker(reference);
  const failed = (parsed: { line: number; reason: ImportIssueCode; message: string }, line: number): ScanResult => ({
    header: [],
    totalRows: 0,
    sample: [],
    errors: [{ line, column: '', code: parsed.reason, message: parsed.message }],
  });
  const errors: ImportIssue[] = [];
  const sample: string[][] = [];
  let header: string[] | null = null;
  let totalRows = 0;
  let hasText = false;

  /** Reads the header once (with a placeholder row so that the parser returns it) and checks it. */
  const readHeader = (text: string): ScanResult | null => {
    const parsed = parseCsvText(/[\r\n]$/u.test(text) ? `${text}x` : `${text}\r\nx`);
    if (!parsed.ok) return failed(parsed, parsed.line);
    header = parsed.header;
    for (const error of check({ header, rows: [] }).errors) errors.push(error);
    return null;
  };

  // One checked slice is written while the next is parsed and checked: PostgreSQL works in its own
  // process, so parsing and inserting overlap. Waiting for the previous write before queueing the next
  // keeps at most two slices in memory.
  let writing: Promise<void> = Promise.resolve();
  const handle = async (slice: TextSlice, headerInfo: { text: string; lines: number }): Promise<ScanResult | null> => {
    if (header === null) {
      const failure = readHeader(headerInfo.text);
      if (failure) return failure;
    }
    hasText ||= slice.text.trim() !== '';
    const parsed = parseCsvText(headerInfo.text + slice.text);
    // Physical line in the parsed text → line in the file.
    const toFileLine = (line: number) => (line <= headerInfo.lines ? line : line - headerInfo.lines - 1 + slice.firstLine);
    if (!parsed.ok && parsed.reason !== 'header-only') return failed(parsed, toFileLine(parsed.line));
    const rows: CsvRow[] = parsed.ok ? parsed.rows.map((row) => ({ line: toFileLine(row.line), cells: row.cells })) : [];
    if (rows.length === 0) return null;

    const result = check({ header: header ?? [], rows });
    // The header's own errors (line 1) were reported once, by readHeader.
    for (const error of result.errors) if (error.line > headerInfo.lines) errors.push(error);
    totalRows += rows.length;
    for (const row of rows) {
      if (sample.length >= options.sampleSize) break;
      sample.push(row.cells);
    }
    const { onCheckedSlice } = options;
    const checked = result.checked;
    if (checked && errors.length === 0 && onCheckedSlice) {
      const previous = writing;
      writing = previous.then(() => onCheckedSlice(checked));
      // Its failure is seen by the next `await previous` or the final `await writing`.
      writing.catch(() => {});
      await previous;
      // Let the write just started reach the database before the next slice occupies the thread.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    return null;
  };

  try {
    for await (const piece of pieces) {
      for (const slice of slicer.push(piece)) {
        const failure = await handle(slice, slicer.header!);
        if (failure) return failure;
      }
    }
    for (const slice of slicer.end()) {
      const failure = await handle(slice, slicer.header!);
      if (failure) return failure;
    }
    await writing;
  } finally {
    // Never leave a write running on the caller's transaction.
    await writing.catch(() => {});
  }

  const headerText = slicer.header?.text ?? '';
  if (!hasText && headerText.replace(/^\uFEFF/u, '').trim() === '') {
    return { header: [], totalRows: 0, sample: [], errors: [{ line: 1, column: '', code: 'empty', message: 'ファイルが空です。' }] };
  }
  if (header === null) {
    const failure = readHeader(headerText);
    if (failure) return failure;
  }
  if (totalRows === 0) {
    return { header: header ?? [], totalRows: 0, sample: [], errors: [{ line: 1, column: '', code: 'header-only', message: '見出し行のほかにデータがありません。' }] };
  }
  return { header: header ?? [], totalRows, sample, errors };
}
