/** Test factories for the org area (insertX of style.md): synthetic staff and assignments written to a test database, and look-ups by code. */
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { assignments, municipalities, orgUnits, positions, qualifications, staff } from '../db/schema/org.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import type { AssignmentKind, EmploymentType, StaffName } from '../../domain/org/org-model.js';

export async function demoMunicipalityId(exec: Executor): Promise<number> {
  const [row] = await exec.select({ id: municipalities.id }).from(municipalities).orderBy(municipalities.id).limit(1);
  if (!row) throw new Error('no municipality');
  return row.id;
}

export async function unitIdByCode(exec: Executor, code: string): Promise<number> {
  const [row] = await exec.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  if (!row) throw new Error(`no unit ${code}`);
  return row.id;
}

export async function positionIdByCode(exec: Executor, code: string): Promise<number> {
  const [row] = await exec.select({ id: positions.id }).from(positions).where(eq(positions.code, code));
  if (!row) throw new Error(`no position ${code}`);
  return row.id;
}

export async function staffIdByNumber(exec: Executor, employeeNumber: string): Promise<number> {
  const [row] = await exec.select({ id: staff.id }).from(staff).where(eq(staff.employeeNumber, employeeNumber));
  if (!row) throw new Error(`no staff ${employeeNumber}`);
  return row.id;
}

export type StaffOverrides = Partial<StaffName & { birthDate: string; hireDate: string; employmentType: EmploymentType; separatedOn: string | null }>;

let counter = 0;

/** A synthetic person (obviously fictitious name), with the search key computed as the import does. */
export async function insertStaff(exec: Executor, municipalityId: number, overrides: StaffOverrides = {}): Promise<number> {
  counter += 1;
  const v = {
    employeeNumber: `T${String(counter).padStart(5, '0')}`,
    familyName: '試験',
    givenName: `花子${counter}`,
    familyNameKana: 'シケン',
    givenNameKana: 'ハナコ',
    birthDate: '1990-05-05',
    hireDate: '2012-04-01',
    employmentType: 'regular' as EmploymentType,
    separatedOn: null,
    ...overrides,
  };
  const [row] = await exec
    .insert(staff)
    .values({
      municipalityId,
      ...v,
      searchKey: normalizeForSearch(v.familyName + v.givenName + v.familyNameKana + v.givenNameKana + v.employeeNumber),
      sex: 'female',
      jobCategory: '事務',
    })
    .returning({ id: staff.id });
  return row!.id;
}

export async function insertAssignment(
  exec: Executor,
  municipalityId: number,
  v: { staffId: number; unitId: number; positionId: number; startsOn: string; endsOn?: string | null; kind?: AssignmentKind; dispatchTo?: string | null },
): Promise<number> {
  const [row] = await exec
    .insert(assignments)
    .values({ municipalityId, kind: 'regular', endsOn: null, dispatchTo: null, ...v })
    .returning({ id: assignments.id });
  return row!.id;
}

/** Ends every open regular assignment of the person on `lastDay` (a transfer's first half). */
export async function endRegularAssignments(exec: Executor, staffId: number, lastDay: string): Promise<void> {
  const rows = await exec
    .select({ id: assignments.id, startsOn: assignments.startsOn, endsOn: assignments.endsOn })
    .from(assignments)
    .where(and(eq(assignments.staffId, staffId), eq(assignments.kind, 'regular')));
  for (const r of rows) {
    if (r.startsOn <= lastDay && (r.endsOn === null || r.endsOn > lastDay)) {
      await exec.update(assignments).set({ endsOn: lastDay }).where(eq(assignments.id, r.id));
    }
  }
}

/** Rows in the tables an import writes: a refused or failed import must leave these counts as they were. */
export async function countImportedRows(exec: Executor): Promise<{ staff: number; assignments: number; qualifications: number }> {
  const count = async (table: typeof staff | typeof assignments | typeof qualifications) =>
    Number((await exec.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n);
  return { staff: await count(staff), assignments: await count(assignments), qualifications: await count(qualifications) };
}
