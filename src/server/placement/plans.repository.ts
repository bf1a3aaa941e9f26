/**
 * Transfer plans (異動案): the plans, their moves and constraints, and — for applying a plan — the regular
 * assignments the moves end and create; for undoing an apply, its record and the rows it puts back. Every statement
 * is scoped by municipality.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { transferPlanApplyLogs, transferPlanConstraints, transferPlanMoves, transferPlans } from '../db/schema/placement.js';
import { assignments, orgUnitVersions, positions, staff, staffRelations } from '../db/schema/org.js';
import type { AssignmentRecord, RelationRecord, RemovedRelation } from '../../domain/placement/plan-apply-log.js';
import { assignmentColumns } from '../org/org.repository.js';
import { relationColumns } from '../org/relations.repository.js';

export type PlanRow = typeof transferPlans.$inferSelect;
export type MoveRow = typeof transferPlanMoves.$inferSelect;
export type ConstraintRow = typeof transferPlanConstraints.$inferSelect;

/** The plans of the municipality (archived ones only when asked), newest effective date first, with their move counts. */
export async function listPlans(exec: Executor, municipalityId: number, includeArchived: boolean): Promise<Array<PlanRow & { moveCount: number }>> {
  const plans = await exec
    .select()
    .from(transferPlans)
    .where(and(eq(transferPlans.municipalityId, municipalityId), includeArchived ? undefined : sql`${transferPlans.status} <> 'archived'`))
    .orderBy(desc(transferPlans.effectiveDate), asc(transferPlans.id));
  if (plans.length === 0) return [];
  const counts = await exec
    .select({ planId: transferPlanMoves.planId, n: sql<number>`count(*)::int` })
    .from(transferPlanMoves)
    .where(and(eq(transferPlanMoves.municipalityId, municipalityId), inArray(transferPlanMoves.planId, plans.map((p) => p.id))))
    .groupBy(transferPlanMoves.planId);
  const byPlan = new Map(counts.map((c) => [c.planId, Number(c.n)]));
  return plans.map((p) => ({ ...p, moveCount: byPlan.get(p.id) ?? 0 }));
}

export async function findPlan(exec: Executor, municipalityId: number, planId: number): Promise<PlanRow | undefined> {
  const [row] = await exec
    .select()
    .from(transferPlans)
    .where(and(eq(transferPlans.municipalityId, municipalityId), eq(transferPlans.id, planId)));
  return row;
}

export async function insertPlan(
  exec: Executor,
  values: Pick<PlanRow, 'municipalityId' | 'name' | 'effectiveDate' | 'note' | 'createdByAccountId'>,
): Promise<PlanRow> {
  const [row] = await exec.insert(transferPlans).values(values).returning();
  return row!;
}

export type PlanChanges = Partial<Pick<PlanRow, 'name' | 'note' | 'status' | 'approvedByAccountId' | 'approvedAt' | 'appliedAt'>>;

/**
 * Applies `changes` and bumps the version if the plan is still at `version`; undefined means someone changed it
 * since (or it does not exist). Every change to a plan's moves or constraints goes through this, so the version
 * covers the whole plan.
 */
export async function updatePlanIfVersion(
  exec: Executor,
  municipalityId: number,
  planId: number,
  version: number,
  changes: PlanChanges,
): Promise<PlanRow | undefined> {
  const [row] = await exec
    .update(transferPlans)
    .set({ ...changes, version: sql`${transferPlans.version} + 1`, updatedAt: sql`clock_timestamp()` })
    .where(and(eq(transferPlans.municipalityId, municipalityId), eq(transferPlans.id, planId), eq(transferPlans.version, version)))
    .returning();
  return row;
}

export async function listMoves(exec: Executor, municipalityId: number, planId: number): Promise<MoveRow[]> {
  return exec
    .select()
    .from(transferPlanMoves)
    .where(and(eq(transferPlanMoves.municipalityId, municipalityId), eq(transferPlanMoves.planId, planId)))
    .orderBy(asc(transferPlanMoves.id));
}

export async function findMove(exec: Executor, municipalityId: number, planId: number, moveId: number): Promise<MoveRow | undefined> {
  const [row] = await exec
    .select()
    .from(transferPlanMoves)
    .where(and(eq(transferPlanMoves.municipalityId, municipalityId), eq(transferPlanMoves.planId, planId), eq(transferPlanMoves.id, moveId)));
  return row;
}

