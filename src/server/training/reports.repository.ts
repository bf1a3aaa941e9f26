/**
 * The queries of the training reports (研修の報告・統計): set-based, one statement per report whatever the number of
 * staff — the enrolments of a 年度 with their course, the year's hours summed per person in the database, and one
 * person's history.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { readColumns } from '../db/columnar.js';
import { regularPostOnSql } from '../org/org.repository.js';
import type { PositionLevel } from '../../domain/org/org-model.js';
import type { EnrolmentStatus } from '../../domain/training/enrolment.js';
import type { CourseCategory, CourseProvider } from '../../domain/training/training-model.js';
import { hoursCountingStatuses } from '../../domain/training/reports.js';

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** The enrolments of one session of the 年度 that hold or held a seat, as parallel arrays (one row per session). */
export type SessionEnrolmentsRow = { courseId: number; startsOn: string; staffIds: number[]; statuses: EnrolmentStatus[] };

/**
 * Enrolments of the 年度's sessions that hold or held a seat (enrolled, attended, completed, absent), gathered per
 * session into arrays, by start date: some 70 rows instead of 100,000 at 40,000 staff, which the driver decodes ten
 * times faster.
 */
export async function listSeatEnrolmentsOfYear(exec: Executor, municipalityId: number, fiscalYear: number): Promise<SessionEnrolmentsRow[]> {
  const rows = await queryRows(
    exec,
    sql`select s.course_id, s.starts_on, array_agg(e.staff_id order by e.staff_id) as staff_ids, array_agg(e.status order by e.staff_id) as statuses
        from training_enrolments e join training_sessions s on s.id = e.session_id
        where s.municipality_id = ${municipalityId} and s.fiscal_year = ${fiscalYear}
          and e.status in ('enrolled', 'attended', 'completed', 'absent')
        group by s.id, s.course_id, s.starts_on
        order by s.starts_on, s.id`,
  );
  return rows.map((r) => ({
    courseId: Number(r.course_id),
    startsOn: String(r.starts_on),
    staffIds: arrayOf(r.staff_ids).map(Number),
    statuses: arrayOf(r.statuses) as EnrolmentStatus[],
  }));
}

/** PGlite and node-postgres both parse int[] and text[]; a literal '{…}' is parsed here in case a driver does not. */
function arrayOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.replace(/^\{|\}$/gu, '').split(',').filter((v) => v !== '').map((v) => v.replace(/^"|"$/gu, ''));
  return [];
}

export type HoursPersonRow = {
  staffId: number;
  unitId: number | null;
  positionLevel: PositionLevel | null;
  sessions: number;
  /** sum of the hours entered on the sessions attended or completed */
  enteredHours: number;
  /** days of the sessions attended or completed that have no hours entered */
  daysWithoutHours: number;
  /** confirmed self-development records started in the 年度 */
  selfDevelopmentHours: number;
};

/** The regular post in force on `asOf` of each person (the latest started): a query, for a CTE or a subquery. */
const postOn = (municipalityId: number, asOf: string, only: SQL = sql`true`) => sql`
          select distinct on (a.staff_id) a.staff_id, a.unit_id, p.level, p.name as position_name
          from assignments a join positions p on p.id = a.position_id
          where a.municipality_id = ${municipalityId} and ${regularPostOnSql(asOf)} and ${only}
          order by a.staff_id, a.starts_on desc, a.id desc`;
const employedOn = (municipalityId: number, asOf: string) =>
  sql`s.municipality_id = ${municipalityId} and s.hire_date <= ${asOf} and (s.separated_on is null or s.separated_on >= ${asOf})`;

/**
 * Everyone employed on `asOf` with the unit and level of their regular post then, the sessions of `fiscalYear` they
 * attended or completed summed in the database (hours entered, days without hours), and the hours of their confirmed
 * self-development records started in [from, to]. Numbers only (names are read for the rows shown), by staff id.
 */
