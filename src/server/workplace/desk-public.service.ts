/**
 * Filing and following desk cases (ADR 0020) — the public page without sign-in, and a signed-in filer. The filer is
 * never written to the audit log (an auditor could otherwise find the reporter: 公益通報者保護法 prohibits searching
 * for them); the address is used only for throttling and never stored with the case.
 */
import { randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Database } from '../db/client.js';
import type { Config } from '../config.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx, type AuditSource } from '../access/audit.service.js';
import { mailNotifications, notify } from '../notifications/notifications.service.js';
import {
  canonicalSecret,
  caseStatusLabels,
  categoryLabels,
  deskLabels,
  deskNotificationTitle,
  deskOfCategory,
  isCaseOpen,
  pseudonymOf,
  receiptCodeOf,
  receiptCodePattern,
  secretOf,
  type CaseStatus,
  type DeskCategory,
  type FileReportInput,
  type FollowInput,
  type ReporterMessageInput,
} from '../../domain/workplace/desk-rules.js';
import type { FiledReceipt, ReporterCaseView } from '../../domain/workplace/desk-api.js';
import {
  countFailures,
  findCaseByReceipt,
  findPublicMunicipality,
  insertCase,
  insertEvent,
  insertFailure,
  insertReporterIdentity,
  listCurrentHandlers,
  listDesignatedStaff,
  listEvents,
  type CaseRow,
} from './desk.repository.js';

export type PublicDeskContext = { database: Database; config: Config; now: Date; today: string; requestId: string; ip: string };

/** Per code and per address within an hour; a wrong secret counts against both. */
export const followLimits = { perCode: 10, perAddress: 30 };
const reporterLabel = 'desk-reporter';

// ---------- in-process buckets for filing (argon2 hashing is costly: a flood must not starve the server) ----------
type Bucket = { tokens: number; at: number };
const bucketsByDatabase = new WeakMap<object, Map<string, Bucket>>();
const fileRule = { burst: 5, perHour: 20 };
function takeToken(database: object, key: string, nowMs: number, rule = fileRule): boolean {
  let map = bucketsByDatabase.get(database);
  if (!map) bucketsByDatabase.set(database, (map = new Map()));
  if (map.size > 50_000) map.clear();
  const b = map.get(key) ?? { tokens: rule.burst, at: nowMs };
  const tokens = Math.min(rule.burst, b.tokens + Math.max(0, nowMs - b.at) * (rule.perHour / 3_600_000));
  if (tokens < 1) {
    map.set(key, { tokens, at: nowMs });
    return false;
  }
  map.set(key, { tokens: tokens - 1, at: nowMs });
  return true;
}
const rateLimited = () => new AppError('workplace.desk-rate-limited', '短い時間に操作が続いたため、受け付けを一時停止しています。しばらく(数分〜1時間)たってから、もう一度お試しください。');

async function municipalityOf(database: Database) {
  const m = await findPublicMunicipality(database.db);
  if (!m) throw new AppError('common.not-found', '窓口が見つかりません。');
  return m;
}

type Filer = { municipalityId: number; staffId: number | null };

