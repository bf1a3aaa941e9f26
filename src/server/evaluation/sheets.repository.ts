/**
 * SQL of evaluation cycles, sheets, hand-overs, sheet actions and team goals (ADR 0011). Sheets keep their
 * domain document as JSON; the columns beside it are written together with it by `updateSheetIfUnchanged`.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import { evaluationCycles, evaluationHandovers, evaluationSheetActions, evaluationSheets, teamGoals } from '../db/schema/evaluation.js';
import { accounts } from '../db/schema/access.js';
import { positions, staff } from '../db/schema/org.js';

export type CycleRow = typeof evaluationCycles.$inferSelect;
export type SheetRow = typeof evaluationSheets.$inferSelect;
export type NewSheetRow = typeof evaluationSheets.$inferInsert;
export type HandoverRow = typeof evaluationHandovers.$inferSelect;
export type TeamGoalRow = typeof teamGoals.$inferSelect;

// ---------------------------------------------------------------------------------------------------------
// Cycles

export async function listCycles(exec: Executor, municipalityId: number): Promise<Array<CycleRow & { sheetCount: number }>> {
  const rows = await exec
    .select({ cycle: evaluationCycles, sheetCount: sql<number>`(select count(*) from evaluation_sheets s where s.cycle_id = evaluation_cycles.id)::int` })
    .from(evaluationCycles)
    .where(eq(evaluationCycles.municipalityId, municipalityId))
    .orderBy(desc(evaluationCycles.fiscalYear), desc(evaluationCycles.startsOn), asc(evaluationCycles.period));
  return rows.map((r) => ({ ...r.cycle, sheetCount: Number(r.sheetCount) }));
}

export async function findCycle(exec: Executor, municipalityId: number, cycleId: number): Promise<CycleRow | undefined> {
  const [row] = await exec
    .select()
    .from(evaluationCycles)
    .where(and(eq(evaluationCycles.municipalityId, municipalityId), eq(evaluationCycles.id, cycleId)));
  return row;
}

export async function countSheetsOfCycle(exec: Executor, cycleId: number): Promise<number> {
  const [row] = await exec.select({ n: sql<number>`count(*)::int` }).from(evaluationSheets).where(eq(evaluationSheets.cycleId, cycleId));
  return Number(row?.n ?? 0);
}

/** Inserts the cycle unless the municipality already has one for that 年度 and period (then undefined). */
export async function insertCycleIfAbsent(exec: Executor, v: typeof evaluationCycles.$inferInsert): Promise<CycleRow | undefined> {
  const [row] = await exec.insert(evaluationCycles).values(v).onConflictDoNothing().returning();
  return row;
}

// ---------------------------------------------------------------------------------------------------------
// Who is in scope when a cycle opens or re-syncs

export type ScopeRow = {
  staffId: number;
  employmentType: string;
  unitId: number;
  positionId: number;
  positionLevel: string;
  hasAccount: boolean;
};

/**
 * Staff with a regular post on `date` (the most senior post if several), not separated before it, of the given
 * employment types: the people a cycle evaluates.
 */
export async function listStaffInScope(exec: Executor, municipalityId: number, date: string, employmentTypes: readonly string[]): Promise<ScopeRow[]> {
  const rows = await queryRows<{ staff_id: number; employment_type: string; unit_id: number; position_id: number; level: string; has_account: boolean }>(
    exec,
    sql`
    select distinct on (st.id) st.id as staff_id, st.employment_type, a.unit_id, a.position_id, p.level,
      exists (select 1 from accounts ac where ac.staff_id = st.id and not ac.is_disabled) as has_account
    from staff st
    join assignments a on a.staff_id = st.id and a.kind = 'regular' and a.starts_on <= ${date} and (a.ends_on is null or a.ends_on >= ${date})
    join positions p on p.id = a.position_id
    where st.municipality_id = ${municipalityId}
      and (st.separated_on is null or st.separated_on >= ${date})
      and st.employment_type in (${sql.join(employmentTypes.map((t) => sql`${t}`), sql`, `)})
    order by st.id, p.rank, a.starts_on desc`,
  );
  return rows.map((r) => ({
    staffId: Number(r.staff_id),
    employmentType: r.employment_type,
    unitId: Number(r.unit_id),
    positionId: Number(r.position_id),
    positionLevel: r.level,
    hasAccount: r.has_account,
  }));
}

