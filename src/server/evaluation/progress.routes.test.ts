import net from 'node:net';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { openCycle } from './cycles.service.js';
import type { CycleProgress, OverdueList, ReminderResult } from '../../domain/evaluation/progress-api.js';
import type { NotificationList } from '../../domain/notifications/notifications-api.js';

type ErrorBody = { error: { code: string; message: string; details?: Array<{ path: string; message: string }> } };

// The harness's today is 2025-10-01: every deadline of 令和7年度 前期 but the feedback (10/31) has passed.
let h: Harness;
let hr: Session;
let cycleId: number;
let people: { staff: number; evaluator: number; unitHead: number };
let sheetOf: { staff: number; evaluator: number };
let doneSheetId: number;
let agreedSheetIds: number[];
let totalSheets: number;

const staffIdOf = async (loginId: string) =>
  Number((await h.queryRows<{ id: number }>(sql`select staff_id as id from accounts where login_id = ${loginId}`))[0]!.id);
const progressOf = (session = hr) => h.callJson<CycleProgress>(session, 'GET', `/api/evaluation/cycles/${cycleId}/progress`, 200);
const overdue = (query: string, session = hr) => h.callJson<OverdueList>(session, 'GET', `/api/evaluation/cycles/${cycleId}/overdue?${query}`, 200);
const remind = (body: unknown, status = 200) => h.callJson<ReminderResult>(hr, 'POST', `/api/evaluation/cycles/${cycleId}/reminders`, status, body);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  const opened = await openCycle(await h.contextOf('hrAdmin'), { fiscalYear: 2025, period: 'first-half' });
  cycleId = opened.cycle.id;
  totalSheets = opened.created;
  people = { staff: await staffIdOf('A0005'), evaluator: await staffIdOf('A0004'), unitHead: await staffIdOf('A0003') };
  // The demo chain, set explicitly so that these tests do not depend on how relations are derived.
  await h.queryRows(sql`update evaluation_sheets set evaluator_staff_id = null, confirmer_staff_id = null where cycle_id = ${cycleId}`);
  await h.queryRows(
    sql`update evaluation_sheets set evaluator_staff_id = ${people.evaluator}, confirmer_staff_id = ${people.unitHead}
        where cycle_id = ${cycleId} and staff_id = ${people.staff}`,
  );
  await h.queryRows(sql`update evaluation_sheets set evaluator_staff_id = ${people.unitHead} where cycle_id = ${cycleId} and staff_id = ${people.evaluator}`);
  const sheetIdOf = async (staffId: number) =>
    Number((await h.queryRows<{ id: number }>(sql`select id from evaluation_sheets where cycle_id = ${cycleId} and staff_id = ${staffId}`))[0]!.id);
  sheetOf = { staff: await sheetIdOf(people.staff), evaluator: await sheetIdOf(people.evaluator) };
  // Five other sheets have agreed goals; the evaluator's own sheet is confirmed (only the feedback, not yet due, is left).
  const agreed = await h.queryRows<{ id: number }>(
    sql`update evaluation_sheets set state = 'goals-agreed', completed_steps = array['goal-submission','opening-interview']
        where id in (select id from evaluation_sheets where cycle_id = ${cycleId} and staff_id not in (${people.staff}, ${people.evaluator}) order by id limit 5)
        returning id`,
  );
  agreedSheetIds = agreed.map((r) => Number(r.id));
  doneSheetId = sheetOf.evaluator;
  await h.queryRows(
    sql`update evaluation_sheets set state = 'confirmer-confirmed',
          completed_steps = array['goal-submission','opening-interview','self-evaluation','closing-interview','evaluator-rating','confirmation']
        where id = ${doneSheetId}`,
  );
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/evaluation/cycles/{id}/progress', () => {
  it('counts every sheet by state, in total and per unit, with the states of a performance sheet as columns', async () => {
    const p = await progressOf();
    expect(p.cycle).toMatchObject({ id: cycleId, fiscalYear: 2025, period: 'first-half', periodLabel: '前期業績評価', kind: 'performance' });
    expect(p.asOf).toBe('2025-10-01');
    expect(p.states.map((s) => s.state)).toContain('goals-agreed');
    expect(p.states[0]).toEqual({ state: 'draft', label: '目標設定中' });
    expect(p.totals.sheets).toBe(totalSheets);
    expect(p.totals.byState).toEqual({ draft: totalSheets - 6, 'goals-agreed': 5, 'confirmer-confirmed': 1 });
    expect(p.units.reduce((n, u) => n + u.sheets, 0)).toBe(totalSheets);
    for (const u of p.units) expect(Object.values(u.byState).reduce((n, c) => n + c, 0)).toBe(u.sheets);
  });

  it('lists the units in code order with their names and paths as the organisation stood', async () => {
    const p = await progressOf();
    const codes = p.units.map((u) => u.unitCode ?? '~');
    expect(codes).toEqual([...codes].sort());
    const window = p.units.find((u) => u.unitPath === '市民部 › 市民課 › 窓口係');
    expect(window).toBeDefined();
    expect(window!.unitName).toBe('窓口係');
  });

  it('gives each deadline of the period with how many sheets completed it and how many are past it', async () => {
    const p = await progressOf();
    expect(p.milestones.map((m) => m.step)).toEqual([
      'goal-submission',
      'opening-interview',
      'self-evaluation',
      'closing-interview',
      'evaluator-rating',
      'confirmation',
      'feedback',
    ]);
    const goals = p.milestones[0]!;
    expect(goals).toMatchObject({ label: '前期業績評価の目標の提出', owner: 'evaluatee', dueOn: '2025-05-10', done: 6, overdue: totalSheets - 6, isPastDue: true });
    expect(p.milestones[2]).toMatchObject({ step: 'self-evaluation', done: 1, overdue: totalSheets - 1 });
    expect(p.milestones[6]).toMatchObject({ step: 'feedback', owner: 'evaluator', dueOn: '2025-10-31', done: 0, overdue: 0, isPastDue: false });
  });

  it('counts a sheet as overdue once, whatever the number of deadlines it missed', async () => {
    const p = await progressOf();
    // Only the confirmed sheet has met every passed deadline.
    expect(p.totals.overdue).toBe(totalSheets - 1);
    expect(p.units.reduce((n, u) => n + u.overdue, 0)).toBe(totalSheets - 1);
    const unitOfDone = p.units.find((u) => (u.byState['confirmer-confirmed'] ?? 0) > 0)!;
    expect(unitOfDone.overdue).toBe(unitOfDone.sheets - 1);
  });

  it('is for HR only, and answers 404 for a cycle that does not exist', async () => {
    await progressOf(await h.loginAs('hrOfficer'));
    for (const key of ['staff', 'evaluator', 'unitHead', 'auditor'] as const) {
      const body = await h.callJson<ErrorBody>(await h.loginAs(key), 'GET', `/api/evaluation/cycles/${cycleId}/progress`, 403);
      expect(body.error.code).toBe('access.denied');
    }
    await h.callJson(hr, 'GET', '/api/evaluation/cycles/999999/progress', 404);
    await h.callJson(hr, 'GET', '/api/evaluation/cycles/abc/progress', 404);
    await h.callJson(null, 'GET', `/api/evaluation/cycles/${cycleId}/progress`, 401);
  });
});

