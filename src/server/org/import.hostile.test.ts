/**
 * Hostile uploads: every one gets a clear error with its line number, cannot be committed, and leaves the
 * staff, assignment and qualification tables exactly as they were.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { ImportIssue, ImportKind, ImportPreview } from '../../domain/org/org-api.js';
import { countImportedRows } from './org-fixtures.repository.js';
import { assignmentHeader, csv, sjis, staffHeader, uploadImport, utf8 } from './import-test-files.js';

let h: Harness;
let hr: Session;
let unitCode: string;
let positionCode: string;
let registered: { employeeNumber: string; birthDate: string };

const goodRow = (number: string) => `${number},試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,`;
const counts = () => countImportedRows(h.database.db);
const upload = (kind: ImportKind, bytes: Uint8Array, encoding: string) => uploadImport(h, hr, kind, bytes, encoding, 'hostile.csv');

/** Uploads, expects a preview that cannot be committed, and checks that committing it is refused. */
async function rejected(kind: ImportKind, bytes: Uint8Array, encoding = 'utf-8'): Promise<ImportIssue[]> {
  const res = await upload(kind, bytes, encoding);
  expect(res.status).toBe(200);
  const preview = (await res.json()) as ImportPreview;
  expect(preview.canCommit).toBe(false);
  expect(preview.errorCount).toBe(preview.errors.length);
  expect(preview.errors.length).toBeGreaterThan(0);
  for (const error of preview.errors) {
    expect(error.line).toBeGreaterThanOrEqual(1);
    expect(error.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
  }
  const commit = await h.call(hr, 'POST', `/api/imports/${preview.importId}/commit`);
  expect(commit.status).toBe(409);
  return preview.errors;
}

const summary = (errors: ImportIssue[]) => errors.map((e) => ({ line: e.line, column: e.column, code: e.code }));

let before: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrOfficer');
  const [unit] = await h.queryRows<{ code: string }>(sql`select code from org_units order by code limit 1`);
  unitCode = String(unit!.code);
  const [position] = await h.queryRows<{ code: string }>(sql`select code from positions order by code limit 1`);
  positionCode = String(position!.code);
  const [row] = await h.queryRows<{ employee_number: string; birth_date: string }>(sql`select employee_number, birth_date from staff order by id limit 1`);
  registered = { employeeNumber: row!.employee_number, birthDate: row!.birth_date };
});
afterAll(() => h.close());
beforeEach(async () => {
  before = await counts();
});
afterEach(async () => {
  expect(await counts()).toEqual(before);
});

describe('broken bytes', () => {
  it('invalid UTF-8 in the middle of a file: the line is named', async () => {
    const bytes = Buffer.concat([utf8(csv(staffHeader, goodRow('H0001'))), Buffer.from([0x48, 0x30, 0x30, 0x30, 0x32, 0x2c, 0xff, 0xfe, 0x2c]), utf8('x\r\n')]);
    expect(summary(await rejected('staff', bytes))).toEqual([{ line: 3, column: '', code: 'invalid-bytes' }]);
  });

  it('a multibyte character cut off at the end of a UTF-8 file', async () => {
    const whole = utf8(csv(staffHeader, goodRow('H0001'), 'H0002,試験'));
    const truncated = whole.subarray(0, whole.length - 3); // drops CRLF and the last byte of 験
    expect(summary(await rejected('staff', truncated))).toEqual([{ line: 3, column: '', code: 'invalid-bytes' }]);
  });

  it('a Shift_JIS lead byte with nothing after it', async () => {
    const bytes = Buffer.concat([sjis(csv(staffHeader, goodRow('H0001'))), Buffer.from([0x48, 0x31, 0x2c, 0x82])]);
    expect(summary(await rejected('staff', bytes, 'shift_jis'))).toEqual([{ line: 3, column: '', code: 'invalid-bytes' }]);
  });

  it('a Shift_JIS file sent as UTF-8', async () => {
    const errors = await rejected('staff', sjis(csv(staffHeader, goodRow('H0001'))), 'utf-8');
    expect(summary(errors)).toEqual([{ line: 1, column: '', code: 'invalid-bytes' }]);
  });

  it('a UTF-8 file with BOM sent as Shift_JIS', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(csv(staffHeader, goodRow('H0001')))]);
    expect(summary(await rejected('staff', bytes, 'shift_jis'))).toEqual([{ line: 1, column: '', code: 'bom-mismatch' }]);
  });
});

