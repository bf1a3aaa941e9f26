/** Facts the access layer needs from the database: the actor's relations to an object today (roles come with the session). */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { isFeedbackGiven } from '../../domain/evaluation/sheet-workflow.js';

/** Units (and all their descendants) headed on `date` by the staff member, by regular assignment at a head level. */
const headedUnitsCte = (staffId: number, date: string, headLevels: readonly string[]) => sql`
  with recursive live_units as (
    select unit_id, parent_unit_id from org_unit_versions
    where starts_on <= ${date} and (ends_on is null or ends_on >= ${date})
  ),
  headed(unit_id) as (
    select a.unit_id from assignments a join positions p on p.id = a.position_id
    where a.staff_id = ${staffId} and a.kind = 'regular'
      and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
      and p.level in (${sql.join(headLevels.map((l) => sql`${l}`), sql`, `)})
    union
    select u.unit_id from live_units u join headed h on u.parent_unit_id = h.unit_id
  )`;

export async function isUnitHeadOfAny(exec: Executor, staffId: number, date: string, headLevels: readonly string[]): Promise<boolean> {
  const r = await queryRows(exec, sql`${headedUnitsCte(staffId, date, headLevels)} select 1 from headed limit 1`);
  return r.length > 0;
}

export async function listUnitsHeadedBy(exec: Executor, staffId: number, date: string, headLevels: readonly string[]): Promise<number[]> {
  const r = await queryRows<{ unit_id: number }>(exec, sql`${headedUnitsCte(staffId, date, headLevels)} select distinct unit_id from headed`);
  return r.map((row) => Number(row.unit_id));
}

export async function isUnitHeadOfUnit(exec: Executor, staffId: number, unitId: number, date: string, headLevels: readonly string[]) {
  const r = await queryRows(exec, sql`${headedUnitsCte(staffId, date, headLevels)} select 1 from headed where unit_id = ${unitId} limit 1`);
  return r.length > 0;
}

export async function isUnitHeadOfStaff(exec: Executor, headStaffId: number, subjectStaffId: number, date: string, headLevels: readonly string[]) {
  const r = await queryRows(exec, sql`${headedUnitsCte(headStaffId, date, headLevels)}
    select 1 from assignments a join headed h on h.unit_id = a.unit_id
    where a.staff_id = ${subjectStaffId} and a.staff_id <> ${headStaffId}
      and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date}) limit 1`);
  return r.length > 0;
}

/** evaluator / confirmer relations of holder over subject in force on `date` (manual rows win over rule rows). */
export async function listRelationKindsBetween(exec: Executor, holderStaffId: number, subjectStaffId: number, date: string) {
  const r = await queryRows<{ kind: 'evaluator' | 'confirmer' }>(exec, sql`
    select distinct r.kind from staff_relations r
    where r.holder_staff_id = ${holderStaffId} and r.subject_staff_id = ${subjectStaffId}
      and r.starts_on <= ${date} and (r.ends_on is null or r.ends_on >= ${date})
      and (r.source = 'manual' or not exists (
        select 1 from staff_relations m where m.source = 'manual' and m.subject_staff_id = r.subject_staff_id
          and m.kind = r.kind and m.starts_on <= ${date} and (m.ends_on is null or m.ends_on >= ${date})))`);
  return r.map((row) => row.kind);
}

/** Holds any evaluator or confirmer relation in force on `date` — part of "personnel authority over examinees". */
export async function isRelationHolder(exec: Executor, staffId: number, date: string): Promise<boolean> {
  const r = await queryRows(exec, sql`select 1 from staff_relations where holder_staff_id = ${staffId}
    and starts_on <= ${date} and (ends_on is null or ends_on >= ${date}) limit 1`);
  return r.length > 0;
}

/** Units the staff member heads directly (not their descendants) on `date`, most senior position first. */
export async function listUnitsHeadedDirectly(exec: Executor, staffId: number, date: string, headLevels: readonly string[]): Promise<number[]> {
  const rows = await queryRows<{ unit_id: number }>(exec, sql`
    select a.unit_id from assignments a join positions p on p.id = a.position_id
    where a.staff_id = ${staffId} and a.kind = 'regular'
      and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
      and p.level in (${sql.join(headLevels.map((l) => sql`${l}`), sql`, `)})
    order by p.rank, a.unit_id`);
  return rows.map((r) => Number(r.unit_id));
}

/**
 * How a staff member stands to an evaluation sheet: its evaluatee (self), the evaluator or confirmer named on it,
 * or a former evaluator/confirmer whose read-only access lasts until the feedback interview (ADR 0011).
 */
export async function listSheetRelations(
  exec: Executor,
  municipalityId: number,
  sheetId: number,
  staffId: number,
): Promise<Array<'self' | 'evaluator' | 'confirmer' | 'former-rater'>> {
  const rows = await queryRows<{ is_self: boolean; is_evaluator: boolean; is_confirmer: boolean; is_former: boolean; kind: 'performance' | 'ability'; state: string }>(exec, sql`
    select s.staff_id = ${staffId} as is_self,
           coalesce(s.evaluator_staff_id = ${staffId}, false) as is_evaluator,
           coalesce(s.confirmer_staff_id = ${staffId}, false) as is_confirmer,
           exists (select 1 from evaluation_handovers h where h.sheet_id = s.id and h.former_staff_id = ${staffId}) as is_former,
           s.kind, s.state
    from evaluation_sheets s where s.id = ${sheetId} and s.municipality_id = ${municipalityId}`);
  const row = rows[0];
  if (!row) return [];
  // The evaluatee stands to their own sheet as evaluatee only, whatever else they hold.
  if (row.is_self) return ['self'];
  const found: Array<'self' | 'evaluator' | 'confirmer' | 'former-rater'> = [];
  if (row.is_evaluator) found.push('evaluator');
  if (row.is_confirmer) found.push('confirmer');
  if (row.is_former && !isFeedbackGiven(row.kind, row.state)) found.push('former-rater');
  return found;
}

/**
 * The 'sitting-rater' relation (access layer, ADR 0018): the staff member is assigned to rate the sitting and its
 * campaign is not finished; with an applicant, the applicant sits in that sitting; with no sitting, any such one.
 */
export async function isSittingRater(exec: Executor, municipalityId: number, staffId: number, ref: { sittingId?: number; applicantId?: number }): Promise<boolean> {
  const rows = await queryRows(
    exec,
    sql`select 1 from recruitment_sitting_raters r join recruitment_sittings s on s.id = r.sitting_id join recruitment_campaigns c on c.id = s.campaign_id
        where r.rater_staff_id = ${staffId} and s.municipality_id = ${municipalityId} and c.status <> 'finished'
          ${ref.sittingId === undefined ? sql`` : sql`and s.id = ${ref.sittingId}`}
          ${ref.applicantId === undefined ? sql`` : sql`and exists (select 1 from recruitment_sitting_applicants sa where sa.sitting_id = s.id and sa.applicant_id = ${ref.applicantId})`}
        limit 1`,
  );
  return rows.length > 0;
}
