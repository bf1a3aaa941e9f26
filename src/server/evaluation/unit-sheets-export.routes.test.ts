import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { listCycleSheetFactsForTest } from './analysis-fixtures.repository.js';
import { demoStaffSheetId, driveComplaintRevision, driveToConfirmed, journeyTexts, loginChain, openCycle, type Sessions } from './analysis-test-journey.js';

type ErrorBody = { error: { code: string; message: string } };

// The harness's today is 2025-10-01. A0005 (市民課 窓口係) has a 2025 後期 sheet confirmed by the unit head A0003
// (市民課長) with internal notes, then revised by complaint handling: everything a unit head must not export.
let h: Harness;
let s: Sessions;
let cycleId: number;
let sectionId: number;
let divisionId: number;

async function workbook(session: Session, path: string): Promise<{ header: string[]; rows: string[][]; res: Response }> {
  const res = await h.call(session, 'GET', path);
  expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.clone().arrayBuffer());
  const sheet = book.worksheets[0]!;
  const values: string[][] = [];
  sheet.eachRow((row) => {
    const cells = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    values.push(cells);
  });
  const [header = [], ...rows] = values;
  return { header, rows, res };
}

const pathOf = (unitId: number, query = '') => `/api/evaluation/cycles/${cycleId}/units/${unitId}/sheets.xlsx${query}`;
const cell = (header: string[], row: string[] | undefined, label: string) => row?.[header.indexOf(label)] ?? '';

beforeAll(async () => {
  h = await createHarness();
  s = await loginChain(h);
  cycleId = (await openCycle(h, s.hr, 2025, 'second-half')).cycle.id;
  const sheetId = await demoStaffSheetId(h, cycleId);
  const fact = (await listCycleSheetFactsForTest(h.database.db, cycleId)).find((f) => f.sheetId === sheetId)!;
  sectionId = fact.unitId!;
  const [parent] = await h.queryRows<{ parent_unit_id: number }>(
    sql`select parent_unit_id from org_unit_versions where unit_id = ${sectionId} and ends_on is null`,
  );
  divisionId = Number(parent!.parent_unit_id);
  await driveToConfirmed(h, s, sheetId, { openingOn: '2025-10-01', closingOn: '2025-10-01', confirmAt: new Date('2025-10-02T10:00:00+09:00') });
  await driveComplaintRevision(h, s, sheetId, { feedbackOn: '2025-10-02', handledAt: new Date('2025-10-09T10:00:00+09:00') }, 'A');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/evaluation/cycles/:id/units/:unitId/sheets.xlsx', () => {
  it("gives HR every sheet of the unit and the units below, with the confirmer's notes and the complaint", async () => {
    const { header, rows, res } = await workbook(s.hr, pathOf(divisionId));
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(res.headers.get('content-disposition') ?? '')).toMatch(/評価シート_.+_令和7年度後期業績評価\.xlsx/);
    expect(header).toEqual([
      '職員番号', '氏名', '所属', '職位', '評価者', '確認者', '状態', '目標', '期首面談', '自己評価', '期末面談',
      '評価者の評価', '確認者の調整', '最終評語', 'フィードバック面談', '確認者メモ', '苦情相談・処理',
    ]);
    const own = rows.find((row) => row[0] === 'A0005');
    expect(rows.length).toBeGreaterThan(1);
    expect(cell(header, own, '状態')).toBe('苦情処理済み');
    expect(cell(header, own, '目標')).toContain(journeyTexts.goal1);
    expect(cell(header, own, '目標')).toContain('ウエイト: 60%');
    expect(cell(header, own, '自己評価')).toContain(journeyTexts.selfComment);
    expect(cell(header, own, '評価者の評価')).toContain('総合: A');
    expect(cell(header, own, '確認者の調整')).toContain(journeyTexts.adjustmentReason);
    expect(cell(header, own, '最終評語')).toBe('A');
    expect(cell(header, own, '期首面談')).toContain('令和7年10月1日');
    expect(cell(header, own, '確認者メモ')).toBe(journeyTexts.confirmerNotes);
    expect(cell(header, own, '苦情相談・処理')).toContain(journeyTexts.complaint);
    expect(cell(header, own, '苦情相談・処理')).toContain('評価を修正');
  });

  it("gives the unit head a confirmer's view: no internal notes, no complaint (their own sheet is in it too)", async () => {
    const { header, rows } = await workbook(s.unitHead, pathOf(divisionId));
    expect(header).not.toContain('確認者メモ');
    expect(header).not.toContain('苦情相談・処理');
    const text = rows.flat().join('\n');
    expect(text).not.toContain(journeyTexts.confirmerNotes);
    expect(text).not.toContain(journeyTexts.complaint);
    expect(text).not.toContain(journeyTexts.complaintNotes);
    const own = rows.find((row) => row[0] === 'A0005');
    expect(cell(header, own, '最終評語')).toBe('A');
    expect(cell(header, own, '評価者の評価')).toContain(journeyTexts.ratingComment);
    expect(rows.some((row) => row[0] === 'A0003')).toBe(true);

    const [audit] = await h.queryRows<{ object_id: string; details: Record<string, unknown> }>(
      sql`select object_id, details from audit_log where action = 'evaluation.unit-sheets-exported' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ object_id: String(divisionId), details: { cycleId, view: 'unit-head', sheets: rows.length, includeSubunits: true } });
  });

  it('leaves out the units below on request', async () => {
    const all = await workbook(s.hr, pathOf(divisionId));
    const only = await workbook(s.hr, pathOf(divisionId, '?includeSubunits=false'));
    expect(only.rows.some((row) => row[0] === 'A0005')).toBe(false);
    expect(only.rows.length).toBeLessThan(all.rows.length);
    const section = await workbook(s.hr, pathOf(sectionId));
    expect(section.rows.some((row) => row[0] === 'A0005')).toBe(true);
  });

  it('refuses other units to a unit head and everything to staff; unknown cycles and units are 404', async () => {
    const [other] = await h.queryRows<{ unit_id: number }>(
      sql`select a.unit_id from assignments a join staff st on st.id = a.staff_id where st.employee_number = 'A0001' and a.ends_on is null limit 1`,
    );
    expect((await h.callJson<ErrorBody>(s.unitHead, 'GET', pathOf(Number(other!.unit_id)), 403)).error.code).toBe('access.denied');
    expect((await h.callJson<ErrorBody>(s.staff, 'GET', pathOf(sectionId), 403)).error.code).toBe('access.denied');
    await h.callJson(null, 'GET', pathOf(sectionId), 401);
    expect((await h.callJson<ErrorBody>(s.hr, 'GET', `/api/evaluation/cycles/999999/units/${sectionId}/sheets.xlsx`, 404)).error.code).toBe('common.not-found');
    expect((await h.callJson<ErrorBody>(s.hr, 'GET', `/api/evaluation/cycles/${cycleId}/units/999999/sheets.xlsx`, 404)).error.code).toBe('org.unit-not-found');
  });
});
