/**
 * Validation of the two staff import files — the staff master (職員マスタ) and the assignment history
 * (配属履歴) — from parsed CSV rows to typed records, or to every error of the file at once.
 *
 * An import is all-or-nothing (security.md, consequence 7): HR fixes the file from one complete
 * per-line report, so nothing here stops at the first error. Checks that need the database live in
 * `checkAgainstReferenceData`, which takes plain sets so that it stays pure.
 */
import {
  findControlCharacter,
  findPrivateUseCharacter,
  formatCodePoint,
  codePointLength,
  isKana,
  normalizeKana,
  startsWithFormulaPrefix,
  unifyLookalikePunctuation,
} from '../common/japanese-text.js';
import { parseJapaneseDate } from '../common/wareki.js';
import {
  assignmentKindLabels,
  assignmentKinds,
  employmentTypeLabels,
  employmentTypes,
  type AssignmentKind,
  type EmploymentType,
  type StaffName,
} from './org-model.js';

// ---------------------------------------------------------------------------------------------
// Columns

export type ImportColumn<Key extends string = string> = {
  key: Key;
  /** The header written in exports and shown in messages; the key is accepted as an alias. */
  label: string;
  required: boolean;
};

export const staffImportColumns = [
  { key: 'employeeNumber', label: '職員番号', required: true },
  { key: 'familyName', label: '氏', required: true },
  { key: 'givenName', label: '名', required: true },
  { key: 'familyNameKana', label: '氏カナ', required: true },
  { key: 'givenNameKana', label: '名カナ', required: true },
  { key: 'birthDate', label: '生年月日', required: true },
  { key: 'hireDate', label: '採用日', required: true },
  { key: 'employmentType', label: '雇用形態', required: true },
  { key: 'jobCategory', label: '職種', required: false },
  { key: 'sex', label: '性別', required: false },
  { key: 'separatedOn', label: '退職日', required: false },
  { key: 'qualifications', label: '資格', required: false },
] as const satisfies readonly ImportColumn[];

export const assignmentImportColumns = [
  { key: 'employeeNumber', label: '職員番号', required: true },
  { key: 'unitCode', label: '所属コード', required: true },
  { key: 'positionCode', label: '職位コード', required: true },
  { key: 'startsOn', label: '開始日', required: true },
  { key: 'endsOn', label: '終了日', required: false },
  { key: 'kind', label: '区分', required: false },
  { key: 'dispatchTo', label: '派遣先', required: false },
] as const satisfies readonly ImportColumn[];

export type StaffImportColumnKey = (typeof staffImportColumns)[number]['key'];
export type AssignmentImportColumnKey = (typeof assignmentImportColumns)[number]['key'];

// ---------------------------------------------------------------------------------------------
// Records and errors

export type Sex = 'male' | 'female';

/**
 * Names exactly as written (trimmed): variation selectors and characters such as 𠮷 are kept. Kana in full-width
 * katakana: half-width kana and hiragana are folded.
 */
export type StaffImportRecord = StaffName & {
  /** Physical line in the file, for messages from later checks. */
  line: number;
  birthDate: string;
  hireDate: string;
  employmentType: EmploymentType;
  jobCategory: string | null;
  sex: Sex | null;
  separatedOn: string | null;
  qualifications: string[];
};

export type AssignmentImportRecord = {
  line: number;
  employeeNumber: string;
  unitCode: string;
  positionCode: string;
  startsOn: string;
  /** Inclusive; null while the assignment is current. */
  endsOn: string | null;
  kind: AssignmentKind;
  dispatchTo: string | null;
};

