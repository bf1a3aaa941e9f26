import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { listMyNotifications, markRead, notify, notifyEach } from './notifications.service.js';
import type { NotificationList } from '../../domain/notifications/notifications-api.js';

let h: Harness;
let staff: Session;
let evaluator: Session;
let staffId: number;
let evaluatorId: number;
let municipalityId: number;

const staffIdOf = async (loginId: string) =>
  Number((await h.queryRows<{ id: number }>(sql`select staff_id as id from accounts where login_id = ${loginId}`))[0]!.id);
const list = (session: Session, query = '') => h.callJson<NotificationList>(session, 'GET', `/api/notifications${query}`, 200);

beforeAll(async () => {
  h = await createHarness();
  staff = await h.loginAs('staff');
  evaluator = await h.loginAs('evaluator');
  staffId = await staffIdOf('A0005');
  evaluatorId = await staffIdOf('A0004');
  municipalityId = Number((await h.queryRows<{ id: number }>(sql`select municipality_id as id from accounts where login_id = 'A0005'`))[0]!.id);
  await h.database.db.transaction(async (tx) => {
    await notify(tx, { municipalityId, recipientStaffIds: [staffId, evaluatorId, staffId], kind: 'test.hello', title: 'おしらせ 1', body: '本文 1', link: '/evaluation' });
    await notifyEach(tx, municipalityId, [
      { recipientStaffId: staffId, kind: 'test.hello', title: 'おしらせ 2', body: '本文 2', link: null },
      { recipientStaffId: staffId, kind: 'test.hello', title: 'おしらせ 3', body: '本文 3', link: '/evaluation/sheets/1' },
    ]);
  });
});
afterAll(async () => {
  await h.close();
});

describe('notify', () => {
  it('creates one notification per distinct recipient, unread and not to be mailed', async () => {
    const rows = await h.queryRows<{ recipient_staff_id: number; read_at: string | null; mail_status: string | null }>(
      sql`select recipient_staff_id, read_at, mail_status from notifications where title = 'おしらせ 1'`,
    );
    expect(rows.map((r) => Number(r.recipient_staff_id)).sort()).toEqual([staffId, evaluatorId].sort());
    expect(rows.every((r) => r.read_at === null && r.mail_status === null)).toBe(true);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    await expect(
      h.database.db.transaction(async (tx) => {
        await notify(tx, { municipalityId, recipientStaffIds: [staffId], kind: 'test.hello', title: 'rolled back', body: '', link: null });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await h.queryCount(sql`select count(*)::int as n from notifications where title = 'rolled back'`)).toBe(0);
  });
});

describe('GET /api/notifications', () => {
  it('lists one’s own notifications newest first with the unread count', async () => {
    const mine = await list(staff);
    expect(mine.unread).toBe(3);
    expect(mine.total).toBe(3);
    expect(mine.items.map((n) => n.title)).toEqual(['おしらせ 3', 'おしらせ 2', 'おしらせ 1']);
    expect(mine.items[0]).toMatchObject({ kind: 'test.hello', body: '本文 3', link: '/evaluation/sheets/1', readAt: null, isRead: false });
    expect(mine.items[0]!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    const theirs = await list(evaluator);
    expect(theirs.items.map((n) => n.title)).toEqual(['おしらせ 1']);
  });

  it('pages, and refuses a bad page size', async () => {
    const page2 = await list(staff, '?pageSize=2&page=2');
    expect(page2).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page2.items.map((n) => n.title)).toEqual(['おしらせ 1']);
    await h.callJson(staff, 'GET', '/api/notifications?pageSize=1000', 400);
    await h.callJson(staff, 'GET', '/api/notifications?unreadOnly=yes', 400);
  });

  it('gives an empty list to an account without a staff record, and 401 without a session', async () => {
    await h.callJson(null, 'GET', '/api/notifications', 401);
    const ctx = await h.contextOf('staff');
    const system = { ...ctx, actor: { ...ctx.actor, staffId: null } };
    expect(await listMyNotifications(system, {})).toEqual({ unread: 0, total: 0, page: 1, pageSize: 20, items: [] });
    await expect(markRead(system, { id: 1 })).rejects.toMatchObject({ code: 'common.not-found' });
  });
});

describe('POST /api/notifications/{id}/read and /read-all', () => {
  it('marks one’s own notification read (twice is harmless), and someone else’s is not found', async () => {
    const mine = await list(staff);
    const target = mine.items.find((n) => n.title === 'おしらせ 2')!;
    await h.callJson(staff, 'POST', `/api/notifications/${target.id}/read`, 204);
    const after = await list(staff);
    expect(after.unread).toBe(2);
    const read = after.items.find((n) => n.id === target.id)!;
    expect(read.isRead).toBe(true);
    expect(read.readAt).not.toBeNull();
    await h.callJson(staff, 'POST', `/api/notifications/${target.id}/read`, 204);
    expect((await list(staff)).items.find((n) => n.id === target.id)!.readAt).toBe(read.readAt);

    const theirs = (await list(evaluator)).items[0]!;
    await h.callJson(staff, 'POST', `/api/notifications/${theirs.id}/read`, 404);
    await h.callJson(staff, 'POST', '/api/notifications/999999/read', 404);
    await h.callJson(staff, 'POST', '/api/notifications/x/read', 404);
    expect((await list(evaluator)).unread).toBe(1);
  });

  it('lists only unread ones on request, and read-all clears one’s own only', async () => {
    const unread = await list(staff, '?unreadOnly=true');
    expect(unread.items.every((n) => !n.isRead)).toBe(true);
    expect(unread.total).toBe(unread.unread);
    await h.callJson(staff, 'POST', '/api/notifications/read-all', 204);
    expect((await list(staff)).unread).toBe(0);
    expect((await list(staff, '?unreadOnly=true')).items).toEqual([]);
    expect((await list(evaluator)).unread).toBe(1);
  });

  it('needs the CSRF token like every unsafe request', async () => {
    const res = await h.call(null, 'POST', '/api/notifications/read-all', undefined, { cookie: staff.cookie });
    expect(res.status).toBe(403);
  });
});
