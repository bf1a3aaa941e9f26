import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultCalendarSettings, type CalendarSettings } from '../../domain/evaluation/evaluation-calendar.js';
import type { CalendarUpdate, CalendarView } from '../../domain/evaluation/evaluation-api.js';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[] } };

// The harness's today is 2025-10-01: 令和7年度 (2025) is the current 年度.
let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let staff: Session;

const read = (session = hrAdmin, fiscalYear?: number) =>
  h.callJson<CalendarView>(session, 'GET', `/api/evaluation/calendar${fiscalYear === undefined ? '' : `?fiscalYear=${fiscalYear}`}`, 200);
const dueOf = (view: CalendarView, period: string, step: string) => view.milestones.find((m) => m.period === period && m.step === step)?.dueOn;
const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

function bodyOf(view: CalendarView, change: (s: CalendarSettings) => CalendarSettings = (s) => s): CalendarUpdate {
  return { updatedAt: view.updatedAt, ...change(structuredClone(view.settings)) };
}
const goalDueOn = (day: number | 'last', month = 5) => (s: CalendarSettings) => {
  s.periods['first-half']['goal-submission'].due = { month, day };
  return s;
};

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  staff = await h.loginAs('staff');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/evaluation/calendar', () => {
  it("gives the policy's schedule for this 年度 when nothing is stored", async () => {
    const view = await read();
    expect(view.isDefault).toBe(true);
    expect(view.updatedAt).toBeNull();
    expect(view.fiscalYear).toBe(2025);
    expect(view.currentFiscalYear).toBe(2025);
    expect(view.settings).toEqual(defaultCalendarSettings);
    expect(view.defaults).toEqual(defaultCalendarSettings);
    expect(dueOf(view, 'first-half', 'goal-submission')).toBe('2025-05-10');
    expect(dueOf(view, 'second-half', 'goal-submission')).toBe('2025-11-10');
    expect(dueOf(view, 'first-half', 'opening-interview')).toBe('2025-05-31');
    expect(dueOf(view, 'second-half', 'closing-interview')).toBe('2026-02-28');
    expect(dueOf(view, 'second-half', 'submission')).toBe('2026-03-31');
  });

  it('puts the closing interview on the last day of February, 29th in a leap year (年度 2027 → 2028-02-29)', async () => {
    const view = await read(hrAdmin, 2027);
    expect(view.fiscalYear).toBe(2027);
    expect(dueOf(view, 'second-half', 'closing-interview')).toBe('2028-02-29');
    expect(dueOf(view, 'first-half', 'goal-submission')).toBe('2027-05-10');
  });

  it('is open to every signed-in staff member, not to anonymous callers; refuses a bad year', async () => {
    const view = await read(staff);
    expect(view.milestones.length).toBeGreaterThan(10);
    await h.callJson(null, 'GET', '/api/evaluation/calendar', 401);
    const bad = await h.callJson<ErrorBody>(staff, 'GET', '/api/evaluation/calendar?fiscalYear=R7', 400);
    expect(bad.error.code).toBe('common.validation');
  });
});

describe('PUT and POST /api/evaluation/calendar', () => {
  it('hr_admin saves a change: the milestones move, only the changed keys are audited; reset goes back', async () => {
    const before = await auditCount('evaluation.calendar-saved');
    const view = await read();
    const saved = await h.callJson<CalendarView>(hrAdmin, 'PUT', '/api/evaluation/calendar', 200, {
      ...bodyOf(view, goalDueOn(15)),
      complaintPeriodDays: 14,
    });
    expect(saved.isDefault).toBe(false);
    expect(saved.updatedAt).not.toBeNull();
    expect(dueOf(saved, 'first-half', 'goal-submission')).toBe('2025-05-15');
    expect(saved.settings.complaintPeriodDays).toBe(14);
    expect(dueOf(await read(staff, 2026), 'first-half', 'goal-submission')).toBe('2026-05-15');

    expect(await auditCount('evaluation.calendar-saved')).toBe(before + 1);
    const [row] = await h.queryRows<{ object_id: string; details: { changed: string[] } }>(
      sql`select object_id, details from audit_log where action = 'evaluation.calendar-saved' order by id desc limit 1`,
    );
    expect(row?.object_id).toBe('evaluation-calendar');
    expect(row?.details.changed).toEqual(['first-half.goal-submission', 'complaintPeriodDays']);

    // Stale: the view read before the save says "nothing stored".
    const stale = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/calendar', 409, bodyOf(view, goalDueOn(12)));
    expect(stale.error.code).toBe('common.conflict');
    const changed = await h.callJson<CalendarView>(hrAdmin, 'PUT', '/api/evaluation/calendar', 200, bodyOf(saved, goalDueOn(20)));
    expect(dueOf(changed, 'first-half', 'goal-submission')).toBe('2025-05-20');
    await h.callJson(hrAdmin, 'PUT', '/api/evaluation/calendar', 409, bodyOf(saved, goalDueOn(12)));
    await h.callJson(hrAdmin, 'POST', '/api/evaluation/calendar/reset', 409, { updatedAt: saved.updatedAt });

    const reset = await h.callJson<CalendarView>(hrAdmin, 'POST', '/api/evaluation/calendar/reset', 200, { updatedAt: changed.updatedAt });
    expect(reset.isDefault).toBe(true);
    expect(reset.settings).toEqual(defaultCalendarSettings);
    expect(dueOf(reset, 'first-half', 'goal-submission')).toBe('2025-05-10');
    expect(await auditCount('evaluation.calendar-reset')).toBe(1);
  });

  it('is for hr_admin only', async () => {
    const view = await read();
    await h.callJson(hrOfficer, 'PUT', '/api/evaluation/calendar', 403, bodyOf(view, goalDueOn(15)));
    await h.callJson(staff, 'PUT', '/api/evaluation/calendar', 403, bodyOf(view, goalDueOn(15)));
    await h.callJson(hrOfficer, 'POST', '/api/evaluation/calendar/reset', 403, {});
    expect((await read()).isDefault).toBe(true);
  });

  it('refuses a day that does not exist, day 0, a deadline out of order and unknown keys, in Japanese', async () => {
    const view = await read();
    const before = await auditCount('evaluation.calendar-saved');
    const feb30 = await h.callJson<ErrorBody>(
      hrAdmin,
      'PUT',
      '/api/evaluation/calendar',
      400,
      bodyOf(view, (s) => {
        s.periods['second-half']['closing-interview'].due = { month: 2, day: 30 };
        return s;
      }),
    );
    expect(feb30.error.code).toBe('common.validation');
    expect(feb30.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'periods.second-half.closing-interview.due.day', message: '2月30日は存在しません' })]),
    );
    const zero = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/calendar', 400, bodyOf(view, goalDueOn(0)));
    expect(zero.error.details?.map((d) => d.message)).toContain('日は1以上で入力してください');
    const order = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/calendar', 400, bodyOf(view, goalDueOn(30, 6)));
    expect(order.error.details?.map((d) => d.message).join('\n')).toMatch(/前期業績評価の期首面談の期限\(5月31日\)が目標の提出の期限\(6月30日\)より前です/);
    const unknown = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/calendar', 400, { ...bodyOf(view), extra: 1 });
    expect(unknown.error.code).toBe('common.validation');
    expect(await auditCount('evaluation.calendar-saved')).toBe(before);
    expect((await read()).isDefault).toBe(true);
  });
});
