/**
 * The sessions of the annual training plan (`training_sessions`) and the facts about staff that the target rules
 * read: one query per reference date loads every person employed that day with their regular post's level.
 */
import type { StaffLeave } from '../../domain/org/leaves.js';
import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { readColumns } from '../db/columnar.js';
import { trainingCourses, trainingSessions } from '../db/schema/training.js';
import { regularPostOnSql } from '../org/org.repository.js';
import type { EmploymentType, PositionLevel } from '../../domain/org/org-model.js';

export type SessionRow = typeof trainingSessions.$inferSelect;
export type SessionValues = Pick<SessionRow, 'courseId' | 'fiscalYear' | 'startsOn' | 'endsOn' | 'place' | 'capacity' | 'lecturer' | 'note'> & { hours?: number | null };
export type SessionWithCourse = { session: SessionRow; course: typeof trainingCourses.$inferSelect };

/** The sessions of a 年度 with their courses, by start date. */
export async function listSessionsOfYear(exec: Executor, municipalityId: number, fiscalYear: number): Promise<SessionWithCourse[]> {
  return exec
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(eq(trainingSessions.municipalityId, municipalityId), eq(trainingSessions.fiscalYear, fiscalYear)))
    .orderBy(asc(trainingSessions.startsOn), asc(trainingCourses.code), asc(trainingSessions.id));
}

export async function findSession(exec: Executor, municipalityId: number, sessionId: number): Promise<SessionWithCourse | undefined> {
  const [row] = await exec
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(eq(trainingSessions.municipalityId, municipalityId), eq(trainingSessions.id, sessionId)));
  return row;
}

export async function insertSession(exec: Executor, municipalityId: number, values: SessionValues): Promise<SessionRow> {
  const [row] = await exec
    .insert(trainingSessions)
    .values({ ...values, municipalityId })
    .returning();
  return row!;
}

/** Replaces the session if it is still at `version`; undefined means it changed or was removed since. */
export async function updateSessionIfUnchanged(
  exec: Executor,
  municipalityId: number,
  sessionId: number,
  version: number,
  values: SessionValues,
): Promise<SessionRow | undefined> {
  const [row] = await exec
    .update(trainingSessions)
    .set({ ...values, version: sql`${trainingSessions.version} + 1`, updatedAt: sql`clock_timestamp()` })
    .where(and(eq(trainingSessions.municipalityId, municipalityId), eq(trainingSessions.id, sessionId), eq(trainingSessions.version, version)))
    .returning();
  return row;
}

/** Removes the session if it is still at `version`; false means it changed or was removed since. */
export async function deleteSessionIfUnchanged(exec: Executor, municipalityId: number, sessionId: number, version: number): Promise<boolean> {
  const rows = await exec
    .delete(trainingSessions)
    .where(and(eq(trainingSessions.municipalityId, municipalityId), eq(trainingSessions.id, sessionId), eq(trainingSessions.version, version)))
    .returning({ id: trainingSessions.id });
  return rows.length > 0;
}

/** A person employed at some time in a period, with the regular posts that overlap it (newest first). */
export type StaffWithPosts = {
  staffId: number;
  hireDate: string;
  separatedOn: string | null;
  employmentType: EmploymentType;
  posts: { startsOn: string; endsOn: string | null; level: PositionLevel }[];
  /** periods away (休業・休職) that matter around the dates asked about; see plan.service.ts loadPeople */
  leaves?: StaffLeave[];
};

/**
 * Everyone employed at some time in [from, to] with their regular posts overlapping it, in the directory's order
 * (kana, then id). One query however many dates the caller then asks about (the sessions of a whole 年度), so the
 * plan's target counts cost one scan of the staff at 40,000 people.
 */
export async function listStaffWithPostsBetween(exec: Executor, municipalityId: number, from: string, to: string): Promise<StaffWithPosts[]> {
  // One row of columns (db/columnar.ts) in the order of a row number: at 40,000 staff a row-by-row result
  // cost PGlite ~0.3 s to decode per report.
  const { count, columns: c } = await readColumns(
    exec,
    {
      id: ['int', sql`x.id`],
      hireDate: ['date', sql`x.hire_date`],
      separatedOn: ['nullable-date', sql`x.separated_on`],
      employmentType: ['code', sql`x.employment_type`],
      startsOn: ['nullable-date', sql`x.starts_on`],
      endsOn: ['nullable-date', sql`x.ends_on`],
      level: ['nullable-text', sql`x.level`],
      ord: ['int', sql`x.ord`],
    },
    sql`from (
          select s.id, s.hire_date, s.separated_on, s.employment_type, a.starts_on, a.ends_on, p.level,
                 row_number() over (order by s.family_name_kana, s.given_name_kana, s.id, a.starts_on desc, a.id desc) as ord
          from staff s
          left join assignments a
            on a.staff_id = s.id and a.kind = 'regular' and a.starts_on <= ${to} and (a.ends_on is null or a.ends_on >= ${from})
          left join positions p on p.id = a.position_id
          where s.municipality_id = ${municipalityId}
            and s.hire_date <= ${to}
            and (s.separated_on is null or s.separated_on >= ${from})
        ) x`,
    'ord',
  );
  const people: StaffWithPosts[] = [];
  let last: StaffWithPosts | undefined;
  for (let i = 0; i < count; i++) {
    const staffId = c.id[i]!;
    if (last?.staffId !== staffId) {
      last = { staffId, hireDate: c.hireDate[i]!, separatedOn: c.separatedOn[i] ?? null, employmentType: c.employmentType[i] as EmploymentType, posts: [] };
      people.push(last);
    }
    const startsOn = c.startsOn[i] ?? null;
    const level = c.level[i] ?? null;
    if (startsOn !== null && level !== null) last.posts.push({ startsOn, endsOn: c.endsOn[i] ?? null, level: level as PositionLevel });
  }
  return people;
}

export type TargetPersonRow = {
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  unitName: string | null;
  positionName: string | null;
};

/** Number, name, and the unit and position of the regular post on `date` of the given people. */
export async function listTargetPeople(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<TargetPersonRow[]> {
  if (staffIds.length === 0) return [];
  const rows = await queryRows(
    exec,
    sql`select s.id, s.employee_number, s.family_name, s.given_name, post.unit_name, post.position_name
        from staff s
        left join lateral (
          select p.name as position_name,
                 (select v.name from org_unit_versions v
                  where v.unit_id = a.unit_id and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
                  order by v.starts_on desc limit 1) as unit_name
          from assignments a join positions p on p.id = a.position_id
          where a.staff_id = s.id and ${regularPostOnSql(date)}
          order by a.starts_on desc, a.id desc limit 1
        ) post on true
        where s.municipality_id = ${municipalityId} and s.id in (${sql.join(
          staffIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => ({
    staffId: Number(r.id),
    employeeNumber: String(r.employee_number),
    familyName: String(r.family_name),
    givenName: String(r.given_name),
    unitName: (r.unit_name as string | null | undefined) ?? null,
    positionName: (r.position_name as string | null | undefined) ?? null,
  }));
}
