/**
 * SQL of the placement facts (issue 5): the people with a regular post on a date, their whole assignment history,
 * HR-recorded expertise fields, transfer wishes of a 年度 and the 定数 in force for a 年度 — each one set-based
 * query over the municipality, so that a city of 40,000 staff loads in a few round trips.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import type { Assignment, AssignmentKind, EmploymentType, PositionLevel } from '../../domain/org/org-model.js';

export type PlacementStaffRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  hireDate: string;
  employmentType: EmploymentType;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
};

const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * Rows folded into ONE JSON value by the database and parsed at once: at 40,000 staff the history is ~300,000 rows,
 * and a driver converting row by row (PGlite's WASM boundary) spends seconds on what JSON.parse reads in a fraction.
 */
async function jsonRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const [row] = await queryRows<{ j: string | null }>(exec, query);
  return row?.j ? (JSON.parse(row.j) as T[]) : [];
}

/** Staff of the given employment types not separated before `date` (who also holds a post is decided in memory). */
const movableStaffWhere = (municipalityId: number, date: string, employmentTypes: readonly EmploymentType[]) => sql`
  s.municipality_id = ${municipalityId}
  and s.employment_type in (${sql.join(employmentTypes.map((t) => sql`${t}`), sql`, `)})
  and (s.separated_on is null or s.separated_on >= ${date})`;

type StaffTuple = [number, string, string, string, string, string, string | null, string | null];

/**
 * Staff of the given employment types who have not left by `date` (one row per person). Whether they hold a regular
 * post on the date is read from their assignments (buildPlacementFacts drops those who do not): a plain filter is
 * cheaper than an EXISTS per person at 40,000 staff.
 */
export async function listMovableStaff(
  exec: Executor,
  municipalityId: number,
  date: string,
  employmentTypes: readonly EmploymentType[],
): Promise<PlacementStaffRow[]> {
  if (employmentTypes.length === 0) return [];
  const rows = await jsonRows<StaffTuple>(
    exec,
    sql`select json_agg(json_build_array(s.id, s.employee_number, s.family_name, s.given_name, s.hire_date, s.employment_type,
               s.career_phase_override, s.career_phase_override_reason))::text as j
        from staff s
        where ${movableStaffWhere(municipalityId, date, employmentTypes)}`,
  );
  return rows.map(([staffId, employeeNumber, familyName, givenName, hireDate, employmentType, override, overrideReason]) => ({
    staffId,
    employeeNumber,
    familyName,
    givenName,
    hireDate,
    employmentType: employmentType as EmploymentType,
    careerPhaseOverride: strOrNull(override),
    careerPhaseOverrideReason: strOrNull(overrideReason),
  }));
}

type AssignmentTuple = [number, number, number, number, string, string | null, string, string | null];

/**
 * The regular posts and dispatches begun by `until` (the effective date) of the same people as `listMovableStaff`
 * on `date` (its eve), in one query. 兼務 counts for none of the rules and is left out.
 */
export async function listAssignmentsOfMovableStaff(
  exec: Executor,
  municipalityId: number,
  date: string,
  employmentTypes: readonly EmploymentType[],
  until: string,
): Promise<Assignment[]> {
  if (employmentTypes.length === 0) return [];
  const rows = await jsonRows<AssignmentTuple>(
    exec,
    sql`select json_agg(json_build_array(a.id, a.staff_id, a.unit_id, a.position_id, a.kind, a.dispatch_to, a.starts_on, a.ends_on))::text as j
        from assignments a
        join staff s on s.id = a.staff_id
        where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${until}
          and ${movableStaffWhere(municipalityId, date, employmentTypes)}`,
  );
  return rows.map(([id, staffId, unitId, positionId, kind, dispatchTo, startsOn, endsOn]) => ({
    id,
    staffId,
    unitId,
    positionId,
    kind: kind as AssignmentKind,
    dispatchTo,
    startsOn,
    endsOn,
  }));
}

/** HR-recorded expertise fields of the municipality's staff. */
export async function listExpertiseFields(exec: Executor, municipalityId: number): Promise<Array<{ staffId: number; field: string }>> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select staff_id, field from staff_expertise_fields where municipality_id = ${municipalityId} order by staff_id, field`,
  );
  return rows.map((r) => ({ staffId: Number(r.staff_id), field: String(r.field) }));
}

/** Transfer wishes of a 年度, by person and rank. */
export async function listWishesOfYear(
  exec: Executor,
  municipalityId: number,
  fiscalYear: number,
): Promise<Array<{ staffId: number; rank: number; unitId: number }>> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select staff_id, rank, unit_id from transfer_wishes
        where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear}
        order by staff_id, rank`,
  );
  return rows.map((r) => ({ staffId: Number(r.staff_id), rank: Number(r.rank), unitId: Number(r.unit_id) }));
}

/** The 定数 in force for a 年度: per unit and level, the row of the latest 年度 up to `fiscalYear`. */
export async function listQuotasInForce(
  exec: Executor,
  municipalityId: number,
  fiscalYear: number,
): Promise<Array<{ unitId: number; positionLevel: PositionLevel; headcount: number; fiscalYear: number }>> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select q.unit_id, q.position_level, q.headcount, q.fiscal_year
        from unit_position_quotas q
        where q.municipality_id = ${municipalityId} and q.fiscal_year <= ${fiscalYear}
          and q.fiscal_year = (select max(q2.fiscal_year) from unit_position_quotas q2
                               where q2.unit_id = q.unit_id and q2.position_level = q.position_level
                                 and q2.fiscal_year <= ${fiscalYear})
        order by q.unit_id, q.position_level`,
  );
  return rows.map((r) => ({
    unitId: Number(r.unit_id),
    positionLevel: String(r.position_level) as PositionLevel,
    headcount: Number(r.headcount),
    fiscalYear: Number(r.fiscal_year),
  }));
}
