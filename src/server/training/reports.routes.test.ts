import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { CourseList, PlanSession } from '../../domain/training/training-api.js';
import type { EnrolmentView, NominationResult } from '../../domain/training/enrolment-api.js';
import type { SelfDevelopmentRecord } from '../../domain/training/self-development.js';
import type { CompletionReport, HoursReport, TrainingHistory, TrainingReportSettingsView } from '../../domain/training/reports.js';

type ErrorBody = { error: { code: string; message: string } };

// The harness's today is 2025-10-01 (令和7年度). A0005 (係員, 4th year) is on the must-attend list of 初級職員研修.
let h: Harness;
let hrAdmin: Session;
let unitHead: Session;
let evaluator: Session;
let staff: Session;
let auditor: Session;
let courseIds: Map<string, number>;
let junior: PlanSession;
let dx: PlanSession;
const ids = { A0004: 0, A0005: 0, A0006: 0 };
let unitOfStaff = 0;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);
async function errorOf(res: Response, status: number): Promise<string> {
  expect(res.status, await res.clone().text()).toBe(status);
  return ((await res.json()) as ErrorBody).error.code;
}
const history = (s: Session, staffId: number) => h.call(s, 'GET', `/api/training/reports/history/${staffId}?from=2025&to=2025`);

async function addSession(code: string, startsOn: string, endsOn: string, hours?: number): Promise<PlanSession> {
  return h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, {
    courseId: courseIds.get(code)!,
    fiscalYear: 2025,
    startsOn,
    endsOn,
    place: '市役所 研修室',
    capacity: null,
    lecturer: '',
    note: '',
    ...(hours === undefined ? {} : { hours }),
  });
}

async function designateAndComplete(session: PlanSession, staffId: number, certificate: string | null = null): Promise<void> {
  const added = await h.callJson<NominationResult>(hrAdmin, 'POST', `/api/training/sessions/${session.id}/enrolments`, 201, { route: 'designation', staffIds: [staffId], note: '' });
  const enrolment = added.added[0] as EnrolmentView;
  await h.callJson(hrAdmin, 'POST', `/api/training/enrolments/${enrolment.id}/attendance`, 200, { version: enrolment.version, status: 'completed', certificate });
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  unitHead = await h.loginAs('unitHead');
  evaluator = await h.loginAs('evaluator');
  staff = await h.loginAs('staff');
  auditor = await h.loginAs('auditor');
  await h.callJson(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
  courseIds = new Map(list.items.map((c) => [c.code, c.id]));
  for (const r of await h.queryRows<{ id: number; employee_number: string }>(sql`select id, employee_number from staff where employee_number in ('A0004','A0005','A0006')`)) {
    ids[r.employee_number as keyof typeof ids] = Number(r.id);
  }
  const [post] = await h.queryRows<{ unit_id: number }>(
    sql`select unit_id from assignments where staff_id = ${ids.A0005} and kind = 'regular' and starts_on <= '2025-10-01' and (ends_on is null or ends_on >= '2025-10-01')`,
  );
  unitOfStaff = Number(post!.unit_id);

  // Two days of 初級職員研修 without hours (2 × 7.75 h), an e-learning course of 3.5 h, and 3 h of self-study confirmed.
  junior = await addSession('GEN-JUNIOR', '2025-06-10', '2025-06-11');
  dx = await addSession('DX-DATA', '2025-07-01', '2025-07-01', 3.5);
  expect(dx.hours).toBe(3.5);
  await designateAndComplete(junior, ids.A0005);
  await designateAndComplete(dx, ids.A0005, '修了証 第123号');
  const record = await h.callJson<SelfDevelopmentRecord>(staff, 'POST', '/api/training/self-development', 201, {
    kind: 'e-learning',
    title: '情報セキュリティ基礎',
    startedOn: '2025-09-01',
    endedOn: '2025-09-10',
    hours: 3,
    note: '',
  });
  await h.callJson(evaluator, 'POST', `/api/training/staff/${ids.A0005}/self-development/${record.id}/confirm`, 200, { version: record.version });
});
afterAll(async () => {
  await h.close();
});

