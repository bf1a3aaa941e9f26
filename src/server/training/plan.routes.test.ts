import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import type { AnnualPlan, CourseList, PlanSession, SessionInput, SessionTargets } from '../../domain/training/training-api.js';
import type { TrainingReportSettingsView } from '../../domain/training/reports.js';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

// The harness's today is 2025-10-01: 令和7年度 (2025).
const fy = 2025;

let h: Harness;
let hrAdmin: Session;
let staff: Session;
let courseIds: Map<string, number>;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

const sessionOf = (code: string, overrides: Partial<SessionInput> = {}): SessionInput => ({
  courseId: courseIds.get(code)!,
  fiscalYear: fy,
  startsOn: '2025-10-20',
  endsOn: '2025-10-21',
  place: '市役所 大会議室',
  capacity: 40,
  lecturer: '職員課',
  note: '',
  ...overrides,
});

/** Staff employed on `date` whose regular post is 係員 and who were hired in 年度 `hireYear`, as the rule reads them, by plain SQL. */
async function expectedTenureTargets(date: string, hireYear: number): Promise<number[]> {
  const rows = await h.queryRows<{ id: number }>(sql`
    select s.id from staff s
    where s.hire_date between ${`${hireYear}-04-01`} and ${`${hireYear + 1}-03-31`}
      and s.hire_date <= ${date} and (s.separated_on is null or s.separated_on >= ${date})
      and s.employment_type in ('regular', 'fixed_term')
      and exists (select 1 from assignments a join positions p on p.id = a.position_id
                  where a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
                    and p.level = 'staff')
    order by s.id`);
  return rows.map((r) => Number(r.id));
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  staff = await h.loginAs('staff');
  await h.callJson(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
  const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
  courseIds = new Map(list.items.map((c) => [c.code, c.id]));
});
afterAll(async () => {
  await h.close();
});

describe('sessions of the annual plan', () => {
  it('adds a session of 2年目職員研修 and shows it in the 年度 with its target count', async () => {
    const created = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf('GEN-2ND'));
    expect(created).toMatchObject({ fiscalYear: fy, startsOn: '2025-10-20', capacity: 40, version: 1, hasAutomaticTargets: true });
    expect(created.course).toMatchObject({ code: 'GEN-2ND', title: '2年目職員研修' });
    const plan = await h.callJson<AnnualPlan>(hrAdmin, 'GET', `/api/training/plans/${fy}`, 200);
    expect(plan).toMatchObject({ fiscalYear: fy, currentFiscalYear: fy, canManage: true, canReadTargets: true });
    expect(plan.sessions.map((s) => s.id)).toEqual([created.id]);
    expect(plan.sessions[0]!.targetCount).toBe((await expectedTenureTargets('2025-10-20', 2024)).length);
    expect(await auditCount('training.session-created')).toBe(1);
    const other = await h.callJson<AnnualPlan>(hrAdmin, 'GET', `/api/training/plans/${fy + 1}`, 200);
    expect(other.sessions).toEqual([]);
  });

  it('shows the plan to staff without counts, and refuses them the targets and the changes', async () => {
    const plan = await h.callJson<AnnualPlan>(staff, 'GET', `/api/training/plans/${fy}`, 200);
    expect(plan.canManage).toBe(false);
    expect(plan.canReadTargets).toBe(false);
    expect(plan.sessions[0]!.targetCount).toBeNull();
    await h.callJson(staff, 'GET', `/api/training/sessions/${plan.sessions[0]!.id}/targets`, 403);
    await h.callJson(staff, 'POST', '/api/training/sessions', 403, sessionOf('GEN-2ND'));
    await h.callJson(staff, 'GET', `/api/training/plans/R7`, 400);
  });

  it('refuses dates outside the 年度, an end before the start, a capacity below 1, with Japanese messages by field', async () => {
    const outside = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, sessionOf('GEN-2ND', { startsOn: '2025-03-31', endsOn: '2026-04-01' }));
    expect(outside.error.details?.map((d) => d.path)).toEqual(['startsOn', 'endsOn']);
    expect(outside.error.details?.[0]?.message).toContain('2025年度');
    const reversed = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, sessionOf('GEN-2ND', { startsOn: '2025-11-02', endsOn: '2025-11-01' }));
    expect(reversed.error.details).toEqual([expect.objectContaining({ path: 'endsOn', message: '終了日は開始日以降にしてください' })]);
    const capacity = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, sessionOf('GEN-2ND', { capacity: 0 }));
    expect(capacity.error.details).toEqual([expect.objectContaining({ path: 'capacity', message: '定員は1以上で入力してください' })]);
    const badDate = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, sessionOf('GEN-2ND', { startsOn: '2025-02-30' }));
    expect(badDate.error.details?.[0]?.message).toBe('開始日はYYYY-MM-DD形式で指定してください');
    const unknown = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, { ...sessionOf('GEN-2ND'), courseId: 999999 });
    expect(unknown.error.details?.[0]?.path).toBe('courseId');
  });

  it('changes a session at its version (409 when stale) and deletes it', async () => {
    const created = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf('GEN-NEW', { startsOn: '2025-04-03', endsOn: '2025-04-04' }));
    const moved = await h.callJson<PlanSession>(hrAdmin, 'PUT', `/api/training/sessions/${created.id}`, 200, {
      ...sessionOf('GEN-NEW', { startsOn: '2025-04-07', endsOn: '2025-04-08', capacity: null }),
      version: created.version,
    });
    expect(moved).toMatchObject({ startsOn: '2025-04-07', capacity: null, version: 2 });
    const stale = await h.callJson<ErrorBody>(hrAdmin, 'PUT', `/api/training/sessions/${created.id}`, 409, { ...sessionOf('GEN-NEW'), version: 1 });
    expect(stale.error.code).toBe('common.conflict');
    await h.callJson(hrAdmin, 'DELETE', `/api/training/sessions/${created.id}?version=1`, 409);
    await h.callJson(hrAdmin, 'DELETE', `/api/training/sessions/${created.id}?version=2`, 204);
    await h.callJson(hrAdmin, 'DELETE', `/api/training/sessions/${created.id}?version=2`, 404);
    expect(await auditCount('training.session-deleted')).toBe(1);
  });

  it('refuses a new session of a deactivated course', async () => {
    const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    const course = list.items.find((c) => c.code === 'SP-BUNSHO')!;
    await h.callJson(hrAdmin, 'DELETE', `/api/training/courses/${course.id}?version=${course.version}`, 200);
    const refused = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/sessions', 400, sessionOf('SP-BUNSHO'));
    expect(refused.error.details?.[0]).toMatchObject({ path: 'courseId', message: '使用を終了した研修には日程を追加できません' });
  });
});

