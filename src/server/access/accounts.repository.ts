/** Accounts, role grants, sessions and sign-in failures: the SQL of the access area. */
import { and, asc, eq, gte, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { accounts, roleGrants, sessions, signInFailures } from '../db/schema/access.js';
import { municipalities, staff } from '../db/schema/org.js';

export async function findDefaultMunicipality(exec: Executor, code?: string) {
  const rows = await exec
    .select({ id: municipalities.id, code: municipalities.code, name: municipalities.name })
    .from(municipalities)
    .where(code ? eq(municipalities.code, code) : undefined)
    .orderBy(asc(municipalities.id))
    .limit(1);
  return rows[0];
}

export async function findAccountByLogin(exec: Executor, municipalityId: number, loginId: string) {
  const [row] = await exec
    .select()
    .from(accounts)
    .where(and(eq(accounts.municipalityId, municipalityId), eq(accounts.loginId, loginId)));
  return row;
}

export async function findAccount(exec: Executor, municipalityId: number, accountId: number) {
  const [row] = await exec
    .select()
    .from(accounts)
    .where(and(eq(accounts.municipalityId, municipalityId), eq(accounts.id, accountId)));
  return row;
}

export async function countRecentFailures(exec: Executor, loginKey: string, since: Date): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.loginKey, loginKey), gte(signInFailures.failedAt, since.toISOString())));
  return row?.n ?? 0;
}

export async function insertSignInFailure(exec: Executor, loginKey: string, at: Date) {
  await exec.insert(signInFailures).values({ loginKey, failedAt: at.toISOString() });
}

export async function insertSession(
  exec: Executor,
  v: { municipalityId: number; tokenHash: string; accountId: number; csrfToken: string; at: Date },
) {
  const [row] = await exec
    .insert(sessions)
    .values({
      municipalityId: v.municipalityId,
      tokenHash: v.tokenHash,
      accountId: v.accountId,
      csrfToken: v.csrfToken,
      createdAt: v.at.toISOString(),
      lastSeenAt: v.at.toISOString(),
    })
    .returning({ id: sessions.id });
  return row!.id;
}

/**
 * The live sessions of these token hashes with their accounts and the roles in force on `date`, in one statement
 * (session resolution batches the requests in flight, ADR 0022); the hashes go as one JSON parameter.
 */
export async function findLiveSessionsByTokenHashes(exec: Executor, tokenHashes: readonly string[], date: string) {
  if (tokenHashes.length === 0) return [];
  return exec
    .select({
      tokenHash: sessions.tokenHash,
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      csrfToken: sessions.csrfToken,
      accountId: accounts.id,
      municipalityId: accounts.municipalityId,
      staffId: accounts.staffId,
      loginId: accounts.loginId,
      displayName: accounts.displayName,
      isDisabled: accounts.isDisabled,
      dateStyle: accounts.dateStyle,
      roles: sql<string[] | null>`(select jsonb_agg(distinct ${roleGrants.role}) from ${roleGrants}
        where ${roleGrants.accountId} = ${accounts.id} and ${roleGrants.startsOn} <= ${date}
          and (${roleGrants.endsOn} is null or ${roleGrants.endsOn} >= ${date}))`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(sql`${sessions.tokenHash} in (select jsonb_array_elements_text(${JSON.stringify(tokenHashes)}::jsonb))`, isNull(sessions.endedAt)));
}

export async function touchSession(exec: Executor, sessionId: number, at: Date) {
  await exec.update(sessions).set({ lastSeenAt: at.toISOString() }).where(eq(sessions.id, sessionId));
}

export async function endSession(exec: Executor, sessionId: number, at: Date) {
  await exec.update(sessions).set({ endedAt: at.toISOString() }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt)));
}

export async function endAllSessionsOfAccount(exec: Executor, accountId: number, at: Date) {
  await exec.update(sessions).set({ endedAt: at.toISOString() }).where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt)));
}

export async function listAccounts(exec: Executor, municipalityId: number, q: { search?: string; limit: number; offset: number }) {
  const where = and(
    eq(accounts.municipalityId, municipalityId),
    q.search ? sql`(${accounts.loginId} ilike ${'%' + q.search + '%'} or ${accounts.displayName} ilike ${'%' + q.search + '%'})` : undefined,
  );
  const [count] = await exec.select({ n: sql<number>`count(*)::int` }).from(accounts).where(where);
  const rows = await exec
    .select({
      id: accounts.id,
      loginId: accounts.loginId,
      displayName: accounts.displayName,
      staffId: accounts.staffId,
      isDisabled: accounts.isDisabled,
      version: accounts.version,
    })
    .from(accounts)
    .where(where)
    .orderBy(asc(accounts.loginId))
    .limit(q.limit)
    .offset(q.offset);
  return { total: count?.n ?? 0, rows };
}

export async function listGrantsOfAccounts(exec: Executor, accountIds: number[]) {
  if (accountIds.length === 0) return [];
  return exec
    .select()
    .from(roleGrants)
    .where(sql`${roleGrants.accountId} in (${sql.join(accountIds.map((id) => sql`${id}`), sql`, `)})`)
    .orderBy(asc(roleGrants.startsOn));
}

export async function insertAccount(
  exec: Executor,
  v: { municipalityId: number; staffId: number | null; loginId: string; displayName: string; passwordHash: string },
) {
  const [row] = await exec.insert(accounts).values(v).returning({ id: accounts.id });
  return row!.id;
}

export async function updateAccountDisabled(exec: Executor, accountId: number, isDisabled: boolean) {
  await exec
    .update(accounts)
    .set({ isDisabled, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.id, accountId));
}

export async function updateAccountPassword(exec: Executor, accountId: number, passwordHash: string) {
  await exec
    .update(accounts)
    .set({ passwordHash, version: sql`${accounts.version} + 1` })
    .where(eq(accounts.id, accountId));
}

export async function updateAccountDateStyle(exec: Executor, accountId: number, dateStyle: 'wareki' | 'seireki') {
  await exec.update(accounts).set({ dateStyle }).where(eq(accounts.id, accountId));
}

export async function insertRoleGrant(
  exec: Executor,
  v: { municipalityId: number; accountId: number; role: string; startsOn: string; endsOn: string | null; grantedByAccountId: number | null; reason: string | null },
) {
  const [row] = await exec.insert(roleGrants).values(v).returning({ id: roleGrants.id });
  return row!.id;
}

export async function findRoleGrant(exec: Executor, municipalityId: number, grantId: number) {
  const [row] = await exec
    .select()
    .from(roleGrants)
    .where(and(eq(roleGrants.municipalityId, municipalityId), eq(roleGrants.id, grantId)));
  return row;
}

/** Revoking ends the grant the day before `date` (or deletes a grant that had not started), keeping history. */
export async function endRoleGrant(exec: Executor, grantId: number, lastDay: string) {
  await exec.update(roleGrants).set({ endsOn: lastDay }).where(eq(roleGrants.id, grantId));
}

export async function deleteRoleGrant(exec: Executor, grantId: number) {
  await exec.delete(roleGrants).where(eq(roleGrants.id, grantId));
}

export async function findStaffBrief(exec: Executor, municipalityId: number, staffId: number) {
  const [row] = await exec
    .select({ id: staff.id, employeeNumber: staff.employeeNumber, familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId)));
  return row;
}

export async function listMunicipalities(exec: Executor) {
  return exec.select({ id: municipalities.id, code: municipalities.code }).from(municipalities).orderBy(asc(municipalities.id));
}