describe('training history (研修受講履歴)', () => {
  it('lists enrolments with hours by the rule, certificates and confirmed self-development', async () => {
    const view = await h.callJson<TrainingHistory>(staff, 'GET', `/api/training/reports/history/${ids.A0005}?from=2025&to=2025`, 200);
    expect(view.staff).toMatchObject({ staffId: ids.A0005, employeeNumber: 'A0005' });
    expect(view.enrolments.map((e) => [e.courseCode, e.status, e.hours, e.certificate])).toEqual([
      ['GEN-JUNIOR', 'completed', 15.5, null],
      ['DX-DATA', 'completed', 3.5, '修了証 第123号'],
    ]);
    expect(view.enrolments[0]).toMatchObject({ categoryLabel: '一般研修', statusLabel: expect.any(String), startsOn: '2025-06-10', endsOn: '2025-06-11' });
    expect(view.selfDevelopment).toEqual([expect.objectContaining({ title: '情報セキュリティ基礎', hours: 3 })]);
    expect(view.totals).toEqual({ trainingHours: 19, selfDevelopmentHours: 3, completedSessions: 2 });
    // another 年度 range holds nothing
    const earlier = await h.callJson<TrainingHistory>(staff, 'GET', `/api/training/reports/history/${ids.A0005}?from=2023&to=2024`, 200);
    expect(earlier.enrolments).toEqual([]);
    expect(earlier.selfDevelopment).toEqual([]);
  });

  it('is readable by the person, their evaluator and unit head, and HR; not by other staff', async () => {
    expect(await errorOf(await history(staff, ids.A0004), 403)).toBe('access.denied');
    expect(await errorOf(await history(auditor, ids.A0005), 403)).toBe('access.denied');
    expect((await history(unitHead, ids.A0005)).status).toBe(200);
    expect((await history(evaluator, ids.A0005)).status).toBe(200);
    expect((await history(hrAdmin, ids.A0005)).status).toBe(200);
    expect((await history(hrAdmin, ids.A0006)).status).toBe(200);
    expect(await errorOf(await history(hrAdmin, 999999), 404)).toBe('org.staff-not-found');
    expect(await errorOf(await h.call(staff, 'GET', `/api/training/reports/history/${ids.A0005}?from=2026&to=2025`), 400)).toBe('common.validation');
  });

  it('downloads as Excel, audited with what was exported; another person cannot download it', async () => {
    const before = await auditCount('training.report-exported');
    const res = await h.call(unitHead, 'GET', `/api/training/reports/history/${ids.A0005}/export?from=2025&to=2025`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('研修受講履歴_A0005'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(5).value).toBe('名称');
    expect(sheet.rowCount).toBe(4);
    expect(await auditCount('training.report-exported')).toBe(before + 1);
    const [entry] = await h.queryRows<{ object_type: string; object_id: string; details: { report: string; rows: number } }>(
      sql`select object_type, object_id, details from audit_log where action = 'training.report-exported' order by id desc limit 1`,
    );
    expect(entry).toMatchObject({ object_type: 'staff', object_id: String(ids.A0005), details: { report: 'history', rows: 3 } });
    expect(await errorOf(await h.call(staff, 'GET', `/api/training/reports/history/${ids.A0004}/export?from=2025&to=2025`), 403)).toBe('access.denied');
    const csv = await h.call(staff, 'GET', `/api/training/reports/history/${ids.A0005}/export?from=2025&to=2025&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('初級職員研修');
  });
});

describe('completion by course and position level', () => {
  it("counts the must-attend list as the plan does, and who completed", async () => {
    const report = await h.callJson<CompletionReport>(hrAdmin, 'GET', '/api/training/reports/completion?fiscalYear=2025', 200);
    expect(report.columns.map((c) => c.key)).toEqual(['director', 'manager', 'chief', 'supervisor', 'staff', 'none']);
    const row = report.rows.find((r) => r.code === 'GEN-JUNIOR')!;
    const plan = await h.callJson<{ sessions: PlanSession[] }>(hrAdmin, 'GET', '/api/training/plans/2025', 200);
    const planned = plan.sessions.find((s) => s.id === junior.id)!;
    expect(row.total.targets).toBe(planned.targetCount);
    expect(row.cells.staff.targets).toBe(planned.targetCount);
    expect(row.cells.staff).toMatchObject({ enrolled: 1, completed: 1, targetsCompleted: 1 });
    expect(row.cells.staff.rate).toBeCloseTo(1 / planned.targetCount!);
    const dxRow = report.rows.find((r) => r.code === 'DX-DATA')!;
    expect(dxRow).toMatchObject({ hasAutomaticTargets: false, sessions: 1 });
    expect(dxRow.total).toMatchObject({ targets: 0, enrolled: 1, completed: 1, rate: 1 });
    expect((await h.callJson<CompletionReport>(hrAdmin, 'GET', '/api/training/reports/completion?fiscalYear=2019', 200)).rows).toEqual([]);
  });

  it('is for HR and the training officer only', async () => {
    expect(await errorOf(await h.call(staff, 'GET', '/api/training/reports/completion?fiscalYear=2025'), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(unitHead, 'GET', '/api/training/reports/completion?fiscalYear=2025'), 403)).toBe('access.denied');
    expect(await errorOf(await h.call(hrAdmin, 'GET', '/api/training/reports/completion?fiscalYear=25'), 400)).toBe('common.validation');
  });

  it('downloads as Excel, audited by the guard and with the rows', async () => {
    const guarded = await auditCount('training.reports.export');
    const res = await h.call(hrAdmin, 'GET', '/api/training/reports/completion/export?fiscalYear=2025');
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('研修');
    expect(sheet.getRow(1).getCell(5).value).toBe('部長級 対象者');
    expect(await auditCount('training.reports.export')).toBe(guarded + 1);
    expect(await errorOf(await h.call(staff, 'GET', '/api/training/reports/completion/export?fiscalYear=2025'), 403)).toBe('access.denied');
  });
});

describe('hours per person (年間研修時間)', () => {
  it("adds the sessions' hours (days × 7.75 without hours) and confirmed self-development", async () => {
    const report = await h.callJson<HoursReport>(hrAdmin, 'GET', '/api/training/reports/hours?fiscalYear=2025', 200);
    expect(report).toMatchObject({ asOf: '2025-10-01', hoursPerDay: 7.75, unit: null, page: 1, pageSize: 50 });
    expect(report.total).toBeGreaterThan(100);
    expect(report.overall.people).toBe(report.total);
    expect(report.overall.zeroShare).toBeGreaterThan(0.9);
    expect(report.overall.median).toBe(0);
    expect(report.byLevel.map((g) => g.key)).toContain('staff');
    expect(report.units.length).toBeGreaterThan(3);
    // least hours first: A0005 is on the last page
    const last = await h.callJson<HoursReport>(hrAdmin, 'GET', `/api/training/reports/hours?fiscalYear=2025&page=${Math.ceil(report.total / 50)}`, 200);
    expect(last.people.at(-1)).toMatchObject({ employeeNumber: 'A0005', sessions: 2, trainingHours: 19, selfDevelopmentHours: 3, totalHours: 22, positionLevel: 'staff' });
  });

  it('filters by unit (with the units below), and refuses an unknown one', async () => {
    const report = await h.callJson<HoursReport>(hrAdmin, 'GET', `/api/training/reports/hours?fiscalYear=2025&unitId=${unitOfStaff}`, 200);
    expect(report.unit?.id).toBe(unitOfStaff);
    expect(report.total).toBeLessThan(30);
    expect(report.people.every((p) => p.unitId === unitOfStaff)).toBe(true);
    expect(report.byUnit).toHaveLength(1);
    expect(report.byUnit[0]!.summary.mean).toBeCloseTo(22 / report.total, 1);
    expect(await errorOf(await h.call(hrAdmin, 'GET', '/api/training/reports/hours?fiscalYear=2025&unitId=999999'), 404)).toBe('org.unit-not-found');
    expect(await errorOf(await h.call(staff, 'GET', '/api/training/reports/hours?fiscalYear=2025'), 403)).toBe('access.denied');
  });

  it('follows the standard day of the settings and the hours entered on a session', async () => {
    const settings = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'GET', '/api/training/reports/settings', 200);
    expect(settings).toMatchObject({ settings: { hoursPerDay: 7.75 }, isDefault: true, updatedAt: null, canManage: true });
    expect(await errorOf(await h.call(hrAdmin, 'PUT', '/api/training/reports/settings', { updatedAt: null, settings: { hoursPerDay: 0 } }), 400)).toBe('common.validation');
    expect(await errorOf(await h.call(staff, 'PUT', '/api/training/reports/settings', { updatedAt: null, settings: { hoursPerDay: 7 } }), 403)).toBe('access.denied');
    const saved = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'PUT', '/api/training/reports/settings', 200, { updatedAt: null, settings: { hoursPerDay: 7 } });
    expect(saved).toMatchObject({ settings: { hoursPerDay: 7 }, isDefault: false });
    expect(await errorOf(await h.call(hrAdmin, 'PUT', '/api/training/reports/settings', { updatedAt: null, settings: { hoursPerDay: 6 } }), 409)).toBe('common.conflict');
    const view = await h.callJson<TrainingHistory>(staff, 'GET', `/api/training/reports/history/${ids.A0005}?from=2025&to=2025`, 200);
    expect(view.totals.trainingHours).toBe(17.5);

    // HR enters the hours of the 初級 session: 12 h in all
    const updated = await h.callJson<PlanSession>(hrAdmin, 'PUT', `/api/training/sessions/${junior.id}`, 200, {
      courseId: courseIds.get('GEN-JUNIOR')!,
      fiscalYear: 2025,
      startsOn: junior.startsOn,
      endsOn: junior.endsOn,
      place: junior.place,
      capacity: null,
      lecturer: '',
      note: '',
      hours: 12,
      version: junior.version,
    });
    expect(updated.hours).toBe(12);
    const after = await h.callJson<TrainingHistory>(staff, 'GET', `/api/training/reports/history/${ids.A0005}?from=2025&to=2025`, 200);
    expect(after.enrolments[0]!.hours).toBe(12);
    // an update that leaves hours out keeps them
    const kept = await h.callJson<PlanSession>(hrAdmin, 'PUT', `/api/training/sessions/${junior.id}`, 200, {
      courseId: courseIds.get('GEN-JUNIOR')!,
      fiscalYear: 2025,
      startsOn: junior.startsOn,
      endsOn: junior.endsOn,
      place: '別の会場',
      capacity: null,
      lecturer: '',
      note: '',
      version: updated.version,
    });
    expect(kept.hours).toBe(12);
  });

  it('downloads everyone as Excel or CSV, audited', async () => {
    const before = await auditCount('training.report-exported');
    const res = await h.call(hrAdmin, 'GET', `/api/training/reports/hours/export?fiscalYear=2025&unitId=${unitOfStaff}&format=csv`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('職員番号');
    expect(text).toContain('A0005');
    const xlsx = await h.call(hrAdmin, 'GET', '/api/training/reports/hours/export?fiscalYear=2025');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect(await auditCount('training.report-exported')).toBe(before + 2);
  });
});

describe('the loop report as a file', () => {
  it('downloads for HR; not for staff', async () => {
    const res = await h.call(hrAdmin, 'GET', '/api/training/reports/loop/export?fiscalYear=2025');
    expect(res.status, await res.clone().text()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(1).getCell(2).value).toBe('評価項目');
    expect(await errorOf(await h.call(staff, 'GET', '/api/training/reports/loop/export?fiscalYear=2025'), 403)).toBe('access.denied');
  });
});
