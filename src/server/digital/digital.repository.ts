/**
 * SQL of the digital-talent area (policy IV, issue 4 item 7): digital-skill self-assessments, the DX推進体制 (bodies,
 * members, leaders), the advisor register and the exchange programmes, plus the staff names and regular posts they
 * show. The knowledge base and Q&A board have their own repository.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../db/client.js';
import { assignments, staff } from '../db/schema/org.js';
import { digitalSkillAssessments, dxAdvisors, dxBodies, dxBodyMembers, dxLeaders, exchangeParticipants, exchangeProgrammes } from '../db/schema/digital.js';

export type AssessmentRow = typeof digitalSkillAssessments.$inferSelect;
export type DxBodyRow = typeof dxBodies.$inferSelect;
export type DxMemberRow = typeof dxBodyMembers.$inferSelect;
export type DxLeaderRow = typeof dxLeaders.$inferSelect;
export type DxAdvisorRow = typeof dxAdvisors.$inferSelect;
export type ExchangeRow = typeof exchangeProgrammes.$inferSelect;
export type ExchangeParticipantRow = typeof exchangeParticipants.$inferSelect;
export type StaffNameRow = { staffId: number; employeeNumber: string; familyName: string; givenName: string };

/** Advisory-lock classes of this area (two-key form; apart from the settings documents 7320–7323). */
const leaderLockClass = 7341;

// staff

export async function listStaffNames(exec: Executor, municipalityId: number, ids: readonly number[]): Promise<StaffNameRow[]> {
  if (ids.length === 0) return [];
  return exec
    .select({ staffId: staff.id, employeeNumber: staff.employeeNumber, familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...new Set(ids)])));
}

/** Regular posts in force on `date`, of the given staff (all staff when `staffIds` is null). */
export async function listRegularPostsOn(exec: Executor, municipalityId: number, staffIds: readonly number[] | null, date: string): Promise<Array<{ staffId: number; unitId: number; positionId: number }>> {
  if (staffIds !== null && staffIds.length === 0) return [];
  return exec
    .select({ staffId: assignments.staffId, unitId: assignments.unitId, positionId: assignments.positionId })
    .from(assignments)
    .where(
      and(
        eq(assignments.municipalityId, municipalityId),
        eq(assignments.kind, 'regular'),
        lte(assignments.startsOn, date),
        or(isNull(assignments.endsOn), gte(assignments.endsOn, date)),
        staffIds === null ? undefined : inArray(assignments.staffId, [...new Set(staffIds)]),
      ),
    )
    .orderBy(asc(assignments.staffId), desc(assignments.startsOn));
}

// self-assessments

export async function findAssessment(exec: Executor, municipalityId: number, staffId: number, fiscalYear: number): Promise<AssessmentRow | undefined> {
  const [row] = await exec
    .select()
    .from(digitalSkillAssessments)
    .where(and(eq(digitalSkillAssessments.municipalityId, municipalityId), eq(digitalSkillAssessments.staffId, staffId), eq(digitalSkillAssessments.fiscalYear, fiscalYear)));
  return row;
}

export async function findAssessmentById(exec: Executor, municipalityId: number, id: number): Promise<AssessmentRow | undefined> {
  const [row] = await exec.select().from(digitalSkillAssessments).where(and(eq(digitalSkillAssessments.municipalityId, municipalityId), eq(digitalSkillAssessments.id, id)));
  return row;
}

export async function listAssessmentsOfYear(exec: Executor, municipalityId: number, fiscalYear: number, statuses?: readonly string[]): Promise<AssessmentRow[]> {
  return exec
    .select()
    .from(digitalSkillAssessments)
    .where(
      and(
        eq(digitalSkillAssessments.municipalityId, municipalityId),
        eq(digitalSkillAssessments.fiscalYear, fiscalYear),
        statuses === undefined ? undefined : inArray(digitalSkillAssessments.status, [...statuses]),
      ),
    )
    .orderBy(asc(digitalSkillAssessments.staffId));
}

export async function listAssessmentsInStatus(exec: Executor, municipalityId: number, status: string): Promise<AssessmentRow[]> {
  return exec
    .select()
    .from(digitalSkillAssessments)
    .where(and(eq(digitalSkillAssessments.municipalityId, municipalityId), eq(digitalSkillAssessments.status, status)))
    .orderBy(asc(digitalSkillAssessments.submittedAt), asc(digitalSkillAssessments.id));
}

/** Inserts the person's assessment of the year unless one exists (undefined: someone saved one first). */
export async function insertAssessment(
  exec: Executor,
  values: Pick<AssessmentRow, 'municipalityId' | 'staffId' | 'fiscalYear' | 'levels' | 'selfComment' | 'status'> & Partial<Pick<AssessmentRow, 'submittedAt'>>,
): Promise<AssessmentRow | undefined> {
  const [row] = await exec.insert(digitalSkillAssessments).values(values).onConflictDoNothing().returning();
  return row;
}

