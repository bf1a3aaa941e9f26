import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { ImportKind, ImportPreview } from '../../domain/org/org-api.js';
import { countImportedRows } from './org-fixtures.repository.js';
import { assignmentHeader, csv, sjis, staffHeader, uploadImport, utf8, utf8Bom } from './import-test-files.js';

let h: Harness;
let hr: Session;
let unitCode: string;
let otherUnitCode: string;
let positionCode: string;
let existing: { employeeNumber: string; birthDate: string; id: number; version: number };

type CommitLine = { type: string; processed?: number; total?: number; inserted?: number; updated?: number; deleted?: number; replacedStaff?: number; code?: string; details?: unknown };

const upload = (kind: ImportKind, bytes: Uint8Array, encoding = 'utf-8', session = hr) => uploadImport(h, session, kind, bytes, encoding, '職員.csv');

async function preview(kind: ImportKind, bytes: Uint8Array, encoding = 'utf-8'): Promise<ImportPreview> {
  const res = await upload(kind, bytes, encoding);
  expect(res.status).toBe(200);
  return (await res.json()) as ImportPreview;
}

async function commit(importId: number): Promise<{ status: number; lines: CommitLine[]; body: string; contentType: string | null }> {
  const res = await h.call(hr, 'POST', `/api/imports/${importId}/commit`);
  const body = await res.text();
  const lines = res.status === 200 ? body.trim().split('\n').map((line) => JSON.parse(line) as CommitLine) : [];
  return { status: res.status, lines, body, contentType: res.headers.get('content-type') };
}

const counts = () => countImportedRows(h.database.db);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  const units = await h.queryRows<{ code: string }>(sql`select code from org_units order by code limit 2`);
  unitCode = String(units[0]!.code);
  otherUnitCode = String(units[1]!.code);
  const [position] = await h.queryRows<{ code: string }>(sql`select code from positions order by rank desc limit 1`);
  positionCode = String(position!.code);
  const [row] = await h.queryRows<{ id: number; employee_number: string; birth_date: string; version: number }>(
    sql`select id, employee_number, birth_date, version from staff where employee_number not like 'A%' order by id limit 1`,
  );
  existing = { id: Number(row!.id), employeeNumber: row!.employee_number, birthDate: row!.birth_date, version: Number(row!.version) };
});
afterAll(() => h.close());

const goodStaff = csv(
  staffHeader,
  // full-width digits in the number, 和暦 dates in three notations, qualifications split on ';'
  '９００１,試験,一郎,シケン,イチロウ,昭和55年1月2日,H15.4.1,正規,一般事務,男,,普通自動車免許;簿記2級',
  'T9002,見本,花子,みほん,はなこ,1990/05/06,令和2年4月1日,会計年度任用(パートタイム),保育士,女,,',
  'T9003,仮名,次郎,ｶﾒｲ,ｼﾞﾛｳ,平成2年12月31日,R7.4.1,regular,,,,保健師',
);

describe('preview', () => {
  it('reads a UTF-8 file without BOM, with 和暦 dates and full-width digits', async () => {
    const before = await counts();
    const p = await preview('staff', utf8(goodStaff), 'utf-8');
    expect(p.errors).toEqual([]);
    expect(p).toMatchObject({ kind: 'staff', mode: 'upsert', encoding: 'utf-8', totalRows: 3, errorCount: 0, canCommit: true });
    expect(p.header[0]).toBe('職員番号');
    expect(p.sample).toHaveLength(3);
    expect(p.sample[0]?.[0]).toBe('９００１');
    expect(await counts()).toEqual(before);
  });

  it('reads a UTF-8 file with BOM when the encoding is auto, and the BOM stays out of the header', async () => {
    const p = await preview('staff', utf8Bom(goodStaff), 'auto');
    expect(p).toMatchObject({ encoding: 'utf-8', errorCount: 0, canCommit: true });
    expect(p.header[0]).toBe('職員番号');
  });

  it('reads a Shift_JIS (CP932) file, including CP932-only characters', async () => {
    const text = goodStaff.replace('試験,一郎', '髙﨑,一郎');
    const p = await preview('staff', sjis(text), 'shift_jis');
    expect(p).toMatchObject({ encoding: 'shift_jis', errorCount: 0, canCommit: true });
    expect(p.sample[0]?.[1]).toBe('髙﨑');
  });

  it('refuses to guess: auto without a BOM is a 400', async () => {
    const res = await upload('staff', sjis(goodStaff), 'auto');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('org.import-encoding-required');
  });

  it('gives at most 20 sample rows but counts all', async () => {
    const lines = [staffHeader];
    for (let i = 0; i < 25; i += 1) lines.push(`S${7000 + i},多数,太郎,タスウ,タロウ,1980-01-01,2005-04-01,正規,,,,`);
    const p = await preview('staff', utf8(csv(...lines)));
    expect(p.totalRows).toBe(25);
    expect(p.sample).toHaveLength(20);
  });

  it('is refused to people without the import permission', async () => {
    const staffSession = await h.loginAs('staff');
    const res = await upload('staff', utf8(goodStaff), 'utf-8', staffSession);
    expect(res.status).toBe(403);
  });
});