export type ImportErrorCode =
  /** a required column is absent from the header (reported on line 1) */
  | 'missing-column'
  /** a header name that is neither a label nor a key of this file kind */
  | 'unknown-column'
  /** a header cell left blank */
  | 'blank-column-name'
  /** two header cells name the same column (label and alias count as the same) */
  | 'duplicate-column'
  /** a row whose cell count differs from the header's; its cells are not checked further */
  | 'column-count'
  /** a required value is blank */
  | 'required'
  /** a value longer than its column allows */
  | 'too-long'
  /** any cell over the hard limit, whatever its column */
  | 'cell-too-long'
  /** C0/C1 controls or bidi overrides */
  | 'control-char'
  /** user-defined (外字) characters that no other computer displays correctly */
  | 'private-use-char'
  /** '<' or '>' in a text field */
  | 'markup-not-allowed'
  /** a text field starting with = + - @ (or full-width), which spreadsheets would evaluate */
  | 'formula-prefix'
  /** an employee number outside [0-9A-Za-z-]{1,20} */
  | 'invalid-format'
  /** a reading column with characters other than kana */
  | 'not-kana'
  /** a date that cannot be read */
  | 'invalid-date'
  /** an era date outside its era, such as H31.5.1 */
  | 'date-out-of-era'
  /** a value not in the list of a coded column */
  | 'unknown-value'
  /** an end date before its start, or a hire date not after the birth date */
  | 'date-order'
  /** the same employee number earlier in the same file */
  | 'duplicate-employee-number'
  /** kind 派遣 without 派遣先 */
  | 'dispatch-to-required'
  /** 派遣先 given for a kind other than 派遣 */
  | 'dispatch-to-not-allowed'
  /** two regular assignments of one employee in force on the same day */
  | 'overlapping-assignment'
  /** staff master: the employee number is already registered */
  | 'employee-number-exists'
  /** assignments: the employee number is neither registered nor in the staff file */
  | 'unknown-employee'
  /** assignments: no such unit code */
  | 'unknown-unit'
  /** assignments: no such position code */
  | 'unknown-position';

export type ImportError = {
  line: number;
  /** The header name as written in the file ('' for errors about the whole row). */
  column: string;
  code: ImportErrorCode;
  /** Japanese, for the person fixing the file. */
  message: string;
};

/** The output of the CSV parser: header names and rows with their physical line numbers. */
export type ImportTable = {
  header: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
};

export type ImportResult<Record, Key extends string> =
  | {
      ok: true;
      records: Record[];
      /** Header name as written in the file per column, for messages of later checks. */
      columnNames: Partial<{ [K in Key]: string }>;
    }
  | { ok: false; errors: ImportError[] };

// ---------------------------------------------------------------------------------------------
// Shared machinery

/** Hard limit for any cell: nothing in these files is legitimately longer. */
export const maxCellLength = 200;
const nameMaxLength = 40;
const jobCategoryMaxLength = 40;
const qualificationMaxLength = 60;
const codeMaxLength = 40;
const dispatchToMaxLength = 60;
const quotedValueMaxLength = 30;

/** A value as shown inside a message: controls made visible, long values shortened. */
function quote(value: string): string {
  const chars = Array.from(value);
  const shown = chars.length > quotedValueMaxLength ? `${chars.slice(0, quotedValueMaxLength).join('')}…` : value;
  let visible = '';
  for (const char of shown) visible += findControlCharacter(char) === undefined ? char : `[${formatCodePoint(char)}]`;
  return `'${visible}'`;
}

