/**
 * SQL of the evaluation analyses and exports (issue 3 items 10–11): grade counts per unit, position or evaluator,
 * the evaluators' own overall grades for leniency, the payroll rows of a 年度 and a unit's sheets. Counting is done
 * here, in indexed SQL, so that a cycle of 40,000 sheets answers without loading documents.
 */
import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';
import type { AnalysisGrouping } from '../../domain/evaluation/grade-analysis.js';

/**
 * The unit's name as of `date`: the version in force then, or — for a unit created after or abolished before it —
 * the version nearest to it. `unitId` and `date` are SQL expressions of the outer query.
 */
/** Orders a unit's versions (alias v) so that the one in force on `date`, or else the nearest to it, comes first. */
const nearestVersionOrder = (date: SQL) => sql`(v.starts_on > ${date}), (v.ends_on is not null and v.ends_on < ${date}), abs(v.starts_on - ${date})`;

const unitNameAsOf = (unitId: SQL, date: SQL) => sql`(
  select v.name from org_unit_versions v where v.unit_id = ${unitId} order by ${nearestVersionOrder(date)} limit 1)`;

const personName = (alias: string) => sql.raw(`${alias}.family_name || ' ' || ${alias}.given_name`);

export type EvaluatorRef = { staffId: number; name: string; sortKey: string };

export type CycleGradeCounts = {
  /** confirmed grades per group key (the unit, position or evaluator id; null for sheets without one) */
  finalByKey: Array<{ keyId: number | null; grade: string; n: number }>;
  /** the evaluators' own overall grades per evaluator named on the sheet */
  ratedByEvaluator: Array<{ evaluatorStaffId: number; grade: string; n: number }>;
  /** sheets without a confirmed grade */
  unconfirmed: number;
  /** names of the evaluators met (for leniency, and the labels of an evaluator grouping), sortKey = kana + 職員番号 */
  evaluators: Map<number, EvaluatorRef>;
};

const groupColumns: Record<AnalysisGrouping, SQL> = {
  unit: sql.raw('s.unit_id'),
  position: sql.raw('s.position_id'),
  evaluator: sql.raw('s.evaluator_staff_id'),
};

/**
 * Everything the analysis counts, in one pass over the cycle's sheets (grouping sets): confirmed grades per group
 * and grade, unconfirmed sheets, and rated grades per evaluator with the evaluators' names. One scan matters: a
 * sheet row carries its document, so a cycle of 40,000 sheets is some 50–100 MB of heap.
 */
export async function countCycleGrades(exec: Executor, municipalityId: number, cycleId: number, by: AnalysisGrouping): Promise<CycleGradeCounts> {
  const key = groupColumns[by];
  // Two JSON texts instead of thousands of rows (units × grades): PGlite hands rows to JavaScript one by one, and
  // that, not the scan, was most of the time at 40,000 sheets.
  const [row] = await queryRows<{ counts: string; evaluators: string }>(
    exec,
    sql`with g as (
          select ${key} as key_id, s.final_grade, s.evaluator_staff_id, s.rated_grade, count(*)::int as n, grouping(${key}, s.final_grade) as grouping_set
          from evaluation_sheets s
          where s.municipality_id = ${municipalityId} and s.cycle_id = ${cycleId}
          group by grouping sets ((${key}, s.final_grade), (s.evaluator_staff_id, s.rated_grade))
        )
        select
          (select coalesce(json_agg(json_build_array(key_id, final_grade, evaluator_staff_id, rated_grade, n, grouping_set)), '[]'::json) from g)::text as counts,
          (select coalesce(json_agg(json_build_array(st.id, ${personName('st')}, st.family_name_kana || st.given_name_kana || st.employee_number)), '[]'::json)
             from staff st where st.id in (select evaluator_staff_id from g where evaluator_staff_id is not null))::text as evaluators`,
  );
  type CountTuple = [number | null, string | null, number | null, string | null, number, number];
  const result: CycleGradeCounts = { finalByKey: [], ratedByEvaluator: [], unconfirmed: 0, evaluators: new Map() };
  for (const [keyId, finalGrade, evaluatorStaffId, ratedGrade, n, groupingSet] of JSON.parse(row?.counts ?? '[]') as CountTuple[]) {
    if (groupingSet === 0) {
      if (finalGrade === null) result.unconfirmed += n;
      else result.finalByKey.push({ keyId, grade: finalGrade, n });
    } else if (evaluatorStaffId !== null && ratedGrade !== null) {
      result.ratedByEvaluator.push({ evaluatorStaffId, grade: ratedGrade, n });
    }
  }
  for (const [staffId, name, sortKey] of JSON.parse(row?.evaluators ?? '[]') as Array<[number, string, string]>) {
    result.evaluators.set(staffId, { staffId, name, sortKey });
  }
  return result;
}

