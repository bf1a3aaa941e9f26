/** The organisation as stored: unit versions, reorganisation events, positions and assignments (the SQL of the org read side). */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { assignments, orgUnitEvents, orgUnitVersions, orgUnits, positions, staff } from '../db/schema/org.js';
import type {
  Assignment,
  AssignmentKind,
  EmploymentType,
  Position,
  PositionLevel,
  StaffName,
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

const idList = (ids: readonly number[]) => sql.join(ids.map((id) => sql`${id}::int`), sql`, `);

/**
 * The versions a few people's careers need, without loading the whole city: the given units, every unit
 * above them at any time (for paths), and the surviving units of mergers (for the tenure lineage).
 */
export async function listUnitVersionsAround(exec: Executor, municipalityId: number, unitIds: readonly number[]): Promise<UnitVersion[]> {
  const seed = unitIds.length === 0 ? sql`select null::int where false` : sql`select id from org_units where id in (${idList([...new Set(unitIds)])})`;
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`with recursive wanted(unit_id) as (
          ${seed}
          union
          select v.parent_unit_id from org_unit_versions v join wanted w on v.unit_id = w.unit_id where v.parent_unit_id is not null
        )
        select v.unit_id, u.code, v.name, v.kind, v.parent_unit_id, v.is_frontline, v.expertise_field, v.authorised_headcount, v.starts_on, v.ends_on
        from org_unit_versions v join org_units u on u.id = v.unit_id
        where v.municipality_id = ${municipalityId}
          and (v.unit_id in (select unit_id from wanted)
               or v.unit_id in (select related_unit_id from org_unit_events where municipality_id = ${municipalityId} and kind = 'merged'))
        order by v.unit_id, v.starts_on`,
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    code: String(r.code),
    name: String(r.name),
    kind: r.kind as UnitKind,
    parentUnitId: r.parent_unit_id === null ? null : Number(r.parent_unit_id),
    isFrontline: r.is_frontline === true,
    expertiseField: (r.expertise_field as string | null) ?? null,
    authorisedHeadcount: r.authorised_headcount === null ? null : Number(r.authorised_headcount),
    startsOn: String(r.starts_on),
    endsOn: (r.ends_on as string | null) ?? null,
  }));
}

const liveUnitsOn = (municipalityId: number, date: string) => sql`
  live(unit_id, parent_unit_id) as (
    select unit_id, parent_unit_id from org_unit_versions
    where municipality_id = ${municipalityId} and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})
  )`;

/** The unit and every unit below it in the organisation in force on `date` (the unit itself even if not in force). */
export async function listUnitIdsBelow(exec: Executor, municipalityId: number, unitId: number, date: string): Promise<number[]> {
  const rows = await queryRows<{ unit_id: number }>(
    exec,
    sql`with recursive ${liveUnitsOn(municipalityId, date)},
        below(unit_id) as (select ${unitId}::int union select l.unit_id from live l join below b on l.parent_unit_id = b.unit_id)
        select unit_id from below`,
  );
  return rows.map((r) => Number(r.unit_id));
}

/**
 * The units a person heads on `date` — where they hold a regular post of a head level, and every unit below —
 * as relation-rules.ts `unitsHeadedBy` defines it, in SQL so that a directory request need not load the city.
 */
