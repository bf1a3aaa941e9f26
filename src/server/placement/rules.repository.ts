/**
 * SQL of HR's placement inputs (issue 5): transfer wishes per person and 年度, expertise fields per person, 定数 per
 * unit × position level × 年度, and the headcounts the 定数 grid shows next to them.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import type { EmploymentType, PositionLevel } from '../../domain/org/org-model.js';

const str = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export type StaffBriefRow = { staffId: number; employeeNumber: string; familyName: string; givenName: string; unitId: number | null };

/** People by id with their regular unit on `date` (null when none). */
export async function listStaffBriefs(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<StaffBriefRow[]> {
  if (staffIds.length === 0) return [];
  const ids = sql.join(staffIds.map((id) => sql`${id}::int`), sql`, `);
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select s.id, s.employee_number, s.family_name, s.given_name,
               (select a.unit_id from assignments a
                 where a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
                 order by a.starts_on desc, a.id desc limit 1) as unit_id
        from staff s
        where s.municipality_id = ${municipalityId} and s.id in (${ids})
        order by s.employee_number`,
  );
  return rows.map((r) => ({
    staffId: Number(r.id),
    employeeNumber: String(r.employee_number),
    familyName: String(r.family_name),
    givenName: String(r.given_name),
    unitId: r.unit_id === null || r.unit_id === undefined ? null : Number(r.unit_id),
  }));
}

export type WishRow = { staffId: number; rank: number; unitId: number; reason: string; source: 'hr' | 'self-declaration'; recordedAt: string };

const toWish = (r: Record<string, unknown>): WishRow => ({
  staffId: Number(r.staff_id),
  rank: Number(r.rank),
  unitId: Number(r.unit_id),
  reason: String(r.reason),
  source: String(r.source) === 'self-declaration' ? 'self-declaration' : 'hr',
  recordedAt: str(r.recorded_at),
});

export async function listWishesOfStaff(exec: Executor, municipalityId: number, staffIds: readonly number[], fiscalYear: number): Promise<WishRow[]> {
  if (staffIds.length === 0) return [];
  const ids = sql.join(staffIds.map((id) => sql`${id}::int`), sql`, `);
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select staff_id, rank, unit_id, reason, source, recorded_at from transfer_wishes
        where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear} and staff_id in (${ids})
        order by staff_id, rank`,
  );
  return rows.map(toWish);
}

/** The people with wishes for the 年度, by employee number, one page. */
export async function pageStaffWithWishes(
  exec: Executor,
  municipalityId: number,
  fiscalYear: number,
  limit: number,
  offset: number,
): Promise<{ total: number; staffIds: number[] }> {
  const [count] = await queryRows<{ n: number }>(
    exec,
    sql`select count(distinct staff_id)::int as n from transfer_wishes where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear}`,
  );
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select s.id from staff s
        where s.municipality_id = ${municipalityId}
          and exists (select 1 from transfer_wishes w where w.staff_id = s.id and w.fiscal_year = ${fiscalYear})
        order by s.employee_number, s.id limit ${limit} offset ${offset}`,
  );
  return { total: Number(count?.n ?? 0), staffIds: rows.map((r) => Number(r.id)) };
}

/** Replaces a person's wishes of a 年度 (HR input). */
export async function replaceWishes(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  fiscalYear: number,
  wishes: ReadonlyArray<{ rank: number; unitId: number; reason: string }>,
  source: 'hr' | 'self-declaration',
): Promise<void> {
  await exec.execute(
    sql`delete from transfer_wishes where municipality_id = ${municipalityId} and staff_id = ${staffId} and fiscal_year = ${fiscalYear}`,
  );
  for (const w of wishes) {
    await exec.execute(
      sql`insert into transfer_wishes (municipality_id, staff_id, fiscal_year, rank, unit_id, reason, source)
          values (${municipalityId}, ${staffId}, ${fiscalYear}, ${w.rank}, ${w.unitId}, ${w.reason}, ${source})`,
    );
  }
}

export async function listExpertiseOfStaff(exec: Executor, municipalityId: number, staffId: number): Promise<Array<{ field: string; note: string }>> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select field, note from staff_expertise_fields where municipality_id = ${municipalityId} and staff_id = ${staffId} order by field`,
  );
  return rows.map((r) => ({ field: String(r.field), note: String(r.note) }));
}

export async function replaceExpertise(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  fields: ReadonlyArray<{ field: string; note: string }>,
): Promise<void> {
  await exec.execute(sql`delete from staff_expertise_fields where municipality_id = ${municipalityId} and staff_id = ${staffId}`);
  for (const f of fields) {
    await exec.execute(
      sql`insert into staff_expertise_fields (municipality_id, staff_id, field, note) values (${municipalityId}, ${staffId}, ${f.field}, ${f.note})`,
    );
  }
}