/**
 * Every unit of the municipality (by code, named as of `unitsAsOf`) or every position (by rank), in display order:
 * the labels of a grouping. One pass, no list of ids: a city has a couple of thousand units.
 */
export async function listGroupLabels(exec: Executor, municipalityId: number, by: 'unit' | 'position', unitsAsOf: string): Promise<Array<{ id: number; label: string }>> {
  const query =
    by === 'unit'
      ? sql`select n.id, n.label from (
            select distinct on (v.unit_id) v.unit_id as id, v.name as label, u.code
            from org_unit_versions v join org_units u on u.id = v.unit_id
            where v.municipality_id = ${municipalityId}
            order by v.unit_id, ${nearestVersionOrder(sql`${unitsAsOf}::date`)}
          ) n order by n.code, n.id`
      : sql`select p.id, p.name as label from positions p where p.municipality_id = ${municipalityId} order by p.rank, p.code, p.id`;
  const rows = await queryRows<{ id: number; label: string }>(exec, query);
  return rows.map((r) => ({ id: Number(r.id), label: r.label }));
}

// ---------------------------------------------------------------------------------------------------------
// Payroll export

export type PayrollGradeRow = {
  sheetId: number;
  employeeNumber: string;
  familyName: string;
  givenName: string;
  unitName: string | null;
  positionName: string | null;
  fiscalYear: number;
  period: string;
  kind: string;
  state: string;
  finalGrade: string | null;
  cycleId: number;
  /** the instant of the latest 'confirm' in the sheet's history */
  confirmedAt: string | null;
  /** complaint handling (苦情処理) that may have revised the grade */
  complaintOutcome: string | null;
  complaintHandledOn: string | null;
};

/**
 * Every sheet of the cycles of a 年度, by employee number and then 前期, 後期, 能力評価. Unit names are as of each
 * cycle's end; only the few fields the export needs are read out of the documents.
 */
export async function listPayrollGrades(exec: Executor, municipalityId: number, fiscalYear: number): Promise<PayrollGradeRow[]> {
  // Unit names once per unit and cycle (a few thousand), not once per sheet (120,000 at 40,000 staff); the history
  // is searched only on sheets with a grade; and the rows come back as one JSON text, because PGlite hands rows to
  // JavaScript one by one (seconds for 120,000 rows, against well under one as JSON).
  const [row] = await queryRows<{ rows: string | null }>(
    exec,
    sql`with cycles as (
          select id, fiscal_year, period, ends_on from evaluation_cycles where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear}
        ),
        unit_names as (
          select distinct on (v.unit_id, c.id) v.unit_id, c.id as cycle_id, v.name
          from cycles c join org_unit_versions v on v.municipality_id = ${municipalityId}
          order by v.unit_id, c.id, ${nearestVersionOrder(sql`c.ends_on`)}
        )
        select json_agg(json_build_array(
            s.id, st.employee_number, st.family_name, st.given_name, un.name, p.name, c.fiscal_year, c.period, s.kind, s.state, s.final_grade, s.cycle_id,
            case when s.final_grade is not null then
              (select max(e->>'at') from jsonb_array_elements(case when jsonb_typeof(s.document->'history') = 'array' then s.document->'history' else '[]'::jsonb end) e
                where e->>'action' = 'confirm') end,
            s.document #>> '{complaint,handling,outcome}',
            s.document #>> '{complaint,handling,handledOn}')
          order by st.employee_number, case c.period when 'first-half' then 1 when 'second-half' then 2 else 3 end, s.id)::text as rows
        from evaluation_sheets s
        join cycles c on c.id = s.cycle_id
        join staff st on st.id = s.staff_id
        left join positions p on p.id = s.position_id
        left join unit_names un on un.unit_id = s.unit_id and un.cycle_id = s.cycle_id
        where s.municipality_id = ${municipalityId}`,
  );
  type Tuple = [number, string, string, string, string | null, string | null, number, string, string, string, string | null, number, string | null, string | null, string | null];
  const tuples = (JSON.parse(row?.rows ?? 'null') as Tuple[] | null) ?? [];
  return tuples.map((r) => ({
    sheetId: r[0],
    employeeNumber: r[1],
    familyName: r[2],
    givenName: r[3],
    unitName: r[4],
    positionName: r[5],
    fiscalYear: r[6],
    period: r[7],
    kind: r[8],
    state: r[9],
    finalGrade: r[10],
    cycleId: r[11],
    confirmedAt: r[12],
    complaintOutcome: r[13],
    complaintHandledOn: r[14],
  }));
}