export type AssessmentChanges = Partial<Pick<AssessmentRow, 'levels' | 'selfComment' | 'status' | 'submittedAt' | 'confirmedByStaffId' | 'confirmedAt' | 'supervisorComment'>>;

/** Applies the changes if the row still has `version`, bumping it; undefined means it changed since. */
export async function updateAssessmentIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number, changes: AssessmentChanges): Promise<AssessmentRow | undefined> {
  const [row] = await exec
    .update(digitalSkillAssessments)
    .set({ ...changes, version: version + 1, updatedAt: sql`now()` })
    .where(and(eq(digitalSkillAssessments.municipalityId, municipalityId), eq(digitalSkillAssessments.id, id), eq(digitalSkillAssessments.version, version)))
    .returning();
  return row;
}

// DX推進本部・ワーキンググループ

export async function listBodies(exec: Executor, municipalityId: number): Promise<DxBodyRow[]> {
  return exec
    .select()
    .from(dxBodies)
    .where(eq(dxBodies.municipalityId, municipalityId))
    .orderBy(asc(dxBodies.kind), desc(dxBodies.startsOn), asc(dxBodies.id));
}

export async function findBody(exec: Executor, municipalityId: number, id: number): Promise<DxBodyRow | undefined> {
  const [row] = await exec.select().from(dxBodies).where(and(eq(dxBodies.municipalityId, municipalityId), eq(dxBodies.id, id)));
  return row;
}

export async function insertBody(exec: Executor, values: Pick<DxBodyRow, 'municipalityId' | 'kind' | 'parentBodyId' | 'name' | 'theme' | 'startsOn' | 'endsOn'>): Promise<DxBodyRow> {
  const [row] = await exec.insert(dxBodies).values(values).returning();
  return row!;
}

export async function updateBodyIfUnchanged(
  exec: Executor,
  municipalityId: number,
  id: number,
  version: number,
  changes: Pick<DxBodyRow, 'name' | 'theme' | 'startsOn' | 'endsOn'>,
): Promise<DxBodyRow | undefined> {
  const [row] = await exec
    .update(dxBodies)
    .set({ ...changes, version: version + 1 })
    .where(and(eq(dxBodies.municipalityId, municipalityId), eq(dxBodies.id, id), eq(dxBodies.version, version)))
    .returning();
  return row;
}

export async function listMembers(exec: Executor, municipalityId: number, bodyIds?: readonly number[]): Promise<DxMemberRow[]> {
  if (bodyIds !== undefined && bodyIds.length === 0) return [];
  return exec
    .select()
    .from(dxBodyMembers)
    .where(and(eq(dxBodyMembers.municipalityId, municipalityId), bodyIds === undefined ? undefined : inArray(dxBodyMembers.bodyId, [...bodyIds])))
    .orderBy(asc(dxBodyMembers.bodyId), asc(dxBodyMembers.startsOn), asc(dxBodyMembers.id));
}

export async function findMember(exec: Executor, municipalityId: number, id: number): Promise<DxMemberRow | undefined> {
  const [row] = await exec.select().from(dxBodyMembers).where(and(eq(dxBodyMembers.municipalityId, municipalityId), eq(dxBodyMembers.id, id)));
  return row;
}

export async function insertMember(exec: Executor, values: Pick<DxMemberRow, 'municipalityId' | 'bodyId' | 'staffId' | 'role' | 'startsOn' | 'endsOn'>): Promise<DxMemberRow> {
  const [row] = await exec.insert(dxBodyMembers).values(values).returning();
  return row!;
}

export async function updateMemberEnd(exec: Executor, municipalityId: number, id: number, endsOn: string): Promise<DxMemberRow | undefined> {
  const [row] = await exec
    .update(dxBodyMembers)
    .set({ endsOn })
    .where(and(eq(dxBodyMembers.municipalityId, municipalityId), eq(dxBodyMembers.id, id)))
    .returning();
  return row;
}

// DX推進リーダー