export async function listHoursOfYear(
  exec: Executor,
  municipalityId: number,
  input: { fiscalYear: number; from: string; to: string; asOf: string },
): Promise<HoursPersonRow[]> {
  const { fiscalYear, from, to, asOf } = input;
  // One row of columns (db/columnar.ts): at 40,000 staff a row-by-row result cost PGlite ~0.5 s to decode.
  const { count, columns: c } = await readColumns(
    exec,
    {
      id: ['int', sql`s.id`],
      unitId: ['nullable-int', sql`post.unit_id`],
      level: ['nullable-text', sql`post.level`],
      sessions: ['int', sql`coalesce(trained.sessions, 0)`],
      enteredHours: ['number', sql`coalesce(trained.entered_hours, 0)`],
      daysWithoutHours: ['int', sql`coalesce(trained.days_without_hours, 0)`],
      selfHours: ['number', sql`coalesce(self_study.hours, 0)`],
    },
    sql`from staff s
        left join (${postOn(municipalityId, asOf)}) post on post.staff_id = s.id
        left join (
          select e.staff_id, count(*)::int as sessions,
                 coalesce(sum(s.hours), 0)::float8 as entered_hours,
                 coalesce(sum(case when s.hours is null then s.ends_on - s.starts_on + 1 else 0 end), 0)::int as days_without_hours
          from training_enrolments e join training_sessions s on s.id = e.session_id
          where s.municipality_id = ${municipalityId} and s.fiscal_year = ${fiscalYear} and e.status in (${list(hoursCountingStatuses)})
          group by e.staff_id
        ) trained on trained.staff_id = s.id
        left join (
          select d.staff_id, coalesce(sum(d.hours), 0)::float8 as hours
          from self_development_records d
          where d.municipality_id = ${municipalityId} and d.status = 'confirmed' and d.started_on between ${from} and ${to}
          group by d.staff_id
        ) self_study on self_study.staff_id = s.id
        where ${employedOn(municipalityId, asOf)}`,
  );
  const rows: HoursPersonRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = {
      staffId: c.id[i]!,
      unitId: c.unitId[i] ?? null,
      positionLevel: (c.level[i] ?? null) as PositionLevel | null,
      sessions: c.sessions[i]!,
      enteredHours: c.enteredHours[i]!,
      daysWithoutHours: c.daysWithoutHours[i]!,
      selfDevelopmentHours: c.selfHours[i]!,
    };
  }
  return rows.sort((a, b) => a.staffId - b.staffId);
}

/** The name in force on `date` of every unit of the municipality that has one then. */
export async function listUnitNamesOn(exec: Executor, municipalityId: number, date: string): Promise<Map<number, string>> {
  const rows = await queryRows(
    exec,
    sql`select distinct on (v.unit_id) v.unit_id, v.name
        from org_unit_versions v
        where v.municipality_id = ${municipalityId} and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
        order by v.unit_id, v.starts_on desc`,
  );
  return new Map(rows.map((r) => [Number(r.unit_id), String(r.name)]));
}

export type StaffNameRow = { staffId: number; employeeNumber: string; familyName: string; givenName: string; positionName: string | null };

/** 職員番号, name and the post's title on `asOf` of the given people (null: everyone employed that day), by 職員番号. */
export async function listStaffNamesOn(exec: Executor, municipalityId: number, asOf: string, staffIds: readonly number[] | null): Promise<StaffNameRow[]> {
  if (staffIds !== null && staffIds.length === 0) return [];
  const ids = staffIds === null ? null : sql.join(staffIds.map((id) => sql`${id}`), sql`, `);
  const only = ids === null ? sql`true` : sql`s.id in (${ids})`;
  // As columns (db/columnar.ts), ordered by a row number: everyone is 40,000 rows for the hours download.
  const { count, columns: c } = await readColumns(
    exec,
    {
      id: ['int', sql`x.id`],
      employeeNumber: ['text', sql`x.employee_number`],
      familyName: ['text', sql`x.family_name`],
      givenName: ['text', sql`x.given_name`],
      positionName: ['nullable-text', sql`x.position_name`],
      ord: ['int', sql`x.ord`],
    },
    sql`from (
          select s.id, s.employee_number, s.family_name, s.given_name, post.position_name, row_number() over (order by s.employee_number) as ord
          from staff s left join (${postOn(municipalityId, asOf, ids === null ? sql`true` : sql`a.staff_id in (${ids})`)}) post on post.staff_id = s.id
          where ${employedOn(municipalityId, asOf)} and ${only}
        ) x`,
    'ord',
  );
  const rows: StaffNameRow[] = new Array(count);
  for (let i = 0; i < count; i++) {
    rows[i] = { staffId: c.id[i]!, employeeNumber: c.employeeNumber[i]!, familyName: c.familyName[i]!, givenName: c.givenName[i]!, positionName: c.positionName[i] ?? null };
  }
  return rows;
}