/** The cycles of a 年度 with their settings documents (whose scales give the points). */
export async function listCycleSettingsOfYear(exec: Executor, municipalityId: number, fiscalYear: number): Promise<Array<{ cycleId: number; settings: unknown }>> {
  const rows = await queryRows<{ id: number; settings: unknown }>(
    exec,
    sql`select id, settings from evaluation_cycles where municipality_id = ${municipalityId} and fiscal_year = ${fiscalYear}`,
  );
  return rows.map((r) => ({ cycleId: Number(r.id), settings: r.settings }));
}

// ---------------------------------------------------------------------------------------------------------
// A unit's sheets (Excel)

/** The unit's name as of `date` (the nearest version), or undefined when the municipality has no such unit. */
export async function findUnitName(exec: Executor, municipalityId: number, unitId: number, date: string): Promise<string | undefined> {
  const [row] = await queryRows<{ name: string | null }>(
    exec,
    sql`select ${unitNameAsOf(sql`u.id`, sql`${date}::date`)} as name from org_units u where u.id = ${unitId} and u.municipality_id = ${municipalityId}`,
  );
  return row === undefined ? undefined : (row.name ?? '');
}

export type UnitSheetRow = {
  sheetId: number;
  staffId: number;
  employeeNumber: string;
  evaluateeName: string;
  unitName: string | null;
  positionName: string | null;
  evaluatorName: string | null;
  confirmerName: string | null;
  document: unknown;
};

/**
 * The sheets of a cycle whose evaluatee belongs to the unit or, with `includeSubunits`, to a unit below it in the
 * organisation in force on `orgAsOf`; by unit code and the evaluatee's kana.
 */
export async function listUnitSheets(
  exec: Executor,
  q: { municipalityId: number; cycleId: number; unitId: number; includeSubunits: boolean; orgAsOf: string; unitsAsOf: string },
): Promise<UnitSheetRow[]> {
  const units = q.includeSubunits
    ? sql`with recursive below(unit_id) as (
            select ${q.unitId}::int
            union
            select v.unit_id from org_unit_versions v join below b on v.parent_unit_id = b.unit_id
            where v.municipality_id = ${q.municipalityId} and v.starts_on <= ${q.orgAsOf} and (v.ends_on is null or v.ends_on >= ${q.orgAsOf})
          )`
    : sql`with below(unit_id) as (select ${q.unitId}::int)`;
  const rows = await queryRows<Record<string, unknown>>(
    exec,
    sql`${units}
        select s.id, s.staff_id, st.employee_number, ${personName('st')} as evaluatee_name,
          ${unitNameAsOf(sql`s.unit_id`, sql`${q.unitsAsOf}::date`)} as unit_name, p.name as position_name,
          ${personName('ev')} as evaluator_name, ${personName('cf')} as confirmer_name, s.document
        from evaluation_sheets s
        join staff st on st.id = s.staff_id
        left join org_units u on u.id = s.unit_id
        left join positions p on p.id = s.position_id
        left join staff ev on ev.id = s.evaluator_staff_id
        left join staff cf on cf.id = s.confirmer_staff_id
        where s.municipality_id = ${q.municipalityId} and s.cycle_id = ${q.cycleId} and s.unit_id in (select unit_id from below)
        order by u.code, st.family_name_kana, st.given_name_kana, st.employee_number`,
  );
  return rows.map((r) => ({
    sheetId: Number(r.id),
    staffId: Number(r.staff_id),
    employeeNumber: String(r.employee_number),
    evaluateeName: String(r.evaluatee_name),
    unitName: (r.unit_name as string | null) ?? null,
    positionName: (r.position_name as string | null) ?? null,
    evaluatorName: (r.evaluator_name as string | null) ?? null,
    confirmerName: (r.confirmer_name as string | null) ?? null,
    document: r.document,
  }));
}
