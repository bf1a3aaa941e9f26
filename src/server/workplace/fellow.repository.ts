/** The fellow programme's tables (fellows, fellow_pairs, fellow_meetings) and the staff facts the matching reads. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { assignments, municipalities, orgUnitVersions, positions, staff } from '../db/schema/org.js';
import { fellowMeetings, fellowPairs, fellows } from '../db/schema/workplace.js';
import type { EmploymentType } from '../../domain/org/org-model.js';
import type { MeetingFeedback, MeetingStatus, PairStatus } from '../../domain/workplace/fellow-model.js';

/** Confirmations and pool changes take turns per municipality (capacity is counted across pairs). */
const pairsLockClass = 7370;

export async function lockFellowPairs(tx: Tx, municipalityId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${pairsLockClass}::int, ${municipalityId}::int)`);
}

export type StaffFactRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  hireDate: string;
  birthDate: string;
  employmentType: EmploymentType;
  separatedOn: string | null;
};

/** Every staff member of the municipality with the facts the junior rule needs. */
export async function listStaffFacts(exec: Executor, municipalityId: number, staffIds?: readonly number[]): Promise<StaffFactRow[]> {
  if (staffIds !== undefined && staffIds.length === 0) return [];
  const rows = await exec
    .select({
      staffId: staff.id,
      employeeNumber: staff.employeeNumber,
      familyName: staff.familyName,
      givenName: staff.givenName,
      hireDate: staff.hireDate,
      birthDate: staff.birthDate,
      employmentType: staff.employmentType,
      separatedOn: staff.separatedOn,
    })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), staffIds === undefined ? undefined : inArray(staff.id, [...new Set(staffIds)])))
    .orderBy(asc(staff.id));
  return rows.map((r) => ({ ...r, employmentType: r.employmentType as EmploymentType }));
}

/** The regular posts in force on `date` of the given people (all when omitted), most senior first per person. */
export async function listRegularUnitsOn(exec: Executor, municipalityId: number, date: string, staffIds?: readonly number[]) {
  if (staffIds !== undefined && staffIds.length === 0) return [];
  return exec
    .select({ staffId: assignments.staffId, unitId: assignments.unitId, positionLevel: positions.level, positionRank: positions.rank })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(
      and(
        eq(assignments.municipalityId, municipalityId),
        eq(assignments.kind, 'regular'),
        lte(assignments.startsOn, date),
        or(isNull(assignments.endsOn), gte(assignments.endsOn, date)),
        staffIds === undefined ? undefined : inArray(assignments.staffId, [...new Set(staffIds)]),
      ),
    )
    .orderBy(asc(assignments.staffId), asc(positions.rank), asc(assignments.unitId));
}

/** Unit names in force on `date`. */
export async function listUnitNamesOn(exec: Executor, municipalityId: number, unitIds: readonly number[], date: string): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await exec
    .select({ unitId: orgUnitVersions.unitId, name: orgUnitVersions.name })
    .from(orgUnitVersions)
    .where(
      and(
        eq(orgUnitVersions.municipalityId, municipalityId),
        inArray(orgUnitVersions.unitId, [...new Set(unitIds)]),
        lte(orgUnitVersions.startsOn, date),
        or(isNull(orgUnitVersions.endsOn), gte(orgUnitVersions.endsOn, date)),
      ),
    );
  return new Map(rows.map((r) => [r.unitId, r.name]));
}

// ---------------------------------------------------------------------------------------------
// The pool

export type FellowRow = {
  id: number;
  staffId: number;
  capacity: number;
  isLowCommitment: boolean;
  note: string;
  startsOn: string;
  endsOn: string | null;
};

const fellowColumns = {
  id: fellows.id,
  staffId: fellows.staffId,
  capacity: fellows.capacity,
  isLowCommitment: fellows.isLowCommitment,
  note: fellows.note,
  startsOn: fellows.startsOn,
  endsOn: fellows.endsOn,
};

export async function listFellows(exec: Executor, municipalityId: number): Promise<FellowRow[]> {
  return exec.select(fellowColumns).from(fellows).where(eq(fellows.municipalityId, municipalityId)).orderBy(asc(fellows.staffId), desc(fellows.startsOn), asc(fellows.id));
}

export async function findFellow(exec: Executor, municipalityId: number, fellowId: number): Promise<FellowRow | undefined> {
  const [row] = await exec.select(fellowColumns).from(fellows).where(and(eq(fellows.municipalityId, municipalityId), eq(fellows.id, fellowId)));
  return row;
}

/** Pool entries of the person overlapping [startsOn, endsOn] (other than `exceptId`). */
export async function listOverlappingFellows(exec: Executor, municipalityId: number, v: { staffId: number; startsOn: string; endsOn: string | null; exceptId?: number }) {
  const rows = await exec
    .select(fellowColumns)
    .from(fellows)
    .where(
      and(
        eq(fellows.municipalityId, municipalityId),
        eq(fellows.staffId, v.staffId),
        v.endsOn === null ? undefined : lte(fellows.startsOn, v.endsOn),
        or(isNull(fellows.endsOn), gte(fellows.endsOn, v.startsOn)),
      ),
    );
  return rows.filter((r) => r.id !== v.exceptId);
}

export async function insertFellow(exec: Executor, v: Omit<FellowRow, 'id'> & { municipalityId: number }): Promise<number> {
  const [row] = await exec.insert(fellows).values(v).returning({ id: fellows.id });
  return row!.id;
}

export async function updateFellow(exec: Executor, municipalityId: number, fellowId: number, v: Omit<FellowRow, 'id' | 'staffId'>): Promise<void> {
  await exec.update(fellows).set(v).where(and(eq(fellows.municipalityId, municipalityId), eq(fellows.id, fellowId)));
}

// ---------------------------------------------------------------------------------------------
// Pairs

export type PairRow = {
  id: number;
  fellowStaffId: number;
  juniorStaffId: number;
  status: PairStatus;
  startsOn: string;
  endsOn: string | null;
  reason: string;
};

const pairColumns = {
  id: fellowPairs.id,
  fellowStaffId: fellowPairs.fellowStaffId,
  juniorStaffId: fellowPairs.juniorStaffId,
  status: fellowPairs.status,
  startsOn: fellowPairs.startsOn,
  endsOn: fellowPairs.endsOn,
  reason: fellowPairs.reason,
};
const typedPair = <T extends { status: string }>(r: T) => ({ ...r, status: r.status as PairStatus });

/** Pairs, newest first; `staffId` limits them to the person's own (either side). */
export async function listPairs(exec: Executor, municipalityId: number, opts: { staffId?: number } = {}): Promise<PairRow[]> {
  const rows = await exec
    .select(pairColumns)
    .from(fellowPairs)
    .where(
      and(
        eq(fellowPairs.municipalityId, municipalityId),
        opts.staffId === undefined ? undefined : or(eq(fellowPairs.fellowStaffId, opts.staffId), eq(fellowPairs.juniorStaffId, opts.staffId)),
      ),
    )
    .orderBy(desc(fellowPairs.startsOn), desc(fellowPairs.id));
  return rows.map(typedPair);
}

/** Confirmed pairs in force on `date` (they use capacity). */
export async function listActivePairsOn(exec: Executor, municipalityId: number, date: string) {
  return exec
    .select({ fellowStaffId: fellowPairs.fellowStaffId, juniorStaffId: fellowPairs.juniorStaffId })
    .from(fellowPairs)
    .where(
      and(
        eq(fellowPairs.municipalityId, municipalityId),
        eq(fellowPairs.status, 'confirmed'),
        lte(fellowPairs.startsOn, date),
        or(isNull(fellowPairs.endsOn), gte(fellowPairs.endsOn, date)),
      ),
    );
}

export async function findPair(exec: Executor, municipalityId: number, pairId: number): Promise<PairRow | undefined> {
  const [row] = await exec.select(pairColumns).from(fellowPairs).where(and(eq(fellowPairs.municipalityId, municipalityId), eq(fellowPairs.id, pairId)));
  return row === undefined ? undefined : typedPair(row);
}

export async function insertPairs(exec: Executor, rows: readonly (Omit<PairRow, 'id'> & { municipalityId: number })[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const inserted = await exec.insert(fellowPairs).values(rows.slice(i, i + 1000)).returning({ id: fellowPairs.id });
    ids.push(...inserted.map((r) => r.id));
  }
  return ids;
}

/** Ends a confirmed pair; false when it was not confirmed any more. */
export async function endPair(exec: Executor, municipalityId: number, pairId: number, endsOn: string): Promise<boolean> {
  const rows = await exec
    .update(fellowPairs)
    .set({ status: 'ended', endsOn })
    .where(and(eq(fellowPairs.municipalityId, municipalityId), eq(fellowPairs.id, pairId), eq(fellowPairs.status, 'confirmed')))
    .returning({ id: fellowPairs.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// Meetings

export type MeetingRow = {
  id: number;
  pairId: number;
  plannedOn: string;
  heldOn: string | null;
  status: MeetingStatus;
  fellowFeedback: MeetingFeedback | null;
  juniorFeedback: MeetingFeedback | null;
};

const meetingColumns = {
  id: fellowMeetings.id,
  pairId: fellowMeetings.pairId,
  plannedOn: fellowMeetings.plannedOn,
  heldOn: fellowMeetings.heldOn,
  status: fellowMeetings.status,
  fellowFeedback: fellowMeetings.fellowFeedback,
  juniorFeedback: fellowMeetings.juniorFeedback,
};
const typedMeeting = (r: { status: string; fellowFeedback: unknown; juniorFeedback: unknown } & Omit<MeetingRow, 'status' | 'fellowFeedback' | 'juniorFeedback'>): MeetingRow => ({
  ...r,
  status: r.status as MeetingStatus,
  fellowFeedback: (r.fellowFeedback ?? null) as MeetingFeedback | null,
  juniorFeedback: (r.juniorFeedback ?? null) as MeetingFeedback | null,
});

/** Meetings of the given pairs (all of the municipality when omitted), by date. */
export async function listMeetings(exec: Executor, municipalityId: number, pairIds?: readonly number[]): Promise<MeetingRow[]> {
  if (pairIds !== undefined && pairIds.length === 0) return [];
  const rows = await exec
    .select(meetingColumns)
    .from(fellowMeetings)
    .where(and(eq(fellowMeetings.municipalityId, municipalityId), pairIds === undefined ? undefined : inArray(fellowMeetings.pairId, [...new Set(pairIds)])))
    .orderBy(asc(fellowMeetings.plannedOn), asc(fellowMeetings.id));
  return rows.map(typedMeeting);
}

export async function findMeeting(exec: Executor, municipalityId: number, meetingId: number): Promise<MeetingRow | undefined> {
  const [row] = await exec.select(meetingColumns).from(fellowMeetings).where(and(eq(fellowMeetings.municipalityId, municipalityId), eq(fellowMeetings.id, meetingId)));
  return row === undefined ? undefined : typedMeeting(row);
}

export async function insertMeeting(exec: Executor, v: { municipalityId: number; pairId: number; plannedOn: string }): Promise<number> {
  const [row] = await exec.insert(fellowMeetings).values({ ...v, status: 'planned' }).returning({ id: fellowMeetings.id });
  return row!.id;
}

/** Bulk insert for the demo seed. */
export async function insertMeetings(exec: Executor, rows: readonly (Omit<MeetingRow, 'id'> & { municipalityId: number })[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) if (rows.length > 0) await exec.insert(fellowMeetings).values(rows.slice(i, i + 1000));
}

/** A planned meeting becomes held or cancelled; false when it was not planned any more (someone else was first). */
export async function closeMeeting(exec: Executor, municipalityId: number, meetingId: number, v: { status: 'held' | 'cancelled'; heldOn: string | null }): Promise<boolean> {
  const rows = await exec
    .update(fellowMeetings)
    .set(v)
    .where(and(eq(fellowMeetings.municipalityId, municipalityId), eq(fellowMeetings.id, meetingId), eq(fellowMeetings.status, 'planned')))
    .returning({ id: fellowMeetings.id });
  return rows.length > 0;
}

/** Cancels the pair's planned meetings after `date` (the pair ended). */
export async function cancelPlannedMeetingsAfter(exec: Executor, municipalityId: number, pairId: number, date: string): Promise<number> {
  const rows = await exec
    .update(fellowMeetings)
    .set({ status: 'cancelled' })
    .where(and(eq(fellowMeetings.municipalityId, municipalityId), eq(fellowMeetings.pairId, pairId), eq(fellowMeetings.status, 'planned'), sql`${fellowMeetings.plannedOn} > ${date}`))
    .returning({ id: fellowMeetings.id });
  return rows.length;
}

/** One side's feedback on a held meeting. */
export async function setMeetingFeedback(exec: Executor, municipalityId: number, meetingId: number, side: 'fellow' | 'junior', feedback: MeetingFeedback): Promise<boolean> {
  const rows = await exec
    .update(fellowMeetings)
    .set(side === 'fellow' ? { fellowFeedback: feedback } : { juniorFeedback: feedback })
    .where(and(eq(fellowMeetings.municipalityId, municipalityId), eq(fellowMeetings.id, meetingId), eq(fellowMeetings.status, 'held')))
    .returning({ id: fellowMeetings.id });
  return rows.length > 0;
}

/** Any pair at all (the demo seed runs once). */
export async function hasFellowData(exec: Executor, municipalityId: number): Promise<boolean> {
  const rows = await exec.select({ id: fellows.id }).from(fellows).where(eq(fellows.municipalityId, municipalityId)).limit(1);
  return rows.length > 0;
}

export async function findMunicipalityIdByCode(exec: Executor, code: string): Promise<number | undefined> {
  const [row] = await exec.select({ id: municipalities.id }).from(municipalities).where(eq(municipalities.code, code));
  return row?.id;
}