/** Expertise fields known in the municipality: the units' and those recorded for people. */
export async function listKnownExpertiseFields(exec: Executor, municipalityId: number): Promise<string[]> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select field from (
          select expertise_field as field from org_unit_versions where municipality_id = ${municipalityId} and expertise_field is not null and expertise_field <> ''
          union
          select field from staff_expertise_fields where municipality_id = ${municipalityId}
        ) f order by field`,
  );
  return rows.map((r) => String(r.field));
}

/** Rows of exactly this 年度 (what the grid edits). */
export async function listQuotasOfYear(
  exec: Executor,
  municipalityId: number,
  fiscalYear: number,
): Promise<Array<{ unitId: number; positionLevel: PositionLevel; headcount: number }>> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select unit_id, position_level, headcount from unit_position_quotas
        where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear}`,
  );
  return rows.map((r) => ({ unitId: Number(r.unit_id), positionLevel: String(r.position_level) as PositionLevel, headcount: Number(r.headcount) }));
}

export async function upsertQuota(exec: Executor, municipalityId: number, fiscalYear: number, unitId: number, level: PositionLevel, headcount: number): Promise<void> {
  await exec.execute(
    sql`insert into unit_position_quotas (municipality_id, unit_id, position_level, fiscal_year, headcount)
        values (${municipalityId}, ${unitId}, ${level}, ${fiscalYear}, ${headcount})
        on conflict (unit_id, position_level, fiscal_year) do update set headcount = excluded.headcount`,
  );
}

export async function deleteQuota(exec: Executor, municipalityId: number, fiscalYear: number, unitId: number, level: PositionLevel): Promise<void> {
  await exec.execute(
    sql`delete from unit_position_quotas
        where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear} and unit_id = ${unitId} and position_level = ${level}`,
  );
}

/** Regular posts on `date` of staff of the given types, counted per unit and position level. */
export async function countPostsByUnitAndLevel(
  exec: Executor,
  municipalityId: number,
  date: string,
  employmentTypes: readonly EmploymentType[],
): Promise<Array<{ unitId: number; level: PositionLevel; n: number }>> {
  const types = sql.join(employmentTypes.map((t) => sql`${t}`), sql`, `);
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select a.unit_id, p.level, count(distinct a.staff_id)::int as n
        from assignments a
        join positions p on p.id = a.position_id
        join staff s on s.id = a.staff_id
        where a.municipality_id = ${municipalityId} and a.kind = 'regular' and a.starts_on <= ${date}
          and (a.ends_on is null or a.ends_on >= ${date})
          and s.employment_type in (${types}) and (s.separated_on is null or s.separated_on >= ${date})
        group by a.unit_id, p.level`,
  );
  return rows.map((r) => ({ unitId: Number(r.unit_id), level: String(r.level) as PositionLevel, n: Number(r.n) }));
}

const batchSize = 500;

/** Bulk inserts for the demo data (rows must not exist yet). */
export async function insertWishesBatch(
  exec: Executor,
  municipalityId: number,
  rows: ReadonlyArray<{ staffId: number; fiscalYear: number; rank: number; unitId: number; reason: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows.slice(i, i + batchSize).map((r) => sql`(${municipalityId}, ${r.staffId}, ${r.fiscalYear}, ${r.rank}, ${r.unitId}, ${r.reason}, 'hr')`);
    await exec.execute(sql`insert into transfer_wishes (municipality_id, staff_id, fiscal_year, rank, unit_id, reason, source) values ${sql.join(values, sql`, `)}`);
  }
}

export async function insertQuotasBatch(
  exec: Executor,
  municipalityId: number,
  rows: ReadonlyArray<{ unitId: number; level: PositionLevel; fiscalYear: number; headcount: number }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows.slice(i, i + batchSize).map((r) => sql`(${municipalityId}, ${r.unitId}, ${r.level}, ${r.fiscalYear}, ${r.headcount})`);
    await exec.execute(sql`insert into unit_position_quotas (municipality_id, unit_id, position_level, fiscal_year, headcount) values ${sql.join(values, sql`, `)}`);
  }
}

export async function insertExpertiseBatch(
  exec: Executor,
  municipalityId: number,
  rows: ReadonlyArray<{ staffId: number; field: string; note: string }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const values = rows.slice(i, i + batchSize).map((r) => sql`(${municipalityId}, ${r.staffId}, ${r.field}, ${r.note})`);
    await exec.execute(sql`insert into staff_expertise_fields (municipality_id, staff_id, field, note) values ${sql.join(values, sql`, `)}`);
  }
}

/** Whether the municipality has any placement input yet (the demo seeder runs only on an empty one). */
export async function hasPlacementInputs(exec: Executor, municipalityId: number): Promise<boolean> {
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`select 1 as x where exists (select 1 from transfer_wishes where municipality_id = ${municipalityId})
          or exists (select 1 from unit_position_quotas where municipality_id = ${municipalityId})
          or exists (select 1 from staff_expertise_fields where municipality_id = ${municipalityId})`,
  );
  return rows.length > 0;
}

export async function findMunicipalityIdByCode(exec: Executor, code: string): Promise<number | undefined> {
  const [row] = await queryRows<Record<string, unknown>>(exec, sql`select id from municipalities where code = ${code}`);
  return row === undefined ? undefined : Number(row.id);
}