export async function listUnitIdsHeadedBy(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  date: string,
  headLevels: readonly PositionLevel[],
): Promise<number[]> {
  if (headLevels.length === 0) return [];
  const rows = await queryRows<{ unit_id: number }>(
    exec,
    sql`with recursive ${liveUnitsOn(municipalityId, date)},
        headed(unit_id) as (
          select a.unit_id from assignments a
            join positions p on p.id = a.position_id
            join live l on l.unit_id = a.unit_id
          where a.staff_id = ${staffId} and ${regularPostOnSql(date)}
            and p.level in (${sql.join(headLevels.map((l) => sql`${l}`), sql`, `)})
          union
          select l.unit_id from live l join headed h on l.parent_unit_id = h.unit_id
        )
        select unit_id from headed`,
  );
  return rows.map((r) => Number(r.unit_id));
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

/** The columns of a Position (its level still a string). */
export const positionColumns = {
  id: positions.id,
  code: positions.code,
  name: positions.name,
  rank: positions.rank,
  level: positions.level,
  isManagerial: positions.isManagerial,
};

/** The municipality's positions, most senior first. */
export async function listPositions(exec: Executor, municipalityId: number): Promise<Position[]> {
  const rows = await exec
    .select(positionColumns)
    .from(positions)
    .where(eq(positions.municipalityId, municipalityId))
    .orderBy(asc(positions.rank), asc(positions.id));
  return rows.map((r) => ({ ...r, level: r.level as PositionLevel }));
}

/**
 * A regular assignment in force on `date`: the post that places a person in a unit (concurrent posts and
 * dispatches do not). For the query builder; `regularPostOnSql` says the same in raw SQL.
 */
const regularPostOn = (date: string) =>
  and(eq(assignments.kind, 'regular'), lte(assignments.startsOn, date), or(isNull(assignments.endsOn), gte(assignments.endsOn, date)));

/** `regularPostOn` for raw SQL, about the assignment aliased `a`. */
export const regularPostOnSql = (date: string) => sql`a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})`;

/** Regular assignments in force on `date`, counted per unit. */
export async function countRegularMembersByUnit(exec: Executor, municipalityId: number, date: string): Promise<Map<number, number>> {
  const rows = await exec
    .select({ unitId: assignments.unitId, n: sql<number>`count(distinct ${assignments.staffId})::int` })
    .from(assignments)
    .where(and(eq(assignments.municipalityId, municipalityId), regularPostOn(date)))
    .groupBy(assignments.unitId);
  return new Map(rows.map((r) => [r.unitId, Number(r.n)]));
}

/** What a list of people shows of each: number, names, and what their career phase is computed from. */
export type StaffSummary = StaffName & {
  hireDate: string;
  employmentType: EmploymentType;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
};

export type UnitMemberRow = StaffSummary & { staffId: number; unitId: number };

const staffSummaryColumns = {
  employeeNumber: staff.employeeNumber,
  familyName: staff.familyName,
  givenName: staff.givenName,
  familyNameKana: staff.familyNameKana,
  givenNameKana: staff.givenNameKana,
  hireDate: staff.hireDate,
  employmentType: staff.employmentType,
  careerPhaseOverride: staff.careerPhaseOverride,
  careerPhaseOverrideReason: staff.careerPhaseOverrideReason,
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
    .selectDistinct({ staffId: staff.id, ...staffSummaryColumns, unitId: assignments.unitId })
    .from(assignments)
    .innerJoin(staff, eq(staff.id, assignments.staffId))
    .where(
      and(eq(assignments.municipalityId, municipalityId), inArray(assignments.unitId, [...unitIds]), regularPostOn(date)),
    );
  return rows.map((r) => ({ ...r, employmentType: r.employmentType as EmploymentType }));
}

/** The columns of an assignment row as readers take them (also the transfer-plan apply record). */
export const assignmentColumns = {
  id: assignments.id,
  staffId: assignments.staffId,
  unitId: assignments.unitId,
  positionId: assignments.positionId,
  kind: assignments.kind,
  dispatchTo: assignments.dispatchTo,
  startsOn: assignments.startsOn,
  endsOn: assignments.endsOn,
};

/** All assignments (every kind, whole history) of the given people, in one query. */
export async function listAssignmentsOfStaff(exec: Executor, municipalityId: number, staffIds: readonly number[]): Promise<Assignment[]> {
  if (staffIds.length === 0) return [];
  const rows = await exec
    .select(assignmentColumns)
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
export async function listRegularPostsOn(exec: Executor, municipalityId: number, date: string): Promise<PostRow[]> {
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
      and(eq(assignments.municipalityId, municipalityId), regularPostOn(date)),
    );
  return rows.map((r) => ({ ...r, positionLevel: r.positionLevel as PositionLevel, kind: r.kind as AssignmentKind }));
}