/** Evaluator and confirmer in force on `date` for everyone of the municipality (a manual relation wins over the rule). */
export async function listEffectiveRelationsOn(exec: Executor, municipalityId: number, date: string): Promise<Map<number, { evaluator: number | null; confirmer: number | null }>> {
  const rows = await queryRows<{ subject_staff_id: number; kind: 'evaluator' | 'confirmer'; holder_staff_id: number }>(
    exec,
    sql`
    select distinct on (subject_staff_id, kind) subject_staff_id, kind, holder_staff_id
    from staff_relations
    where municipality_id = ${municipalityId} and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})
    order by subject_staff_id, kind, (source = 'manual') desc, starts_on desc, id desc`,
  );
  const found = new Map<number, { evaluator: number | null; confirmer: number | null }>();
  for (const r of rows) {
    const subject = Number(r.subject_staff_id);
    const entry = found.get(subject) ?? { evaluator: null, confirmer: null };
    entry[r.kind] = Number(r.holder_staff_id);
    found.set(subject, entry);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Sheets

/**
 * Inserts sheets, `batchSize` per statement, each batch sent as one JSON parameter expanded by
 * `jsonb_to_recordset` (measured: about twice as fast as bound parameters per column at 40,000 sheets).
 * Returns the new ids by evaluatee.
 */
export async function insertSheets(exec: Executor, rows: readonly NewSheetRow[], batchSize = 2000): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => ({
      municipality_id: r.municipalityId,
      cycle_id: r.cycleId,
      kind: r.kind,
      staff_id: r.staffId,
      evaluator_staff_id: r.evaluatorStaffId ?? null,
      confirmer_staff_id: r.confirmerStaffId ?? null,
      unit_id: r.unitId ?? null,
      position_id: r.positionId ?? null,
      state: r.state,
      completed_steps: r.completedSteps ?? [],
      rated_grade: r.ratedGrade ?? null,
      final_grade: r.finalGrade ?? null,
      is_hr_proxy: r.isHrProxy ?? false,
      document: r.document,
    }));
    const inserted = await queryRows<{ id: number; staff_id: number }>(
      exec,
      sql`insert into evaluation_sheets (municipality_id, cycle_id, kind, staff_id, evaluator_staff_id, confirmer_staff_id, unit_id,
            position_id, state, completed_steps, rated_grade, final_grade, is_hr_proxy, document)
          select municipality_id, cycle_id, kind, staff_id, evaluator_staff_id, confirmer_staff_id, unit_id,
            position_id, state, completed_steps, rated_grade, final_grade, is_hr_proxy, document
          from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(municipality_id int, cycle_id int, kind text, staff_id int,
            evaluator_staff_id int, confirmer_staff_id int, unit_id int, position_id int, state text, completed_steps text[],
            rated_grade text, final_grade text, is_hr_proxy boolean, document jsonb)
          returning id, staff_id`,
    );
    for (const r of inserted) ids.set(Number(r.staff_id), Number(r.id));
  }
  return ids;
}

export async function listSheetsOfCycle(exec: Executor, cycleId: number): Promise<SheetRow[]> {
  return exec.select().from(evaluationSheets).where(eq(evaluationSheets.cycleId, cycleId));
}

export async function findSheet(exec: Executor, municipalityId: number, sheetId: number, opts: { forUpdate?: boolean } = {}): Promise<SheetRow | undefined> {
  const query = exec
    .select()
    .from(evaluationSheets)
    .where(and(eq(evaluationSheets.municipalityId, municipalityId), eq(evaluationSheets.id, sheetId)));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row;
}

export type SheetChanges = Pick<SheetRow, 'state' | 'completedSteps' | 'ratedGrade' | 'finalGrade' | 'document'> &
  Partial<Pick<SheetRow, 'evaluatorStaffId' | 'confirmerStaffId' | 'unitId' | 'positionId' | 'isHrProxy'>>;