describe("a session's must-attend list", () => {
  it('lists exactly the 2年目 係員 employed on the start date, each with the reason, paged by 50', async () => {
    const plan = await h.callJson<AnnualPlan>(hrAdmin, 'GET', `/api/training/plans/${fy}`, 200);
    const session = plan.sessions.find((s) => s.course.code === 'GEN-2ND')!;
    const targets = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${session.id}/targets`, 200);
    const expected = await expectedTenureTargets(session.startsOn, 2024);
    expect(expected.length).toBeGreaterThan(0);
    expect(targets.total).toBe(expected.length);
    expect(targets.asOf).toBe(session.startsOn);
    expect(targets.pageSize).toBe(50);
    expect(targets.items.map((t) => t.staffId).sort((a, b) => a - b)).toEqual(expected.slice(0, 50));
    for (const t of targets.items) {
      expect(t.reason).toMatch(/^係員・2年目\(2024年\d+月採用\)・(正規|任期付)$/);
      expect(t.name).not.toBe('');
      expect(t.employeeNumber).not.toBe('');
      expect(t.positionName).not.toBeNull();
      expect(t.unitName).not.toBeNull();
    }
    const beyond = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${session.id}/targets?page=9`, 200);
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(expected.length);
    await h.callJson(hrAdmin, 'GET', `/api/training/sessions/999999/targets`, 404);
  });

  it('applies the rule on the start date: the demo staff member (4th year) is a target of 初級職員研修', async () => {
    const created = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf('GEN-JUNIOR', { startsOn: '2025-12-01', endsOn: '2025-12-01' }));
    const pages: SessionTargets[] = [];
    let page = 1;
    for (;;) {
      const p = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${created.id}/targets?page=${page}`, 200);
      pages.push(p);
      if (page * p.pageSize >= p.total) break;
      page += 1;
    }
    const all = pages.flatMap((p) => p.items);
    expect(all).toHaveLength(pages[0]!.total);
    const a0005 = all.find((t) => t.employeeNumber === 'A0005');
    expect(a0005?.reason).toMatch(/^係員・4年目\(2022年\d+月採用\)・正規$/);
    expect(a0005?.unitName).toContain('窓口');
  });

  it('is empty for a course chosen by recommendation, designation or application', async () => {
    const created = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf('SP-CLAIM'));
    expect(created.hasAutomaticTargets).toBe(false);
    const targets = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${created.id}/targets`, 200);
    expect(targets.total).toBe(0);
    expect(targets.session.hasAutomaticTargets).toBe(false);
  });

  it("gives in the plan the same counts as each session's list, for sessions on different dates", async () => {
    for (const [code, startsOn] of [
      ['GEN-MID', '2025-04-01'],
      ['GEN-SUP', '2025-06-15'],
      ['GEN-FISCAL', '2026-03-31'],
    ] as const) {
      await h.callJson(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf(code, { startsOn, endsOn: startsOn }));
    }
    const plan = await h.callJson<AnnualPlan>(hrAdmin, 'GET', `/api/training/plans/${fy}`, 200);
    const automatic = plan.sessions.filter((s) => s.hasAutomaticTargets);
    expect(automatic.length).toBeGreaterThanOrEqual(5);
    for (const s of automatic) {
      const targets = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${s.id}/targets`, 200);
      expect({ code: s.course.code, count: s.targetCount }).toEqual({ code: s.course.code, count: targets.total });
    }
    expect(automatic.some((s) => (s.targetCount ?? 0) > 0 && s.course.code === 'GEN-FISCAL')).toBe(true);
  });

  it('lists for 両立支援研修 the people back from a leave within 12 months, and only them', async () => {
    const a0005 = (await h.queryRows<{ id: number }>(sql`select id from staff where employee_number = 'A0005'`))[0]!.id;
    await h.callJson(hrAdmin, 'POST', `/api/staff/${a0005}/leaves`, 201, { kind: 'childcare', startsOn: '2024-07-01', endsOn: '2025-06-30', note: '' });
    const created = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, sessionOf('SP-RYORITSU', { startsOn: '2025-11-10', endsOn: '2025-11-10' }));
    expect(created.hasAutomaticTargets).toBe(true);
    const targets = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${created.id}/targets`, 200);
    expect(targets.items.map((t) => t.staffId)).toEqual([a0005]);
    expect(targets.items[0]!.reason).toContain('休業からの復帰');

    // The window is a training setting (default 12 months): back on 2025-07-01, A0005 is out of a 3-month window on
    // 2025-11-10 and in a 6-month one. Anything but 1–60 whole months is refused with the field's message.
    const targetsNow = async () => (await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${created.id}/targets`, 200)).items.map((t) => t.staffId);
    const before = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'GET', '/api/training/reports/settings', 200);
    expect(before.settings.returnWindowMonths).toBe(12);
    for (const bad of [0, 61, 2.5]) {
      const res = await h.call(hrAdmin, 'PUT', '/api/training/reports/settings', { updatedAt: before.updatedAt, settings: { hoursPerDay: 7.75, returnWindowMonths: bad } });
      expect(res.status).toBe(400);
      expect(JSON.stringify(await res.json())).toContain('settings.returnWindowMonths');
    }
    const three = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'PUT', '/api/training/reports/settings', 200, {
      updatedAt: before.updatedAt,
      settings: { hoursPerDay: 7.75, returnWindowMonths: 3 },
    });
    expect(three.settings).toEqual({ hoursPerDay: 7.75, returnWindowMonths: 3 });
    expect(await targetsNow()).toEqual([]);
    const six = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'PUT', '/api/training/reports/settings', 200, {
      updatedAt: three.updatedAt,
      settings: { hoursPerDay: 7.75, returnWindowMonths: 6 },
    });
    expect(await targetsNow()).toEqual([a0005]);
    // a client that sends only the hours gets the default window back
    const hoursOnly = await h.callJson<TrainingReportSettingsView>(hrAdmin, 'PUT', '/api/training/reports/settings', 200, { updatedAt: six.updatedAt, settings: { hoursPerDay: 7.75 } });
    expect(hoursOnly.settings.returnWindowMonths).toBe(12);
  });
});