async function fileCase(database: Database, config: Config, src: { requestId: string; now: Date }, filer: Filer, input: FileReportInput): Promise<FiledReceipt> {
  const desk = deskOfCategory(input.category);
  const secret = secretOf(randomBytes(20));
  const secretHash = await argonHash(canonicalSecret(secret));
  const at = src.now.toISOString();
  const auditSrc: AuditSource = { municipalityId: filer.municipalityId, actor: null, requestId: src.requestId, now: src.now, actorLabel: reporterLabel };
  // Identity is kept only when a signed-in filer chose to be known, or a public filer wrote a name or contact.
  const keepsIdentity = (filer.staffId !== null && !input.isAnonymous) || input.name.trim() !== '' || input.contact.trim() !== '';
  const { receiptCode, notificationIds } = await database.db.transaction(async (tx) => {
    let receiptCode = '';
    let caseId = 0;
    for (let attempt = 0; ; attempt += 1) {
      receiptCode = receiptCodeOf(desk, randomBytes(8));
      if (!(await findCaseByReceipt(tx, filer.municipalityId, receiptCode))) break;
      if (attempt > 5) throw new Error('receipt code space exhausted');
    }
    caseId = await insertCase(tx, {
      municipalityId: filer.municipalityId,
      desk,
      category: input.category,
      receiptCode,
      secretHash,
      pseudonym: pseudonymOf(randomBytes(4)),
      isAnonymous: !keepsIdentity,
      summary: input.summary,
      receivedAt: at,
    });
    if (keepsIdentity) {
      await insertReporterIdentity(tx, {
        municipalityId: filer.municipalityId,
        caseId,
        staffId: input.isAnonymous ? null : filer.staffId,
        name: input.name.trim(),
        contact: input.contact.trim(),
      });
    }
    await insertEvent(tx, { municipalityId: filer.municipalityId, caseId, kind: 'status', author: 'reporter', body: '', statusTo: 'received', createdAt: at });
    await auditInTx(tx, auditSrc, { action: 'workplace.desk-case.file', outcome: 'succeeded', objectType: 'desk_case', objectId: caseId });
    const handlers = await listDesignatedStaff(tx, filer.municipalityId, desk, at.slice(0, 10));
    const notificationIds = await notify(
      tx,
      { municipalityId: filer.municipalityId, recipientStaffIds: handlers.map((h) => h.staffId), kind: 'workplace.desk', title: deskNotificationTitle, body: '', link: '/workplace/desks/cases' },
      { mailConfig: config },
    );
    return { receiptCode, notificationIds };
  });
  await mailNotifications(database, config, filer.municipalityId, notificationIds);
  return { receiptCode, secret, deskLabel: deskLabels[desk], categoryLabel: categoryLabels[input.category] };
}

/** POST /api/public/desks/reports — anyone, no sign-in. */
export async function fileReportPublicly(ctx: PublicDeskContext, input: FileReportInput): Promise<FiledReceipt> {
  if (!takeToken(ctx.database, `file:${ctx.ip}`, ctx.now.getTime())) throw rateLimited();
  const m = await municipalityOf(ctx.database);
  return fileCase(ctx.database, ctx.config, ctx, { municipalityId: m.id, staffId: null }, { ...input, isAnonymous: true });
}

/** POST /api/desks/reports — a signed-in member of staff; anonymous to the handlers unless they choose otherwise. */
export async function fileReportSignedIn(ctx: ServiceContext, input: FileReportInput): Promise<FiledReceipt> {
  if (!takeToken(ctx.database, `file-account:${ctx.actor.accountId}`, ctx.now.getTime())) throw rateLimited();
  return fileCase(ctx.database, ctx.config, ctx, { municipalityId: ctx.actor.municipalityId, staffId: ctx.actor.staffId }, input);
}

let dummyHash: Promise<string> | undefined;

/**
 * Receipt code + secret → the case, or a 404 that does not say which of the two was wrong. Failures are counted per
 * code and per address (sign_in_failures), and over the limit every attempt is refused with 429, right or wrong.
 */
async function openWithSecret(ctx: PublicDeskContext, input: FollowInput): Promise<CaseRow> {
  const m = await municipalityOf(ctx.database);
  const exec = ctx.database.db;
  const since = new Date(ctx.now.getTime() - 3600_000);
  const codeKey = `desk:${m.id}:${input.receiptCode}`;
  const ipKey = `desk-ip:${ctx.ip}`;
  if ((await countFailures(exec, codeKey, since)) >= followLimits.perCode || (await countFailures(exec, ipKey, since)) >= followLimits.perAddress) {
    await audit(ctx.database, { municipalityId: m.id, actor: null, requestId: ctx.requestId, now: ctx.now, actorLabel: reporterLabel }, { action: 'workplace.desk-case.follow', outcome: 'denied', details: { reason: 'rate-limited' } });
    throw rateLimited();
  }
  const found = receiptCodePattern.test(input.receiptCode) ? await findCaseByReceipt(exec, m.id, input.receiptCode) : undefined;
  dummyHash ??= argonHash('not-a-real-secret-xxxxxxxxxxxx');
  const isValid = found
    ? await argonVerify(found.secretHash, canonicalSecret(input.secret)).catch(() => false)
    : await argonVerify(await dummyHash, canonicalSecret(input.secret)).catch(() => false);
  if (!found || !isValid) {
    await insertFailure(exec, codeKey, ctx.now);
    await insertFailure(exec, ipKey, ctx.now);
    await audit(ctx.database, { municipalityId: m.id, actor: null, requestId: ctx.requestId, now: ctx.now, actorLabel: reporterLabel }, {
      action: 'workplace.desk-case.follow',
      outcome: 'failed',
      objectType: found ? 'desk_case' : undefined,
      objectId: found?.id,
    });
    throw new AppError('common.not-found', '受付番号または確認用パスワードが正しくありません。');
  }
  return found;
}

