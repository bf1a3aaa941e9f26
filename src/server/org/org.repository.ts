/** The organisation as stored: unit versions, reorganisation events, positions and assignments (the SQL of the org read side). */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { assignments, orgUnitEvents, orgUnitVersions, orgUnits, positions, staff } from '../db/schema/org.js';
import type {
  Assignment,
  AssignmentKind,
  EmploymentType,
  Position,
  PositionLevel,
  UnitEvent,
  UnitEventKind,
  UnitKind,
  UnitVersion,
} from '../../domain/org/org-model.js';

/** Every version of every unit of the municipality (a city has hundreds, so the tree is built in memory). */
export async function listUnitVersions(exec: Executor, municipalityId: number): Promise<UnitVersion[]> {
  const rows = await exec
    .select({
      unitId: orgUnitVersions.unitId,
      code: orgUnits.code,
      name: orgUnitVersions.name,
      kind: orgUnitVersions.kind,
      parentUnitId: orgUnitVersions.parentUnitId,
      isFrontline: orgUnitVersions.isFrontline,
      expertiseField: orgUnitVersions.expertiseField,
      authorisedHeadcount: orgUnitVersions.authorisedHeadcount,
      startsOn: orgUnitVersions.startsOn,
      endsOn: orgUnitVersions.endsOn,
    })
    .from(orgUnitVersions)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitVersions.unitId))
    .where(eq(orgUnitVersions.municipalityId, municipalityId))
    .orderBy(asc(orgUnitVersions.unitId), asc(orgUnitVersions.startsOn));
  return rows.map((r) => ({ ...r, kind: r.kind as UnitKind }));
}

export type UnitEventRow = UnitEvent & { id: number; unitCode: string };

/** Reorganisation events, newest first, optionally within [from, to]. */
export async function listUnitEvents(
  exec: Executor,
  municipalityId: number,
  range: { from?: string; to?: string } = {},
): Promise<UnitEventRow[]> {
  const rows = await exec
    .select({
      id: orgUnitEvents.id,
      unitId: orgUnitEvents.unitId,
      unitCode: orgUnits.code,
      kind: orgUnitEvents.kind,
      occurredOn: orgUnitEvents.occurredOn,
      relatedUnitId: orgUnitEvents.relatedUnitId,
      note: orgUnitEvents.note,
    })
    .from(orgUnitEvents)
    .innerJoin(orgUnits, eq(orgUnits.id, orgUnitEvents.unitId))
    .where(
      and(
        eq(orgUnitEvents.municipalityId, municipalityId),
        range.from === undefined ? undefined : gte(orgUnitEvents.occurredOn, range.from),
        range.to === undefined ? undefined : lte(orgUnitEvents.occurredOn, range.to),
      ),
    )
    .orderBy(desc(orgUnitEvents.occurredOn), asc(orgUnits.code), desc(orgUnitEvents.id));
  return rows.map((r) => ({ ...r, kind: r.kind as UnitEventKind }));
}

/** The municipality's positions, most senior first. */
export async function listPositions(exec: Executor, municipalityId: number): Promise<Position[]> {
  const rows = await exec
    .select({
      id: positions.id,
      code: positions.code,
      name: positions.name,
      rank: positions.rank,
      level: positions.level,
      isManagerial: positions.isManagerial,
    })
    .from(positions)
    .where(eq(positions.municipalityId, municipalityId))
    .orderBy(asc(positions.rank), asc(positions.id));
  return rows.map((r) => ({ ...r, level: r.level as PositionLevel }));
}

const inForceOn = (date: string) =>
  and(lte(assignments.startsOn, date), or(isNull(assignments.endsOn), gte(assignments.endsOn, date)));

/** Regular assignments in force on `date`, counted per unit. */
export async function countRegularMembersByUnit(exec: Executor, municipalityId: number, date: string): Promise<Map<number, number>> {
  const rows = await exec
    .select({ unitId: assignments.unitId, n: sql<number>`count(distinct ${assignments.staffId})::int` })
    .from(assignments)
    .where(and(eq(assignments.municipalityId, municipalityId), eq(assignments.kind, 'regular'), inForceOn(date)))
    .groupBy(assignments.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

export type UnitMemberRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  hireDate: string;
  employmentType: EmploymentType;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
  unitId: number;
};

/** People with a regular assignment in one of `unitIds` in force on `date` (one row per person and unit). */
export async function listRegularMembersOfUnits(
  exec: Executor,
  municipalityId: number,
  unitIds: readonly number[],
  date: string,
): Promise<UnitMemberRow[]> {
  if (unitIds.length === 0) return [];
  const rows = await exec
    .selectDistinct({
      staffId: staff.id,
      employeeNumber: staff.employeeNumber,
      familyName: staff.familyName,
      givenName: staff.givenName,
      familyNameKana: staff.familyNameKana,
      givenNameKana: staff.givenNameKana,
      hireDate: staff.hireDate,
      employmentType: staff.employmentType,
      careerPhaseOverride: staff.careerPhaseOverride,
      careerPhaseOverrideReason: staff.careerPhaseOverrideReason,
      unitId: assignments.unitId,
    })
    .from(assignments)
    .innerJoin(staff, eq(staff.id, assignments.staffId))
    .where(
      and(
        eq(assignments.municipalityId, municipalityId),
        eq(assignments.kind, 'regular'),
        inArray(assignments.unitId, [...unitIds]),
        inForceOn(date),
      ),
    );
  return rows.map((r) => ({ ...r, employmentType: r.employmentType as EmploymentType }));
}

/** All assignments (every kind, whole history) of the given people, in one query. */
export async function listAssignmentsOfStaff(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<Assignment[]> {
  if (staffIds.length === 0) return [];
  const rows = await exec
    .select({
      id: assignments.id,
      staffId: assignments.staffId,
      unitId: assignments.unitId,
      positionId: assignments.positionId,
      kind: assignments.kind,
      dispatchTo: assignments.dispatchTo,
      startsOn: assignments.startsOn,
      endsOn: assignments.endsOn,
    })
    .from(assignments)
    .where(and(eq(assignments.municipalityId, municipalityId), inArray(assignments.staffId, [...staffIds])))
    .orderBy(asc(assignments.staffId), asc(assignments.startsOn), asc(assignments.id));
  return rows.map((r) => ({ ...r, kind: r.kind as AssignmentKind }));
}

export type PostRow = {
  staffId: number;
  unitId: number;
  positionLevel: PositionLevel;
  positionRank: number;
  kind: AssignmentKind;
  startsOn: string;
  endsOn: string | null;
};

/** Regular assignments in force on `date` with their position's level and rank: the input of the relation rules. */
export async function listRegularPostsOn(exec: Executor, municipalityId: number, date: string, staffId?: number): Promise<PostRow[]> {
  const rows = await exec
    .select({
      staffId: assignments.staffId,
      unitId: assignments.unitId,
      positionLevel: positions.level,
      positionRank: positions.rank,
      kind: assignments.kind,
      startsOn: assignments.startsOn,
      endsOn: assignments.endsOn,
    })
    .from(assignments)
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(
      and(
        eq(assignments.municipalityId, municipalityId),
        staffId === undefined ? undefined : eq(assignments.staffId, staffId),
        eq(assignments.kind, 'regular'),
        inForceOn(date),
      ),
    );
  return rows.map((r) => ({ ...r, positionLevel: r.positionLevel as PositionLevel, kind: r.kind as AssignmentKind }));
}
