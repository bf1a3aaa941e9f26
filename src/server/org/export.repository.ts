/** SQL of the staff and assignment exports: every row of the municipality, in the order files list them. */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { assignments, orgUnits, positions, qualifications, staff } from '../db/schema/org.js';
import { staffMasterColumns } from './staff.repository.js';
import type { StaffName } from '../../domain/org/org-model.js';

export type StaffExportRow = StaffName & {
  birthDate: string;
  hireDate: string;
  employmentType: string;
  jobCategory: string | null;
  sex: string | null;
  separatedOn: string | null;
  /** qualification names in the order they were recorded */
  qualifications: string[];
};

export async function listStaffForExport(exec: Executor, municipalityId: number): Promise<StaffExportRow[]> {
  const rows = await exec
    .select({ id: staff.id, ...staffMasterColumns })
    .from(staff)
    .where(eq(staff.municipalityId, municipalityId))
    .orderBy(asc(staff.employeeNumber));
  const held = await exec
    .select({ staffId: qualifications.staffId, name: qualifications.name })
    .from(qualifications)
    .where(eq(qualifications.municipalityId, municipalityId))
    .orderBy(asc(qualifications.staffId), asc(qualifications.id));
  const byStaff = new Map<number, string[]>();
  for (const row of held) {
    const list = byStaff.get(row.staffId);
    if (list) list.push(row.name);
    else byStaff.set(row.staffId, [row.name]);
  }
  return rows.map(({ id, ...row }) => ({ ...row, qualifications: byStaff.get(id) ?? [] }));
}

export type AssignmentExportRow = {
  employeeNumber: string;
  unitCode: string;
  positionCode: string;
  startsOn: string;
  endsOn: string | null;
  kind: string;
  dispatchTo: string | null;
};

export async function listAssignmentsForExport(exec: Executor, municipalityId: number): Promise<AssignmentExportRow[]> {
  return exec
    .select({
      employeeNumber: staff.employeeNumber,
      unitCode: orgUnits.code,
      positionCode: positions.code,
      startsOn: assignments.startsOn,
      endsOn: assignments.endsOn,
      kind: assignments.kind,
      dispatchTo: assignments.dispatchTo,
    })
    .from(assignments)
    .innerJoin(staff, eq(staff.id, assignments.staffId))
    .innerJoin(orgUnits, eq(orgUnits.id, assignments.unitId))
    .innerJoin(positions, eq(positions.id, assignments.positionId))
    .where(and(eq(assignments.municipalityId, municipalityId)))
    .orderBy(asc(staff.employeeNumber), asc(assignments.startsOn), sql`${assignments.kind} <> 'regular'`, asc(assignments.id));
}
