/**
 * Per-municipality settings: the JSON documents by key (`settings`) and the positions (`positions`), which are
 * settings too but live in their own table because assignments reference them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { assignments, positions, settings } from '../db/schema/org.js';
import type { Position, PositionLevel } from '../../domain/org/org-model.js';
import type { PositionInput } from '../../domain/org/org-api.js';
import { positionColumns } from './org.repository.js';

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

/**
 * Settings writes of a municipality take turns (held until the transaction ends): a change to the rules is
 * validated against the positions and the other way round, so two of them must not interleave.
 */
export async function lockSettings(tx: Tx, municipalityId: number): Promise<void> {
  // Two-key form: its key space does not overlap the one-key locks of the audit chain.
  await tx.execute(sql`select pg_advisory_xact_lock(7320, ${municipalityId}::int)`);
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

export type PositionRow = Position & { isInUse: boolean };

/** The municipality's positions, most senior first, each saying whether an assignment (any period) uses it. */
export async function listPositionsWithUse(exec: Executor, municipalityId: number): Promise<PositionRow[]> {
  const rows = await exec
    .select({
      ...positionColumns,
      // Qualified by hand: drizzle leaves columns unqualified in a one-table select, which the subquery would capture.
      isInUse: sql<boolean>`exists (select 1 from ${assignments} as a where a.position_id = "positions"."id")`,
    })
    .from(positions)
    .where(eq(positions.municipalityId, municipalityId))
    .orderBy(asc(positions.rank), asc(positions.id));
  return rows.map((r) => ({ ...r, level: r.level as PositionLevel, isInUse: Boolean(r.isInUse) }));
}

export async function insertPosition(exec: Executor, municipalityId: number, v: PositionInput): Promise<number> {
  const [row] = await exec
    .insert(positions)
    .values({ municipalityId, ...v })
    .returning({ id: positions.id });
  return row!.id;
}

export async function updatePosition(exec: Executor, municipalityId: number, positionId: number, v: Partial<PositionInput>): Promise<void> {
  if (Object.keys(v).length === 0) return;
  await exec
    .update(positions)
    .set(v)
    .where(and(eq(positions.municipalityId, municipalityId), eq(positions.id, positionId)));
}