function headerKey(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

type ResolvedHeader<Key extends string> = {
  indexByKey: Map<Key, number>;
  nameByKey: Map<Key, string>;
  errors: ImportError[];
};

function resolveHeader<Key extends string>(
  header: readonly string[],
  columns: readonly ImportColumn<Key>[],
): ResolvedHeader<Key> {
  const columnByName = new Map<string, ImportColumn<Key>>();
  for (const column of columns) {
    columnByName.set(headerKey(column.label), column);
    columnByName.set(headerKey(column.key), column);
  }
  const indexByKey = new Map<Key, number>();
  const nameByKey = new Map<Key, string>();
  const errors: ImportError[] = [];

  header.forEach((rawName, index) => {
    const name = rawName.trim();
    if (name === '') {
      errors.push({
        line: 1,
        column: '',
        code: 'blank-column-name',
        message: `見出し行の${index + 1}列目が空です。`,
      });
      return;
    }
    const column = columnByName.get(headerKey(name));
    if (!column) {
      errors.push({
        line: 1,
        column: name,
        code: 'unknown-column',
        message: `見出し「${name}」は使えない列名です（${index + 1}列目）。`,
      });
      return;
    }
    const firstIndex = indexByKey.get(column.key);
    if (firstIndex !== undefined) {
      errors.push({
        line: 1,
        column: name,
        code: 'duplicate-column',
        message: `「${column.label}」の列が${firstIndex + 1}列目と${index + 1}列目の2回あります。`,
      });
      return;
    }
    indexByKey.set(column.key, index);
    nameByKey.set(column.key, name);
  });

  for (const column of columns) {
    if (column.required && !indexByKey.has(column.key)) {
      errors.push({
        line: 1,
        column: column.label,
        code: 'missing-column',
        message: `必須の列「${column.label}」がありません。`,
      });
    }
  }
  return { indexByKey, nameByKey, errors };
}

/**
 * Reads one row's cells by column key. Each accessor records its own errors; `isValid` tells the
 * caller whether a record may be built from the row.
 */
class RowReader<Key extends string> {
  readonly errors: ImportError[] = [];

  constructor(
    readonly line: number,
    private readonly cells: readonly string[],
    private readonly header: ResolvedHeader<Key>,
    private readonly labels: ReadonlyMap<Key, string>,
  ) {}

  get isValid(): boolean {
    return this.errors.length === 0;
  }

  hasColumn(key: Key): boolean {
    return this.header.indexByKey.has(key);
  }

  columnName(key: Key): string {
    return this.header.nameByKey.get(key) ?? this.labels.get(key) ?? key;
  }

  fail(key: Key, code: ImportErrorCode, message: string): undefined {
    this.errors.push({ line: this.line, column: this.columnName(key), code, message });
    return undefined;
  }

  failRow(code: ImportErrorCode, message: string): void {
    this.errors.push({ line: this.line, column: '', code, message });
  }

  /**
   * The trimmed cell, '' when blank, or undefined when the column is absent (already reported on
   * line 1) or the cell breaks a rule every cell shares.
   */
  raw(key: Key): string | undefined {
    const index = this.header.indexByKey.get(key);
    if (index === undefined) return undefined;
    const value = (this.cells[index] ?? '').trim();
    const label = this.columnName(key);
    if (codePointLength(value) > maxCellLength) {
      return this.fail(key, 'cell-too-long', `「${label}」が長すぎます（${maxCellLength}文字まで）。`);
    }
    const control = findControlCharacter(value);
    if (control !== undefined) {
      return this.fail(key, 'control-char', `「${label}」に制御文字（${formatCodePoint(control)}）が含まれています。`);
    }
    const privateUse = findPrivateUseCharacter(value);
    if (privateUse !== undefined) {
      return this.fail(
        key,
        'private-use-char',
        `「${label}」に外字（${formatCodePoint(privateUse)}）が含まれています。標準の文字に置き換えてください。`,
      );
    }
    return value;
  }

  /** A required cell; undefined (with an error) when blank. */
  required(key: Key): string | undefined {
    const value = this.raw(key);
    if (value === '') return this.fail(key, 'required', `「${this.columnName(key)}」が空です。`);
    return value;
  }

  /** Rules for free text that people read and that is exported again. */
  checkText(key: Key, value: string, maxLength: number): string | undefined {
    const label = this.columnName(key);
    const length = codePointLength(value);
    if (length > maxLength) {
      return this.fail(key, 'too-long', `「${label}」は${maxLength}文字以内にしてください（${length}文字）: ${quote(value)}`);
    }
    if (/[<>]/u.test(value)) {
      return this.fail(key, 'markup-not-allowed', `「${label}」に「<」「>」は使えません: ${quote(value)}`);
    }
    if (startsWithFormulaPrefix(value)) {
      return this.fail(key, 'formula-prefix', `「${label}」の先頭に「=」「+」「-」「@」は使えません: ${quote(value)}`);
    }
    return value;
  }

  requiredText(key: Key, maxLength: number): string | undefined {
    const value = this.required(key);
    return value === undefined ? undefined : this.checkText(key, value, maxLength);
  }

  /** null when blank or the column is absent, undefined when invalid. */
  optionalText(key: Key, maxLength: number): string | null | undefined {
    const value = this.raw(key);
    if (value === undefined) return this.hasColumn(key) ? undefined : null;
    if (value === '') return null;
    return this.checkText(key, value, maxLength);
  }

  employeeNumber(key: Key): string | undefined {
    const value = this.required(key);
    if (value === undefined) return undefined;
    // Full-width digits and the JIS/CP932 dash variants are what differently configured PCs type
    // for the same number.
    const normalized = unifyLookalikePunctuation(value.normalize('NFKC')).trim();
    if (!/^[0-9A-Za-z-]{1,20}$/u.test(normalized)) {
      return this.fail(
        key,
        'invalid-format',
        `「${this.columnName(key)}」は半角英数字とハイフンで20文字以内にしてください: ${quote(value)}`,
      );
    }
    return normalized;
  }

  code(key: Key): string | undefined {
    const value = this.required(key);
    if (value === undefined) return undefined;
    return this.checkText(key, unifyLookalikePunctuation(value.normalize('NFKC')).trim(), codeMaxLength);
  }

  kana(key: Key): string | undefined {
    const value = this.required(key);
    if (value === undefined) return undefined;
    const normalized = normalizeKana(value);
    if (!isKana(normalized)) {
      return this.fail(key, 'not-kana', `「${this.columnName(key)}」はカナで入力してください: ${quote(value)}`);
    }
    return normalized;
  }

  private parseDate(key: Key, value: string): string | undefined {
    const parsed = parseJapaneseDate(value);
    if (parsed.ok) return parsed.date;
    const label = this.columnName(key);
    if (parsed.reason === 'era-range') {
      return this.fail(key, 'date-out-of-era', `「${label}」の元号と日付が合いません: ${quote(value)}`);
    }
    return this.fail(key, 'invalid-date', `「${label}」の日付を読めません: ${quote(value)}`);
  }

  requiredDate(key: Key): string | undefined {
    const value = this.required(key);
    return value === undefined ? undefined : this.parseDate(key, value);
  }

  optionalDate(key: Key): string | null | undefined {
    const value = this.raw(key);
    if (value === undefined) return this.hasColumn(key) ? undefined : null;
    if (value === '') return null;
    return this.parseDate(key, value);
  }

  /** A coded value given as its code or one of its labels; null when blank and optional. */
  choice<Value extends string>(
    key: Key,
    options: ReadonlyMap<string, Value>,
    listing: string,
    isRequired: boolean,
  ): Value | null | undefined {
    const value = isRequired ? this.required(key) : this.raw(key);
    if (value === undefined) return !isRequired && !this.hasColumn(key) ? null : undefined;
    if (value === '') return null;
    const found = options.get(headerKey(value));
    if (found === undefined) {
      return this.fail(
        key,
        'unknown-value',
        `「${this.columnName(key)}」の値が不明です: ${quote(value)}（${listing}のいずれか）`,
      );
    }
    return found;
  }

  /** An order rule between two already valid dates of the row. */
  checkNotBefore(laterKey: Key, later: string, earlierKey: Key, earlier: string, allowEqual: boolean): void {
    if (later > earlier || (allowEqual && later === earlier)) return;
    const relation = allowEqual ? '以降' : 'より後';
    this.fail(
      laterKey,
      'date-order',
      `「${this.columnName(laterKey)}」（${later}）は「${this.columnName(earlierKey)}」（${earlier}）${relation}の日付にしてください。`,
    );
  }
}

function optionsOf<Value extends string>(entries: readonly (readonly [string, Value])[]): Map<string, Value> {
  return new Map(entries.map(([name, value]) => [headerKey(name), value]));
}

const employmentTypeOptions = optionsOf<EmploymentType>(
  employmentTypes.flatMap((type) => [[type, type] as const, [employmentTypeLabels[type], type] as const]),
);
const employmentTypeListing = employmentTypes.map((type) => employmentTypeLabels[type]).join('、');

const sexOptions = optionsOf<Sex>([
  ['男', 'male'],
  ['男性', 'male'],
  ['M', 'male'],
  ['male', 'male'],
  ['女', 'female'],
  ['女性', 'female'],
  ['F', 'female'],
  ['female', 'female'],
]);

const assignmentKindOptions = optionsOf<AssignmentKind>([
  ...assignmentKinds.flatMap((kind) => [[kind, kind] as const, [assignmentKindLabels[kind], kind] as const]),
  // 出向 is recorded like 派遣: an assignment outside the municipality's own units.
  ['出向', 'dispatch'],
]);
const assignmentKindListing = assignmentKinds.map((kind) => assignmentKindLabels[kind]).join('、');

function labelsOf<Key extends string>(columns: readonly ImportColumn<Key>[]): Map<Key, string> {
  return new Map(columns.map((column) => [column.key, column.label]));
}

function columnNamesOf<Key extends string>(header: ResolvedHeader<Key>): Partial<{ [K in Key]: string }> {
  const names: Partial<{ [K in Key]: string }> = {};
  for (const [key, name] of header.nameByKey) names[key] = name;
  return names;
}

/** Errors in file order: by line, then as found (header order within a row). */
function sortErrors(errors: ImportError[]): ImportError[] {
  return errors
    .map((error, index) => ({ error, index }))
    .sort((a, b) => a.error.line - b.error.line || a.index - b.index)
    .map(({ error }) => error);
}

function validateTable<Key extends string, Record extends { line: number }>(
  table: ImportTable,
  columns: readonly ImportColumn<Key>[],
  readRecord: (row: RowReader<Key>) => Record | undefined,
  checkAcrossRows: (records: readonly Record[], columnName: (key: Key) => string) => ImportError[],
): ImportResult<Record, Key> {
  const header = resolveHeader(table.header, columns);
  const labels = labelsOf(columns);
  const errors = [...header.errors];
  const records: Record[] = [];

  for (const { line, cells } of table.rows) {
    const reader = new RowReader(line, cells, header, labels);
    if (cells.length !== table.header.length) {
      // Misaligned cells would produce one misleading error per column; one clear error is better.
      reader.failRow(
        'column-count',
        `列の数が見出しと合いません（見出しは${table.header.length}列、この行は${cells.length}列）。`,
      );
      errors.push(...reader.errors);
      continue;
    }
    const record = readRecord(reader);
    errors.push(...reader.errors);
    if (record && reader.isValid) records.push(record);
  }

  const columnName = (key: Key) => header.nameByKey.get(key) ?? labels.get(key) ?? key;
  errors.push(...checkAcrossRows(records, columnName));

  if (errors.length > 0) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, records, columnNames: columnNamesOf(header) };
}

