/**
 * Settings documents of every area (rows of `settings`, JSON by key) with optimistic concurrency: the SQL of
 * settings-document.service.ts, and of the organisation settings (not a plain document, see org/settings.service.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { settings } from '../db/schema/org.js';

/**
 * The row's last change as an ISO instant with microseconds, rendered by the database so that both engines give
 * the same text; clients send it back as the concurrency token and it is compared as a timestamp, not as text.
 */
const updatedAtIso = sql<string>`to_char(${settings.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type SettingRow = { value: unknown; updatedAt: string };

export async function findSetting(exec: Executor, municipalityId: number, key: string): Promise<SettingRow | undefined> {
  const [row] = await exec
    .select({ value: settings.value, updatedAt: updatedAtIso })
    .from(settings)
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key)));
  return row;
}

/** Whether the stored document is still the one changed at `updatedAt`. */
export async function isSettingUnchanged(exec: Executor, municipalityId: number, key: string, updatedAt: string): Promise<boolean> {
  const rows = await exec
    .select({ key: settings.key })
    .from(settings)
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key), sql`${settings.updatedAt} = ${updatedAt}::timestamptz`));
  return rows.length > 0;
}

/** Inserts the document unless a row exists already; undefined means someone else stored one first. */
export async function insertSettingIfAbsent(exec: Executor, municipalityId: number, key: string, value: unknown): Promise<string | undefined> {
  const [row] = await exec
    .insert(settings)
    .values({ municipalityId, key, value })
    .onConflictDoNothing({ target: [settings.municipalityId, settings.key] })
    .returning({ updatedAt: updatedAtIso });
  return row?.updatedAt;
}

/** Replaces the document if it is still the one changed at `updatedAt`; undefined means it was changed since. */
export async function updateSettingIfUnchanged(
  exec: Executor,
  municipalityId: number,
  key: string,
  value: unknown,
  updatedAt: string,
): Promise<string | undefined> {
  const [row] = await exec
    .update(settings)
    .set({ value, updatedAt: sql`now()` })
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key), sql`${settings.updatedAt} = ${updatedAt}::timestamptz`))
    .returning({ updatedAt: updatedAtIso });
  return row?.updatedAt;
}

export async function deleteSetting(exec: Executor, municipalityId: number, key: string): Promise<void> {
  await exec.delete(settings).where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key)));
}

/** Removes the document if it is still the one changed at `updatedAt`; false means it was changed since. */
export async function deleteSettingIfUnchanged(exec: Executor, municipalityId: number, key: string, updatedAt: string): Promise<boolean> {
  const rows = await exec
    .delete(settings)
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key), sql`${settings.updatedAt} = ${updatedAt}::timestamptz`))
    .returning({ key: settings.key });
  return rows.length > 0;
}

/** Settings writes of one kind (`lockClass`) for a municipality take turns, held until the transaction ends. */
export async function lockSettingsOfKind(tx: Tx, lockClass: number, municipalityId: number): Promise<void> {
  // Two-key form: its key space does not overlap the one-key locks of the audit chain.
  await tx.execute(sql`select pg_advisory_xact_lock(${lockClass}::int, ${municipalityId}::int)`);
}
