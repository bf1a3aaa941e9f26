/**
 * 経歴の見える化: the set-based reads of the city heat map — the people holding a regular post on a date and their
 * assignment history up to it, each in ONE query read as one row of columns (db/columnar.ts). Why: at 40,000
 * staff the history is ~200,000 rows, and a driver that converts row by row (PGlite's WASM boundary costs ~30 µs a
 * row) or a JSON value built row by row would spend seconds on it. The unit view reuses the org area's reads
 * (org.repository.ts).
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { readColumns } from '../db/columnar.js';
import { assignmentColumns, assignmentsOf } from './facts.repository.js';
import type { Assignment, EmploymentType } from '../../domain/org/org-model.js';
import type { CareerMapPerson } from '../../domain/placement/career-map.js';

/** The staff ids with a regular post in force on `date` (the post that places a person in a unit). */
const postedOn = (municipalityId: number, date: string) => sql`
  select p.staff_id from assignments p
  where p.municipality_id = ${municipalityId} and p.kind = 'regular' and p.starts_on <= ${date} and (p.ends_on is null or p.ends_on >= ${date})`;

/** The people with a regular post in force on `date`, with what their career phase is computed from (read as columns). */
export async function listPeoplePostedOn(exec: Executor, municipalityId: number, date: string): Promise<CareerMapPerson[]> {
  const { count, columns: c } = await readColumns(
    exec,
    {
      id: ['int', sql`s.id`],
      employmentType: ['code', sql`s.employment_type`],
      hireDate: ['date', sql`s.hire_date`],
      override: ['nullable-text', sql`s.career_phase_override`],
      overrideReason: ['nullable-text', sql`s.career_phase_override_reason`],
    },
    sql`from staff s where s.municipality_id = ${municipalityId} and s.id in (${postedOn(municipalityId, date)})`,
  );
  const people: CareerMapPerson[] = new Array(count);
  for (let i = 0; i < count; i++) {
    people[i] = {
      staffId: c.id[i]!,
      employmentType: c.employmentType[i] as EmploymentType,
      hireDate: c.hireDate[i]!,
      careerPhaseOverride: c.override[i] ?? null,
      careerPhaseOverrideReason: c.overrideReason[i] ?? null,
    };
  }
  return people;
}

/**
 * The regular posts and dispatches begun by `date` of the people with a regular post in force on `date` — what
 * tenure, units experienced and frontline experience are computed from (兼務 counts for none of them, and a
 * posting not yet begun is not part of the career on the date).
 */
export async function listAssignmentsOfPeoplePostedOn(exec: Executor, municipalityId: number, date: string): Promise<Assignment[]> {
  return assignmentsOf(
    await readColumns(
      exec,
      assignmentColumns,
      sql`from assignments a
          where a.municipality_id = ${municipalityId} and a.kind <> 'concurrent' and a.starts_on <= ${date}
            and a.staff_id in (${postedOn(municipalityId, date)})`,
    ),
  );
}