// ---------------------------------------------------------------------------------------------
// Staff master

function readStaffRecord(row: RowReader<StaffImportColumnKey>): StaffImportRecord | undefined {
  const employeeNumber = row.employeeNumber('employeeNumber');
  // Names are stored exactly as registered: no NFKC, which would rewrite compatibility ideographs.
  const familyName = row.requiredText('familyName', nameMaxLength);
  const givenName = row.requiredText('givenName', nameMaxLength);
  const familyNameKana = row.kana('familyNameKana');
  const givenNameKana = row.kana('givenNameKana');
  const birthDate = row.requiredDate('birthDate');
  const hireDate = row.requiredDate('hireDate');
  const employmentType = row.choice('employmentType', employmentTypeOptions, employmentTypeListing, true);
  const jobCategory = row.optionalText('jobCategory', jobCategoryMaxLength);
  const sex = row.choice('sex', sexOptions, '男、女', false);
  const separatedOn = row.optionalDate('separatedOn');
  const qualifications = readQualifications(row);

  if (birthDate && hireDate) row.checkNotBefore('hireDate', hireDate, 'birthDate', birthDate, false);
  if (hireDate && separatedOn) row.checkNotBefore('separatedOn', separatedOn, 'hireDate', hireDate, true);

  if (
    employeeNumber === undefined ||
    familyName === undefined ||
    givenName === undefined ||
    familyNameKana === undefined ||
    givenNameKana === undefined ||
    birthDate === undefined ||
    hireDate === undefined ||
    !employmentType ||
    jobCategory === undefined ||
    sex === undefined ||
    separatedOn === undefined ||
    qualifications === undefined
  ) {
    return undefined;
  }
  return {
    line: row.line,
    employeeNumber,
    familyName,
    givenName,
    familyNameKana,
    givenNameKana,
    birthDate,
    hireDate,
    employmentType,
    jobCategory,
    sex,
    separatedOn,
    qualifications,
  };
}