describe('broken CSV', () => {
  it('an unbalanced quote names the line where it opens', async () => {
    const text = csv(staffHeader, goodRow('H0001'), 'H0002,"試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,', goodRow('H0003'));
    expect(summary(await rejected('staff', utf8(text)))).toEqual([{ line: 3, column: '', code: 'unbalanced-quote' }]);
  });

  it('an empty file', async () => {
    expect(summary(await rejected('staff', new Uint8Array(0), 'utf-8'))).toEqual([{ line: 1, column: '', code: 'empty' }]);
    expect(summary(await rejected('staff', new Uint8Array(0), 'auto'))).toEqual([{ line: 1, column: '', code: 'empty' }]);
  });

  it('a header and nothing else', async () => {
    expect(summary(await rejected('staff', utf8(csv(staffHeader, ',,,,,,,,,,,'))))).toEqual([{ line: 1, column: '', code: 'header-only' }]);
  });

  it('missing required columns are named on line 1', async () => {
    const errors = await rejected('staff', utf8(csv('職員番号,氏,名,氏カナ,名カナ,採用日', 'H0001,試験,太郎,シケン,タロウ,2005-04-01')));
    expect(summary(errors)).toEqual([
      { line: 1, column: '生年月日', code: 'missing-column' },
      { line: 1, column: '雇用形態', code: 'missing-column' },
    ]);
  });

  it('a row with too many or too few cells', async () => {
    const errors = await rejected('staff', utf8(csv(staffHeader, goodRow('H0001'), `${goodRow('H0002')},余分`, 'H0003,試験')));
    expect(summary(errors)).toEqual([
      { line: 3, column: '', code: 'column-count' },
      { line: 4, column: '', code: 'column-count' },
    ]);
  });

  it('every error of the file at once, in line order, not only the first', async () => {
    const errors = await rejected(
      'staff',
      utf8(csv(staffHeader, 'H0001,試験,太郎,しけん,タロウ,1980-02-30,2005-04-01,正社員,,,,', 'H 2,,太郎,Shiken,タロウ,1980-01-01,1979-04-01,正規,,,,')),
    );
    expect(summary(errors)).toEqual([
      { line: 2, column: '生年月日', code: 'invalid-date' },
      { line: 2, column: '雇用形態', code: 'unknown-value' },
      { line: 3, column: '職員番号', code: 'invalid-format' },
      { line: 3, column: '氏', code: 'required' },
      { line: 3, column: '氏カナ', code: 'not-kana' },
      { line: 3, column: '採用日', code: 'date-order' },
    ]);
  });
});

