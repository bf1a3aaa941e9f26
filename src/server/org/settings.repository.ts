/**
 * Per-municipality settings: the JSON documents by key (`settings`) and the positions (`positions`), which are
 * settings too but live in their own table because assignments reference them.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { assignments, positions } from '../db/schema/org.js';
import type { Position, PositionLevel } from '../../domain/org/org-model.js';
import type { PositionInput } from '../../domain/org/org-api.js';
import { positionColumns } from './org.repository.js';
import { lockSettingsOfKind } from '../common/settings-documents.repository.js';

/**
 * Settings writes of a municipality take turns (held until the transaction ends): a change to the rules is
 * validated against the positions and the other way round, so two of them must not interleave.
 */
export async function lockSettings(tx: Tx, municipalityId: number): Promise<void> {
  await lockSettingsOfKind(tx, 7320, municipalityId);
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