function readQualifications(row: RowReader<StaffImportColumnKey>): string[] | undefined {
  const value = row.raw('qualifications');
  if (value === undefined) return row.hasColumn('qualifications') ? undefined : [];
  const names = value
    .split(/[;；]/u)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  let isValid = true;
  for (const name of names) {
    if (row.checkText('qualifications', name, qualificationMaxLength) === undefined) isValid = false;
  }
  return isValid ? [...new Set(names)] : undefined;
}

function findDuplicateEmployeeNumbers(
  records: readonly StaffImportRecord[],
  columnName: (key: StaffImportColumnKey) => string,
): ImportError[] {
  const firstLine = new Map<string, number>();
  const errors: ImportError[] = [];
  for (const record of records) {
    const first = firstLine.get(record.employeeNumber);
    if (first === undefined) {
      firstLine.set(record.employeeNumber, record.line);
      continue;
    }
    errors.push({
      line: record.line,
      column: columnName('employeeNumber'),
      code: 'duplicate-employee-number',
      message: `職員番号 ${quote(record.employeeNumber)} は${first}行目と重複しています。`,
    });
  }
  return errors;
}

/** Validates a staff master file (職員マスタ). */
export function validateStaffImport(table: ImportTable): ImportResult<StaffImportRecord, StaffImportColumnKey> {
  return validateTable(table, staffImportColumns, readStaffRecord, findDuplicateEmployeeNumbers);
}

