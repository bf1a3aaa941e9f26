/**
 * The evaluation settings and the calendar as settings documents: what their saves and resets answer and audit
 * in the cases the other route tests leave out (reset tokens, a save that changes nothing, the conflict wording).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultCalendarSettings } from '../../domain/evaluation/evaluation-calendar.js';
import { defaultEvaluationSettings } from '../../domain/evaluation/evaluation-settings.js';
import type { CalendarView, EvaluationSettingsView } from '../../domain/evaluation/evaluation-api.js';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[] } };
type AuditRow = { object_type: string; object_id: string; details: unknown };

let h: Harness;
let hrAdmin: Session;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);
const lastAudit = async (action: string) =>
  (await h.queryRows<AuditRow>(sql`select object_type, object_id, details from audit_log where action = ${action} order by id desc limit 1`))[0];

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
});
afterAll(async () => {
  await h.close();
});

describe('evaluation settings', () => {
  const read = () => h.callJson<EvaluationSettingsView>(hrAdmin, 'GET', '/api/evaluation/settings', 200);
  const put = (view: EvaluationSettingsView, status: number, change: Partial<EvaluationSettingsView['settings']> = {}) =>
    h.callJson<EvaluationSettingsView & ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/settings', status, { updatedAt: view.updatedAt, ...view.settings, ...change });

  it('saves with the document as the body: unprefixed paths, a worded conflict, an audit row without details', async () => {
    const view = await read();
    expect(view).toMatchObject({ isDefault: true, updatedAt: null, settings: defaultEvaluationSettings, defaults: defaultEvaluationSettings });
    const bad = await put(view, 400, { scale: { ...view.settings.scale, standardCode: 'Z' } });
    expect(bad.error.code).toBe('common.validation');
    expect(bad.error.details?.every((d) => d.path.startsWith('scale'))).toBe(true);

    const saved = await put(view, 200, { includeFiscalYearStaff: false });
    expect(Object.keys(saved)).toEqual(['settings', 'defaults', 'isDefault', 'updatedAt']);
    expect(saved).toMatchObject({ isDefault: false, settings: { includeFiscalYearStaff: false } });
    expect(await lastAudit('evaluation.settings-saved')).toEqual({ object_type: 'settings', object_id: 'evaluation-settings', details: null });

    const stale = await put(view, 409, { includeFiscalYearStaff: true });
    expect(stale.error).toMatchObject({ code: 'common.conflict', message: '他の人が先に評価の設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。' });
  });

  it('resets: a stale token is refused, no token or null resets what is stored, nothing stored is left as it is', async () => {
    const first = await read();
    const saved = await put(first, 200, { includeFiscalYearStaff: !first.settings.includeFiscalYearStaff });
    const again = await put(saved, 200, { includeFiscalYearStaff: first.settings.includeFiscalYearStaff });
    const resets = await auditCount('evaluation.settings-reset');

    const stale = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 409, { updatedAt: saved.updatedAt });
    expect(stale.error.message).toBe('他の人が先に評価の設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。');
    const reset = await h.callJson<EvaluationSettingsView>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 200, { updatedAt: again.updatedAt });
    expect(reset).toEqual({ settings: defaultEvaluationSettings, defaults: defaultEvaluationSettings, isDefault: true, updatedAt: null });
    expect(await auditCount('evaluation.settings-reset')).toBe(resets + 1);
    expect(await lastAudit('evaluation.settings-reset')).toEqual({ object_type: 'settings', object_id: 'evaluation-settings', details: null });

    // Nothing stored: nothing to do, nothing audited.
    expect((await h.callJson<EvaluationSettingsView>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 200, {})).isDefault).toBe(true);
    expect((await h.callJson<EvaluationSettingsView>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 200, { updatedAt: null })).isDefault).toBe(true);
    expect((await h.call(hrAdmin, 'POST', '/api/evaluation/settings/reset')).status).toBe(200);
    expect(await auditCount('evaluation.settings-reset')).toBe(resets + 1);

    // Stored: without a token, and with null, the reset goes through.
    await put(await read(), 200, { includeFiscalYearStaff: false });
    expect((await h.callJson<EvaluationSettingsView>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 200, {})).isDefault).toBe(true);
    await put(await read(), 200, { includeFiscalYearStaff: false });
    expect((await h.callJson<EvaluationSettingsView>(hrAdmin, 'POST', '/api/evaluation/settings/reset', 200, { updatedAt: null })).isDefault).toBe(true);
    expect(await auditCount('evaluation.settings-reset')).toBe(resets + 3);
  });
});

describe('evaluation calendar', () => {
  const read = () => h.callJson<CalendarView>(hrAdmin, 'GET', '/api/evaluation/calendar', 200);
  const put = (view: CalendarView, status: number, complaintPeriodDays = view.settings.complaintPeriodDays) =>
    h.callJson<CalendarView & ErrorBody>(hrAdmin, 'PUT', '/api/evaluation/calendar', status, { updatedAt: view.updatedAt, ...view.settings, complaintPeriodDays });
  const reset = (status: number, body?: { updatedAt?: string | null }) => h.callJson<CalendarView & ErrorBody>(hrAdmin, 'POST', '/api/evaluation/calendar/reset', status, body);

  it('a save that changes nothing of a stored calendar writes and audits nothing; saving the defaults as shown stores them', async () => {
    const view = await read();
    expect(view.isDefault).toBe(true);
    const saves = await auditCount('evaluation.calendar-saved');
    const stored = await put(view, 200);
    expect(stored).toMatchObject({ isDefault: false, settings: defaultCalendarSettings, fiscalYear: 2025, currentFiscalYear: 2025 });
    expect(stored.updatedAt).not.toBeNull();
    expect(await auditCount('evaluation.calendar-saved')).toBe(saves + 1);
    expect((await lastAudit('evaluation.calendar-saved'))?.details).toEqual({ changed: [] });

    const same = await put(stored, 200);
    expect(same.updatedAt).toBe(stored.updatedAt);
    expect(await auditCount('evaluation.calendar-saved')).toBe(saves + 1);

    const stale = await put(view, 409, 20);
    expect(stale.error).toMatchObject({ code: 'common.conflict', message: '他の人が先に評価スケジュールを更新しました。最新の内容を読み込んでから、もう一度変更してください。' });
    await reset(200, { updatedAt: stored.updatedAt });
  });

  it('resets by the token read: null while something is stored, or a token while nothing is, is stale', async () => {
    const resets = await auditCount('evaluation.calendar-reset');
    // Nothing stored: no token and null leave it as it is (nothing audited); a token is stale.
    expect((await reset(200, {})).isDefault).toBe(true);
    expect((await reset(200, { updatedAt: null })).isDefault).toBe(true);
    const noBody = await h.call(hrAdmin, 'POST', '/api/evaluation/calendar/reset');
    expect(noBody.status).toBe(200);
    const saved = await put(await read(), 200, 21);
    await reset(200, { updatedAt: saved.updatedAt });
    expect(await auditCount('evaluation.calendar-reset')).toBe(resets + 1);
    expect((await reset(409, { updatedAt: saved.updatedAt })).error.code).toBe('common.conflict');

    // Stored: null is stale; no token resets, audited with the keys that went back.
    const again = await put(await read(), 200, 21);
    expect((await reset(409, { updatedAt: null })).error.message).toBe('他の人が先に評価スケジュールを更新しました。最新の内容を読み込んでから、もう一度変更してください。');
    const back = await reset(200, {});
    expect(back).toMatchObject({ isDefault: true, updatedAt: null, settings: defaultCalendarSettings, fiscalYear: 2025 });
    expect(await lastAudit('evaluation.calendar-reset')).toEqual({ object_type: 'settings', object_id: 'evaluation-calendar', details: { changed: ['complaintPeriodDays'] } });
    expect(await auditCount('evaluation.calendar-reset')).toBe(resets + 2);
    expect(again.updatedAt).not.toBeNull();
  });
});
