/** 休業・休職 periods of staff (table staff_leaves). */
import { and, asc, eq, gte, inArray, isNull, or } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { staffLeaves } from '../db/schema/org.js';
import type { LeaveInput, LeaveKind, StaffLeave } from '../../domain/org/leaves.js';

const columns = {
  id: staffLeaves.id,
  staffId: staffLeaves.staffId,
  kind: staffLeaves.kind,
  startsOn: staffLeaves.startsOn,
  endsOn: staffLeaves.endsOn,
  note: staffLeaves.note,
};
const toLeave = (r: { id: number; staffId: number; kind: string; startsOn: string; endsOn: string | null; note: string }): StaffLeave => ({
  ...r,
  kind: r.kind as LeaveKind,
});

export async function listLeavesOfStaff(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<StaffLeave[]> {
  if (staffIds.length === 0) return [];
  const rows = await exec
    .select(columns)
    .from(staffLeaves)
    .where(and(eq(staffLeaves.municipalityId, municipalityId), inArray(staffLeaves.staffId, [...new Set(staffIds)])))
    .orderBy(asc(staffLeaves.staffId), asc(staffLeaves.startsOn));
  return rows.map(toLeave);
}

/** Every period still running or ended on or after `since` (what "away on / back since" questions need). */
export async function listLeavesEndingSince(exec: Executor, municipalityId: number, since: string): Promise<StaffLeave[]> {
  const rows = await exec
    .select(columns)
    .from(staffLeaves)
    .where(and(eq(staffLeaves.municipalityId, municipalityId), or(isNull(staffLeaves.endsOn), gte(staffLeaves.endsOn, since))))
    .orderBy(asc(staffLeaves.staffId), asc(staffLeaves.startsOn));
  return rows.map(toLeave);
}

export async function insertLeave(exec: Executor, municipalityId: number, staffId: number, input: LeaveInput): Promise<StaffLeave> {
  const [row] = await exec.insert(staffLeaves).values({ municipalityId, staffId, ...input }).returning(columns);
  return toLeave(row!);
}

export async function updateLeave(exec: Executor, municipalityId: number, staffId: number, id: number, input: LeaveInput): Promise<StaffLeave | undefined> {
  const [row] = await exec
    .update(staffLeaves)
    .set(input)
    .where(and(eq(staffLeaves.municipalityId, municipalityId), eq(staffLeaves.staffId, staffId), eq(staffLeaves.id, id)))
    .returning(columns);
  return row === undefined ? undefined : toLeave(row);
}

export async function deleteLeave(exec: Executor, municipalityId: number, staffId: number, id: number): Promise<boolean> {
  const rows = await exec
    .delete(staffLeaves)
    .where(and(eq(staffLeaves.municipalityId, municipalityId), eq(staffLeaves.staffId, staffId), eq(staffLeaves.id, id)))
    .returning({ id: staffLeaves.id });
  return rows.length > 0;
}