// ---------------------------------------------------------------------------------------------
// Assignment history

function readAssignmentRecord(row: RowReader<AssignmentImportColumnKey>): AssignmentImportRecord | undefined {
  const employeeNumber = row.employeeNumber('employeeNumber');
  const unitCode = row.code('unitCode');
  const positionCode = row.code('positionCode');
  const startsOn = row.requiredDate('startsOn');
  const endsOn = row.optionalDate('endsOn');
  const kind = row.choice('kind', assignmentKindOptions, assignmentKindListing, false);
  const dispatchTo = row.optionalText('dispatchTo', dispatchToMaxLength);

  if (startsOn && endsOn) row.checkNotBefore('endsOn', endsOn, 'startsOn', startsOn, true);
  const effectiveKind = kind ?? 'regular';
  if (kind !== undefined && dispatchTo !== undefined) {
    if (effectiveKind === 'dispatch' && dispatchTo === null) {
      row.fail('dispatchTo', 'dispatch-to-required', `区分が「派遣」の行は「${row.columnName('dispatchTo')}」を入力してください。`);
    }
    if (effectiveKind !== 'dispatch' && dispatchTo !== null) {
      row.fail(
        'dispatchTo',
        'dispatch-to-not-allowed',
        `「${row.columnName('dispatchTo')}」は区分が「派遣」の行にだけ入力できます: ${quote(dispatchTo)}`,
      );
    }
  }

  if (
    employeeNumber === undefined ||
    unitCode === undefined ||
    positionCode === undefined ||
    startsOn === undefined ||
    endsOn === undefined ||
    kind === undefined ||
    dispatchTo === undefined
  ) {
    return undefined;
  }
  return { line: row.line, employeeNumber, unitCode, positionCode, startsOn, endsOn, kind: effectiveKind, dispatchTo };
}

function periodText(record: AssignmentImportRecord): string {
  return `${record.startsOn}〜${record.endsOn ?? ''}`;
}

/**
 * A person holds one regular post at a time; concurrent posts (兼務) and dispatches overlap freely.
 * Periods are inclusive, so an assignment ending 03-31 and the next starting 04-01 do not overlap.
 */
