/** The SQL of the consultation and whistleblowing desks (ADR 0020). No permission decisions here. */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { deskCaseEvents, deskCaseHandlers, deskCases, deskHandlerDesignations, deskReporterIdentities } from '../db/schema/workplace.js';
import { municipalities, staff } from '../db/schema/org.js';
import { accounts, roleGrants, signInFailures } from '../db/schema/access.js';
import type { CaseStatus, Desk, DeskCategory } from '../../domain/workplace/desk-rules.js';

export type CaseRow = typeof deskCases.$inferSelect;

export async function findPublicMunicipality(exec: Executor) {
  const [row] = await exec.select({ id: municipalities.id, name: municipalities.name }).from(municipalities).orderBy(asc(municipalities.id)).limit(1);
  return row;
}

export async function findStaffByNumber(exec: Executor, municipalityId: number, employeeNumber: string) {
  const [row] = await exec
    .select({ id: staff.id, employeeNumber: staff.employeeNumber, name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}` })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.employeeNumber, employeeNumber)));
  return row;
}

/** Roles in force on `today` of the staff member's accounts. */
export async function listRolesOfStaff(exec: Executor, municipalityId: number, staffId: number, today: string): Promise<string[]> {
  const rows = await exec
    .select({ role: roleGrants.role })
    .from(roleGrants)
    .innerJoin(accounts, eq(accounts.id, roleGrants.accountId))
    .where(
      and(
        eq(accounts.municipalityId, municipalityId),
        eq(accounts.staffId, staffId),
        eq(accounts.isDisabled, false),
        lte(roleGrants.startsOn, today),
        or(isNull(roleGrants.endsOn), gte(roleGrants.endsOn, today)),
      ),
    );
  return [...new Set(rows.map((r) => r.role))];
}

// ---------- designations ----------

export async function listDesignations(exec: Executor, municipalityId: number) {
  return exec
    .select({
      id: deskHandlerDesignations.id,
      staffId: deskHandlerDesignations.staffId,
      employeeNumber: staff.employeeNumber,
      name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}`,
      desk: deskHandlerDesignations.desk,
      designatedOn: deskHandlerDesignations.designatedOn,
      endsOn: deskHandlerDesignations.endsOn,
      documentRef: deskHandlerDesignations.documentRef,
    })
    .from(deskHandlerDesignations)
    .innerJoin(staff, eq(staff.id, deskHandlerDesignations.staffId))
    .where(eq(deskHandlerDesignations.municipalityId, municipalityId))
    .orderBy(asc(deskHandlerDesignations.desk), desc(deskHandlerDesignations.designatedOn), asc(deskHandlerDesignations.id));
}

export async function findDesignation(exec: Executor, municipalityId: number, id: number) {
  const [row] = await exec
    .select()
    .from(deskHandlerDesignations)
    .where(and(eq(deskHandlerDesignations.municipalityId, municipalityId), eq(deskHandlerDesignations.id, id)));
  return row;
}

/** Designations of one person (any period); the service decides which are in force. */
export async function listDesignationsOfStaff(exec: Executor, municipalityId: number, staffId: number) {
  return exec
    .select({ desk: deskHandlerDesignations.desk, designatedOn: deskHandlerDesignations.designatedOn, endsOn: deskHandlerDesignations.endsOn })
    .from(deskHandlerDesignations)
    .where(and(eq(deskHandlerDesignations.municipalityId, municipalityId), eq(deskHandlerDesignations.staffId, staffId)));
}