export type MoveValues = Pick<MoveRow, 'staffId' | 'toUnitId' | 'toPositionId' | 'reason' | 'specialReason'> &
  Partial<Pick<MoveRow, 'source' | 'explanation'>>;

export async function insertMoves(exec: Executor, municipalityId: number, planId: number, moves: readonly MoveValues[]): Promise<MoveRow[]> {
  if (moves.length === 0) return [];
  return exec
    .insert(transferPlanMoves)
    .values(moves.map((m) => ({ ...m, municipalityId, planId })))
    .returning();
}

export async function updateMove(
  exec: Executor,
  municipalityId: number,
  moveId: number,
  values: Pick<MoveRow, 'toUnitId' | 'toPositionId' | 'reason' | 'specialReason'>,
): Promise<void> {
  await exec
    .update(transferPlanMoves)
    // An edited move is the user's: the next adoption of an optimiser run keeps it.
    .set({ ...values, source: 'manual', explanation: null })
    .where(and(eq(transferPlanMoves.municipalityId, municipalityId), eq(transferPlanMoves.id, moveId)));
}

export async function deleteMove(exec: Executor, municipalityId: number, moveId: number): Promise<void> {
  await exec.delete(transferPlanMoves).where(and(eq(transferPlanMoves.municipalityId, municipalityId), eq(transferPlanMoves.id, moveId)));
}

export async function listConstraints(exec: Executor, municipalityId: number, planId: number): Promise<ConstraintRow[]> {
  return exec
    .select()
    .from(transferPlanConstraints)
    .where(and(eq(transferPlanConstraints.municipalityId, municipalityId), eq(transferPlanConstraints.planId, planId)))
    .orderBy(asc(transferPlanConstraints.id));
}

export type ConstraintValues = Pick<ConstraintRow, 'staffId' | 'kind' | 'unitId'> & Partial<Pick<ConstraintRow, 'note'>>;

export async function insertConstraints(exec: Executor, municipalityId: number, planId: number, rows: readonly ConstraintValues[]): Promise<ConstraintRow[]> {
  if (rows.length === 0) return [];
  return exec
    .insert(transferPlanConstraints)
    .values(rows.map((r) => ({ ...r, municipalityId, planId })))
    .returning();
}

/** Removes the constraint of the plan; false when there was none. */
export async function deleteConstraint(exec: Executor, municipalityId: number, planId: number, constraintId: number): Promise<boolean> {
  const rows = await exec
    .delete(transferPlanConstraints)
    .where(
      and(
        eq(transferPlanConstraints.municipalityId, municipalityId),
        eq(transferPlanConstraints.planId, planId),
        eq(transferPlanConstraints.id, constraintId),
      ),
    )
    .returning({ id: transferPlanConstraints.id });
  return rows.length > 0;
}

/** A person as a plan shows them: number, name and the regular post in force on `date` (the day before the plan). */
export type PersonPostRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  unitId: number | null;
  positionId: number | null;
};

export async function listPeopleWithPostOn(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<PersonPostRow[]> {
  if (staffIds.length === 0) return [];
  const post = and(
    eq(assignments.staffId, staff.id),
    eq(assignments.kind, 'regular'),
    lte(assignments.startsOn, date),
    or(isNull(assignments.endsOn), gte(assignments.endsOn, date)),
  );
  const rows = await exec
    .select({
      staffId: staff.id,
      employeeNumber: staff.employeeNumber,
      familyName: staff.familyName,
      givenName: staff.givenName,
      unitId: assignments.unitId,
      positionId: assignments.positionId,
      startsOn: assignments.startsOn,
    })
    .from(staff)
    .leftJoin(assignments, post)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...staffIds])))
    .orderBy(asc(staff.id), desc(assignments.startsOn), desc(assignments.id));
  // The latest-started post wins when two overlap, as the directory picks it.
  const byStaff = new Map<number, PersonPostRow>();
  for (const r of rows) {
    if (byStaff.has(r.staffId)) continue;
    byStaff.set(r.staffId, { staffId: r.staffId, employeeNumber: r.employeeNumber, familyName: r.familyName, givenName: r.givenName, unitId: r.unitId, positionId: r.positionId });
  }
  return [...byStaff.values()];
}