describe('duplicates', () => {
  it('the same employee number twice in one file (full-width and half-width alike)', async () => {
    const errors = await rejected('staff', utf8(csv(staffHeader, goodRow('H0001'), goodRow('H0002'), goodRow('Ｈ０００１'))));
    expect(summary(errors)).toEqual([{ line: 4, column: '職員番号', code: 'duplicate-employee-number' }]);
    expect(errors[0]?.message).toContain('2行目');
  });

  it('a registered employee number with another birth date is a probable duplicate', async () => {
    const other = registered.birthDate === '1970-01-01' ? '1971-01-01' : '1970-01-01';
    const row = `${registered.employeeNumber},別人,太郎,ベツジン,タロウ,${other},2005-04-01,正規,,,,`;
    const errors = await rejected('staff', utf8(csv(staffHeader, goodRow('H0001'), row)));
    expect(summary(errors)).toEqual([{ line: 3, column: '生年月日', code: 'probable-duplicate' }]);
    expect(errors[0]?.message).not.toContain(registered.birthDate);
  });

  it('assignments naming unknown employees, units and positions', async () => {
    const errors = await rejected(
      'assignments',
      utf8(
        csv(
          assignmentHeader,
          `${registered.employeeNumber},${unitCode},${positionCode},2024-04-01,,,`,
          `ZZ404,${unitCode},${positionCode},2024-04-01,,,`,
          `${registered.employeeNumber},NO-SUCH-UNIT,${positionCode},2020-04-01,2021-03-31,,`,
          `${registered.employeeNumber},${unitCode},NO-SUCH-POST,2019-04-01,2020-03-31,,`,
        ),
      ),
    );
    expect(summary(errors)).toEqual([
      { line: 3, column: '職員番号', code: 'unknown-employee' },
      { line: 4, column: '所属コード', code: 'unknown-unit' },
      { line: 5, column: '職位コード', code: 'unknown-position' },
    ]);
  });

  it('overlapping regular assignments of one employee', async () => {
    const errors = await rejected(
      'assignments',
      utf8(
        csv(
          assignmentHeader,
          `${registered.employeeNumber},${unitCode},${positionCode},2020-04-01,2022-03-31,,`,
          `${registered.employeeNumber},${unitCode},${positionCode},2021-04-01,,,`,
        ),
      ),
    );
    expect(summary(errors)).toEqual([{ line: 3, column: '開始日', code: 'overlapping-assignment' }]);
  });
});

describe('hostile text', () => {
  it('formula prefixes, half- and full-width, in any text column', async () => {
    const errors = await rejected(
      'staff',
      utf8(
        csv(
          staffHeader,
          'H0001,"=HYPERLINK(""http://x"")",太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
          'H0002,試験,＋cmd,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
          'H0003,試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,@SUM(A1),,,',
          'H0004,試験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,-2+3',
        ),
      ),
    );
    expect(summary(errors)).toEqual([
      { line: 2, column: '氏', code: 'formula-prefix' },
      { line: 3, column: '名', code: 'formula-prefix' },
      { line: 4, column: '職種', code: 'formula-prefix' },
      { line: 5, column: '資格', code: 'formula-prefix' },
    ]);
  });

  it('markup in names', async () => {
    const errors = await rejected(
      'staff',
      utf8(csv(staffHeader, 'H0001,<script>alert(1)</script>,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,', 'H0002,試験,<b>太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,')),
    );
    expect(summary(errors)).toEqual([
      { line: 2, column: '氏', code: 'markup-not-allowed' },
      { line: 3, column: '名', code: 'markup-not-allowed' },
    ]);
  });

  it('bidi overrides, controls and private-use (外字) characters', async () => {
    const errors = await rejected(
      'staff',
      utf8(
        csv(
          staffHeader,
          'H0001,試\u202E験,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
          'H0002,試験,太\u0007郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
          'H0003,\uE000,太郎,シケン,タロウ,1980-01-01,2005-04-01,正規,,,,',
        ),
      ),
    );
    expect(summary(errors)).toEqual([
      { line: 2, column: '氏', code: 'control-char' },
      { line: 3, column: '名', code: 'control-char' },
      { line: 4, column: '氏', code: 'private-use-char' },
    ]);
  });
});

describe('size', () => {
  it('a 50 MB upload is refused with 413 and nothing is written, not even a job', async () => {
    const jobs = await h.queryCount(sql`select count(*)::int as n from import_jobs`);
    const row = utf8(`${goodRow('H0001')}\r\n`);
    const big = Buffer.alloc(50 * 1024 * 1024, 0x20);
    for (let offset = 0; offset + row.length <= big.length; offset += row.length) row.copy(big, offset);
    const res = await upload('staff', big, 'utf-8');
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('org.import-too-large');
    expect(await h.queryCount(sql`select count(*)::int as n from import_jobs`)).toBe(jobs);
  });
});
