/**
 * Staff records: the directory query (filtered, sorted and paged in SQL so it stays fast at 40,000 staff and
 * 600,000 assignments), single records, qualifications and the versioned update.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { qualifications, staff } from '../db/schema/org.js';
import type { CareerPhase, EmploymentType, StaffName } from '../../domain/org/org-model.js';
import type { StaffUpdateInput } from '../../domain/org/org-api.js';
import { regularPostOnSql, type StaffSummary } from './org.repository.js';

/**
 * The career-phase rule of `deriveCareerPhase` (org-settings.ts) translated to SQL for the directory filter.
 * Year thresholds come as hire dates computed by the service with the domain's year count, and mergers as a
 * map to the surviving unit, so SQL and the domain function give the same phase (a test checks it).
 */
export type CareerPhaseSql = {
  phase: CareerPhase;
  /** hired on or before: at least coreYears completed → ③ */
  coreHiredOnOrBefore: string;
  /** hired after: fewer than rotationYears completed → ① */
  rotationHiredAfter: string;
  rotationUnits: number;
  phasedEmploymentTypes: readonly EmploymentType[];
  /** absorbed unit → surviving unit (only units that were merged) */
  unitKeys: ReadonlyMap<number, number>;
  /** characters JavaScript's trim() removes: a reason made only of them does not count */
  whitespace: string;
};

export type DirectoryQuery = {
  municipalityId: number;
  asOf: string;
  /** already normalised with normalizeForSearch; matched as a substring of staff.search_key */
  search?: string;
  /** regular assignment in force on asOf in one of these units; undefined = anywhere (or nowhere) */
  unitIds?: readonly number[];
  positionId?: number;
  employmentType?: EmploymentType;
  careerPhase?: CareerPhaseSql;
  limit: number;
  offset: number;
};

/** A person in the directory with the unit and position of their regular post on the date (null: none). */
export type DirectoryRow = StaffSummary & { id: number; unitId: number | null; positionId: number | null };

/** `%` and `_` in the query are matched literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const list = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);

function careerPhaseCondition(p: CareerPhaseSql, asOf: string): SQL {
  const unitKey =
    p.unitKeys.size === 0
      ? sql`a.unit_id`
      : sql`coalesce(case a.unit_id ${sql.join([...p.unitKeys].map(([from, to]) => sql`when ${from}::int then ${to}::int`), sql` `)} end, a.unit_id)`;
  const isOverridden = sql`(s.career_phase_override in ('rotation', 'core', 'expert')
    and length(translate(coalesce(s.career_phase_override_reason, ''), ${p.whitespace}, '')) > 0)`;
  const isPhased = p.phasedEmploymentTypes.length === 0 ? sql`false` : sql`s.employment_type in (${list(p.phasedEmploymentTypes)})`;
  const byRule = sql`not ${isOverridden} and ${isPhased}`;
  const inMiddleYears = sql`s.hire_date > ${p.coreHiredOnOrBefore} and s.hire_date <= ${p.rotationHiredAfter}`;
  const unitCount = sql`(select count(distinct ${unitKey}) from assignments a
    where a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${asOf})`;
  // Written per phase so that the per-person count of units runs only where it can decide (the middle years).
  const rule =
    p.phase === 'expert'
      ? sql`s.hire_date <= ${p.coreHiredOnOrBefore}`
      : p.phase === 'rotation'
        ? sql`(s.hire_date > ${p.rotationHiredAfter} or (${inMiddleYears} and ${unitCount} < ${p.rotationUnits}))`
        : sql`(${inMiddleYears} and ${unitCount} >= ${p.rotationUnits})`;
  return sql`((${isOverridden} and s.career_phase_override = ${p.phase}) or (${byRule} and ${rule}))`;
}

function directoryWhere(q: DirectoryQuery): SQL {
  const conditions: SQL[] = [
    sql`s.municipality_id = ${q.municipalityId}`,
    // In employment on the date: hired by then and not yet separated (separated_on is the last day).
    sql`s.hire_date <= ${q.asOf}`,
    sql`(s.separated_on is null or s.separated_on >= ${q.asOf})`,
  ];
  if (q.search !== undefined && q.search !== '') conditions.push(sql`s.search_key like ${likePattern(q.search)} escape '\\'`);
  if (q.employmentType !== undefined) conditions.push(sql`s.employment_type = ${q.employmentType}`);
  if (q.unitIds !== undefined || q.positionId !== undefined) {
    const inUnits = q.unitIds === undefined ? sql`` : q.unitIds.length === 0 ? sql` and false` : sql` and a.unit_id in (${list(q.unitIds)})`;
    const inPosition = q.positionId === undefined ? sql`` : sql` and a.position_id = ${q.positionId}`;
    conditions.push(sql`exists (select 1 from assignments a
      where a.staff_id = s.id and ${regularPostOnSql(q.asOf)}${inUnits}${inPosition})`);
  }
  if (q.careerPhase !== undefined) conditions.push(careerPhaseCondition(q.careerPhase, q.asOf));
  return sql.join(conditions, sql` and `);
}

/** One page of the directory (sorted by kana) and the total: two queries, whatever the size of the city. */
export async function searchDirectory(exec: Executor, q: DirectoryQuery): Promise<{ total: number; rows: DirectoryRow[] }> {
  const where = directoryWhere(q);
  const countQuery = sql`select count(*)::int as n from staff s where ${where}`;
  const pageQuery = sql`
      select p.id, p.employee_number, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.hire_date,
             p.employment_type, p.career_phase_override, p.career_phase_override_reason, cur.unit_id, cur.position_id
      from (
        select s.id, s.employee_number, s.family_name, s.given_name, s.family_name_kana, s.given_name_kana, s.hire_date,
               s.employment_type, s.career_phase_override, s.career_phase_override_reason
        from staff s where ${where}
        order by s.family_name_kana, s.given_name_kana, s.id
        limit ${q.limit} offset ${q.offset}
      ) p
      left join lateral (
        select a.unit_id, a.position_id from assignments a
        where a.staff_id = p.id and ${regularPostOnSql(q.asOf)}
        order by a.starts_on desc, a.id desc limit 1
      ) cur on true
      order by p.family_name_kana, p.given_name_kana, p.id`;
  let countRows: Record<string, unknown>[];
  let pageRows: Record<string, unknown>[];
  if (q.careerPhase === undefined) {
    [countRows, pageRows] = await Promise.all([queryRows(exec, countQuery), queryRows(exec, pageQuery)]);
  } else {
    // The correlated unit count makes the planner's estimate large enough to trigger PostgreSQL's JIT, whose
    // compilation (≈ 400 ms) costs ten times the query itself (≈ 40 ms at 40,000 staff). Off for this transaction only.
    [countRows, pageRows] = await exec.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      return [await queryRows(tx, countQuery), await queryRows(tx, pageQuery)] as const;
    });
  }
  const total = Number(countRows[0]?.n ?? 0);
  const rows = pageRows.map((r) => ({
    id: Number(r.id),
    employeeNumber: String(r.employee_number),
    familyName: String(r.family_name),
    givenName: String(r.given_name),
    familyNameKana: String(r.family_name_kana),
    givenNameKana: String(r.given_name_kana),
    hireDate: String(r.hire_date),
    employmentType: r.employment_type as EmploymentType,
    careerPhaseOverride: (r.career_phase_override as string | null) ?? null,
    careerPhaseOverrideReason: (r.career_phase_override_reason as string | null) ?? null,
    unitId: r.unit_id === null || r.unit_id === undefined ? null : Number(r.unit_id),
    positionId: r.position_id === null || r.position_id === undefined ? null : Number(r.position_id),
  }));
  return { total, rows };
}