/** The name of each unit valid on `date` (the latest version starting by then for units abolished earlier). */
export async function listUnitNamesOn(exec: Executor, municipalityId: number, date: string): Promise<Map<number, string>> {
  const rows = await exec
    .select({ unitId: orgUnitVersions.unitId, name: orgUnitVersions.name, startsOn: orgUnitVersions.startsOn })
    .from(orgUnitVersions)
    .where(and(eq(orgUnitVersions.municipalityId, municipalityId), lte(orgUnitVersions.startsOn, date)))
    .orderBy(asc(orgUnitVersions.unitId), asc(orgUnitVersions.startsOn));
  const names = new Map<number, string>();
  for (const r of rows) names.set(r.unitId, r.name);
  return names;
}

export type PositionRow = { positionId: number; name: string; level: string; rank: number };

export async function listPositionRows(exec: Executor, municipalityId: number): Promise<PositionRow[]> {
  return exec
    .select({ positionId: positions.id, name: positions.name, level: positions.level, rank: positions.rank })
    .from(positions)
    .where(eq(positions.municipalityId, municipalityId))
    .orderBy(asc(positions.rank), asc(positions.id));
}

export type AssignmentRow = typeof assignments.$inferSelect;

/** The regular assignments of the people in force on `date`, or starting after it (a transfer already recorded). */
export async function listRegularAssignmentsFrom(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<AssignmentRow[]> {
  if (staffIds.length === 0) return [];
  return exec
    .select()
    .from(assignments)
    .where(
      and(
        eq(assignments.municipalityId, municipalityId),
        inArray(assignments.staffId, [...staffIds]),
        eq(assignments.kind, 'regular'),
        or(isNull(assignments.endsOn), gte(assignments.endsOn, date)),
      ),
    )
    .orderBy(asc(assignments.staffId), asc(assignments.startsOn), asc(assignments.id));
}

export async function setAssignmentEndsOn(exec: Executor, municipalityId: number, assignmentId: number, endsOn: string): Promise<void> {
  await exec
    .update(assignments)
    .set({ endsOn })
    .where(and(eq(assignments.municipalityId, municipalityId), eq(assignments.id, assignmentId)));
}

/** Inserts regular posts; answers the new rows' ids (the apply records them so that an undo can remove them). */
export async function insertRegularAssignments(
  exec: Executor,
  rows: ReadonlyArray<Pick<AssignmentRow, 'municipalityId' | 'staffId' | 'unitId' | 'positionId' | 'startsOn' | 'endsOn'>>,
): Promise<Array<{ id: number; staffId: number }>> {
  if (rows.length === 0) return [];
  return exec
    .insert(assignments)
    .values(rows.map((r) => ({ ...r, kind: 'regular' })))
    .returning({ id: assignments.id, staffId: assignments.staffId });
}

// ---- The apply record and the undo (適用の取り消し, ADR 0014) ----

export type ApplyLogRow = typeof transferPlanApplyLogs.$inferSelect;

export async function insertApplyLog(
  exec: Executor,
  values: Pick<ApplyLogRow, 'municipalityId' | 'planId' | 'effectiveDate' | 'changes' | 'fingerprints' | 'appliedByAccountId' | 'appliedAt'>,
): Promise<number> {
  const [row] = await exec.insert(transferPlanApplyLogs).values(values).returning({ id: transferPlanApplyLogs.id });
  return row!.id;
}

/** The record of the plan's apply that has not been undone (at most one, by a unique index). */
export async function findOpenApplyLog(exec: Executor, municipalityId: number, planId: number): Promise<ApplyLogRow | undefined> {
  const [row] = await exec
    .select()
    .from(transferPlanApplyLogs)
    .where(and(eq(transferPlanApplyLogs.municipalityId, municipalityId), eq(transferPlanApplyLogs.planId, planId), isNull(transferPlanApplyLogs.undoneAt)));
  return row;
}

export async function markApplyLogUndone(exec: Executor, municipalityId: number, logId: number, accountId: number, at: string): Promise<void> {
  await exec
    .update(transferPlanApplyLogs)
    .set({ undoneByAccountId: accountId, undoneAt: at })
    .where(and(eq(transferPlanApplyLogs.municipalityId, municipalityId), eq(transferPlanApplyLogs.id, logId)));
}

/** Enough ids per statement to stay far below the protocol's 65,535 parameters. */
const idBatch = 5000;
function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += idBatch) out.push(items.slice(i, i + idBatch));
  return out;
}

