/** Sign-in, sign-out and session resolution (security.md "Authentication and sessions"). */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import type { Deps, Actor } from '../http/context.js';
import { tokyoDate } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import {
  countRecentFailures,
  endAllSessionsOfAccount,
  endSession,
  findAccountByLogin,
  findDefaultMunicipality,
  findLiveSessionsByTokenHashes,
  insertSession,
  insertSignInFailure,
  touchSession,
} from './accounts.repository.js';
import { audit, auditInTx } from './audit.service.js';
import { createBatcher, perDatabase } from '../common/batcher.js';
import type { Database } from '../db/client.js';
import type { Role } from '../../domain/access/roles.js';

export const hashPassword = (password: string) => argonHash(password);

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
/** Spent on unknown login ids too, so response time does not reveal whether an account exists. */
let dummyHash: Promise<string> | undefined;

export function normalizeLoginId(loginId: string): string {
  return loginId.normalize('NFKC').trim().toUpperCase();
}

export type SignInInput = { loginId: string; password: string; municipalityCode?: string };
export type SignInMeta = { requestId: string; now: Date; ip: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function signIn(deps: Deps, input: SignInInput, meta: SignInMeta) {
  const { database, config } = deps;
  const exec = database.db;
  const municipality = await findDefaultMunicipality(exec, input.municipalityCode);
  const loginId = normalizeLoginId(input.loginId);
  const loginKey = `${municipality?.id ?? 0}:${loginId}`;
  const src = { municipalityId: municipality?.id ?? 0, actor: null, requestId: meta.requestId, now: meta.now, actorLabel: loginId };
  const failures = await countRecentFailures(exec, loginKey, new Date(meta.now.getTime() - 3600_000));
  if (failures >= config.SIGN_IN_MAX_FAILURES_PER_HOUR) {
    await audit(database, src, { action: 'auth.sign-in', outcome: 'denied', details: { reason: 'rate-limited', ip: meta.ip } });
    throw new AppError('auth.rate-limited', 'ログインの失敗が続いたため、しばらくしてから再度お試しください。');
  }
  // Back-off after five failures: each further attempt waits longer (capped), slowing guessing without lockout.
  if (failures >= 5) await sleep(Math.min(250 * 2 ** (failures - 5), 4000));

  const account = municipality ? await findAccountByLogin(exec, municipality.id, loginId) : undefined;
  dummyHash ??= argonHash('not-a-real-password-xxxxxxxx');
  let isValid = false;
  if (account) isValid = await argonVerify(account.passwordHash, input.password).catch(() => false);
  else await argonVerify(await dummyHash, input.password).catch(() => false);
  if (!account || !isValid || account.isDisabled) {
    await insertSignInFailure(exec, loginKey, meta.now);
    await audit(database, src, {
      action: 'auth.sign-in',
      outcome: 'failed',
      objectType: account ? 'account' : undefined,
      objectId: account?.id,
      details: { reason: !account ? 'unknown-login' : account.isDisabled ? 'disabled' : 'wrong-password', ip: meta.ip },
    });
    throw new AppError('auth.invalid-credentials', '職員番号またはパスワードが正しくありません。');
  }

  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await database.db.transaction(async (tx) => {
    const sessionId = await insertSession(tx, {
      municipalityId: account.municipalityId,
      tokenHash: tokenHash(token),
      accountId: account.id,
      csrfToken,
      at: meta.now,
    });
    await auditInTx(
      tx,
      { ...src, municipalityId: account.municipalityId },
      { action: 'auth.sign-in', outcome: 'succeeded', objectType: 'account', objectId: account.id, details: { sessionId, ip: meta.ip } },
    );
  });
  return { token, csrfToken };
}

type LiveSession = Awaited<ReturnType<typeof findLiveSessionsByTokenHashes>>[number];

/**
 * Every request resolves its session cookie, so the lookups of the requests in flight go to the database together:
 * one statement reads the sessions, their accounts and the roles in force (ADR 0022). Grouped by the Tokyo date the
 * roles are judged on (one date but for requests straddling midnight).
 */
const sessionLookups = perDatabase((database: Database) =>
  createBatcher(async (keys: ReadonlyArray<{ hash: string; date: string }>): Promise<Array<LiveSession | undefined>> => {
    const found = new Map<string, LiveSession>();
    for (const date of new Set(keys.map((k) => k.date))) {
      const rows = await findLiveSessionsByTokenHashes(database.db, [...new Set(keys.filter((k) => k.date === date).map((k) => k.hash))], date);
      for (const row of rows) found.set(`${date} ${row.tokenHash}`, row);
    }
    return keys.map((k) => found.get(`${k.date} ${k.hash}`));
  }, { name: 'session-lookups' }),
);

/** Resolves the session cookie to an actor; ends sessions past their idle or absolute timeout. */
export async function resolveSession(deps: Deps, token: string, now: Date): Promise<Actor | null> {
  const { database, config } = deps;
  const row = await sessionLookups(database)({ hash: tokenHash(token), date: tokyoDate(now) });
  if (!row) return null;
  const idleLimit = new Date(row.lastSeenAt).getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  const absoluteLimit = new Date(row.createdAt).getTime() + config.SESSION_ABSOLUTE_HOURS * 3600_000;
  if (row.isDisabled || now.getTime() > idleLimit || now.getTime() > absoluteLimit) {
    await endSession(database.db, row.sessionId, now);
    return null;
  }
  // Writing last_seen_at on every request would make every read a write; a minute's resolution is enough for a 30-minute idle limit.
  if (now.getTime() - new Date(row.lastSeenAt).getTime() > 60_000) await touchSession(database.db, row.sessionId, now);
  return {
    accountId: row.accountId,
    municipalityId: row.municipalityId,
    staffId: row.staffId,
    loginId: row.loginId,
    displayName: row.displayName,
    roles: [...new Set((row.roles ?? []) as Role[])].sort(),
    dateStyle: row.dateStyle === 'seireki' ? 'seireki' : 'wareki',
    sessionId: row.sessionId,
    csrfToken: row.csrfToken,
  };
}

export async function signOut(deps: Deps, actor: Actor, meta: { requestId: string; now: Date }) {
  await deps.database.db.transaction(async (tx) => {
    await endSession(tx, actor.sessionId, meta.now);
    await auditInTx(tx, { municipalityId: actor.municipalityId, actor, requestId: meta.requestId, now: meta.now }, {
      action: 'auth.sign-out',
      outcome: 'succeeded',
      objectType: 'account',
      objectId: actor.accountId,
    });
  });
}

export { endAllSessionsOfAccount };

export function isSameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