/** Staff designated for the desk on `today`. */
export async function listDesignatedStaff(exec: Executor, municipalityId: number, desk: Desk, today: string) {
  return exec
    .selectDistinct({ staffId: staff.id, employeeNumber: staff.employeeNumber, name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}` })
    .from(deskHandlerDesignations)
    .innerJoin(staff, eq(staff.id, deskHandlerDesignations.staffId))
    .where(
      and(
        eq(deskHandlerDesignations.municipalityId, municipalityId),
        eq(deskHandlerDesignations.desk, desk),
        lte(deskHandlerDesignations.designatedOn, today),
        or(isNull(deskHandlerDesignations.endsOn), gte(deskHandlerDesignations.endsOn, today)),
      ),
    )
    .orderBy(asc(staff.employeeNumber));
}

export async function insertDesignation(
  exec: Executor,
  v: { municipalityId: number; staffId: number; desk: Desk; designatedOn: string; endsOn: string | null; documentRef: string },
): Promise<number> {
  const [row] = await exec.insert(deskHandlerDesignations).values(v).returning({ id: deskHandlerDesignations.id });
  return row!.id;
}

export async function updateDesignationEnd(exec: Executor, id: number, endsOn: string) {
  await exec.update(deskHandlerDesignations).set({ endsOn }).where(eq(deskHandlerDesignations.id, id));
}

// ---------- cases ----------

export async function insertCase(
  exec: Executor,
  v: { municipalityId: number; desk: Desk; category: DeskCategory; receiptCode: string; secretHash: string; pseudonym: string; isAnonymous: boolean; summary: string; receivedAt: string },
): Promise<number> {
  const [row] = await exec.insert(deskCases).values({ ...v, status: 'received' }).returning({ id: deskCases.id });
  return row!.id;
}

export async function insertReporterIdentity(exec: Executor, v: { municipalityId: number; caseId: number; staffId: number | null; name: string; contact: string }) {
  await exec.insert(deskReporterIdentities).values(v);
}

export async function findCaseByReceipt(exec: Executor, municipalityId: number, receiptCode: string): Promise<CaseRow | undefined> {
  const [row] = await exec.select().from(deskCases).where(and(eq(deskCases.municipalityId, municipalityId), eq(deskCases.receiptCode, receiptCode)));
  return row;
}

export async function findCase(exec: Executor, municipalityId: number, id: number): Promise<CaseRow | undefined> {
  const [row] = await exec.select().from(deskCases).where(and(eq(deskCases.municipalityId, municipalityId), eq(deskCases.id, id)));
  return row;
}

/** Moves the status when the version still matches; false on a stale version. */
export async function updateCaseStatus(exec: Executor, id: number, version: number, status: CaseStatus, closedAt: string | null): Promise<boolean> {
  const rows = await exec
    .update(deskCases)
    .set({ status, closedAt, version: sql`${deskCases.version} + 1` })
    .where(and(eq(deskCases.id, id), eq(deskCases.version, version)))
    .returning({ id: deskCases.id });
  return rows.length === 1;
}

export async function findReporterIdentity(exec: Executor, caseId: number) {
  const [row] = await exec
    .select({
      staffId: deskReporterIdentities.staffId,
      name: deskReporterIdentities.name,
      contact: deskReporterIdentities.contact,
      employeeNumber: staff.employeeNumber,
      staffName: sql<string | null>`${staff.familyName} || ' ' || ${staff.givenName}`,
    })
    .from(deskReporterIdentities)
    .leftJoin(staff, eq(staff.id, deskReporterIdentities.staffId))
    .where(eq(deskReporterIdentities.caseId, caseId));
  return row;
}

// ---------- handlers ----------

export async function listCurrentHandlers(exec: Executor, caseId: number) {
  return exec
    .select({ staffId: deskCaseHandlers.staffId, name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}`, assignedAt: deskCaseHandlers.assignedAt })
    .from(deskCaseHandlers)
    .innerJoin(staff, eq(staff.id, deskCaseHandlers.staffId))
    .where(and(eq(deskCaseHandlers.caseId, caseId), isNull(deskCaseHandlers.unassignedAt)))
    .orderBy(asc(deskCaseHandlers.assignedAt));
}

export async function isAssigned(exec: Executor, caseId: number, staffId: number): Promise<boolean> {
  const rows = await exec
    .select({ id: deskCaseHandlers.id })
    .from(deskCaseHandlers)
    .where(and(eq(deskCaseHandlers.caseId, caseId), eq(deskCaseHandlers.staffId, staffId), isNull(deskCaseHandlers.unassignedAt)))
    .limit(1);
  return rows.length === 1;
}

export async function insertCaseHandler(exec: Executor, v: { municipalityId: number; caseId: number; staffId: number; assignedAt: string }) {
  await exec.insert(deskCaseHandlers).values(v);
}

export async function endCaseHandler(exec: Executor, caseId: number, staffId: number, at: string): Promise<boolean> {
  const rows = await exec
    .update(deskCaseHandlers)
    .set({ unassignedAt: at })
    .where(and(eq(deskCaseHandlers.caseId, caseId), eq(deskCaseHandlers.staffId, staffId), isNull(deskCaseHandlers.unassignedAt)))
    .returning({ id: deskCaseHandlers.id });
  return rows.length > 0;
}

