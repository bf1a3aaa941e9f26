/**
 * In-app notifications (a deadline reminder, a sheet waiting for someone): other areas create them inside their
 * own transaction with `notify`/`notifyEach`, then call `mailNotifications` after the commit. Mail goes out only
 * when SMTP is configured and the recipient's account has an address; a notification to be mailed is 'pending'
 * from the same transaction that created it, so a crash before the relay answered leaves a visible trace
 * (security.md, reliability: long jobs record their state with their data).
 */
import type { Database, Executor } from '../db/client.js';
import type { Config } from '../config.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { isMailEnabled, sendMails } from '../common/mailer.js';
import type { NotificationList } from '../../domain/notifications/notifications-api.js';
import {
  insertNotifications,
  listMailAddresses,
  listNotificationsOf,
  listPendingMail,
  markAllNotificationsRead,
  markNotificationRead,
  updateMailStatus,
  updateMailStatuses,
} from './notifications.repository.js';

export type NotificationMessage = {
  recipientStaffId: number;
  /** namespaced like the error codes: 'evaluation.reminder' */
  kind: string;
  title: string;
  body: string;
  /** a path inside the app (/evaluation/sheets/12), or null */
  link: string | null;
};

export type NotifyOptions = {
  /** the server's configuration: with SMTP configured, recipients with an address get the message by mail too */
  mailConfig?: Pick<Config, 'SMTP_URL' | 'SMTP_FROM'>;
};

/**
 * One notification per message, inside the caller's transaction. Answers the ids in input order; pass them to
 * `mailNotifications` after the commit.
 */
export async function notifyEach(
  tx: Executor,
  municipalityId: number,
  messages: readonly NotificationMessage[],
  options: NotifyOptions = {},
): Promise<number[]> {
  if (messages.length === 0) return [];
  const mailing = options.mailConfig !== undefined && isMailEnabled(options.mailConfig);
  const addresses = mailing ? await listMailAddresses(tx, municipalityId, [...new Set(messages.map((m) => m.recipientStaffId))]) : new Map<number, string>();
  return insertNotifications(
    tx,
    messages.map((m) => ({
      municipalityId,
      recipientStaffId: m.recipientStaffId,
      kind: m.kind,
      title: m.title,
      body: m.body,
      link: m.link,
      mailStatus: addresses.has(m.recipientStaffId) ? ('pending' as const) : null,
    })),
  );
}

/** The same message to several people (each gets their own notification). */
export async function notify(
  tx: Executor,
  input: { municipalityId: number; recipientStaffIds: readonly number[]; kind: string; title: string; body: string; link: string | null },
  options: NotifyOptions = {},
): Promise<number[]> {
  const recipients = [...new Set(input.recipientStaffIds)];
  return notifyEach(
    tx,
    input.municipalityId,
    recipients.map((recipientStaffId) => ({ recipientStaffId, kind: input.kind, title: input.title, body: input.body, link: input.link })),
    options,
  );
}

const mailFooter = '\n\n--\nJinzai(人材育成・確保システム)からの自動送信です。詳しくはログインして「お知らせ」をご覧ください。このメールには返信できません。';

/**
 * After the commit: mails those of the notifications that are pending and records 'sent' or 'failed' (with the
 * relay's answer) on each. Without SMTP nothing is sent and the counts are zero.
 */
export async function mailNotifications(
  database: Database,
  config: Pick<Config, 'SMTP_URL' | 'SMTP_FROM'>,
  municipalityId: number,
  notificationIds: readonly number[],
): Promise<{ mailed: number; mailFailed: number }> {
  if (!isMailEnabled(config) || notificationIds.length === 0) return { mailed: 0, mailFailed: 0 };
  const pending = await listPendingMail(database.db, municipalityId, notificationIds);
  const withAddress = pending.filter((p) => p.email !== '');
  const lostAddress = pending.filter((p) => p.email === '').map((p) => p.id);
  await updateMailStatuses(database.db, lostAddress, 'failed', 'no mail address');
  const outcomes = (await sendMails(config, withAddress.map((p) => ({ to: p.email, subject: p.title, text: `${p.body}${mailFooter}` })))) ?? [];
  const sent: number[] = [];
  let mailFailed = lostAddress.length;
  for (const [i, outcome] of outcomes.entries()) {
    const id = withAddress[i]!.id;
    if (outcome.ok) sent.push(id);
    else {
      mailFailed += 1;
      await updateMailStatus(database.db, id, 'failed', outcome.error);
    }
  }
  await updateMailStatuses(database.db, sent, 'sent', null);
  if (mailFailed > 0) console.warn('notification mail failed', { municipalityId, failed: mailFailed, sent: sent.length });
  return { mailed: sent.length, mailFailed };
}

const pageSizeMax = 100;

/** GET /api/notifications: the signed-in person's own notifications, newest first. */
export async function listMyNotifications(
  ctx: ServiceContext,
  input: { unreadOnly?: boolean; page?: number; pageSize?: number },
): Promise<NotificationList> {
  const page = input.page ?? 1;
  const pageSize = Math.min(input.pageSize ?? 20, pageSizeMax);
  // An account without a staff record (a system account) receives nothing.
  if (ctx.actor.staffId === null) return { unread: 0, total: 0, page, pageSize, items: [] };
  const result = await listNotificationsOf(ctx.database.db, {
    municipalityId: ctx.actor.municipalityId,
    recipientStaffId: ctx.actor.staffId,
    unreadOnly: input.unreadOnly ?? false,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  return {
    unread: result.unread,
    total: result.total,
    page,
    pageSize,
    items: result.rows.map((r) => ({ ...r, isRead: r.readAt !== null })),
  };
}

/** POST /api/notifications/:id/read: one's own only; someone else's is "not found". */
export async function markRead(ctx: ServiceContext, input: { id: number }): Promise<void> {
  const found =
    ctx.actor.staffId !== null &&
    (await markNotificationRead(ctx.database.db, {
      municipalityId: ctx.actor.municipalityId,
      recipientStaffId: ctx.actor.staffId,
      id: input.id,
      at: ctx.now,
    }));
  if (!found) throw new AppError('common.not-found', 'お知らせが見つかりません。');
}

/** POST /api/notifications/read-all */
export async function markAllRead(ctx: ServiceContext): Promise<void> {
  if (ctx.actor.staffId === null) return;
  await markAllNotificationsRead(ctx.database.db, { municipalityId: ctx.actor.municipalityId, recipientStaffId: ctx.actor.staffId, at: ctx.now });
}