/**
 * Every assignment (any kind, history included) of the people, and every relation row in which one of them is the
 * subject or the holder: what the apply's fingerprints cover. `lock` takes the rows FOR UPDATE, so that nothing can
 * change them between the undo's check and its commit.
 */
export async function listPeopleRows(
  exec: Executor,
  municipalityId: number,
  staffIds: readonly number[],
  lock: boolean,
): Promise<{ assignments: AssignmentRecord[]; relations: RelationRecord[] }> {
  const assignmentRows: AssignmentRecord[] = [];
  const relationRows = new Map<number, RelationRecord>();
  for (const ids of batches(staffIds)) {
    const a = exec
      .select(assignmentColumns)
      .from(assignments)
      .where(and(eq(assignments.municipalityId, municipalityId), inArray(assignments.staffId, ids)));
    assignmentRows.push(...(lock ? await a.for('update') : await a));
    const r = exec
      .select(relationColumns)
      .from(staffRelations)
      .where(and(eq(staffRelations.municipalityId, municipalityId), or(inArray(staffRelations.subjectStaffId, ids), inArray(staffRelations.holderStaffId, ids))));
    for (const row of lock ? await r.for('update') : await r) relationRows.set(row.id, row);
  }
  return { assignments: assignmentRows, relations: [...relationRows.values()] };
}

/** Deletes the assignments by id; answers how many there were. */
export async function deleteAssignments(exec: Executor, municipalityId: number, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (const batch of batches(ids)) {
    n += (await exec.delete(assignments).where(and(eq(assignments.municipalityId, municipalityId), inArray(assignments.id, batch))).returning({ id: assignments.id })).length;
  }
  return n;
}

/** Sets each assignment's end back to the given one (one statement per distinct end); answers how many rows changed. */
export async function restoreAssignmentEnds(exec: Executor, municipalityId: number, rows: ReadonlyArray<{ id: number; endsOn: string | null }>): Promise<number> {
  let n = 0;
  for (const [endsOn, ids] of groupByEnd(rows)) {
    for (const batch of batches(ids)) {
      n += (
        await exec
          .update(assignments)
          .set({ endsOn })
          .where(and(eq(assignments.municipalityId, municipalityId), inArray(assignments.id, batch)))
          .returning({ id: assignments.id })
      ).length;
    }
  }
  return n;
}

export async function deleteRelationRows(exec: Executor, municipalityId: number, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (const batch of batches(ids)) {
    n += (
      await exec
        .delete(staffRelations)
        .where(and(eq(staffRelations.municipalityId, municipalityId), inArray(staffRelations.id, batch)))
        .returning({ id: staffRelations.id })
    ).length;
  }
  return n;
}

export async function restoreRelationEnds(exec: Executor, municipalityId: number, rows: ReadonlyArray<{ id: number; endsOn: string | null }>): Promise<number> {
  let n = 0;
  for (const [endsOn, ids] of groupByEnd(rows)) {
    for (const batch of batches(ids)) {
      n += (
        await exec
          .update(staffRelations)
          .set({ endsOn })
          .where(and(eq(staffRelations.municipalityId, municipalityId), inArray(staffRelations.id, batch)))
          .returning({ id: staffRelations.id })
      ).length;
    }
  }
  return n;
}

/** Puts relation rows back whole — the same id and creation time — as they were before an apply removed them. */
export async function reinsertRelationRows(exec: Executor, municipalityId: number, rows: readonly RemovedRelation[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await exec
      .insert(staffRelations)
      .overridingSystemValue()
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, municipalityId })))
      .returning({ id: staffRelations.id });
    n += inserted.length;
  }
  return n;
}

function groupByEnd(rows: ReadonlyArray<{ id: number; endsOn: string | null }>): Map<string | null, number[]> {
  const groups = new Map<string | null, number[]>();
  for (const r of rows) {
    const ids = groups.get(r.endsOn);
    if (ids) ids.push(r.id);
    else groups.set(r.endsOn, [r.id]);
  }
  return groups;
}