describe('GET /api/evaluation/cycles/{id}/overdue', () => {
  it('lists the sheets missing a passed deadline with the evaluatee as the one to act on goals', async () => {
    const list = await overdue('step=goal-submission&pageSize=200');
    expect(list.total).toBe(totalSheets - 6);
    expect(list.items).toHaveLength(totalSheets - 6);
    const mine = list.items.find((i) => i.sheetId === sheetOf.staff)!;
    expect(mine).toMatchObject({
      staffId: people.staff,
      employeeNumber: 'A0005',
      unitName: '窓口係',
      state: 'draft',
      stateLabel: '目標設定中',
      step: 'goal-submission',
      stepLabel: '目標の提出',
      owner: 'evaluatee',
      ownerStaffId: people.staff,
      ownerName: mine.name,
      dueOn: '2025-05-10',
      // 2025-05-10 → 2025-10-01
      daysOverdue: 144,
    });
    expect(list.items.some((i) => agreedSheetIds.includes(i.sheetId) || i.sheetId === doneSheetId)).toBe(false);
  });

  it('names the evaluator or confirmer who must act, and null when nobody is assigned', async () => {
    const interviews = await overdue('step=opening-interview&pageSize=200');
    const mine = interviews.items.find((i) => i.sheetId === sheetOf.staff)!;
    expect(mine.owner).toBe('evaluator');
    expect(mine.ownerStaffId).toBe(people.evaluator);
    expect(mine.ownerName).toMatch(/\S+ \S+/);
    expect(interviews.items.filter((i) => i.sheetId !== sheetOf.staff).every((i) => i.ownerStaffId === null && i.ownerName === null)).toBe(true);
    const confirmations = await overdue('step=confirmation&pageSize=200');
    expect(confirmations.items.find((i) => i.sheetId === sheetOf.staff)).toMatchObject({ owner: 'confirmer', ownerStaffId: people.unitHead });
  });

  it('orders by unit code then 職員番号, pages without overlap, and narrows to a unit', async () => {
    const all = await overdue('step=goal-submission&pageSize=200');
    const first = await overdue('step=goal-submission&pageSize=7&page=1');
    const second = await overdue('step=goal-submission&pageSize=7&page=2');
    expect(first.total).toBe(all.total);
    expect([...first.items, ...second.items].map((i) => i.sheetId)).toEqual(all.items.slice(0, 14).map((i) => i.sheetId));
    const unitId = all.items.find((i) => i.sheetId === sheetOf.staff)!.unitId!;
    const unit = await overdue(`step=goal-submission&unitId=${unitId}&pageSize=200`);
    expect(unit.items.length).toBeGreaterThan(0);
    expect(unit.items.every((i) => i.unitId === unitId)).toBe(true);
    expect(unit.items.map((i) => i.employeeNumber)).toEqual([...unit.items.map((i) => i.employeeNumber)].sort());
    expect(unit.total).toBe(all.items.filter((i) => i.unitId === unitId).length);
    const beyond = await overdue(`step=goal-submission&page=1000&pageSize=50`);
    expect(beyond).toMatchObject({ total: all.total, items: [] });
  });

  it('without a step lists every passed deadline a sheet missed, the oldest deadline first', async () => {
    const list = await overdue('pageSize=200');
    // 6 passed deadlines × every sheet, less what was completed (5 sheets × 2 steps, 1 sheet × 6 steps)
    expect(list.total).toBe(totalSheets * 6 - 5 * 2 - 6);
    const dues = list.items.map((i) => i.dueOn);
    expect(dues).toEqual([...dues].sort());
    expect(list.items[0]!.step).toBe('goal-submission');
  });

  it('is empty for a deadline that has not passed, and refuses an unknown step', async () => {
    expect(await overdue('step=feedback')).toMatchObject({ total: 0, items: [] });
    const body = await h.callJson<ErrorBody>(hr, 'GET', `/api/evaluation/cycles/${cycleId}/overdue?step=lunch`, 400);
    expect(body.error.code).toBe('common.validation');
    await h.callJson(await h.loginAs('evaluator'), 'GET', `/api/evaluation/cycles/${cycleId}/overdue`, 403);
  });
});