/** Writes the sheet if its version is still `version`; returns the new row, or undefined when someone was first. */
export async function updateSheetIfUnchanged(exec: Executor, sheetId: number, version: number, changes: SheetChanges): Promise<SheetRow | undefined> {
  const [row] = await exec
    .update(evaluationSheets)
    .set({ ...changes, version: sql`${evaluationSheets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(evaluationSheets.id, sheetId), eq(evaluationSheets.version, version)))
    .returning();
  return row;
}

export type SheetListFilter = {
  municipalityId: number;
  cycleId?: number;
  staffId?: number;
  /** sheets naming this person as evaluator or confirmer, or handed over by them */
  raterStaffId?: number;
  unitIds?: readonly number[];
  state?: string;
  /** normalised search text (name, kana, employee number) */
  q?: string;
  limit?: number;
  offset?: number;
};

export type SheetListRow = {
  id: number;
  cycleId: number;
  fiscalYear: number;
  period: string;
  kind: string;
  state: string;
  completedSteps: string[];
  staffId: number;
  employeeNumber: string;
  evaluateeName: string;
  evaluatorStaffId: number | null;
  evaluatorName: string | null;
  confirmerStaffId: number | null;
  confirmerName: string | null;
  unitId: number | null;
  positionName: string | null;
  isHrProxy: boolean;
  version: number;
  /** 'evaluator' | 'confirmer' when the reader holds it only through a hand-over */
  formerKind: string | null;
};

function sheetListWhere(f: SheetListFilter): SQL {
  const parts: SQL[] = [sql`s.municipality_id = ${f.municipalityId}`];
  if (f.cycleId !== undefined) parts.push(sql`s.cycle_id = ${f.cycleId}`);
  if (f.staffId !== undefined) parts.push(sql`s.staff_id = ${f.staffId}`);
  if (f.raterStaffId !== undefined) {
    parts.push(sql`(s.evaluator_staff_id = ${f.raterStaffId} or s.confirmer_staff_id = ${f.raterStaffId}
      or exists (select 1 from evaluation_handovers h where h.sheet_id = s.id and h.former_staff_id = ${f.raterStaffId}))`);
    parts.push(sql`s.staff_id <> ${f.raterStaffId}`);
  }
  if (f.unitIds !== undefined) {
    parts.push(f.unitIds.length === 0 ? sql`false` : sql`s.unit_id in (${sql.join(f.unitIds.map((u) => sql`${u}`), sql`, `)})`);
  }
  if (f.state !== undefined) parts.push(sql`s.state = ${f.state}`);
  if (f.q !== undefined && f.q !== '') parts.push(sql`st.search_key like ${'%' + f.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  return sql.join(parts, sql` and `);
}

/** A page of sheets with the people's names, ordered by cycle (newest first) and the evaluatee's kana. */
export async function listSheets(exec: Executor, f: SheetListFilter): Promise<{ total: number; rows: SheetListRow[] }> {
  const where = sheetListWhere(f);
  const formerKind =
    f.raterStaffId === undefined
      ? sql`null::text`
      : sql`(select h.kind from evaluation_handovers h where h.sheet_id = s.id and h.former_staff_id = ${f.raterStaffId} order by h.id desc limit 1)`;
  const [count] = await queryRows<{ n: number }>(exec, sql`select count(*)::int as n from evaluation_sheets s join staff st on st.id = s.staff_id where ${where}`);
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`
    select s.id, s.cycle_id, c.fiscal_year, c.period, s.kind, s.state, s.completed_steps, s.staff_id, st.employee_number,
      st.family_name || ' ' || st.given_name as evaluatee_name,
      s.evaluator_staff_id, ev.family_name || ' ' || ev.given_name as evaluator_name,
      s.confirmer_staff_id, cf.family_name || ' ' || cf.given_name as confirmer_name,
      s.unit_id, p.name as position_name, s.is_hr_proxy, s.version, ${formerKind} as former_kind
    from evaluation_sheets s
    join evaluation_cycles c on c.id = s.cycle_id
    join staff st on st.id = s.staff_id
    left join staff ev on ev.id = s.evaluator_staff_id
    left join staff cf on cf.id = s.confirmer_staff_id
    left join positions p on p.id = s.position_id
    where ${where}
    order by c.fiscal_year desc, c.starts_on desc, c.period, st.family_name_kana, st.given_name_kana, s.id
    limit ${f.limit ?? 1000} offset ${f.offset ?? 0}`,
  );
  return {
    total: Number(count?.n ?? 0),
    rows: rows.map((r) => ({
      id: Number(r.id),
      cycleId: Number(r.cycle_id),
      fiscalYear: Number(r.fiscal_year),
      period: String(r.period),
      kind: String(r.kind),
      state: String(r.state),
      completedSteps: (r.completed_steps as string[] | null) ?? [],
      staffId: Number(r.staff_id),
      employeeNumber: String(r.employee_number),
      evaluateeName: String(r.evaluatee_name),
      evaluatorStaffId: r.evaluator_staff_id === null ? null : Number(r.evaluator_staff_id),
      evaluatorName: (r.evaluator_name as string | null) ?? null,
      confirmerStaffId: r.confirmer_staff_id === null ? null : Number(r.confirmer_staff_id),
      confirmerName: (r.confirmer_name as string | null) ?? null,
      unitId: r.unit_id === null ? null : Number(r.unit_id),
      positionName: (r.position_name as string | null) ?? null,
      isHrProxy: Boolean(r.is_hr_proxy),
      version: Number(r.version),
      formerKind: (r.former_kind as string | null) ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Sheet actions (idempotency) and hand-overs

export async function findSheetAction(exec: Executor, sheetId: number, requestKey: string) {
  const [row] = await exec
    .select()
    .from(evaluationSheetActions)
    .where(and(eq(evaluationSheetActions.sheetId, sheetId), eq(evaluationSheetActions.requestKey, requestKey)));
  return row;
}

/** Records the action under its request key; false when the key was recorded meanwhile (a concurrent repeat). */
export async function insertSheetAction(exec: Executor, v: typeof evaluationSheetActions.$inferInsert): Promise<boolean> {
  const rows = await exec.insert(evaluationSheetActions).values(v).onConflictDoNothing().returning({ id: evaluationSheetActions.id });
  return rows.length > 0;
}

export async function listHandovers(exec: Executor, sheetId: number): Promise<HandoverRow[]> {
  return exec.select().from(evaluationHandovers).where(eq(evaluationHandovers.sheetId, sheetId)).orderBy(asc(evaluationHandovers.id));
}

export async function insertHandovers(exec: Executor, rows: ReadonlyArray<typeof evaluationHandovers.$inferInsert>): Promise<void> {
  if (rows.length === 0) return;
  await exec.insert(evaluationHandovers).values([...rows]);
}

// ---------------------------------------------------------------------------------------------------------
// Team goals

export async function listTeamGoals(exec: Executor, municipalityId: number, cycleId: number, unitIds: readonly number[]): Promise<TeamGoalRow[]> {
  if (unitIds.length === 0) return [];
  return exec
    .select()
    .from(teamGoals)
    .where(and(eq(teamGoals.municipalityId, municipalityId), eq(teamGoals.cycleId, cycleId), inArray(teamGoals.unitId, [...unitIds])))
    .orderBy(asc(teamGoals.sortOrder), asc(teamGoals.id));
}

export async function findTeamGoal(exec: Executor, municipalityId: number, unitId: number, goalId: number): Promise<TeamGoalRow | undefined> {
  const [row] = await exec
    .select()
    .from(teamGoals)
    .where(and(eq(teamGoals.municipalityId, municipalityId), eq(teamGoals.unitId, unitId), eq(teamGoals.id, goalId)));
  return row;
}

export async function insertTeamGoal(exec: Executor, v: typeof teamGoals.$inferInsert): Promise<TeamGoalRow> {
  const [row] = await exec.insert(teamGoals).values(v).returning();
  return row!;
}

export async function updateTeamGoalIfUnchanged(
  exec: Executor,
  goalId: number,
  version: number,
  v: Pick<TeamGoalRow, 'title' | 'description' | 'sortOrder'>,
): Promise<TeamGoalRow | undefined> {
  const [row] = await exec
    .update(teamGoals)
    .set({ ...v, version: sql`${teamGoals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(teamGoals.id, goalId), eq(teamGoals.version, version)))
    .returning();
  return row;
}

export async function deleteTeamGoal(exec: Executor, goalId: number): Promise<void> {
  await exec.delete(teamGoals).where(eq(teamGoals.id, goalId));
}

/** Account ids of staff members (to tell whether an evaluatee can act for themselves). */
export async function hasEnabledAccount(exec: Executor, staffId: number): Promise<boolean> {
  const rows = await exec
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.staffId, staffId), eq(accounts.isDisabled, false)));
  return rows.length > 0;
}

/** Changes who evaluates and confirms a sheet (and the unit it counts under); the version moves on. */
export async function updateSheetPeople(
  exec: Executor,
  sheetId: number,
  v: Pick<SheetRow, 'evaluatorStaffId' | 'confirmerStaffId' | 'unitId' | 'positionId'>,
): Promise<void> {
  await exec
    .update(evaluationSheets)
    .set({ ...v, version: sql`${evaluationSheets.version} + 1`, updatedAt: sql`now()` })
    .where(eq(evaluationSheets.id, sheetId));
}

export async function findStaffOfMunicipality(exec: Executor, municipalityId: number, staffId: number): Promise<boolean> {
  const rows = await queryRows(exec, sql`select 1 from staff where id = ${staffId} and municipality_id = ${municipalityId}`);
  return rows.length > 0;
}

export async function listHandoversWithNames(exec: Executor, sheetId: number): Promise<Array<HandoverRow & { formerName: string }>> {
  const rows = await exec
    .select({ handover: evaluationHandovers, familyName: staff.familyName, givenName: staff.givenName })
    .from(evaluationHandovers)
    .innerJoin(staff, eq(staff.id, evaluationHandovers.formerStaffId))
    .where(eq(evaluationHandovers.sheetId, sheetId))
    .orderBy(asc(evaluationHandovers.id));
  return rows.map((r) => ({ ...r.handover, formerName: `${r.familyName} ${r.givenName}` }));
}

/** The unit's names in force on `date` (the latest version starting on or before it). */
export async function listUnitNamesOn(exec: Executor, unitIds: readonly number[], date: string): Promise<Map<number, string>> {
  if (unitIds.length === 0) return new Map();
  const rows = await queryRows<{ unit_id: number; name: string }>(
    exec,
    sql`select distinct on (unit_id) unit_id, name from org_unit_versions
        where unit_id in (${sql.join([...new Set(unitIds)].map((u) => sql`${u}`), sql`, `)}) and starts_on <= ${date}
        order by unit_id, starts_on desc`,
  );
  return new Map(rows.map((r) => [Number(r.unit_id), r.name]));
}

/** Team goals of the cycle set for the unit or any unit above it on `date` (a 係 member serves the 課's goals too). */
export async function listTeamGoalsForUnit(exec: Executor, municipalityId: number, cycleId: number, unitId: number, date: string): Promise<TeamGoalRow[]> {
  const rows = await queryRows<{ unit_id: number }>(
    exec,
    sql`with recursive up(unit_id) as (
          select ${unitId}::int
          union
          select v.parent_unit_id from org_unit_versions v join up on v.unit_id = up.unit_id
          where v.parent_unit_id is not null and v.starts_on <= ${date} and (v.ends_on is null or v.ends_on >= ${date})
        ) select unit_id from up`,
  );
  return listTeamGoals(exec, municipalityId, cycleId, rows.map((r) => Number(r.unit_id)));
}

/** The names on a sheet, and the evaluatee's unit (name on `date`) and position. */
export async function sheetPeopleOf(exec: Executor, row: SheetRow, date: string) {
  const ids = [row.staffId, row.evaluatorStaffId, row.confirmerStaffId].filter((id): id is number => id !== null);
  const people = await exec
    .select({ id: staff.id, familyName: staff.familyName, givenName: staff.givenName, employeeNumber: staff.employeeNumber })
    .from(staff)
    .where(inArray(staff.id, ids));
  const byId = new Map(people.map((p) => [p.id, p]));
  const ref = (id: number | null) => {
    const p = id === null ? undefined : byId.get(id);
    return p ? { staffId: p.id, name: `${p.familyName} ${p.givenName}` } : null;
  };
  const unitName = row.unitId === null ? null : ((await listUnitNamesOn(exec, [row.unitId], date)).get(row.unitId) ?? null);
  const [position] = row.positionId === null ? [] : await exec.select({ name: positions.name }).from(positions).where(eq(positions.id, row.positionId));
  const evaluatee = byId.get(row.staffId)!;
  return {
    evaluatee: { staffId: evaluatee.id, name: `${evaluatee.familyName} ${evaluatee.givenName}`, employeeNumber: evaluatee.employeeNumber, unitName, positionName: position?.name ?? null },
    evaluator: ref(row.evaluatorStaffId),
    confirmer: ref(row.confirmerStaffId),
  };
}

/** Sheets of the cycle with an individual goal (agreed or proposed) linked to the team goal. */
export async function countSheetsLinkingTeamGoal(exec: Executor, cycleId: number, teamGoalId: number): Promise<number> {
  const link = JSON.stringify([{ teamGoalId }]);
  const [row] = await queryRows<{ n: number }>(
    exec,
    sql`select count(*)::int as n from evaluation_sheets where cycle_id = ${cycleId}
        and (document->'goals' @> ${link}::jsonb or document->'revision'->'proposedGoals' @> ${link}::jsonb)`,
  );
  return Number(row?.n ?? 0);
}

/** Writes many sheets' documents and columns at once (demo seeding and benchmarks), 2,000 per statement. */
export async function updateSheetsInBulk(exec: Executor, rows: ReadonlyArray<SheetChanges & { id: number }>, batchSize = 2000): Promise<void> {
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize).map((r) => ({
      id: r.id,
      state: r.state,
      completed_steps: r.completedSteps,
      rated_grade: r.ratedGrade,
      final_grade: r.finalGrade,
      document: r.document,
    }));
    await exec.execute(sql`
      update evaluation_sheets s set state = x.state, completed_steps = x.completed_steps, rated_grade = x.rated_grade,
        final_grade = x.final_grade, document = x.document, version = s.version + 1, updated_at = now()
      from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as x(id int, state text, completed_steps text[], rated_grade text, final_grade text, document jsonb)
      where s.id = x.id`);
  }
}