async function reporterView(ctx: PublicDeskContext, row: CaseRow): Promise<ReporterCaseView> {
  // Notes and cooperators are the handlers' alone; handler names are not shown to the reporter.
  const events = await listEvents(ctx.database.db, row.id, ['message', 'status']);
  return {
    receiptCode: row.receiptCode,
    deskLabel: deskLabels[row.desk as 'harassment'],
    categoryLabel: categoryLabels[row.category as DeskCategory],
    status: row.status as CaseStatus,
    statusLabel: caseStatusLabels[row.status as CaseStatus],
    receivedAt: row.receivedAt,
    summary: row.summary,
    isOpen: isCaseOpen(row.status as CaseStatus),
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as 'message' | 'status',
      from: e.author === 'reporter' ? ('reporter' as const) : ('desk' as const),
      body: e.body,
      statusTo: (e.statusTo as CaseStatus | null) ?? null,
      createdAt: e.createdAt,
    })),
  };
}

/** POST /api/public/desks/follow — the reporter's view of their case (audited without naming them). */
export async function followCase(ctx: PublicDeskContext, input: FollowInput): Promise<ReporterCaseView> {
  const row = await openWithSecret(ctx, input);
  await audit(ctx.database, { municipalityId: row.municipalityId, actor: null, requestId: ctx.requestId, now: ctx.now, actorLabel: reporterLabel }, {
    action: 'workplace.desk-case.follow',
    outcome: 'allowed',
    objectType: 'desk_case',
    objectId: row.id,
  });
  return reporterView(ctx, row);
}

/** POST /api/public/desks/messages — the reporter writes to the handlers; they get a notification without content. */
export async function sendReporterMessage(ctx: PublicDeskContext, input: ReporterMessageInput): Promise<ReporterCaseView> {
  const row = await openWithSecret(ctx, input);
  if (!isCaseOpen(row.status as CaseStatus)) throw new AppError('workplace.desk-case-closed', 'この相談・通報は終了しています。');
  const src: AuditSource = { municipalityId: row.municipalityId, actor: null, requestId: ctx.requestId, now: ctx.now, actorLabel: reporterLabel };
  const ids = await ctx.database.db.transaction(async (tx) => {
    const eventId = await insertEvent(tx, { municipalityId: row.municipalityId, caseId: row.id, kind: 'message', author: 'reporter', body: input.body, createdAt: ctx.now.toISOString() });
    await auditInTx(tx, src, { action: 'workplace.desk-message.send', outcome: 'succeeded', objectType: 'desk_case', objectId: row.id, details: { eventId } });
    const handlers = await listCurrentHandlers(tx, row.id);
    return notify(
      tx,
      { municipalityId: row.municipalityId, recipientStaffIds: handlers.map((h) => h.staffId), kind: 'workplace.desk', title: deskNotificationTitle, body: '', link: `/workplace/desks/cases/${row.id}` },
      { mailConfig: ctx.config },
    );
  });
  await mailNotifications(ctx.database, ctx.config, row.municipalityId, ids);
  await audit(ctx.database, src, { action: 'workplace.desk-case.follow', outcome: 'allowed', objectType: 'desk_case', objectId: row.id });
  return reporterView(ctx, row);
}
