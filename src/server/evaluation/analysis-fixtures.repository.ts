/**
 * Test factories for the evaluation analyses (style.md insertX/updateX): outcomes written straight onto sheets of a
 * real test database, so that a distribution over dozens of sheets needs no dozens of workflows. Tests only.
 */
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../db/client.js';

export type SheetOutcome = { state: string; ratedGrade: string | null; finalGrade: string | null };

/** Sets a sheet's state and grade columns (the document is left as it is). */
export async function setSheetOutcomeForTest(exec: Executor, sheetId: number, outcome: SheetOutcome): Promise<void> {
  await exec.execute(
    sql`update evaluation_sheets set state = ${outcome.state}, rated_grade = ${outcome.ratedGrade}, final_grade = ${outcome.finalGrade}, version = version + 1
        where id = ${sheetId}`,
  );
}

export type CycleSheetFacts = { sheetId: number; staffId: number; unitId: number | null; positionId: number | null; evaluatorStaffId: number | null };

/** The sheets of a cycle with the columns the analyses group by, by sheet id. */
export async function listCycleSheetFactsForTest(exec: Executor, cycleId: number): Promise<CycleSheetFacts[]> {
  const rows = await queryRows<{ id: number; staff_id: number; unit_id: number | null; position_id: number | null; evaluator_staff_id: number | null }>(
    exec,
    sql`select id, staff_id, unit_id, position_id, evaluator_staff_id from evaluation_sheets where cycle_id = ${cycleId} order by id`,
  );
  return rows.map((r) => ({
    sheetId: Number(r.id),
    staffId: Number(r.staff_id),
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    positionId: r.position_id === null ? null : Number(r.position_id),
    evaluatorStaffId: r.evaluator_staff_id === null ? null : Number(r.evaluator_staff_id),
  }));
}

/** Renames a staff member (e.g. to a name CP932 cannot hold). */
export async function renameStaffForTest(exec: Executor, staffId: number, familyName: string, givenName: string): Promise<void> {
  await exec.execute(sql`update staff set family_name = ${familyName}, given_name = ${givenName} where id = ${staffId}`);
}

/** The sheet of the person with this 職員番号 in a cycle. */
export async function findSheetIdOfEmployeeForTest(exec: Executor, cycleId: number, employeeNumber: string): Promise<number | undefined> {
  const [row] = await queryRows<{ id: number }>(
    exec,
    sql`select s.id from evaluation_sheets s join staff st on st.id = s.staff_id where s.cycle_id = ${cycleId} and st.employee_number = ${employeeNumber}`,
  );
  return row === undefined ? undefined : Number(row.id);
}
