import { describe, expect, it } from 'vitest';
import { scanImportText, type CheckedSlice, type ImportReference } from './import-scan.js';
import { validateAssignmentImport, validateStaffImport } from '../../domain/org/staff-import.js';
import { parseCsvText } from '../common/csv-codec.js';

const reference: ImportReference = {
  staffByNumber: new Map([
    ['A1', { id: 1, birthDate: '1980-01-01' }],
    ['A2', { id: 2, birthDate: '1981-02-02' }],
  ]),
  unitIdByCode: new Map([
    ['U1', 10],
    ['U2', 11],
  ]),
  positionIdByCode: new Map([['P1', 20]]),
};

const staffHeader = '職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,雇用形態,職種,性別,退職日,資格';
const assignmentHeader = '職員番号,所属コード,職位コード,開始日,終了日,区分,派遣先';
const staffRow = (number: string, extra = '') => `${number},試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,${extra}`;
const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** Cuts text into pieces of `size` characters, as the commit reads stored content. */
function piecesOf(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

async function scan(kind: 'staff' | 'assignments', text: string, sliceLines: number, pieceSize = Number.MAX_SAFE_INTEGER) {
  const slices: CheckedSlice[] = [];
  const result = await scanImportText(kind, piecesOf(text, pieceSize), reference, {
    sampleSize: 20,
    sliceLines,
    onCheckedSlice: async (slice) => {
      slices.push(slice);
    },
  });
  const records: unknown[] = slices.flatMap((slice): unknown[] => slice.records);
  return { ...result, records, sliceCount: slices.length };
}

const summary = (errors: { line: number; column: string; code: string }[]) => errors.map((e) => `${e.line}:${e.column}:${e.code}`);

describe('scanImportText', () => {
  it('gives the same records, rows and sample whatever the slice size, in file order', async () => {
    const lines = [staffHeader];
    for (let i = 0; i < 23; i += 1) lines.push(staffRow(`B${i}`));
    const text = csv(...lines);
    const whole = validateStaffImport(parseCsvText(text) as never);
    if (!whole.ok) throw new Error('fixture invalid');
    for (const size of [1, 2, 7, 10_000]) {
      const result = await scan('staff', text, size);
      expect(result.errors).toEqual([]);
      expect(result.totalRows).toBe(23);
      expect(result.sample).toHaveLength(20);
      expect(result.records).toEqual(whole.records);
      expect(result.sliceCount).toBe(Math.ceil(23 / Math.min(size, 23)));
    }
  });

  it('keeps line numbers right across slices, with quoted line breaks and blank lines', async () => {
    const text = csv(
      staffHeader,
      staffRow('B1'),
      '',
      'B2,"試\r\n験",太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
      staffRow('B3'),
      'B4,試験,太郎,シケン,タロウ,1980-13-01,2005-04-01,正規,,,,',
      '"B5",試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,"一般\n事務",,,',
      staffRow('B6'),
      'B7,試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正社員,,,,',
    );
    const whole = validateStaffImport(parseCsvText(text) as never);
    const expected = whole.ok ? [] : summary(whole.errors);
    expect(expected).toEqual(['4:氏:control-char', '7:生年月日:invalid-date', '8:職種:control-char', '11:雇用形態:unknown-value']);
    for (const size of [1, 2, 3, 5, 10_000]) {
      expect(summary((await scan('staff', text, size)).errors)).toEqual(expected);
    }
  });

  it('gives the same answer however the text is cut into pieces (CRLF split included)', async () => {
    const text = csv(
      staffHeader,
      '',
      staffRow('B1'),
      'B2,"試\r\n験",太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
      'B3,試験,太郎,シケン,タロウ,1980-13-01,2005-04-01,正規,,,,',
    ).replace(/\r\n(?=B3)/u, '\r').replace(/\r\n(?=B1)/u, '\n');
    const expected = await scan('staff', text, 2);
    const whole = validateStaffImport(parseCsvText(text) as never);
    expect(summary(expected.errors)).toEqual(whole.ok ? [] : summary(whole.errors));
    expect(summary(expected.errors)).toEqual(['4:氏:control-char', '6:生年月日:invalid-date']);
    for (const sliceLines of [1, 2, 1000]) {
      const whole = await scan('staff', text, sliceLines);
      expect(whole.errors).toEqual(expected.errors);
      for (const pieceSize of [1, 2, 3, 5, 8, 13]) {
        const result = await scan('staff', text, sliceLines, pieceSize);
        expect({ pieceSize, sliceLines, errors: result.errors, records: result.records, totalRows: result.totalRows }).toEqual({
          pieceSize,
          sliceLines,
          errors: whole.errors,
          records: whole.records,
          totalRows: whole.totalRows,
        });
      }
    }
  });

  it('finds an employee number repeated in another slice', async () => {
    const text = csv(staffHeader, staffRow('B1'), staffRow('B2'), staffRow('B3'), staffRow('Ｂ１'));
    for (const size of [1, 2, 10_000]) {
      const result = await scan('staff', text, size);
      expect(summary(result.errors)).toEqual(['5:職員番号:duplicate-employee-number']);
      expect(result.errors[0]?.message).toContain('2行目');
    }
  });

  it('finds overlapping regular assignments in different slices, not concurrent ones', async () => {
    const text = csv(
      assignmentHeader,
      'A1,U1,P1,2020-04-01,2022-03-31,,',
      'A2,U1,P1,2020-04-01,,,',
      'A1,U2,P1,2021-04-01,2021-09-30,兼務,',
      'A1,U2,P1,2022-03-31,,,',
      'A2,U2,P1,2019-04-01,2020-03-31,,',
    );
    const whole = validateAssignmentImport(parseCsvText(text) as never);
    expect(whole.ok ? [] : summary(whole.errors)).toEqual(['5:開始日:overlapping-assignment']);
    for (const size of [1, 2, 10_000]) {
      const result = await scan('assignments', text, size);
      expect(summary(result.errors)).toEqual(['5:開始日:overlapping-assignment']);
      expect(result.errors[0]?.message).toContain('2行目（2020-04-01〜2022-03-31）');
    }
  });

  it('checks every slice against the reference data', async () => {
    const text = csv(assignmentHeader, 'A1,U1,P1,2020-04-01,,,', 'A9,U1,P1,2020-04-01,,,', 'A2,UX,P1,2020-04-01,,,', 'A2,U1,PX,2019-04-01,2020-03-31,,');
    for (const size of [1, 10_000]) {
      expect(summary((await scan('assignments', text, size)).errors)).toEqual([
        '3:職員番号:unknown-employee',
        '4:所属コード:unknown-unit',
        '5:職位コード:unknown-position',
      ]);
    }
  });

  it('flags a registered number with another birth date, and 〓 in text', async () => {
    const text = csv(staffHeader, staffRow('A1'), 'A2,〓田,太郎,シケン,タロウ,1981-02-02,2005-04-01,正規,,,,', staffRow('A3'));
    expect(summary((await scan('staff', text, 1)).errors)).toEqual(['3:氏:substitution-mark']);
    const other = csv(staffHeader, 'A2,試験,太郎,シケン,タロウ,1990-01-01,2005-04-01,正規,,,,');
    expect(summary((await scan('staff', other, 1)).errors)).toEqual(['2:生年月日:probable-duplicate']);
  });

  it('hands no slice to the writer after the first error, but reports every error', async () => {
    const text = csv(staffHeader, staffRow('B1'), staffRow('B2'), 'B3,,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,', staffRow('B4'), 'B5,試験,,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,');
    const result = await scan('staff', text, 1);
    expect(result.sliceCount).toBe(2);
    expect(summary(result.errors)).toEqual(['4:氏:required', '6:名:required']);
  });

  it('reports a parse failure in a later slice once, at its line', async () => {
    const text = csv(staffHeader, staffRow('B1'), staffRow('B2'), 'B3,"試験,太郎', staffRow('B4'));
    for (const size of [1, 2, 10_000]) {
      expect(summary((await scan('staff', text, size)).errors)).toEqual(['4::unbalanced-quote']);
    }
  });

  it('reports header problems once, and empty or header-only files', async () => {
    const text = csv('職員番号,氏,名,氏カナ,名カナ,採用日,雇用形態', 'B1,試験,太郎,シケン,タロウ,2005-04-01,正規', 'B2,試験,太郎,シケン,タロウ,2005-04-01,正規');
    expect(summary((await scan('staff', text, 1)).errors)).toEqual(['1:生年月日:missing-column']);
    expect(summary((await scan('staff', '', 1)).errors)).toEqual(['1::empty']);
    expect(summary((await scan('staff', '\r\n \r\n', 1)).errors)).toEqual(['1::empty']);
    expect(summary((await scan('staff', csv(staffHeader, ',,,', ''), 1)).errors)).toEqual(['1::header-only']);
    expect(summary((await scan('staff', staffHeader, 1)).errors)).toEqual(['1::header-only']);
  });
});
