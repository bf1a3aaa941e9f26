/**
 * Reads for push-type recommendations and the ability → training loop: the latest ability sheet of a person in
 * given states, the trainings people completed, and the pushes (`training_pushes`) recorded by supervisors.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { evaluationCycles, evaluationSheets } from '../db/schema/evaluation.js';
import { staff } from '../db/schema/org.js';
import { trainingCourses, trainingEnrolments, trainingPushes, trainingSessions } from '../db/schema/training.js';

export type AbilitySheetRow = { sheet: typeof evaluationSheets.$inferSelect; cycle: typeof evaluationCycles.$inferSelect };
export type PushRow = typeof trainingPushes.$inferSelect;

/** The instant of a sheet's latest confirmation (ISO text from the document's history; null before one). */
const confirmedAtOf = sql<string | null>`(select max(h->>'at') from jsonb_array_elements(${evaluationSheets.document}->'history') as h where h->>'action' = 'confirm')`;

/**
 * The person's most recently confirmed ability sheet in one of `states`, with its cycle (ties, and sheets without a
 * recorded confirmation, by 年度). In practice the last confirmed is the last 年度's; a past 年度 recorded late by HR
 * counts from when it was confirmed.
 */
export async function findLatestAbilitySheet(exec: Executor, municipalityId: number, staffId: number, states: readonly string[]): Promise<AbilitySheetRow | undefined> {
  const [row] = await exec
    .select({ sheet: evaluationSheets, cycle: evaluationCycles })
    .from(evaluationSheets)
    .innerJoin(evaluationCycles, eq(evaluationCycles.id, evaluationSheets.cycleId))
    .where(
      and(
        eq(evaluationSheets.municipalityId, municipalityId),
        eq(evaluationSheets.staffId, staffId),
        eq(evaluationSheets.kind, 'ability'),
        inArray(evaluationSheets.state, [...states]),
      ),
    )
    .orderBy(sql`${confirmedAtOf} desc nulls last`, desc(evaluationCycles.fiscalYear), desc(evaluationSheets.id))
    .limit(1);
  return row;
}

/** The ability cycle (period 'year') of a 年度, if opened. */
export async function findAbilityCycle(exec: Executor, municipalityId: number, fiscalYear: number) {
  const [row] = await exec
    .select()
    .from(evaluationCycles)
    .where(and(eq(evaluationCycles.municipalityId, municipalityId), eq(evaluationCycles.fiscalYear, fiscalYear), eq(evaluationCycles.period, 'year')));
  return row;
}

export type ConfirmedRatingRow = { staffId: number; positionLevel: string; entries: unknown; confirmedAt: string | null };

/**
 * The sheets of a cycle in one of `states`: only the evaluator's item grades, the level and the instant of the
 * latest confirmation are read out of the documents, not the whole documents.
 */
export async function listConfirmedRatings(exec: Executor, municipalityId: number, cycleId: number, states: readonly string[]): Promise<ConfirmedRatingRow[]> {
  return exec
    .select({
      staffId: evaluationSheets.staffId,
      positionLevel: sql<string>`${evaluationSheets.document}->>'positionLevel'`,
      entries: sql<unknown>`${evaluationSheets.document}->'rating'->'entries'`,
      confirmedAt: confirmedAtOf,
    })
    .from(evaluationSheets)
    .where(and(eq(evaluationSheets.municipalityId, municipalityId), eq(evaluationSheets.cycleId, cycleId), inArray(evaluationSheets.state, [...states])));
}

export type CompletedTrainingRow = { staffId: number; courseId: number; abilityItemIds: string[]; startsOn: string };

/** Enrolments completed or attended (of the given people, or everyone), with the session's first day and the course's items. */
export async function listCompletedTrainings(exec: Executor, municipalityId: number, staffIds?: readonly number[]): Promise<CompletedTrainingRow[]> {
  if (staffIds !== undefined && staffIds.length === 0) return [];
  const conditions = [eq(trainingEnrolments.municipalityId, municipalityId), inArray(trainingEnrolments.status, ['completed', 'attended'])];
  if (staffIds !== undefined) conditions.push(inArray(trainingEnrolments.staffId, [...staffIds]));
  return exec
    .select({
      staffId: trainingEnrolments.staffId,
      courseId: trainingSessions.courseId,
      abilityItemIds: trainingCourses.abilityItemIds,
      startsOn: trainingSessions.startsOn,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingEnrolments.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(and(...conditions));
}

export type PushWithPusher = PushRow & { pushedByName: string };

/** The open pushes to a person, newest first, with the name of who pushed. */
export async function listOpenPushes(exec: Executor, municipalityId: number, staffId: number): Promise<PushWithPusher[]> {
  const rows = await exec
    .select({ push: trainingPushes, familyName: staff.familyName, givenName: staff.givenName })
    .from(trainingPushes)
    .innerJoin(staff, eq(staff.id, trainingPushes.pushedByStaffId))
    .where(and(eq(trainingPushes.municipalityId, municipalityId), eq(trainingPushes.staffId, staffId), eq(trainingPushes.status, 'open')))
    .orderBy(desc(trainingPushes.createdAt), desc(trainingPushes.id));
  return rows.map((r) => ({ ...r.push, pushedByName: `${r.familyName} ${r.givenName}` }));
}

/** The person's name, locking their row until the transaction ends so that two pushes at once are decided one after the other. */
export async function lockStaffForPush(exec: Executor, municipalityId: number, staffId: number): Promise<{ name: string } | undefined> {
  const [row] = await exec
    .select({ familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId)))
    .for('update');
  return row ? { name: `${row.familyName} ${row.givenName}` } : undefined;
}

export async function findStaffName(exec: Executor, municipalityId: number, staffId: number): Promise<string | undefined> {
  const [row] = await exec
    .select({ familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.id, staffId)));
  return row ? `${row.familyName} ${row.givenName}` : undefined;
}

export async function insertPush(exec: Executor, values: Omit<typeof trainingPushes.$inferInsert, 'id' | 'status'>): Promise<PushRow> {
  const [row] = await exec.insert(trainingPushes).values(values).returning();
  return row!;
}
