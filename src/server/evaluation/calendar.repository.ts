/**
 * The evaluation calendar's settings document, stored in the `settings` table under its own key. The queries
 * mirror the organisation settings' (src/server/org/settings.repository.ts): `updatedAt` is rendered by the
 * database as the concurrency token and compared as a timestamp.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { settings } from '../db/schema/org.js';

const updatedAtIso = sql<string>`to_char(${settings.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type CalendarSettingRow = { value: unknown; updatedAt: string };

export async function findCalendarSetting(exec: Executor, municipalityId: number, key: string): Promise<CalendarSettingRow | undefined> {
  const [row] = await exec
    .select({ value: settings.value, updatedAt: updatedAtIso })
    .from(settings)
    .where(and(eq(settings.municipalityId, municipalityId), eq(settings.key, key)));
  return row;
}

/** Calendar writes of a municipality take turns (held until the transaction ends). */
export async function lockCalendarSetting(tx: Tx, municipalityId: number): Promise<void> {
  // Two-key form with its own first key: apart from the audit chain's and the organisation settings' (7320) locks.
  await tx.execute(sql`select pg_advisory_xact_lock(7321, ${municipalityId}::int)`);
}

/** Inserts the document unless a row exists already; undefined means someone else stored one first. */
export async function insertCalendarSettingIfAbsent(exec: Executor, municipalityId: number, key: string, value: unknown): Promise<string | undefined> {
  const [row] = await exec
    .insert(settings)
    .values({ municipalityId, key, value })
    .onConflictDoNothing({ target: [settings.municipalityId, settings.key] })
    .returning({ updatedAt: updatedAtIso });
  return row?.updatedAt;
}

/** Replaces the document if it is still the one changed at `updatedAt`; undefined means it was changed since. */
export async function updateCalendarSettingIfUnchanged(
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

/** Removes the document (if `updatedAt` is given, only if it is still the one changed then); false means nothing was removed. */
export async function deleteCalendarSetting(exec: Executor, municipalityId: number, key: string, updatedAt?: string): Promise<boolean> {
  const rows = await exec
    .delete(settings)
    .where(
      and(
        eq(settings.municipalityId, municipalityId),
        eq(settings.key, key),
        updatedAt === undefined ? undefined : sql`${settings.updatedAt} = ${updatedAt}::timestamptz`,
      ),
    )
    .returning({ key: settings.key });
  return rows.length > 0;
}
