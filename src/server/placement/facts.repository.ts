/**
 * SQL of the placement facts (issue 5): the people with a regular post on a date, their whole assignment history,
 * HR-recorded expertise fields, transfer wishes of a 年度 and the 定数 in force for a 年度 — each one set-based
 * query over the municipality, so that a city of 40,000 staff loads in a few round trips; the two big ones (staff,
 * assignments) are read as columns (db/columnar.ts).
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { readColumns, type ColumnSpec, type Columns } from '../db/columnar.js';
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

/** Staff of the given employment types not separated before `date` (who also holds a post is decided in memory). */
const movableStaffWhere = (municipalityId: number, date: string, employmentTypes: readonly EmploymentType[]) => sql`
  s.municipality_id = ${municipalityId}
  and s.employment_type in (${sql.join(employmentTypes.map((t) => sql`${t}`), sql`, `)})
  and (s.separated_on is null or s.separated_on >= ${date})`;

/**
 * Staff of the given employment types who have not left by `date` (one row per person), read as columns
 * (db/columnar.ts). Whether they hold a regular post on the date is read from their assignments
 * (buildPlacementFacts drops those who do not): a plain filter is cheaper than an EXISTS per person at 40,000 staff.
 */
export async function listMovableStaff(
  exec: Executor,
  municipalityId: number,
  date: string,
  employmentTypes: readonly EmploymentType[],
): Promise<PlacementStaffRow[]> {
  if (employmentTypes.length === 0) return [];
  const { count, columns: c } = await readColumns(
    exec,
    {
      id: ['int', sql`s.id`],
      employeeNumber: ['text', sql`s.employee_number`],
      familyName: ['text', sql`s.family_name`],
      givenName: ['text', sql`s.given_name`],
      hireDate: ['date', sql`s.hire_date`],
      employmentType: ['code', sql`s.employment_type`],
      override: ['nullable-text', sql`s.career_phase_override`],
      overrideReason: ['nullable-text', sql`s.career_phase_override_reason`],
    },
    sql`from staff s where ${movableStaffWhere(municipalityId, date, employmentTypes)}`,
  );
  const rows: PlacementStaffRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = {
      staffId: c.id[i]!,
      employeeNumber: c.employeeNumber[i]!,
      familyName: c.familyName[i]!,
      givenName: c.givenName[i]!,
      hireDate: c.hireDate[i]!,
      employmentType: c.employmentType[i] as EmploymentType,
      careerPhaseOverride: c.override[i] ?? null,
      careerPhaseOverrideReason: c.overrideReason[i] ?? null,
    };
  }
  return rows;
}

/** The columns of an assignment row (the table aliased `a`), for `readColumns`. */
export const assignmentColumns = {
  id: ['int', sql`a.id`],
  staffId: ['int', sql`a.staff_id`],
  unitId: ['int', sql`a.unit_id`],
  positionId: ['int', sql`a.position_id`],
  kind: ['code', sql`a.kind`],
  dispatchTo: ['nullable-text', sql`a.dispatch_to`],
  startsOn: ['date', sql`a.starts_on`],
  endsOn: ['nullable-date', sql`a.ends_on`],
} as const satisfies ColumnSpec;

/** Assignments from the columns of `assignmentColumns`. */
export function assignmentsOf({ count, columns: c }: { count: number; columns: Columns<typeof assignmentColumns> }): Assignment[] {
  const rows: Assignment[] = new Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = {
      id: c.id[i]!,
      staffId: c.staffId[i]!,
      unitId: c.unitId[i]!,
      positionId: c.positionId[i]!,
      kind: c.kind[i] as AssignmentKind,
      dispatchTo: c.dispatchTo[i] ?? null,
      startsOn: c.startsOn[i]!,
      endsOn: c.endsOn[i] ?? null,
    };
  }
  return rows;
}

/**
 * The regular posts and dispatches begun by `until` (the effective date) of the same people as `listMovableStaff`
 * on `date` (its eve), in one query read as columns. 兼務 counts for none of the rules and is left out.
 */
export async function listAssignmentsOfMovableStaff(
  exec: Executor,
  municipalityId: number,
  date: string,
  employmentTypes: readonly EmploymentType[],
  until: string,
): Promise<Assignment[]> {
  if (employmentTypes.length === 0) return [];
  return assignmentsOf(
    await readColumns(
      exec,
      assignmentColumns,
      sql`from assignments a
          join staff s on s.id = a.staff_id
          where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${until}
            and ${movableStaffWhere(municipalityId, date, employmentTypes)}`,
    ),
  );
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