describe('POST /api/evaluation/cycles/{id}/reminders', () => {
  const notificationsOf = (staffId: number) =>
    h.queryRows<{ title: string; body: string; link: string | null; kind: string; mail_status: string | null }>(
      sql`select title, body, link, kind, mail_status from notifications where recipient_staff_id = ${staffId} order by id`,
    );

  it('notifies the person who must act, once per person, and audits the reminder with the notifications', async () => {
    const auditsBefore = await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.reminders-sent'`);
    const result = await remind({ step: 'opening-interview' });
    // Only the demo staff's sheet has an evaluator; the others have nobody to remind.
    expect(result).toEqual({ sheets: totalSheets - 6, notified: 1, mailed: 0, mailFailed: 0, skippedNoOwner: totalSheets - 7 });
    const received = await notificationsOf(people.evaluator);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ kind: 'evaluation.reminder', title: '【督促】前期業績評価の期首面談', link: `/evaluation/sheets/${sheetOf.staff}`, mail_status: null });
    expect(received[0]!.body).toContain('令和7年度 前期業績評価の期首面談');
    expect(received[0]!.body).toContain('期限(令和7年5月31日)を過ぎています');
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'evaluation.reminders-sent'`)).toBe(auditsBefore + 1);
    const [row] = await h.queryRows<{ details: { step: string; sheets: number; recipients: number } }>(
      sql`select details from audit_log where action = 'evaluation.reminders-sent' order by seq desc limit 1`,
    );
    expect(row!.details).toMatchObject({ step: 'opening-interview', sheets: totalSheets - 6, recipients: 1 });
  });

  it('groups the sheets of one recipient into one notification that says how many', async () => {
    // Give the unit head three more sheets to confirm.
    const extra = await h.queryRows<{ id: number }>(
      sql`update evaluation_sheets set confirmer_staff_id = ${people.unitHead}
          where id in (select id from evaluation_sheets where cycle_id = ${cycleId} and state = 'draft' and confirmer_staff_id is null order by id limit 3)
          returning id`,
    );
    expect(extra).toHaveLength(3);
    const result = await remind({ step: 'confirmation' });
    expect(result.notified).toBe(1);
    expect(result.sheets).toBe(totalSheets - 1);
    const received = await notificationsOf(people.unitHead);
    expect(received).toHaveLength(1);
    expect(received[0]!.body).toContain('対象の評価シート 4 件');
    expect(received[0]!.link).toBe('/evaluation');
  });

  it('reminds only about the chosen sheets that still miss the step', async () => {
    const before = (await notificationsOf(people.staff)).length;
    const result = await remind({ step: 'goal-submission', sheetIds: [sheetOf.staff, agreedSheetIds[0]!, sheetOf.staff] });
    expect(result).toEqual({ sheets: 1, notified: 1, mailed: 0, mailFailed: 0, skippedNoOwner: 0 });
    const received = await notificationsOf(people.staff);
    expect(received).toHaveLength(before + 1);
    expect(received.at(-1)!.link).toBe(`/evaluation/sheets/${sheetOf.staff}`);
    expect(received.at(-1)!.body).not.toContain('件');
    expect(await remind({ step: 'goal-submission', sheetIds: [doneSheetId] })).toEqual({ sheets: 0, notified: 0, mailed: 0, mailFailed: 0, skippedNoOwner: 0 });
  });

  it('reminds only about the sheets of one unit when asked', async () => {
    const unitId = Number(
      (await h.queryRows<{ unit_id: number }>(sql`select unit_id from evaluation_sheets where id = ${sheetOf.staff}`))[0]!.unit_id,
    );
    const missing = await h.queryCount(
      sql`select count(*)::int as n from evaluation_sheets where cycle_id = ${cycleId} and unit_id = ${unitId} and not ('self-evaluation' = any(completed_steps))`,
    );
    const result = await remind({ step: 'self-evaluation', unitId });
    expect(result.sheets).toBe(missing);
    expect(result.notified).toBe(missing);
    expect(result.skippedNoOwner).toBe(0);
  });

  it('the staff member sees the reminder among their notifications', async () => {
    const list = await h.callJson<NotificationList>(await h.loginAs('staff'), 'GET', '/api/notifications?unreadOnly=true', 200);
    expect(list.unread).toBeGreaterThan(0);
    expect(list.items.map((n) => n.title)).toEqual(['【督促】前期業績評価の自己評価', '【督促】前期業績評価の目標の提出']);
  });

  it('without SMTP configured mails nothing and connects nowhere, even to people with an address', async () => {
    await h.queryRows(sql`update accounts set email = 'keiko@example.lg.jp' where staff_id = ${people.evaluator}`);
    const connect = vi.spyOn(net, 'connect');
    const tlsConnect = vi.spyOn(tls, 'connect');
    try {
      const result = await remind({ step: 'opening-interview', sheetIds: [sheetOf.staff] });
      expect(result).toMatchObject({ notified: 1, mailed: 0, mailFailed: 0 });
      expect(connect).not.toHaveBeenCalled();
      expect(tlsConnect).not.toHaveBeenCalled();
    } finally {
      vi.restoreAllMocks();
    }
    expect((await notificationsOf(people.evaluator)).every((n) => n.mail_status === null)).toBe(true);
  });

  it('refuses a step the period does not have, a malformed body, and callers who are not HR', async () => {
    const body = await h.callJson<ErrorBody>(hr, 'POST', `/api/evaluation/cycles/${cycleId}/reminders`, 400, { step: 'submission' });
    expect(body.error.code).toBe('common.validation');
    expect(body.error.details?.[0]?.path).toBe('step');
    await remind({ step: 'goal-submission', sheetIds: [] }, 400);
    await remind({ step: 'goal-submission', extra: true }, 400);
    await remind({}, 400);
    await h.callJson(await h.loginAs('unitHead'), 'POST', `/api/evaluation/cycles/${cycleId}/reminders`, 403, { step: 'goal-submission' });
    await h.callJson(hr, 'POST', '/api/evaluation/cycles/999999/reminders', 404, { step: 'goal-submission' });
  });
});
