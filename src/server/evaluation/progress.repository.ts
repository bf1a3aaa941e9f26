/**
 * The SQL of HR's progress view: counts of a cycle's sheets by unit and state, completion of each milestone, the
 * overdue lists and the people to remind. All of it reads the columns kept beside each sheet's document
 * (state, completed_steps, evaluator/confirmer, unit), so that 40,000 sheets are one indexed scan.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import type { MilestoneOwner, MilestoneStep } from '../../domain/evaluation/evaluation-calendar.js';
import type { UnitKind, UnitVersion } from '../../domain/org/org-model.js';

const intArray = (ids: readonly number[]) => sql`string_to_array(${ids.join(',')}, ',')::int[]`;

export type SheetGroupCount = { unitId: number | null; state: string; completedSteps: MilestoneStep[]; sheets: number };

/**
 * Thousands of small rows cost PGlite more to hand over than to compute; one JSON text of them costs a fraction.
 * `query` must select a single column `j` holding a JSON array.
 */
async function jsonRows<T>(exec: Executor, query: SQL): Promise<T[]> {
  const [row] = await queryRows<{ j: string | null }>(exec, query);
  return row?.j ? (JSON.parse(row.j) as T[]) : [];
}

/**
 * Sheets of the cycle counted per unit, state and set of completed steps: one scan gives the progress table, the
 * overdue count of each unit and the completion of each milestone (a few thousand groups for 40,000 sheets).
 */
export async function countSheetGroups(exec: Executor, municipalityId: number, cycleId: number): Promise<SheetGroupCount[]> {
  const rows = await jsonRows<[number | null, string, string[] | null, number]>(
    exec,
    sql`select json_agg(json_build_array(unit_id, state, completed_steps, sheets))::text as j
        from (select unit_id, state, completed_steps, count(*)::int as sheets
              from evaluation_sheets
              where municipality_id = ${municipalityId} and cycle_id = ${cycleId}
              group by unit_id, state, completed_steps) g`,
  );
  return rows.map(([unitId, state, steps, sheets]) => ({ unitId, state, completedSteps: (steps ?? []) as MilestoneStep[], sheets }));
}

/**
 * One version per unit of the municipality for naming the rows of a dashboard: the version in force on `date`, or
 * the unit's latest one when none is (an abolished unit keeps its last name). The domain's org-tree functions then
 * build names and paths; one row per unit is all a dashboard of 2,000 units needs.
 */
export async function listUnitVersionsForNaming(exec: Executor, municipalityId: number, date: string): Promise<UnitVersion[]> {
  const rows = await jsonRows<[number, string, string, UnitKind, number | null, string, string | null]>(
    exec,
    sql`select json_agg(json_build_array(unit_id, code, name, kind, parent_unit_id, starts_on, ends_on))::text as j
        from (select distinct on (v.unit_id) v.unit_id, u.code, v.name, v.kind, v.parent_unit_id, v.starts_on, v.ends_on
              from org_unit_versions v join org_units u on u.id = v.unit_id
              where v.municipality_id = ${municipalityId}
              order by v.unit_id, (v.starts_on <= ${date}::date and (v.ends_on is null or v.ends_on >= ${date}::date)) desc, v.starts_on desc) v`,
  );
  return rows.map(([unitId, code, name, kind, parentUnitId, startsOn, endsOn]) => ({
    unitId,
    code,
    name,
    kind,
    parentUnitId,
    isFrontline: false,
    expertiseField: null,
    authorisedHeadcount: null,
    startsOn,
    endsOn,
  }));
}

/** A milestone whose deadline has passed, as the overdue queries take it. */
export type DueMilestone = { step: MilestoneStep; dueOn: string; owner: MilestoneOwner };

const ownerColumn: Record<MilestoneOwner, SQL> = {
  evaluatee: sql`s.staff_id`,
  evaluator: sql`s.evaluator_staff_id`,
  confirmer: sql`s.confirmer_staff_id`,
};

/** The milestones as a table m(step, due_on, ord) for joining with the sheets missing them. */
function milestonesTable(milestones: readonly DueMilestone[]): SQL {
  const rows = milestones.map((m, i) => sql`(${m.step}::text, ${m.dueOn}::date, ${i}::int)`);
  return sql`m(step, due_on, ord) as (values ${sql.join(rows, sql`, `)})`;
}

export type OverdueRow = {
  sheetId: number;
  staffId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  unitId: number | null;
  kind: string;
  state: string;
  step: MilestoneStep;
  dueOn: string;
  ownerStaffId: number | null;
  ownerFamilyName: string | null;
  ownerGivenName: string | null;
};