function findOverlappingAssignments(
  records: readonly AssignmentImportRecord[],
  columnName: (key: AssignmentImportColumnKey) => string,
): ImportError[] {
  const byEmployee = new Map<string, AssignmentImportRecord[]>();
  for (const record of records) {
    if (record.kind !== 'regular') continue;
    const list = byEmployee.get(record.employeeNumber) ?? [];
    list.push(record);
    byEmployee.set(record.employeeNumber, list);
  }
  const errors: ImportError[] = [];
  for (const list of byEmployee.values()) {
    list.forEach((later, laterIndex) => {
      const earlier = list
        .slice(0, laterIndex)
        .find(
          (other) =>
            other.startsOn <= (later.endsOn ?? '9999-12-31') && later.startsOn <= (other.endsOn ?? '9999-12-31'),
        );
      if (!earlier) return;
      errors.push({
        line: later.line,
        column: columnName('startsOn'),
        code: 'overlapping-assignment',
        message: `職員番号 ${quote(later.employeeNumber)} の通常の配属（${periodText(later)}）が${earlier.line}行目（${periodText(earlier)}）と重なっています。`,
      });
    });
  }
  return errors;
}

/** Validates an assignment history file (配属履歴). */
export function validateAssignmentImport(
  table: ImportTable,
): ImportResult<AssignmentImportRecord, AssignmentImportColumnKey> {
  return validateTable(table, assignmentImportColumns, readAssignmentRecord, findOverlappingAssignments);
}

// ---------------------------------------------------------------------------------------------
// Reference data

export type ImportReferenceData = {
  /** Employee numbers already registered in the municipality (staff master: must be new). */
  existingEmployeeNumbers: ReadonlySet<string>;
  /** Unit codes that exist (assignments). */
  unitCodes: ReadonlySet<string>;
  /** Position codes that exist (assignments). */
  positionCodes: ReadonlySet<string>;
  /** Employee numbers an assignment may name: registered ones plus those of a staff file imported with it. */
  knownEmployeeNumbers: ReadonlySet<string>;
};

function isAssignmentRecord(record: StaffImportRecord | AssignmentImportRecord): record is AssignmentImportRecord {
  return 'unitCode' in record;
}

/**
 * The checks that need the database, over records that passed validation; the service supplies the
 * sets. `columnNames` (from the validation result) makes messages use the file's own header names.
 */
export function checkAgainstReferenceData(
  records: readonly (StaffImportRecord | AssignmentImportRecord)[],
  reference: ImportReferenceData,
  columnNames: Partial<Record<StaffImportColumnKey | AssignmentImportColumnKey, string>> = {},
): ImportError[] {
  const nameOf = (key: StaffImportColumnKey | AssignmentImportColumnKey): string => {
    const column = [...staffImportColumns, ...assignmentImportColumns].find((candidate) => candidate.key === key);
    return columnNames[key] ?? column?.label ?? key;
  };
  const errors: ImportError[] = [];
  for (const record of records) {
    const number = quote(record.employeeNumber);
    if (!isAssignmentRecord(record)) {
      if (reference.existingEmployeeNumbers.has(record.employeeNumber)) {
        errors.push({
          line: record.line,
          column: nameOf('employeeNumber'),
          code: 'employee-number-exists',
          message: `職員番号 ${number} はすでに登録されています。`,
        });
      }
      continue;
    }
    if (!reference.knownEmployeeNumbers.has(record.employeeNumber)) {
      errors.push({
        line: record.line,
        column: nameOf('employeeNumber'),
        code: 'unknown-employee',
        message: `職員番号 ${number} の職員が見つかりません。`,
      });
    }
    if (!reference.unitCodes.has(record.unitCode)) {
      errors.push({
        line: record.line,
        column: nameOf('unitCode'),
        code: 'unknown-unit',
        message: `所属コード ${quote(record.unitCode)} の所属が見つかりません。`,
      });
    }
    if (!reference.positionCodes.has(record.positionCode)) {
      errors.push({
        line: record.line,
        column: nameOf('positionCode'),
        code: 'unknown-position',
        message: `職位コード ${quote(record.positionCode)} の職位が見つかりません。`,
      });
    }
  }
  return errors;
}
