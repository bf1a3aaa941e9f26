import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { createHarness, type Harness } from '../http/test-harness.js';
import { parseCsvText } from '../common/csv-codec.js';
import { renameStaffForTest } from './analysis-fixtures.repository.js';
import { demoStaffSheetId, driveComplaintRevision, driveToConfirmed, loginChain, openCycle, type Sessions } from './analysis-test-journey.js';

type ErrorBody = { error: { code: string; message: string; details?: { count: number; unencodable: Array<Record<string, unknown>> } } };

// The harness's today is 2025-10-01: 2025 後期 and 2025 能力評価 are opened; A0005's 後期 sheet is confirmed on
// 2025-10-02 (00:30 in Japan, still 10-01 in UTC) and later revised by complaint handling on 2025-10-09.
let h: Harness;
let s: Sessions;
let secondHalf: number;
let sheetCount: number;
let sheetId: number;

const header = '職員番号,氏名,所属,職位,年度,評価期間,最終評語,点数,確定日,状態';

async function download(query: string, session = s.hr) {
  const res = await h.call(session, 'GET', `/api/evaluation/exports/grades?${query}`);
  return res;
}

async function rowsOf(res: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const parsed = parseCsvText(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new Error(parsed.message);
  return [parsed.header, ...parsed.rows.map((r) => r.cells)];
}

const rowsOfA0005 = (rows: string[][]) => rows.filter((row) => row[0] === 'A0005');

beforeAll(async () => {
  h = await createHarness();
  s = await loginChain(h);
  const opened = await openCycle(h, s.hr, 2025, 'second-half');
  secondHalf = opened.cycle.id;
  sheetCount = opened.created + (await openCycle(h, s.hr, 2025, 'year')).created;
  sheetId = await demoStaffSheetId(h, secondHalf);
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/evaluation/exports/grades', () => {
  it('gives one row per person and period, grades empty until confirmed, UTF-8 with BOM by default', async () => {
    const res = await download('fiscalYear=2025');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('評価結果_2025年度_2025-10-01.csv')}`);
    const bytes = new Uint8Array(await res.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = await rowsOf(res);
    expect(rows[0]!.join(',')).toBe(header);
    expect(rows).toHaveLength(1 + sheetCount);
    const own = rowsOfA0005(rows);
    expect(own.map((row) => row[5])).toEqual(['後期業績評価', '能力評価']);
    expect(own[0]!.slice(4)).toEqual(['2025', '後期業績評価', '', '', '', '目標設定中']);
    expect(own[0]![2]).not.toBe('');
    expect(own[0]![3]).not.toBe('');
    // sorted by 職員番号
    const numbers = rows.slice(1).map((row) => row[0]!);
    expect(numbers).toEqual([...numbers].sort());
  });

  it("gives the confirmed grade, its points and the day of confirmation in Japan's time", async () => {
    await driveToConfirmed(h, s, sheetId, { openingOn: '2025-10-01', closingOn: '2025-10-01', confirmAt: new Date('2025-10-02T00:30:00+09:00') });
    const own = rowsOfA0005(await rowsOf(await download('fiscalYear=2025')));
    expect(own[0]!.slice(5)).toEqual(['後期業績評価', 'B', '3', '2025-10-02', '確認者確認済み']);
    expect(own[1]!.slice(6)).toEqual(['', '', '', '自己評価中']);
  });

  it('takes the grade revised by complaint handling and the day it was handled', async () => {
    await driveComplaintRevision(h, s, sheetId, { feedbackOn: '2025-10-02', handledAt: new Date('2025-10-09T10:00:00+09:00') }, 'A');
    const own = rowsOfA0005(await rowsOf(await download('fiscalYear=2025')));
    expect(own[0]!.slice(6)).toEqual(['A', '4', '2025-10-09', '苦情処理済み']);
  });

  it('answers a 年度 without cycles with the header only', async () => {
    const res = await download('fiscalYear=2023');
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(await res.arrayBuffer())).toBe(`${header.split(',').map((cell) => `"${cell}"`).join(',')}\r\n`);
  });

  it('writes CP932 on request, refusing characters it cannot hold unless 〓 was accepted', async () => {
    // The demo city names A0002 with 𠮷 on purpose; A0005 gets one here: two rows (後期, 能力評価) each.
    const [person] = await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`);
    await renameStaffForTest(h.database.db, Number(person!.id), '髙橋', '𠮷子');
    const check = await h.callJson<{ count: number; unencodable: Array<Record<string, unknown>> }>(
      s.hr,
      'GET',
      '/api/evaluation/exports/grades/check?fiscalYear=2025&encoding=cp932',
      200,
    );
    expect(check.count).toBe(4);
    expect(check.unencodable).toContainEqual(expect.objectContaining({ columnLabel: '氏名', employeeNumber: 'A0005', char: '𠮷', codePoint: 'U+20BB7' }));
    const refused = await download('fiscalYear=2025&encoding=cp932');
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('org.export-unencodable');
    expect(body.error.details?.count).toBe(4);

    const replaced = await download('fiscalYear=2025&encoding=cp932&replaceUnencodable=true');
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('content-type')).toContain('Shift_JIS');
    expect(replaced.headers.get('x-unencodable-count')).toBe('4');
    const text = iconv.decode(Buffer.from(await replaced.arrayBuffer()), 'cp932');
    expect(text.startsWith('"職員番号","氏名"')).toBe(true);
    // 髙 is in CP932 (IBM extension) and stays; 𠮷 becomes 〓
    expect(text).toContain('"A0005","髙橋 〓子"');
    expect(rowsOfA0005(await rowsOf(await download('fiscalYear=2025')))[0]![1]).toBe('髙橋 𠮷子');
    const utf8Check = await h.callJson<{ count: number }>(s.hr, 'GET', '/api/evaluation/exports/grades/check?fiscalYear=2025&encoding=utf-8-bom', 200);
    expect(utf8Check.count).toBe(0);
  });

  it('is for HR only, needs a 年度, and every download is audited with what was exported', async () => {
    const audited = () => h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.grades-exported'`);
    const guard = () => h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.grades.export' and outcome = 'allowed'`);
    const [before, guardBefore] = [await audited(), await guard()];
    expect((await download('fiscalYear=2025')).status).toBe(200);
    expect(await audited()).toBe(before + 1);
    expect(await guard()).toBe(guardBefore + 1);
    const [last] = await h.queryRows<{ details: { rows: number; encoding: string } }>(
      sql`select details from audit_log where action = 'evaluation.grades-exported' order by id desc limit 1`,
    );
    expect(last!.details).toMatchObject({ rows: sheetCount, encoding: 'utf-8-bom' });

    for (const who of [s.staff, s.evaluator, s.unitHead]) {
      const denied = await download('fiscalYear=2025', who);
      expect(denied.status).toBe(403);
    }
    const missing = (await (await download('')).json()) as ErrorBody;
    expect(missing.error.code).toBe('common.validation');
    expect((await download('fiscalYear=R7')).status).toBe(400);
    expect((await download('fiscalYear=2025&encoding=latin1')).status).toBe(400);
  });
});
