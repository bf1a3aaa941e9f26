/** In-app notifications (`notifications`) and the mail addresses of their recipients (`accounts.email`). */
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { notifications } from '../db/schema/evaluation.js';

/** Ids as one text parameter: any number of them costs one bind parameter on both engines. */
const intArray = (ids: readonly number[]) => sql`string_to_array(${ids.join(',')}, ',')::int[]`;

/** The instant as ISO text rendered by the database, the same on both engines. */
const isoOf = (column: typeof notifications.createdAt | typeof notifications.readAt) =>
  sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type NewNotification = {
  municipalityId: number;
  recipientStaffId: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  /** 'pending' when the message is to be mailed after the commit; null for in-app only */
  mailStatus: 'pending' | null;
};

/** Inserts the notifications (in batches) and answers their ids in input order. */
export async function insertNotifications(exec: Executor, rows: readonly NewNotification[], batchSize = 2000): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += batchSize) {
    const inserted = await exec.insert(notifications).values(rows.slice(i, i + batchSize)).returning({ id: notifications.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** The work mail address of each person with an enabled account that has one (people without are left out). */
export async function listMailAddresses(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<Map<number, string>> {
  if (staffIds.length === 0) return new Map();
  const rows = await queryRows<{ staff_id: number; email: string }>(
    exec,
    sql`select staff_id, email from accounts
        where municipality_id = ${municipalityId} and staff_id = any(${intArray(staffIds)})
          and not is_disabled and email is not null and btrim(email) <> ''`,
  );
  return new Map(rows.map((r) => [Number(r.staff_id), String(r.email).trim()]));
}

export type NotificationRow = {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

/** A person's notifications, newest first, with how many match and how many are unread. */
export async function listNotificationsOf(
  exec: Executor,
  q: { municipalityId: number; recipientStaffId: number; unreadOnly: boolean; limit: number; offset: number },
): Promise<{ total: number; unread: number; rows: NotificationRow[] }> {
  const mine = and(eq(notifications.municipalityId, q.municipalityId), eq(notifications.recipientStaffId, q.recipientStaffId));
  const where = q.unreadOnly ? and(mine, isNull(notifications.readAt)) : mine;
  const [counts] = await exec
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)::int` })
    .from(notifications)
    .where(where);
  const rows = await exec
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: isoOf(notifications.createdAt),
      readAt: isoOf(notifications.readAt),
    })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.limit)
    .offset(q.offset);
  return {
    total: Number(counts?.total ?? 0),
    unread: Number(counts?.unread ?? 0),
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt ?? '' })),
  };
}

/** Marks one of the person's notifications read (a second time keeps the first moment); false if it is not theirs. */
export async function markNotificationRead(
  exec: Executor,
  q: { municipalityId: number; recipientStaffId: number; id: number; at: Date },
): Promise<boolean> {
  const rows = await exec
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${q.at.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, q.id), eq(notifications.municipalityId, q.municipalityId), eq(notifications.recipientStaffId, q.recipientStaffId)))
    .returning({ id: notifications.id });
  return rows.length > 0;
}

/** Marks every unread notification of the person read; answers how many. */
export async function markAllNotificationsRead(exec: Executor, q: { municipalityId: number; recipientStaffId: number; at: Date }): Promise<number> {
  const rows = await exec
    .update(notifications)
    .set({ readAt: q.at.toISOString() })
    .where(and(eq(notifications.municipalityId, q.municipalityId), eq(notifications.recipientStaffId, q.recipientStaffId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

export type PendingMail = { id: number; title: string; body: string; email: string };

/** Of the given notifications, those still waiting to be mailed, with the recipient's current address. */
export async function listPendingMail(exec: Executor, municipalityId: number, ids: readonly number[]): Promise<PendingMail[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: number; title: string; body: string; email: string | null }>(
    exec,
    sql`select n.id, n.title, n.body, a.email
        from notifications n
        left join accounts a on a.staff_id = n.recipient_staff_id and a.municipality_id = n.municipality_id
                             and not a.is_disabled and a.email is not null and btrim(a.email) <> ''
        where n.municipality_id = ${municipalityId} and n.id = any(${intArray(ids)}) and n.mail_status = 'pending'
        order by n.id`,
  );
  return rows.map((r) => ({ id: Number(r.id), title: String(r.title), body: String(r.body), email: r.email === null ? '' : String(r.email).trim() }));
}

/** Records the relay's answer for a notification that was pending. */
export async function updateMailStatus(exec: Executor, id: number, status: 'sent' | 'failed', error: string | null): Promise<void> {
  await exec
    .update(notifications)
    .set({ mailStatus: status, mailError: error })
    .where(and(eq(notifications.id, id), eq(notifications.mailStatus, 'pending')));
}

/** Records the same answer for many notifications in one statement. */
export async function updateMailStatuses(exec: Executor, ids: readonly number[], status: 'sent' | 'failed', error: string | null): Promise<void> {
  if (ids.length === 0) return;
  await queryRows(
    exec,
    sql`update notifications set mail_status = ${status}, mail_error = ${error}
        where id = any(${intArray(ids)}) and mail_status = 'pending' returning id`,
  );
}
