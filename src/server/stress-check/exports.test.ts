/**
 * Stress-check exports and result sheets: the group analysis as CSV (UTF-8 with BOM, or CP932) and Excel is the
 * screen's analysis — every figure of a group of at least the threshold, hidden groups hidden with their reason —
 * for whoever may read the group analysis; the implementer's results list (implementer only) with formula-safe
 * cells; the printable result sheet for the person and the implementer. Every export is audited; HR, hr_admin,
 * system_admin, evaluators and unit heads reach no individual export, sheet or paper entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { parseCsvText } from '../common/csv-codec.js';
import { stressItems } from '../../domain/stress-check/questionnaire.js';
import type { AnswerValue } from '../../domain/stress-check/stress-scoring.js';
import { groupExportHeader, resultsExportHeader } from '../../domain/stress-check/stress-check-export.js';
import type { Campaign, GroupAnalysis, ResultSheet } from '../../domain/stress-check/stress-check-api.js';

type ErrorBody = { error: { code: string; details?: unknown } };

let h: Harness;
let implementer: Session;
let staff: Session;
let campaign: Campaign;
let staffId = 0;
const others: number[] = [];

const base = (id: number) => `/api/stress-check/campaigns/${id}`;
async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const answersFor = (seed: number): Record<string, AnswerValue> => Object.fromEntries(stressItems.map((i) => [String(i.no), (((seed * 7 + i.no * 3) % 4) + 1) as AnswerValue]));

async function download(session: Session, path: string) {
  const res = await h.call(session, 'GET', path);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}
function csvRows(bytes: Uint8Array, encoding: 'utf-8' | 'cp932' = 'utf-8'): { header: string[]; rows: string[][] } {
  const text = encoding === 'utf-8' ? new TextDecoder().decode(bytes) : iconv.decode(Buffer.from(bytes), 'cp932');
  const parsed = parseCsvText(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return { header: parsed.header, rows: parsed.rows.map((r) => r.cells) };
}
const audits = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

const walls = ['hrAdmin', 'hrOfficer', 'sysAdmin', 'evaluator', 'unitHead', 'staff', 'auditor'] as const;

beforeAll(async () => {
  h = await createHarness();
  implementer = await h.loginAs('stressImplementer');
  staff = await h.loginAs('staff');
  staffId = Number((await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`))[0]!.id);
  const created = await h.callJson<Campaign>(implementer, 'POST', '/api/stress-check/campaigns', 201, { name: '出力の確認', fiscalYear: 2025, opensOn: '2025-09-15', closesOn: '2025-10-31' });
  campaign = await h.callJson<Campaign>(implementer, 'POST', `${base(created.id)}/open`, 200, { version: created.version });
  // A0005 answers online; 44 people hand in paper (entered by the implementer).
  for (const area of ['A', 'B', 'C', 'D'] as const) {
    const answers = Object.fromEntries(Object.entries(answersFor(0)).filter(([no]) => stressItems[Number(no) - 1]!.area === area));
    await h.callJson(staff, 'PUT', `${base(campaign.id)}/mine/answers/${area}`, 200, { answers });
  }
  await h.callJson(staff, 'POST', `${base(campaign.id)}/mine/submit`, 200);
  const people = await h.queryRows<{ id: number }>(sql`
    select distinct s.id from staff s join assignments a on a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= '2025-10-01' and (a.ends_on is null or a.ends_on >= '2025-10-01')
    where s.separated_on is null and s.employee_number not like 'A000%' order by s.id limit 44`);
  for (const [i, p] of people.entries()) {
    await h.callJson(implementer, 'POST', `${base(campaign.id)}/paper-entry/${p.id}`, 201, { answers: answersFor(i + 1) });
    others.push(Number(p.id));
  }
}, 120_000);
afterAll(async () => {
  await h.close();
});

describe('the implementer’s results export', () => {
  it('lists every examinee, audited, with formula prefixes neutralised (CSV and Excel)', async () => {
    const hostile = others[0]!;
    await h.database.db.execute(sql`update staff set family_name = '=HYPERLINK("http://evil.example")', given_name = '@SUM' where id = ${hostile}`);
    const guardBefore = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and outcome = 'allowed'`);
    const { res, bytes } = await download(implementer, `${base(campaign.id)}/exports/results`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`stress-check-results-${campaign.id}-2025-10-01.csv`);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const { header, rows } = csvRows(bytes);
    expect(header).toEqual([...resultsExportHeader]);
    expect(rows).toHaveLength(45);
    const a0005 = rows.find((r) => r[0] === 'A0005')!;
    expect(a0005[resultsExportHeader.indexOf('結果の通知日')]).toBe('未通知');
    expect(a0005[resultsExportHeader.indexOf('所属')]).not.toBe('');
    expect(a0005[resultsExportHeader.indexOf('提出日')]).toBe('2025-10-01');
    const hostileRow = rows.find((r) => r[1]!.includes('HYPERLINK'))!;
    expect(hostileRow[1]).toBe(`'=HYPERLINK("http://evil.example") @SUM`);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r＝＋－＠]/u);
    expect(await audits('stress-check.results-exported')).toBe(1);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and outcome = 'allowed'`)).toBe(guardBefore + 1);
    const [row] = await h.queryRows<{ details: Record<string, unknown> }>(sql`select details from audit_log where action = 'stress-check.results-exported'`);
    expect(row!.details).toEqual({ rows: 45, format: 'csv', encoding: 'utf-8-bom', replaced: 0 });

    const xlsx = await download(implementer, `${base(campaign.id)}/exports/results?format=xlsx`);
    expect(xlsx.res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...resultsExportHeader]);
    expect(sheet.rowCount).toBe(46);
    let nameCell: unknown;
    sheet.eachRow((r) => {
      if (String(r.getCell(2).value).includes('HYPERLINK')) nameCell = r.getCell(2).value;
    });
    expect(nameCell).toBe(`'=HYPERLINK("http://evil.example") @SUM`);
  });

  it('CP932: characters it cannot hold are reported, and replaced only when accepted', async () => {
    await h.database.db.execute(sql`update staff set given_name = '𠮷子' where id = ${others[1]!}`);
    const report = await h.callJson<{ count: number; unencodable: Array<{ char: string; columnLabel: string }> }>(implementer, 'GET', `${base(campaign.id)}/exports/results/check?encoding=cp932`, 200);
    expect(report.count).toBe(1);
    expect(report.unencodable[0]).toMatchObject({ char: '𠮷', columnLabel: '氏名' });
    expect(await errorOf(await h.call(implementer, 'GET', `${base(campaign.id)}/exports/results?encoding=cp932`), 422)).toBe('org.export-unencodable');
    const replaced = await download(implementer, `${base(campaign.id)}/exports/results?encoding=cp932&replaceUnencodable=true`);
    expect(replaced.res.status).toBe(200);
    expect(replaced.res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(replaced.res.headers.get('x-unencodable-count')).toBe('1');
    expect(csvRows(replaced.bytes, 'cp932').rows.some((r) => r[1]!.includes('〓子'))).toBe(true);
  });

  it('is the implementer’s alone', async () => {
    for (const key of walls) {
      const s = await h.loginAs(key);
      for (const path of [`${base(campaign.id)}/exports/results`, `${base(campaign.id)}/exports/results?format=xlsx`, `${base(campaign.id)}/exports/results/check?encoding=cp932`]) {
        expect(await errorOf(await h.call(s, 'GET', path), 403), `${key} ${path}`).toBe('access.denied');
      }
    }
  });
});

describe('result sheets (個人結果票)', () => {
  it('the person prints their own; reading it is the notification and is audited', async () => {
    const before = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and details->>'via' = 'relation:self'`);
    const sheet = await h.callJson<ResultSheet>(staff, 'GET', `${base(campaign.id)}/mine/result-sheet`, 200);
    expect(sheet.campaign).toMatchObject({ id: campaign.id, name: '出力の確認', fiscalYear: 2025 });
    expect(sheet.person).toMatchObject({ staffId, employeeNumber: 'A0005' });
    expect(sheet.person.unitName).not.toBeNull();
    expect(sheet.result.shownAt).not.toBeNull();
    expect(sheet.result.score.scales).toHaveLength(19);
    expect(sheet.result.advice.length).toBeGreaterThan(0);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and details->>'via' = 'relation:self'`)).toBe(before + 1);
  });

  it('the implementer prints anyone’s (audited with the person as object); nobody else can', async () => {
    const sheet = await h.callJson<ResultSheet>(implementer, 'GET', `${base(campaign.id)}/results/${others[2]}/sheet`, 200);
    expect(sheet.person.staffId).toBe(others[2]);
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'stress-check.results.read' and object_id = ${String(others[2])} and outcome = 'allowed'`)).toBe(1);
    expect(await errorOf(await h.call(implementer, 'GET', `${base(campaign.id)}/results/999999/sheet`), 404)).toBe('common.not-found');
    for (const key of walls) {
      const s = await h.loginAs(key);
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/results/${staffId}/sheet`), 403), key).toBe('access.denied');
    }
    // someone without a result has no sheet of their own
    const hrAdmin = await h.loginAs('hrAdmin');
    expect(await errorOf(await h.call(hrAdmin, 'GET', `${base(campaign.id)}/mine/result-sheet`), 404)).toBe('common.not-found');
  });
});

describe('the group analysis export', () => {
  it('waits for the close, like the screen', async () => {
    expect(await errorOf(await h.call(implementer, 'GET', `${base(campaign.id)}/exports/group-analysis`), 409)).toBe('stress-check.analysis-not-ready');
    const current = (await h.callJson<{ items: Campaign[] }>(implementer, 'GET', '/api/stress-check/campaigns', 200)).items.find((c) => c.id === campaign.id)!;
    await h.callJson(implementer, 'POST', `${base(campaign.id)}/close`, 200, { version: current.version });
  });

  it('is the screen’s analysis: no group under the threshold, hidden groups hidden with their reason (CSV, CP932, Excel)', async () => {
    for (const key of ['stressImplementer', 'hrAdmin', 'hrOfficer'] as const) {
      const s = await h.loginAs(key);
      const analysis = await h.callJson<GroupAnalysis>(s, 'GET', `${base(campaign.id)}/group-analysis`, 200);
      expect(analysis.units.some((u) => u.status !== 'shown')).toBe(true);
      expect(analysis.units.some((u) => u.status === 'shown')).toBe(true);
      const { res, bytes } = await download(s, `${base(campaign.id)}/exports/group-analysis`);
      expect(res.status).toBe(200);
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const { header, rows } = csvRows(bytes);
      expect(header).toEqual([...groupExportHeader]);
      expect(rows).toHaveLength(analysis.units.length + 1);
      const count = header.indexOf('人数');
      // the total first, then each unit as on screen
      expect(rows[0]!.slice(0, 5)).toEqual(['全体', '0', '', '表示', String(analysis.total!.respondents)]);
      analysis.units.forEach((u, i) => {
        const row = rows[i + 1]!;
        expect(row[0]).toBe(u.unitName);
        expect(row[count]).toBe(u.figure ? String(u.figure.respondents) : '');
        if (!u.figure) {
          expect(row[3]).toMatch(/^非表示/);
          expect(row.slice(count).every((c) => c === '')).toBe(true);
        }
      });
      // never a figure of a group under the threshold
      for (const row of rows) if (row[count] !== '') expect(Number(row[count])).toBeGreaterThanOrEqual(analysis.minGroupSize);
      // and nothing names a person
      expect(new TextDecoder().decode(bytes)).not.toMatch(/A0005|A000\d/);
    }
    expect(await audits('stress-check.group-analysis-exported')).toBe(3);

    const hr = await h.loginAs('hrAdmin');
    const sjis = await download(hr, `${base(campaign.id)}/exports/group-analysis?encoding=cp932`);
    expect(sjis.res.status).toBe(200);
    expect(sjis.res.headers.get('content-type')).toBe('text/csv; charset=Shift_JIS');
    expect(csvRows(sjis.bytes, 'cp932').header).toEqual([...groupExportHeader]);
    expect(await h.callJson(hr, 'GET', `${base(campaign.id)}/exports/group-analysis/check?encoding=cp932`, 200)).toEqual({ count: 0, unencodable: [] });

    const xlsx = await download(hr, `${base(campaign.id)}/exports/group-analysis?format=xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('集団分析');
    const count = groupExportHeader.indexOf('人数') + 1;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const v = String(row.getCell(count).value ?? '');
      if (v !== '') expect(Number(v)).toBeGreaterThanOrEqual(10);
    });
  });

  it('is refused to those who may not read the group analysis', async () => {
    for (const key of ['sysAdmin', 'evaluator', 'unitHead', 'staff', 'auditor'] as const) {
      const s = await h.loginAs(key);
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/exports/group-analysis`), 403), key).toBe('access.denied');
      expect(await errorOf(await h.call(s, 'GET', `${base(campaign.id)}/exports/group-analysis/check?encoding=cp932`), 403), key).toBe('access.denied');
    }
  });
});