describe('commit', () => {
  it('writes a good staff file in one go, streams progress as NDJSON, audits with counts only', async () => {
    const before = await counts();
    const p = await preview('staff', utf8(goodStaff));
    const result = await commit(p.importId);
    expect(result.status).toBe(200);
    expect(result.contentType).toMatch(/application\/x-ndjson/);
    expect(result.lines[0]).toEqual({ type: 'progress', processed: 0, total: 3 });
    expect(result.lines.at(-2)).toEqual({ type: 'progress', processed: 3, total: 3 });
    expect(result.lines.at(-1)).toMatchObject({ type: 'done', inserted: 3, updated: 0 });
    expect(await counts()).toEqual({ ...before, staff: before.staff + 3, qualifications: before.qualifications + 3 });

    const stored = await h.queryRows<{ search_key: string }>(
      sql`select employee_number, family_name_kana, given_name_kana, birth_date, hire_date, employment_type, sex, search_key, version from staff where employee_number in ('9001','T9003') order by employee_number`,
    );
    expect(stored).toMatchObject([
      { employee_number: '9001', birth_date: '1980-01-02', hire_date: '2003-04-01', employment_type: 'regular', sex: 'male', version: 1 },
      { employee_number: 'T9003', family_name_kana: 'カメイ', given_name_kana: 'ジロウ', birth_date: '1990-12-31', hire_date: '2025-04-01' },
    ]);
    expect(String(stored[0]!.search_key)).toContain('シケンイチロウ');

    const audit = await h.queryRows<{ details: Record<string, unknown> }>(
      sql`select outcome, object_id, details from audit_log where action = 'org.import-committed' order by seq desc limit 1`,
    );
    expect(audit[0]).toMatchObject({ outcome: 'succeeded', object_id: String(p.importId) });
    const details = audit[0]!.details;
    expect(details).toMatchObject({ kind: 'staff', mode: 'upsert', rows: 3, inserted: 3, updated: 0 });
    expect(JSON.stringify(details)).not.toContain('試験');

    const status = await h.call(hr, 'GET', `/api/imports/${p.importId}`);
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ importId: p.importId, status: 'committed', totalRows: 3, errorCount: 0 });
    const content = await h.queryRows<{ content: string | null }>(sql`select content from import_jobs where id = ${p.importId}`);
    expect(content[0]!.content).toBeNull();
  });

  it('cannot commit the same job twice (409 org.import-closed)', async () => {
    const p = await preview('staff', utf8(csv(staffHeader, 'T9101,二度,目,ニド,メ,1985-03-03,2010-04-01,正規,,,,')));
    expect((await commit(p.importId)).lines.at(-1)?.type).toBe('done');
    const before = await counts();
    const again = await commit(p.importId);
    expect(again.status).toBe(409);
    expect(JSON.parse(again.body)).toMatchObject({ error: { code: 'org.import-closed' } });
    expect(await counts()).toEqual(before);
  });

  it('lets exactly one of two simultaneous commits of a job win', async () => {
    const p = await preview('staff', utf8(csv(staffHeader, 'T9201,同時,太郎,ドウジ,タロウ,1985-03-03,2010-04-01,正規,,,,')));
    const before = await counts();
    const [a, b] = await Promise.all([commit(p.importId), commit(p.importId)]);
    const outcomes = [a, b].map((r) => (r.status === 200 ? r.lines.at(-1)?.type === 'done' ? 'done' : r.lines.at(-1)?.code : r.status));
    expect(outcomes.filter((o) => o === 'done')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 409 || o === 'org.import-closed')).toHaveLength(1);
    expect((await counts()).staff).toBe(before.staff + 1);
  });

  it('updates registered staff matched by employee number, bumps version, keeps columns the file leaves out', async () => {
    await h.database.db.execute(sql`update staff set job_category = '土木' where id = ${existing.id}`);
    const file = csv(
      '職員番号,氏,名,氏カナ,名カナ,生年月日,採用日,雇用形態',
      `${existing.employeeNumber},更新,後名,コウシン,ゴメイ,${existing.birthDate},2001-04-01,再任用`,
    );
    const p = await preview('staff', utf8(file));
    expect(p.errors).toEqual([]);
    const result = await commit(p.importId);
    expect(result.lines.at(-1)).toMatchObject({ type: 'done', inserted: 0, updated: 1 });
    const row = await h.queryRows(sql`select family_name, employment_type, job_category, version from staff where id = ${existing.id}`);
    expect(row[0]).toMatchObject({ family_name: '更新', employment_type: 'reappointed', job_category: '土木', version: existing.version + 1 });
  });

  it('replaces the whole assignment history of each employee the file names, and nobody else\'s', async () => {
    const untouched = await h.queryCount(sql`select count(*)::int as n from assignments a join staff s on s.id = a.staff_id where s.employee_number <> 'T9002'`);
    const first = await preview(
      'assignments',
      utf8(csv(assignmentHeader, `T9002,${unitCode},${positionCode},2020-04-01,2023-03-31,,`, `T9002,${otherUnitCode},${positionCode},R5.4.1,,通常,`)),
    );
    expect(first).toMatchObject({ mode: 'replace', errorCount: 0, canCommit: true });
    expect((await commit(first.importId)).lines.at(-1)).toMatchObject({ type: 'done', inserted: 2, deleted: 0, replacedStaff: 1 });

    const second = await preview(
      'assignments',
      utf8(csv(assignmentHeader, `T9002,${otherUnitCode},${positionCode},2020-04-01,,,`, `T9002,${unitCode},${positionCode},2021-04-01,,派遣,県庁`)),
    );
    expect(second.errors).toEqual([]);
    expect((await commit(second.importId)).lines.at(-1)).toMatchObject({ type: 'done', inserted: 2, deleted: 2, replacedStaff: 1 });
    const rows = await h.queryRows(
      sql`select u.code, a.kind, a.dispatch_to, a.starts_on, a.ends_on from assignments a join staff s on s.id = a.staff_id join org_units u on u.id = a.unit_id where s.employee_number = 'T9002' order by a.starts_on`,
    );
    expect(rows).toEqual([
      { code: otherUnitCode, kind: 'regular', dispatch_to: null, starts_on: '2020-04-01', ends_on: null },
      { code: unitCode, kind: 'dispatch', dispatch_to: '県庁', starts_on: '2021-04-01', ends_on: null },
    ]);
    expect(await h.queryCount(sql`select count(*)::int as n from assignments a join staff s on s.id = a.staff_id where s.employee_number <> 'T9002'`)).toBe(untouched);
  });

  it('moves evaluator and confirmer relations with an imported transfer, in the same commit', async () => {
    const evaluator = await h.loginAs('evaluator');
    const staffId = Number((await h.queryRows(sql`select id from staff where employee_number = 'A0005'`))[0]!.id);
    expect((await h.call(evaluator, 'GET', `/api/staff/${staffId}`)).status).toBe(200);
    // A section elsewhere in the city whose supervisor is not the demo evaluator.
    const target = await h.queryRows(sql`select u.code from org_units u join org_unit_versions v on v.unit_id = u.id
      where v.kind = 'section' and v.ends_on is null and u.code not like (select substring(code from 1 for 7) from org_units x
        join assignments a on a.unit_id = x.id join staff s on s.id = a.staff_id where s.employee_number = 'A0004' and a.ends_on is null limit 1) || '%'
      order by u.code limit 1`);
    const sectionCode = String(target[0]!.code);
    const p = await preview('assignments', utf8(csv(assignmentHeader, `A0005,${sectionCode},shuji,2023-04-01,,,`)));
    expect(p.errors).toEqual([]);
    expect((await commit(p.importId)).lines.at(-1)).toMatchObject({ type: 'done' });
    expect((await h.call(evaluator, 'GET', `/api/staff/${staffId}`)).status).toBe(403);
    const relations = (await (await h.call(hr, 'GET', `/api/relations?staffId=${staffId}`)).json()) as {
      relations: { kind: string; holderStaffId: number; isEffective: boolean }[];
    };
    const a0004 = Number((await h.queryRows(sql`select id from staff where employee_number = 'A0004'`))[0]!.id);
    const effective = relations.relations.filter((r) => r.isEffective && r.kind === 'evaluator');
    expect(effective.length).toBe(1);
    expect(effective[0]!.holderStaffId).not.toBe(a0004);
  });

  it('does not commit a file with one bad line, and writes nothing', async () => {
    const before = await counts();
    const p = await preview(
      'staff',
      utf8(csv(staffHeader, 'T9301,良い,行,ヨイ,ギョウ,1985-03-03,2010-04-01,正規,,,,', 'T9302,悪い,行,ワルイ,ギョウ,1985-13-03,2010-04-01,正規,,,,')),
    );
    expect(p.canCommit).toBe(false);
    expect(p.errors).toEqual([expect.objectContaining({ line: 3, column: '生年月日', code: 'invalid-date' })]);
    const result = await commit(p.importId);
    expect(result.status).toBe(409);
    expect(JSON.parse(result.body)).toMatchObject({ error: { code: 'org.import-closed' } });
    expect(await counts()).toEqual(before);
    const status = (await (await h.call(hr, 'GET', `/api/imports/${p.importId}`)).json()) as { status: string; errors: unknown[] };
    expect(status.status).toBe('failed');
    expect(status.errors).toHaveLength(1);
  });

  it('re-validates at commit: a change in the database since the preview fails the whole commit', async () => {
    const p = await preview(
      'assignments',
      utf8(csv(assignmentHeader, `T9003,${unitCode},${positionCode},2025-04-01,,,`, `T9101,${unitCode},${positionCode},2025-04-01,,,`)),
    );
    expect(p.canCommit).toBe(true);
    // The position disappears between preview and commit.
    await h.database.db.execute(
      sql`update positions set code = 'GONE-' || code where code = ${positionCode}`,
    );
    const before = await counts();
    const result = await commit(p.importId);
    await h.database.db.execute(sql`update positions set code = ${positionCode} where code = ${`GONE-${positionCode}`}`);
    expect(result.status).toBe(200);
    const last = result.lines.at(-1)!;
    expect(last).toMatchObject({ type: 'error', code: 'org.import-invalid' });
    expect((last.details as { errors: { line: number; code: string }[] }).errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'unknown-position'],
      [3, 'unknown-position'],
    ]);
    expect(result.lines.some((line) => line.type === 'done')).toBe(false);
    expect(await counts()).toEqual(before);
    const status = (await (await h.call(hr, 'GET', `/api/imports/${p.importId}`)).json()) as { status: string; errorCount: number };
    expect(status).toMatchObject({ status: 'failed', errorCount: 2 });
    expect((await commit(p.importId)).status).toBe(409);
  });

  it('reports progress about every 1,000 rows', async () => {
    const lines = [staffHeader];
    for (let i = 0; i < 2500; i += 1) lines.push(`B${10000 + i},大量,太郎,タイリョウ,タロウ,1980-01-01,2005-04-01,正規,,,,資格${i % 3}`);
    const p = await preview('staff', utf8(csv(...lines)));
    expect(p.canCommit).toBe(true);
    const result = await commit(p.importId);
    expect(result.lines.filter((line) => line.type === 'progress').map((line) => line.processed)).toEqual([0, 1000, 2000, 2500]);
    expect(result.lines.at(-1)).toMatchObject({ type: 'done', inserted: 2500, updated: 0 });
  });

  it('discards a previewed job, which then cannot be committed', async () => {
    const p = await preview('staff', utf8(csv(staffHeader, 'T9401,取消,太郎,トリケシ,タロウ,1985-03-03,2010-04-01,正規,,,,')));
    expect((await h.call(hr, 'DELETE', `/api/imports/${p.importId}`)).status).toBe(204);
    expect((await commit(p.importId)).status).toBe(409);
    expect(((await (await h.call(hr, 'GET', `/api/imports/${p.importId}`)).json()) as { status: string }).status).toBe('discarded');
  });

  it('answers 404 for a job that does not exist', async () => {
    expect((await h.call(hr, 'GET', '/api/imports/999999')).status).toBe(404);
    expect((await commit(999999)).status).toBe(404);
  });
});
