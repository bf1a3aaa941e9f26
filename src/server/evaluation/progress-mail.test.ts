/** Reminders by mail through a local SMTP receiver (nothing leaves the machine). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { startSmtpTestServer, type SmtpTestServer } from '../common/smtp-test-server.js';
import { mailNotifications } from '../notifications/notifications.service.js';
import { openCycle } from './cycles.service.js';
import type { ReminderResult } from '../../domain/evaluation/progress-api.js';

let smtp: SmtpTestServer;
let h: Harness;
let hr: Session;
let cycleId: number;
let people: { staff: number; evaluator: number; unitHead: number };
let staffSheetId: number;

const from = 'jinzai@city.example.lg.jp';
const staffIdOf = async (loginId: string) =>
  Number((await h.queryRows<{ id: number }>(sql`select staff_id as id from accounts where login_id = ${loginId}`))[0]!.id);
const remind = (body: unknown) => h.callJson<ReminderResult>(hr, 'POST', `/api/evaluation/cycles/${cycleId}/reminders`, 200, body);
const notificationsOf = (staffId: number) =>
  h.queryRows<{ id: number; title: string; mail_status: string | null; mail_error: string | null }>(
    sql`select id, title, mail_status, mail_error from notifications where recipient_staff_id = ${staffId} order by id`,
  );

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  h = await createHarness({ env: { SMTP_URL: smtp.url, SMTP_FROM: from } });
  hr = await h.loginAs('hrAdmin');
  cycleId = (await openCycle(await h.contextOf('hrAdmin'), { fiscalYear: 2025, period: 'first-half' })).cycle.id;
  people = { staff: await staffIdOf('A0005'), evaluator: await staffIdOf('A0004'), unitHead: await staffIdOf('A0003') };
  await h.queryRows(sql`update evaluation_sheets set evaluator_staff_id = null, confirmer_staff_id = null where cycle_id = ${cycleId}`);
  await h.queryRows(
    sql`update evaluation_sheets set evaluator_staff_id = ${people.evaluator}, confirmer_staff_id = ${people.unitHead}
        where cycle_id = ${cycleId} and staff_id = ${people.staff}`,
  );
  staffSheetId = Number(
    (await h.queryRows<{ id: number }>(sql`select id from evaluation_sheets where cycle_id = ${cycleId} and staff_id = ${people.staff}`))[0]!.id,
  );
  await h.queryRows(sql`update accounts set email = 'hayashi.evaluator@city.example.lg.jp' where staff_id = ${people.evaluator}`);
  // The receiver refuses addresses starting with "reject".
  await h.queryRows(sql`update accounts set email = 'reject.staff@city.example.lg.jp' where staff_id = ${people.staff}`);
  await h.queryRows(sql`update accounts set email = null where staff_id = ${people.unitHead}`);
});
afterAll(async () => {
  await h.close();
  await smtp.close();
});

describe('reminders with SMTP configured', () => {
  it('mails the reminder with its Japanese subject to the address on the account and records it as sent', async () => {
    const before = smtp.received.length;
    const result = await remind({ step: 'opening-interview' });
    expect(result).toMatchObject({ notified: 1, mailed: 1, mailFailed: 0 });
    const mails = smtp.received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.from).toBe(from);
    expect(mails[0]!.to).toEqual(['hayashi.evaluator@city.example.lg.jp']);
    expect(mails[0]!.subject).toBe('【督促】前期業績評価の期首面談');
    expect(mails[0]!.text).toContain('期限(令和7年5月31日)を過ぎています');
    // Counts and deadlines only: no evaluatee's name travels by mail.
    const [staffName] = await h.queryRows<{ family_name: string }>(sql`select family_name from staff where id = ${people.staff}`);
    expect(mails[0]!.text).not.toContain(staffName!.family_name);
    const [sent] = await notificationsOf(people.evaluator);
    expect(sent).toMatchObject({ title: '【督促】前期業績評価の期首面談', mail_status: 'sent', mail_error: null });
  });

  it('keeps the in-app notification and records the failure when the relay refuses the address', async () => {
    const result = await remind({ step: 'goal-submission', sheetIds: [staffSheetId] });
    expect(result).toMatchObject({ notified: 1, mailed: 0, mailFailed: 1 });
    const [failed] = await notificationsOf(people.staff);
    expect(failed!.mail_status).toBe('failed');
    expect(failed!.mail_error).toBeTruthy();
  });

  it('sends no mail to someone without an address (in-app only)', async () => {
    const before = smtp.received.length;
    const result = await remind({ step: 'confirmation', sheetIds: [staffSheetId] });
    expect(result).toMatchObject({ notified: 1, mailed: 0, mailFailed: 0 });
    const [inApp] = await notificationsOf(people.unitHead);
    expect(inApp!.mail_status).toBeNull();
    expect(smtp.received.length).toBe(before);
  });

  it('never mails a notification twice', async () => {
    const ids = (await notificationsOf(people.evaluator)).map((n) => Number(n.id));
    const before = smtp.received.length;
    expect(await mailNotifications(h.database, h.deps.config, (await h.contextOf('hrAdmin')).actor.municipalityId, ids)).toEqual({ mailed: 0, mailFailed: 0 });
    expect(smtp.received.length).toBe(before);
  });
});