/** Cases the staff member is assigned to now (contents the caller may see). */
export async function listAssignedCases(exec: Executor, municipalityId: number, staffId: number) {
  return exec
    .select({
      id: deskCases.id,
      desk: deskCases.desk,
      category: deskCases.category,
      status: deskCases.status,
      pseudonym: deskCases.pseudonym,
      receivedAt: deskCases.receivedAt,
      lastEventAt: sql<string | null>`(select max(e.created_at) from desk_case_events e where e.case_id = ${deskCases.id})`,
    })
    .from(deskCases)
    .innerJoin(deskCaseHandlers, and(eq(deskCaseHandlers.caseId, deskCases.id), isNull(deskCaseHandlers.unassignedAt)))
    .where(and(eq(deskCases.municipalityId, municipalityId), eq(deskCaseHandlers.staffId, staffId)))
    .orderBy(desc(deskCases.receivedAt));
}

/**
 * Cases of the desks with no handler able to act (nobody assigned, or only people whose designation has ended): only
 * their id, desk and arrival (no contents) for the intake queue.
 */
export async function listUnassignedCases(exec: Executor, municipalityId: number, deskList: readonly Desk[], today: string) {
  if (deskList.length === 0) return [];
  return exec
    .select({ id: deskCases.id, desk: deskCases.desk, receivedAt: deskCases.receivedAt })
    .from(deskCases)
    .where(
      and(
        eq(deskCases.municipalityId, municipalityId),
        inArray(deskCases.desk, [...deskList]),
        sql`not exists (select 1 from desk_case_handlers h join desk_handler_designations d on d.staff_id = h.staff_id and d.desk = ${deskCases.desk}
              and d.designated_on <= ${today} and (d.ends_on is null or d.ends_on >= ${today})
            where h.case_id = ${deskCases.id} and h.unassigned_at is null)`,
      ),
    )
    .orderBy(asc(deskCases.receivedAt));
}

// ---------- events ----------

export async function insertEvent(
  exec: Executor,
  v: { municipalityId: number; caseId: number; kind: 'message' | 'status' | 'note' | 'cooperator'; author: string; body: string; statusTo?: CaseStatus | null; cooperatorStaffId?: number | null; createdAt: string },
): Promise<number> {
  const [row] = await exec.insert(deskCaseEvents).values(v).returning({ id: deskCaseEvents.id });
  return row!.id;
}

export async function listEvents(exec: Executor, caseId: number, kinds?: ReadonlyArray<'message' | 'status' | 'note' | 'cooperator'>) {
  return exec
    .select({
      id: deskCaseEvents.id,
      kind: deskCaseEvents.kind,
      author: deskCaseEvents.author,
      body: deskCaseEvents.body,
      statusTo: deskCaseEvents.statusTo,
      cooperatorStaffId: deskCaseEvents.cooperatorStaffId,
      cooperatorName: sql<string | null>`${staff.familyName} || ' ' || ${staff.givenName}`,
      cooperatorNumber: staff.employeeNumber,
      createdAt: deskCaseEvents.createdAt,
    })
    .from(deskCaseEvents)
    .leftJoin(staff, eq(staff.id, deskCaseEvents.cooperatorStaffId))
    .where(and(eq(deskCaseEvents.caseId, caseId), kinds ? inArray(deskCaseEvents.kind, [...kinds]) : undefined))
    .orderBy(asc(deskCaseEvents.createdAt), asc(deskCaseEvents.id));
}

export async function listStaffNames(exec: Executor, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await exec.select({ id: staff.id, name: sql<string>`${staff.familyName} || ' ' || ${staff.givenName}` }).from(staff).where(inArray(staff.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ---------- statistics and throttling ----------

/** Counts per desk × category × status of the cases received in [from, to). No identity leaves this query. */
export async function countCases(exec: Executor, municipalityId: number, fromInstant: string, toInstant: string) {
  return exec
    .select({ desk: deskCases.desk, category: deskCases.category, status: deskCases.status, count: sql<number>`count(*)::int` })
    .from(deskCases)
    .where(and(eq(deskCases.municipalityId, municipalityId), gte(deskCases.receivedAt, fromInstant), sql`${deskCases.receivedAt} < ${toInstant}`))
    .groupBy(deskCases.desk, deskCases.category, deskCases.status);
}

/** Failed follow attempts share the sign-in failure table (keys prefixed 'desk:'), so they hold across restarts. */
export async function countFailures(exec: Executor, key: string, since: Date): Promise<number> {
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(signInFailures)
    .where(and(eq(signInFailures.loginKey, key), gte(signInFailures.failedAt, since.toISOString())));
  return Number(row?.n ?? 0);
}

export async function insertFailure(exec: Executor, key: string, at: Date) {
  await exec.insert(signInFailures).values({ loginKey: key, failedAt: at.toISOString() });
}
