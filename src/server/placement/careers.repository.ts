/**
 * 経歴の見える化: the set-based reads of the city heat map — the people holding a regular post on a date and their
 * assignment history up to it, each in ONE query whose rows are folded into a single JSON value by the database.
 * Why JSON: at 40,000 staff the history is ~500,000 rows, and a driver that converts row by row (PGlite's WASM
 * boundary costs ~30 µs a row) would spend seconds on what JSON.parse reads in a fraction of that. The unit view
 * reuses the org area's reads (org.repository.ts).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import type { Assignment, AssignmentKind, EmploymentType } from '../../domain/org/org-model.js';
import type { CareerMapPerson } from '../../domain/placement/career-map.js';

/** The staff ids with a regular post in force on `date` (the post that places a person in a unit). */
const postedOn = (municipalityId: number, date: string) => sql`
  select p.staff_id from assignments p
  where p.municipality_id = ${municipalityId} and p.kind = 'regular' and p.starts_on <= ${date} and (p.ends_on is null or p.ends_on >= ${date})`;

async function jsonRows<T>(exec: Executor, query: ReturnType<typeof sql>): Promise<T[]> {
  const [row] = await queryRows<{ j: string | null }>(exec, query);
  return row?.j ? (JSON.parse(row.j) as T[]) : [];
}

type PersonTuple = [number, string, string, string | null, string | null];

/** The people with a regular post in force on `date`, with what their career phase is computed from. */
export async function listPeoplePostedOn(exec: Executor, municipalityId: number, date: string): Promise<CareerMapPerson[]> {
  const rows = await jsonRows<PersonTuple>(
    exec,
    sql`select json_agg(json_build_array(s.id, s.employment_type, s.hire_date, s.career_phase_override, s.career_phase_override_reason))::text as j
        from staff s
        where s.municipality_id = ${municipalityId} and s.id in (${postedOn(municipalityId, date)})`,
  );
  return rows.map(([staffId, employmentType, hireDate, careerPhaseOverride, careerPhaseOverrideReason]) => ({
    staffId,
    employmentType: employmentType as EmploymentType,
    hireDate,
    careerPhaseOverride,
    careerPhaseOverrideReason,
  }));
}

type AssignmentTuple = [number, number, number, number, string, string | null, string, string | null];

/**
 * The regular posts and dispatches begun by `date` of the people with a regular post in force on `date` — what
 * tenure, units experienced and frontline experience are computed from (兼務 counts for none of them, and a
 * posting not yet begun is not part of the career on the date).
 */
export async function listAssignmentsOfPeoplePostedOn(exec: Executor, municipalityId: number, date: string): Promise<Assignment[]> {
  const rows = await jsonRows<AssignmentTuple>(
    exec,
    sql`select json_agg(json_build_array(a.id, a.staff_id, a.unit_id, a.position_id, a.kind, a.dispatch_to, a.starts_on, a.ends_on))::text as j
        from assignments a
        where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${date}
          and a.staff_id in (${postedOn(municipalityId, date)})`,
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