/**
 * Sheets × passed milestones they have not completed: the oldest deadline first, then unit code and 職員番号.
 * `unitId` narrows to one unit (its own sheets, as the progress table counts them).
 */
export async function listOverdueSheets(
  exec: Executor,
  q: { municipalityId: number; cycleId: number; milestones: readonly DueMilestone[]; unitId?: number; limit: number; offset: number },
): Promise<{ total: number; rows: OverdueRow[] }> {
  if (q.milestones.length === 0) return { total: 0, rows: [] };
  const unitFilter = q.unitId === undefined ? sql`` : sql`and s.unit_id = ${q.unitId}`;
  const owner = sql`case m.step ${sql.join(
    q.milestones.map((m) => sql`when ${m.step}::text then ${ownerColumn[m.owner]}`),
    sql` `,
  )} end`;
  const missing = sql`evaluation_sheets s join m on not (m.step = any(s.completed_steps))`;
  const where = sql`where s.municipality_id = ${q.municipalityId} and s.cycle_id = ${q.cycleId} ${unitFilter}`;
  // The page is chosen first (the evaluatee's record gives the 職員番号 to sort by); owners' names only for its rows.
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`with ${milestonesTable(q.milestones)},
        page as (
          select s.id, s.staff_id, s.unit_id, s.kind, s.state, m.step, m.due_on, m.ord, ${owner} as owner_staff_id,
                 st.employee_number, st.family_name, st.given_name, u.code as unit_code, count(*) over () as total
          from ${missing}
          join staff st on st.id = s.staff_id
          left join org_units u on u.id = s.unit_id
          ${where}
          order by m.due_on, m.ord, u.code nulls last, st.employee_number, s.id
          limit ${q.limit} offset ${q.offset}
        )
        select p.total, p.id, p.staff_id, p.employee_number, p.family_name, p.given_name, p.unit_id, p.kind, p.state,
               p.step, p.due_on::text as due_on, p.owner_staff_id, o.family_name as owner_family_name, o.given_name as owner_given_name
        from page p
        left join staff o on o.id = p.owner_staff_id
        order by p.due_on, p.ord, p.unit_code nulls last, p.employee_number, p.id`,
  );
  const first = rows[0];
  // Past the last page the window has no row to count on: count on its own.
  const total = first !== undefined ? Number(first.total) : q.offset === 0 ? 0 : await countMissing(exec, sql`with ${milestonesTable(q.milestones)} select count(*)::int as n from ${missing} ${where}`);
  return {
    total,
    rows: rows.map((r) => ({
      sheetId: Number(r.id),
      staffId: Number(r.staff_id),
      employeeNumber: String(r.employee_number),
      familyName: String(r.family_name),
      givenName: String(r.given_name),
      unitId: r.unit_id === null ? null : Number(r.unit_id),
      kind: String(r.kind),
      state: String(r.state),
      step: r.step as MilestoneStep,
      dueOn: String(r.due_on),
      ownerStaffId: r.owner_staff_id === null ? null : Number(r.owner_staff_id),
      ownerFamilyName: (r.owner_family_name as string | null) ?? null,
      ownerGivenName: (r.owner_given_name as string | null) ?? null,
    })),
  };
}

async function countMissing(exec: Executor, query: SQL): Promise<number> {
  const [row] = await queryRows<{ n: number }>(exec, query);
  return Number(row?.n ?? 0);
}

export type ReminderTarget = { sheetId: number; ownerStaffId: number | null };

/**
 * The sheets of the cycle that have not completed `step` (optionally only a unit's, or `sheetIds`), with the person who must
 * act on each.
 */
export async function listReminderTargets(
  exec: Executor,
  q: { municipalityId: number; cycleId: number; step: MilestoneStep; owner: MilestoneOwner; unitId?: number; sheetIds?: readonly number[] },
): Promise<ReminderTarget[]> {
  const onlySheets = q.sheetIds === undefined ? sql`` : sql`and s.id = any(${intArray(q.sheetIds)})`;
  const onlyUnit = q.unitId === undefined ? sql`` : sql`and s.unit_id = ${q.unitId}`;
  const rows = await queryRows<{ id: number; owner_staff_id: number | null }>(
    exec,
    sql`select s.id, ${ownerColumn[q.owner]} as owner_staff_id
        from evaluation_sheets s
        where s.municipality_id = ${q.municipalityId} and s.cycle_id = ${q.cycleId}
          and not (${q.step}::text = any(s.completed_steps)) ${onlyUnit} ${onlySheets}
        order by s.id`,
  );
  return rows.map((r) => ({ sheetId: Number(r.id), ownerStaffId: r.owner_staff_id === null ? null : Number(r.owner_staff_id) }));
}
