import { describe, expect, it } from 'vitest';
import {
  assignmentImportColumns,
  checkAgainstReferenceData,
  staffImportColumns,
  validateAssignmentImport,
  validateStaffImport,
  type AssignmentImportRecord,
  type ImportError,
  type ImportTable,
  type StaffImportRecord,
} from './staff-import.js';
import { buildStaffImportCells, staffImportHeader, type StaffImportCells } from './staff-import-fixtures.js';

function staffTable(...rows: string[][]): ImportTable {
  return { header: staffImportHeader, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
}

function errorsOf(result: { ok: true } | { ok: false; errors: ImportError[] }): ImportError[] {
  return result.ok ? [] : result.errors;
}

function codesOf(result: { ok: true } | { ok: false; errors: ImportError[] }): [number, string, string][] {
  return errorsOf(result).map((error) => [error.line, error.column, error.code]);
}

describe('validateStaffImport: a good file', () => {
  it('returns typed records', () => {
    const result = validateStaffImport(
      staffTable(
        buildStaffImportCells(),
        buildStaffImportCells({
          職員番号: 'Ｔ－０００２',
          氏: '𠮷田',
          名: '花子',
          氏カナ: 'ﾖｼﾀﾞ',
          名カナ: 'はなこ',
          生年月日: '平成2年2月28日',
          採用日: '2015/4/1',
          雇用形態: 'fiscal_part',
          職種: '',
          性別: 'F',
          退職日: 'R7.3.31',
          資格: '保健師；看護師; 保健師',
        }),
      ),
    );
    expect(result).toEqual({
      ok: true,
      columnNames: Object.fromEntries(staffImportColumns.map((column) => [column.key, column.label])),
      records: [
        {
          line: 2,
          employeeNumber: 'T0001',
          familyName: '試験',
          givenName: '太郎',
          familyNameKana: 'シケン',
          givenNameKana: 'タロウ',
          birthDate: '1985-04-02',
          hireDate: '2008-04-01',
          employmentType: 'regular',
          jobCategory: '事務',
          sex: 'male',
          separatedOn: null,
          qualifications: [],
        },
        {
          line: 3,
          employeeNumber: 'T-0002',
          familyName: '𠮷田',
          givenName: '花子',
          familyNameKana: 'ヨシダ',
          givenNameKana: 'ハナコ',
          birthDate: '1990-02-28',
          hireDate: '2015-04-01',
          employmentType: 'fiscal_part',
          jobCategory: null,
          sex: 'female',
          separatedOn: '2025-03-31',
          qualifications: ['保健師', '看護師'],
        },
      ] satisfies StaffImportRecord[],
    });
  });

  it('keeps names exactly: variation selectors, 髙, 﨑, 𠮷 and compatibility ideographs', () => {
    const names = ['葛\u{E0100}城', '髙橋', '山﨑', '𠮷野', '塚本', '渡邊\uFE00'];
    const result = validateStaffImport(
      staffTable(...names.map((name, index) => buildStaffImportCells({ 職員番号: `T${index}`, 氏: ` ${name}　` }))),
    );
    expect(result.ok && result.records.map((record) => record.familyName)).toEqual(names);
  });

  it('accepts the English keys as header aliases, in any order, and reports with them', () => {
    const header = staffImportColumns.map((column) => column.key).reverse();
    const values: Record<string, string> = {
      employeeNumber: 'T0001',
      familyName: '試験',
      givenName: '太郎',
      familyNameKana: 'シケン',
      givenNameKana: 'タロウ',
      birthDate: '1985-04-02',
      hireDate: 'R7.13.1',
      employmentType: 'regular',
    };
    const result = validateStaffImport({ header, rows: [{ line: 2, cells: header.map((key) => values[key] ?? '') }] });
    expect(errorsOf(result)).toEqual([
      { line: 2, column: 'hireDate', code: 'invalid-date', message: "「hireDate」の日付を読めません: 'R7.13.1'" },
    ]);
  });

  it.each([
    ['正規', 'regular'],
    ['会計年度任用(フルタイム)', 'fiscal_full'],
    ['会計年度任用（フルタイム）', 'fiscal_full'],
    ['会計年度任用(パートタイム)', 'fiscal_part'],
    ['再任用', 'reappointed'],
    ['定年延長', 'extended'],
    ['任期付', 'fixed_term'],
    ['FIXED_TERM', 'fixed_term'],
  ])('employment type %s → %s', (value, expected) => {
    const result = validateStaffImport(staffTable(buildStaffImportCells({ 雇用形態: value })));
    expect(result.ok && result.records[0]?.employmentType).toBe(expected);
  });

  it.each([
    ['男', 'male'],
    ['男性', 'male'],
    ['m', 'male'],
    ['女', 'female'],
    ['Ｆ', 'female'],
    ['', null],
  ])('sex %j → %s', (value, expected) => {
    const result = validateStaffImport(staffTable(buildStaffImportCells({ 性別: value })));
    expect(result.ok && result.records[0]?.sex).toBe(expected);
  });

  it('works without the optional columns', () => {
    const required = staffImportColumns.filter((column) => column.required);
    const cells = buildStaffImportCells();
    const result = validateStaffImport({
      header: required.map((column) => column.label),
      rows: [{ line: 2, cells: required.map((column) => cells[staffImportHeader.indexOf(column.label)] ?? '') }],
    });
    expect(result).toMatchObject({ ok: true, records: [{ jobCategory: null, sex: null, separatedOn: null, qualifications: [] }] });
  });
});

describe('validateStaffImport: one error per broken rule', () => {
  it.each<[string, StaffImportCells, string, string, string?]>([
    ['blank employee number', { 職員番号: '' }, '職員番号', 'required', '「職員番号」が空です。'],
    ['employee number with a space', { 職員番号: 'T 01' }, '職員番号', 'invalid-format'],
    ['employee number in kana', { 職員番号: 'テスト' }, '職員番号', 'invalid-format'],
    ['employee number too long', { 職員番号: 'T'.repeat(21) }, '職員番号', 'invalid-format'],
    ['blank family name', { 氏: '　' }, '氏', 'required'],
    ['blank given name', { 名: '' }, '名', 'required'],
    ['family name of 41 characters', { 氏: 'あ'.repeat(41) }, '氏', 'too-long'],
    ['name with markup', { 氏: '<script>alert(1)</script>' }, '氏', 'markup-not-allowed'],
    ['name with >', { 名: '太郎>' }, '名', 'markup-not-allowed'],
    ['name with NUL', { 氏: '試\u0000験' }, '氏', 'control-char', '「氏」に制御文字（U+0000）が含まれています。'],
    ['name with tab', { 名: '太\t郎' }, '名', 'control-char'],
    ['name with newline', { 名: '太\n郎' }, '名', 'control-char'],
    ['name with RTL override', { 氏: '\u202E験試' }, '氏', 'control-char'],
    ['name with 外字', { 氏: '試\uE000' }, '氏', 'private-use-char'],
    ['name starting with =', { 氏: '=1+1' }, '氏', 'formula-prefix'],
    ['name starting with +', { 名: '+81' }, '名', 'formula-prefix'],
    ['name starting with -', { 名: '-太郎' }, '名', 'formula-prefix'],
    ['name starting with @', { 名: '@SUM(A1)' }, '名', 'formula-prefix'],
    ['name starting with ＝', { 名: '＝1' }, '名', 'formula-prefix'],
    ['name starting with ＠', { 名: '＠x' }, '名', 'formula-prefix'],
    ['oversized cell', { 名: 'あ'.repeat(201) }, '名', 'cell-too-long'],
    ['oversized cell in a coded column', { 雇用形態: 'x'.repeat(201) }, '雇用形態', 'cell-too-long'],
    ['kana in kanji', { 氏カナ: '試験' }, '氏カナ', 'not-kana', "「氏カナ」はカナで入力してください: '試験'"],
    ['kana in latin', { 名カナ: 'Taro' }, '名カナ', 'not-kana'],
    ['blank kana', { 名カナ: '' }, '名カナ', 'required'],
    ['unreadable birth date', { 生年月日: 'R7.13.1' }, '生年月日', 'invalid-date', "「生年月日」の日付を読めません: 'R7.13.1'"],
    ['birth date not a date', { 生年月日: 'きのう' }, '生年月日', 'invalid-date'],
    ['29 February of a common year', { 生年月日: 'H11.2.29' }, '生年月日', 'invalid-date'],
    ['era date outside its era', { 採用日: 'H31.5.1' }, '採用日', 'date-out-of-era', "「採用日」の元号と日付が合いません: 'H31.5.1'"],
    ['hire date before birth', { 採用日: 'S59.4.1' }, '採用日', 'date-order'],
    ['blank hire date', { 採用日: '' }, '採用日', 'required'],
    ['unknown employment type', { 雇用形態: 'パート' }, '雇用形態', 'unknown-value'],
    ['blank employment type', { 雇用形態: '' }, '雇用形態', 'required'],
    ['unknown sex', { 性別: 'X' }, '性別', 'unknown-value'],
    ['job category of 41 characters', { 職種: 'あ'.repeat(41) }, '職種', 'too-long'],
    ['job category with markup', { 職種: '<b>事務</b>' }, '職種', 'markup-not-allowed'],
    ['separation before hire', { 退職日: 'H20.3.31' }, '退職日', 'date-order'],
    ['unreadable separation date', { 退職日: '2025-02-30' }, '退職日', 'invalid-date'],
    ['qualification of 61 characters', { 資格: `保健師;${'あ'.repeat(61)}` }, '資格', 'too-long'],
    ['qualification starting with =', { 資格: '保健師；=cmd' }, '資格', 'formula-prefix'],
  ])('%s', (_label, overrides, column, code, message) => {
    const errors = errorsOf(validateStaffImport(staffTable(buildStaffImportCells(overrides))));
    expect(errors.map(({ line, column: name, code: errorCode }) => [line, name, errorCode])).toEqual([[2, column, code]]);
    if (message !== undefined) expect(errors[0]?.message).toBe(message);
  });

  it('separation on the hire date is allowed', () => {
    expect(validateStaffImport(staffTable(buildStaffImportCells({ 退職日: 'H20.4.1' }))).ok).toBe(true);
  });

  it('shortens long values quoted in messages', () => {
    const [error] = errorsOf(validateStaffImport(staffTable(buildStaffImportCells({ 氏カナ: `ア${'x'.repeat(40)}` }))));
    expect(error?.message).toBe(`「氏カナ」はカナで入力してください: 'ア${'x'.repeat(29)}…'`);
  });
});

describe('validateStaffImport: the whole file at once', () => {
  it('collects every error of every line, in file order', () => {
    const result = validateStaffImport(
      staffTable(
        buildStaffImportCells({ 氏: '', 生年月日: 'R7.13.1' }),
        buildStaffImportCells({ 職員番号: 'T0002' }),
        buildStaffImportCells({ 職員番号: 'T0003', 雇用形態: '?', 氏カナ: 'x' }),
        ['T0004', 'too', 'few'],
        buildStaffImportCells({ 職員番号: 'T0005', 名: '=HYPERLINK("x")' }),
      ),
    );
    expect(codesOf(result)).toEqual([
      [2, '氏', 'required'],
      [2, '生年月日', 'invalid-date'],
      [4, '氏カナ', 'not-kana'],
      [4, '雇用形態', 'unknown-value'],
      [5, '', 'column-count'],
      [6, '名', 'formula-prefix'],
    ]);
  });

  it('reports a duplicate employee number on each later line, naming the first', () => {
    const result = validateStaffImport(
      staffTable(
        buildStaffImportCells({ 職員番号: 'T0001' }),
        buildStaffImportCells({ 職員番号: 'T0002' }),
        buildStaffImportCells({ 職員番号: 'Ｔ０００１' }),
        buildStaffImportCells({ 職員番号: 'T0001' }),
      ),
    );
    expect(errorsOf(result)).toEqual([
      { line: 4, column: '職員番号', code: 'duplicate-employee-number', message: "職員番号 'T0001' は2行目と重複しています。" },
      { line: 5, column: '職員番号', code: 'duplicate-employee-number', message: "職員番号 'T0001' は2行目と重複しています。" },
    ]);
  });

  it('reports a row with the wrong number of cells, once', () => {
    const result = validateStaffImport(staffTable([...buildStaffImportCells(), 'extra']));
    expect(errorsOf(result)).toEqual([
      { line: 2, column: '', code: 'column-count', message: '列の数が見出しと合いません（見出しは12列、この行は13列）。' },
    ]);
  });
});

describe('validateStaffImport: header checks', () => {
  it('reports each missing required column on line 1 and still checks the rows', () => {
    const header = staffImportHeader.filter((label) => label !== '氏カナ' && label !== '生年月日');
    const full = buildStaffImportCells({ 採用日: 'bad' });
    const cells = header.map((label) => full[staffImportHeader.indexOf(label)] ?? '');
    const result = validateStaffImport({ header, rows: [{ line: 2, cells }] });
    expect(codesOf(result)).toEqual([
      [1, '氏カナ', 'missing-column'],
      [1, '生年月日', 'missing-column'],
      [2, '採用日', 'invalid-date'],
    ]);
    expect(errorsOf(result)[0]?.message).toBe('必須の列「氏カナ」がありません。');
  });

  it('reports unknown, blank and duplicate column names', () => {
    const header = [...staffImportHeader, '備考', '', 'familyName'];
    const result = validateStaffImport({ header, rows: [{ line: 2, cells: [...buildStaffImportCells(), 'x', '', '試験'] }] });
    expect(codesOf(result)).toEqual([
      [1, '備考', 'unknown-column'],
      [1, '', 'blank-column-name'],
      [1, 'familyName', 'duplicate-column'],
    ]);
    expect(errorsOf(result)[2]?.message).toBe('「氏」の列が2列目と15列目の2回あります。');
  });

  it('matches header names after NFKC and case folding', () => {
    const header = staffImportHeader.map((label) => (label === '氏カナ' ? '氏ｶﾅ' : label === '職員番号' ? 'EMPLOYEENUMBER' : label));
    const result = validateStaffImport({ header, rows: [{ line: 2, cells: buildStaffImportCells() }] });
    expect(result.ok).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------

const assignmentHeader = assignmentImportColumns.map((column) => column.label);

function assignmentRow(
  employeeNumber: string,
  startsOn: string,
  endsOn = '',
  kind = '',
  dispatchTo = '',
  unitCode = 'U100',
  positionCode = 'P10',
): string[] {
  return [employeeNumber, unitCode, positionCode, startsOn, endsOn, kind, dispatchTo];
}

function assignmentTable(...rows: string[][]): ImportTable {
  return { header: assignmentHeader, rows: rows.map((cells, index) => ({ line: index + 2, cells })) };
}

describe('validateAssignmentImport', () => {
  it('returns typed records with kinds and defaults', () => {
    const result = validateAssignmentImport(
      assignmentTable(
        assignmentRow('T0001', 'H20.4.1', 'H23.3.31'),
        assignmentRow('T0001', 'H23.4.1', '', '通常'),
        assignmentRow('T0001', 'R5.4.1', 'R6.3.31', '兼務', '', 'Ｕ２００'),
        assignmentRow('T0002', '2024-04-01', '', '派遣', '（架空）広域連合'),
        assignmentRow('T0003', '2024-04-01', '', 'dispatch', '架空市'),
        assignmentRow('T0004', '2024-04-01', '2024-04-01', '出向', '架空県'),
      ),
    );
    expect(result.ok && result.records).toEqual([
      { line: 2, employeeNumber: 'T0001', unitCode: 'U100', positionCode: 'P10', startsOn: '2008-04-01', endsOn: '2011-03-31', kind: 'regular', dispatchTo: null },
      { line: 3, employeeNumber: 'T0001', unitCode: 'U100', positionCode: 'P10', startsOn: '2011-04-01', endsOn: null, kind: 'regular', dispatchTo: null },
      { line: 4, employeeNumber: 'T0001', unitCode: 'U200', positionCode: 'P10', startsOn: '2023-04-01', endsOn: '2024-03-31', kind: 'concurrent', dispatchTo: null },
      { line: 5, employeeNumber: 'T0002', unitCode: 'U100', positionCode: 'P10', startsOn: '2024-04-01', endsOn: null, kind: 'dispatch', dispatchTo: '（架空）広域連合' },
      { line: 6, employeeNumber: 'T0003', unitCode: 'U100', positionCode: 'P10', startsOn: '2024-04-01', endsOn: null, kind: 'dispatch', dispatchTo: '架空市' },
      { line: 7, employeeNumber: 'T0004', unitCode: 'U100', positionCode: 'P10', startsOn: '2024-04-01', endsOn: '2024-04-01', kind: 'dispatch', dispatchTo: '架空県' },
    ] satisfies AssignmentImportRecord[]);
  });

  it.each<[string, string[], string, string]>([
    ['blank unit code', assignmentRow('T0001', 'R7.4.1', '', '', '', ''), '所属コード', 'required'],
    ['blank position code', assignmentRow('T0001', 'R7.4.1', '', '', '', 'U1', ''), '職位コード', 'required'],
    ['blank start', assignmentRow('T0001', ''), '開始日', 'required'],
    ['unreadable start', assignmentRow('T0001', 'R7.4.32'), '開始日', 'invalid-date'],
    ['start outside its era', assignmentRow('T0001', 'R1.4.1'), '開始日', 'date-out-of-era'],
    ['end before start', assignmentRow('T0001', 'R7.4.1', 'R7.3.31'), '終了日', 'date-order'],
    ['unknown kind', assignmentRow('T0001', 'R7.4.1', '', '研修'), '区分', 'unknown-value'],
    ['dispatch without destination', assignmentRow('T0001', 'R7.4.1', '', '派遣'), '派遣先', 'dispatch-to-required'],
    ['destination on a regular assignment', assignmentRow('T0001', 'R7.4.1', '', '', '架空市'), '派遣先', 'dispatch-to-not-allowed'],
    ['destination with markup', assignmentRow('T0001', 'R7.4.1', '', '派遣', '<img src=x>'), '派遣先', 'markup-not-allowed'],
    ['bad employee number', assignmentRow('T/1', 'R7.4.1'), '職員番号', 'invalid-format'],
    ['unit code with a control character', assignmentRow('T0001', 'R7.4.1', '', '', '', 'U\u00071'), '所属コード', 'control-char'],
  ])('%s', (_label, row, column, code) => {
    expect(codesOf(validateAssignmentImport(assignmentTable(row)))).toEqual([[2, column, code]]);
  });

  it('ending on the start day is allowed', () => {
    expect(validateAssignmentImport(assignmentTable(assignmentRow('T0001', 'R7.4.1', 'R7.4.1'))).ok).toBe(true);
  });

  it.each<[string, string[][], [number, string, string][]]>([
    [
      'back-to-back regular assignments do not overlap',
      [assignmentRow('T0001', 'R6.4.1', 'R7.3.31'), assignmentRow('T0001', 'R7.4.1')],
      [],
    ],
    [
      'a shared day overlaps',
      [assignmentRow('T0001', 'R6.4.1', 'R7.4.1'), assignmentRow('T0001', 'R7.4.1')],
      [[3, '開始日', 'overlapping-assignment']],
    ],
    [
      'two open-ended regular assignments overlap',
      [assignmentRow('T0001', 'R7.4.1'), assignmentRow('T0001', 'R2.4.1')],
      [[3, '開始日', 'overlapping-assignment']],
    ],
    [
      'a later line contained in an earlier one',
      [assignmentRow('T0001', 'R2.4.1', 'R8.3.31'), assignmentRow('T0002', 'R3.4.1'), assignmentRow('T0001', 'R4.4.1', 'R4.9.30')],
      [[4, '開始日', 'overlapping-assignment']],
    ],
    [
      'concurrent and dispatch assignments may overlap a regular one',
      [
        assignmentRow('T0001', 'R2.4.1'),
        assignmentRow('T0001', 'R3.4.1', '', '兼務'),
        assignmentRow('T0001', 'R3.4.1', '', '派遣', '架空市'),
      ],
      [],
    ],
    [
      'different employees never overlap each other',
      [assignmentRow('T0001', 'R2.4.1'), assignmentRow('T0002', 'R2.4.1')],
      [],
    ],
    [
      'the same number written full-width is the same employee',
      [assignmentRow('T0001', 'R2.4.1'), assignmentRow('Ｔ０００１', 'R3.4.1')],
      [[3, '開始日', 'overlapping-assignment']],
    ],
  ])('%s', (_label, rows, expected) => {
    expect(codesOf(validateAssignmentImport(assignmentTable(...rows)))).toEqual(expected);
  });

  it('names the earlier line in an overlap message', () => {
    const [error] = errorsOf(
      validateAssignmentImport(assignmentTable(assignmentRow('T0001', 'R6.4.1', 'R7.4.1'), assignmentRow('T0001', 'R7.4.1'))),
    );
    expect(error?.message).toBe(
      "職員番号 'T0001' の通常の配属（2025-04-01〜）が2行目（2024-04-01〜2025-04-01）と重なっています。",
    );
  });

  it('reports missing columns and accepts aliases', () => {
    expect(codesOf(validateAssignmentImport({ header: ['職員番号', 'unitCode'], rows: [{ line: 2, cells: ['T0001', 'U1'] }] }))).toEqual([
      [1, '職位コード', 'missing-column'],
      [1, '開始日', 'missing-column'],
    ]);
  });
});

describe('checkAgainstReferenceData', () => {
  const reference = {
    existingEmployeeNumbers: new Set(['T0001']),
    unitCodes: new Set(['U100']),
    positionCodes: new Set(['P10']),
    knownEmployeeNumbers: new Set(['T0001', 'T0002']),
  };

  it('flags staff numbers already registered', () => {
    const result = validateStaffImport(staffTable(buildStaffImportCells({ 職員番号: 'T0001' }), buildStaffImportCells({ 職員番号: 'T0009' })));
    if (!result.ok) throw new Error('fixture should be valid');
    expect(checkAgainstReferenceData(result.records, reference, result.columnNames)).toEqual([
      { line: 2, column: '職員番号', code: 'employee-number-exists', message: "職員番号 'T0001' はすでに登録されています。" },
    ]);
  });

  it('flags unknown employees, units and positions in assignments, using the file header names', () => {
    const header = ['employeeNumber', 'unitCode', 'positionCode', 'startsOn'];
    const result = validateAssignmentImport({
      header,
      rows: [
        { line: 2, cells: ['T0001', 'U100', 'P10', 'R7.4.1'] },
        { line: 3, cells: ['T0003', 'U999', 'P99', 'R7.4.1'] },
      ],
    });
    if (!result.ok) throw new Error('fixture should be valid');
    expect(checkAgainstReferenceData(result.records, reference, result.columnNames).map((error) => [error.line, error.column, error.code])).toEqual([
      [3, 'employeeNumber', 'unknown-employee'],
      [3, 'unitCode', 'unknown-unit'],
      [3, 'positionCode', 'unknown-position'],
    ]);
  });

  it('falls back to the Japanese labels without column names', () => {
    const record: AssignmentImportRecord = {
      line: 5,
      employeeNumber: 'T0001',
      unitCode: 'U100',
      positionCode: 'P99',
      startsOn: '2025-04-01',
      endsOn: null,
      kind: 'regular',
      dispatchTo: null,
    };
    expect(checkAgainstReferenceData([record], reference)).toEqual([
      { line: 5, column: '職位コード', code: 'unknown-position', message: "職位コード 'P99' の職位が見つかりません。" },
    ]);
  });
});