export type StaffRecord = StaffName & {
  id: number;
  birthDate: string;
  sex: string | null;
  hireDate: string;
  employmentType: EmploymentType;
  jobCategory: string | null;
  separatedOn: string | null;
  careerPhaseOverride: string | null;
  careerPhaseOverrideReason: string | null;
  version: number;
};

/** The staff master's columns: what the staff file imports and exports. */
export const staffMasterColumns = {
  employeeNumber: staff.employeeNumber,
  familyName: staff.familyName,
  givenName: staff.givenName,
  familyNameKana: staff.familyNameKana,
  givenNameKana: staff.givenNameKana,
  birthDate: staff.birthDate,
  sex: staff.sex,
  hireDate: staff.hireDate,
  employmentType: staff.employmentType,
  jobCategory: staff.jobCategory,
  separatedOn: staff.separatedOn,
};

const staffRecordColumns = {
  id: staff.id,
  ...staffMasterColumns,
  careerPhaseOverride: staff.careerPhaseOverride,
  careerPhaseOverrideReason: staff.careerPhaseOverrideReason,
  version: staff.version,
};

export async function findStaffRecord(exec: Executor, municipalityId: number, staffId: number): Promise<StaffRecord | undefined> {
  const [row] = await exec
    .select(staffRecordColumns)
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId)));
  return row === undefined ? undefined : { ...row, employmentType: row.employmentType as EmploymentType };
}

/** Names of the given people (for relations and worklists). */
export async function listStaffNames(
  exec: Executor,
  municipalityId: number,
  staffIds: readonly number[],
): Promise<Map<number, { familyName: string; givenName: string }>> {
  if (staffIds.length === 0) return new Map();
  const rows = await exec
    .select({ id: staff.id, familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...new Set(staffIds)])));
  return new Map(rows.map((r) => [r.id, { familyName: r.familyName, givenName: r.givenName }]));
}

export async function listQualificationsOfStaff(exec: Executor, municipalityId: number, staffId: number) {
  return exec
    .select({ name: qualifications.name, acquiredOn: qualifications.acquiredOn })
    .from(qualifications)
    .where(and(eq(qualifications.municipalityId, municipalityId), eq(qualifications.staffId, staffId)))
    .orderBy(asc(qualifications.acquiredOn), asc(qualifications.id));
}

/** The editable fields of a staff record, with the search key kept current. */
export type StaffChanges = Omit<StaffUpdateInput, 'version'> & { searchKey: string };

/** Optimistic update: applies only if the row still has `version`; returns false when it does not (stale or gone). */
export async function updateStaffRecord(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  version: number,
  changes: StaffChanges,
): Promise<boolean> {
  const rows = await exec
    .update(staff)
    .set({ ...changes, version: sql`${staff.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId), eq(staff.version, version)))
    .returning({ id: staff.id });
  return rows.length > 0;
}