export type HistoryEnrolmentRow = {
  enrolmentId: number;
  sessionId: number;
  fiscalYear: number;
  startsOn: string;
  endsOn: string;
  hours: number | null;
  courseCode: string;
  courseTitle: string;
  category: CourseCategory;
  provider: CourseProvider;
  status: EnrolmentStatus;
  certificate: string | null;
};

/** A person's enrolments on sessions of the 年度 fromYear..toYear, by start date. */
export async function listEnrolmentsOfStaff(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  fromYear: number,
  toYear: number,
): Promise<HistoryEnrolmentRow[]> {
  const rows = await queryRows(
    exec,
    sql`select e.id, e.session_id, s.fiscal_year, s.starts_on, s.ends_on, s.hours, c.code, c.title, c.category, c.provider, e.status, e.certificate
        from training_enrolments e
        join training_sessions s on s.id = e.session_id
        join training_courses c on c.id = s.course_id
        where e.municipality_id = ${municipalityId} and e.staff_id = ${staffId} and s.fiscal_year between ${fromYear} and ${toYear}
        order by s.starts_on, s.id`,
  );
  return rows.map((r) => ({
    enrolmentId: Number(r.id),
    sessionId: Number(r.session_id),
    fiscalYear: Number(r.fiscal_year),
    startsOn: String(r.starts_on),
    endsOn: String(r.ends_on),
    hours: r.hours === null || r.hours === undefined ? null : Number(r.hours),
    courseCode: String(r.code),
    courseTitle: String(r.title),
    category: r.category as CourseCategory,
    provider: r.provider as CourseProvider,
    status: r.status as EnrolmentStatus,
    certificate: text(r.certificate),
  }));
}

export type HistorySelfDevelopmentRow = { id: number; kind: string; title: string; startedOn: string; endedOn: string | null; hours: number | null };

/** A person's confirmed self-development records started in [from, to], by start date. */
export async function listConfirmedSelfDevelopment(
  exec: Executor,
  municipalityId: number,
  staffId: number,
  from: string,
  to: string,
): Promise<HistorySelfDevelopmentRow[]> {
  const rows = await queryRows(
    exec,
    sql`select id, kind, title, started_on, ended_on, hours
        from self_development_records
        where municipality_id = ${municipalityId} and staff_id = ${staffId} and status = 'confirmed' and started_on between ${from} and ${to}
        order by started_on, id`,
  );
  return rows.map((r) => ({
    id: Number(r.id),
    kind: String(r.kind),
    title: String(r.title),
    startedOn: String(r.started_on),
    endedOn: text(r.ended_on),
    hours: r.hours === null || r.hours === undefined ? null : Number(r.hours),
  }));
}

/** The name of a unit as of `date` (its latest version by then, or its first one when it did not exist yet). */
export async function findUnitNameOn(exec: Executor, municipalityId: number, unitId: number, date: string): Promise<string | undefined> {
  const rows = await queryRows(
    exec,
    sql`select name from org_unit_versions
        where municipality_id = ${municipalityId} and unit_id = ${unitId}
        order by (starts_on <= ${date}) desc, case when starts_on <= ${date} then starts_on end desc, starts_on asc
        limit 1`,
  );
  return rows[0] === undefined ? undefined : String(rows[0].name);
}