/** Appointments of one unit are changed one at a time (the one-leader-per-unit check reads, then inserts). */
export async function lockLeadersOfUnit(tx: Tx, unitId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${leaderLockClass}::int, ${unitId}::int)`);
}

export async function listLeaders(exec: Executor, municipalityId: number, unitId?: number): Promise<DxLeaderRow[]> {
  return exec
    .select()
    .from(dxLeaders)
    .where(and(eq(dxLeaders.municipalityId, municipalityId), unitId === undefined ? undefined : eq(dxLeaders.unitId, unitId)))
    .orderBy(asc(dxLeaders.unitId), desc(dxLeaders.startsOn), asc(dxLeaders.id));
}

export async function findLeader(exec: Executor, municipalityId: number, id: number): Promise<DxLeaderRow | undefined> {
  const [row] = await exec.select().from(dxLeaders).where(and(eq(dxLeaders.municipalityId, municipalityId), eq(dxLeaders.id, id)));
  return row;
}

export async function insertLeader(exec: Executor, values: Pick<DxLeaderRow, 'municipalityId' | 'unitId' | 'staffId' | 'startsOn' | 'endsOn'>): Promise<DxLeaderRow> {
  const [row] = await exec.insert(dxLeaders).values(values).returning();
  return row!;
}

export async function updateLeaderEnd(exec: Executor, municipalityId: number, id: number, endsOn: string): Promise<DxLeaderRow | undefined> {
  const [row] = await exec
    .update(dxLeaders)
    .set({ endsOn })
    .where(and(eq(dxLeaders.municipalityId, municipalityId), eq(dxLeaders.id, id)))
    .returning();
  return row;
}

// DX推進アドバイザー

export async function listAdvisors(exec: Executor, municipalityId: number): Promise<DxAdvisorRow[]> {
  return exec.select().from(dxAdvisors).where(eq(dxAdvisors.municipalityId, municipalityId)).orderBy(desc(dxAdvisors.contractStartsOn), asc(dxAdvisors.id));
}

export type AdvisorValues = Pick<DxAdvisorRow, 'name' | 'organisation' | 'expertise' | 'contractStartsOn' | 'contractEndsOn' | 'contact' | 'note'>;

export async function insertAdvisor(exec: Executor, values: AdvisorValues & { municipalityId: number }): Promise<DxAdvisorRow> {
  const [row] = await exec.insert(dxAdvisors).values(values).returning();
  return row!;
}

export async function updateAdvisorIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number, values: AdvisorValues): Promise<DxAdvisorRow | undefined> {
  const [row] = await exec
    .update(dxAdvisors)
    .set({ ...values, version: version + 1 })
    .where(and(eq(dxAdvisors.municipalityId, municipalityId), eq(dxAdvisors.id, id), eq(dxAdvisors.version, version)))
    .returning();
  return row;
}

export async function findAdvisor(exec: Executor, municipalityId: number, id: number): Promise<DxAdvisorRow | undefined> {
  const [row] = await exec.select().from(dxAdvisors).where(and(eq(dxAdvisors.municipalityId, municipalityId), eq(dxAdvisors.id, id)));
  return row;
}

// 交流プログラム

export async function listExchanges(exec: Executor, municipalityId: number): Promise<ExchangeRow[]> {
  return exec.select().from(exchangeProgrammes).where(eq(exchangeProgrammes.municipalityId, municipalityId)).orderBy(desc(exchangeProgrammes.startsOn), desc(exchangeProgrammes.id));
}

export async function findExchange(exec: Executor, municipalityId: number, id: number): Promise<ExchangeRow | undefined> {
  const [row] = await exec.select().from(exchangeProgrammes).where(and(eq(exchangeProgrammes.municipalityId, municipalityId), eq(exchangeProgrammes.id, id)));
  return row;
}

export type ExchangeValues = Pick<ExchangeRow, 'partnerMunicipality' | 'title' | 'direction' | 'startsOn' | 'endsOn' | 'summary' | 'outcome'>;

export async function insertExchange(exec: Executor, values: ExchangeValues & { municipalityId: number }): Promise<ExchangeRow> {
  const [row] = await exec.insert(exchangeProgrammes).values(values).returning();
  return row!;
}

export async function updateExchangeIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number, values: ExchangeValues): Promise<ExchangeRow | undefined> {
  const [row] = await exec
    .update(exchangeProgrammes)
    .set({ ...values, version: version + 1 })
    .where(and(eq(exchangeProgrammes.municipalityId, municipalityId), eq(exchangeProgrammes.id, id), eq(exchangeProgrammes.version, version)))
    .returning();
  return row;
}

export async function listExchangeParticipants(exec: Executor, municipalityId: number, programmeIds: readonly number[]): Promise<ExchangeParticipantRow[]> {
  if (programmeIds.length === 0) return [];
  return exec
    .select()
    .from(exchangeParticipants)
    .where(and(eq(exchangeParticipants.municipalityId, municipalityId), inArray(exchangeParticipants.programmeId, [...programmeIds])))
    .orderBy(asc(exchangeParticipants.programmeId), asc(exchangeParticipants.id));
}

/** The programme's participants become exactly `participants` (the form edits the whole list). */
export async function replaceExchangeParticipants(
  exec: Executor,
  municipalityId: number,
  programmeId: number,
  participants: ReadonlyArray<{ staffId: number | null; externalName: string | null; note: string }>,
): Promise<void> {
  await exec.delete(exchangeParticipants).where(and(eq(exchangeParticipants.municipalityId, municipalityId), eq(exchangeParticipants.programmeId, programmeId)));
  if (participants.length === 0) return;
  await exec.insert(exchangeParticipants).values(participants.map((p) => ({ municipalityId, programmeId, staffId: p.staffId, externalName: p.staffId === null ? p.externalName : null, note: p.note })));
}
