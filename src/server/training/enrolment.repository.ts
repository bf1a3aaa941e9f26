/**
 * 受講 rows (`training_enrolments`): one person on one session with how they came and how far they got. The
 * session row is locked while seats are counted and given, so two approvals never take the last seat twice.
 */
import { and, arrayContains, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { trainingCourses, trainingEnrolments, trainingPushes, trainingSessions } from '../db/schema/training.js';
import { staff } from '../db/schema/org.js';
import { seatHoldingStatuses, type Waiting } from '../../domain/training/enrolment.js';
import type { SessionWithCourse } from './plan.repository.js';

export type EnrolmentRow = typeof trainingEnrolments.$inferSelect;
export type EnrolmentValues = Pick<EnrolmentRow, 'sessionId' | 'staffId' | 'route' | 'status' | 'waitlistPosition' | 'decidedByStaffId' | 'note'>;
export type EnrolmentPatch = Partial<Pick<EnrolmentRow, 'status' | 'waitlistPosition' | 'decidedByStaffId' | 'note' | 'report' | 'survey' | 'certificate'>>;
export type EnrolmentWithSessionRow = SessionWithCourse & { enrolment: EnrolmentRow };

/** Locks the session's row for the rest of the transaction (seat counting); false when it does not exist. */
export async function lockSession(exec: Executor, municipalityId: number, sessionId: number): Promise<boolean> {
  const rows = await exec
    .select({ id: trainingSessions.id })
    .from(trainingSessions)
    .where(and(eq(trainingSessions.municipalityId, municipalityId), eq(trainingSessions.id, sessionId)))
    .for('update');
  return rows.length > 0;
}

export async function findEnrolment(exec: Executor, municipalityId: number, enrolmentId: number): Promise<EnrolmentRow | undefined> {
  const [row] = await exec
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.id, enrolmentId)));
  return row;
}

/** One person's enrolment on a session (a person is on a session once). */
export async function findEnrolmentOf(exec: Executor, municipalityId: number, sessionId: number, staffId: number): Promise<EnrolmentRow | undefined> {
  const [row] = await exec
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.sessionId, sessionId), eq(trainingEnrolments.staffId, staffId)));
  return row;
}

/** The enrolments of the given people on a session (any status). */
export async function listEnrolmentsOfPeople(exec: Executor, sessionId: number, staffIds: readonly number[]): Promise<EnrolmentRow[]> {
  if (staffIds.length === 0) return [];
  return exec
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.sessionId, sessionId), inArray(trainingEnrolments.staffId, [...staffIds])));
}

/** Seats taken and the waiting list of a session, as the capacity rule reads them. */
export async function readSeats(exec: Executor, sessionId: number): Promise<{ seatsTaken: number; waiting: Waiting[] }> {
  const [taken] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.sessionId, sessionId), inArray(trainingEnrolments.status, [...seatHoldingStatuses])));
  const waiting = await exec
    .select({ id: trainingEnrolments.id, waitlistPosition: trainingEnrolments.waitlistPosition })
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.sessionId, sessionId), eq(trainingEnrolments.status, 'waitlisted'), isNotNull(trainingEnrolments.waitlistPosition)))
    .orderBy(asc(trainingEnrolments.waitlistPosition), asc(trainingEnrolments.id));
  return { seatsTaken: Number(taken?.n ?? 0), waiting: waiting.map((w) => ({ id: w.id, waitlistPosition: w.waitlistPosition! })) };
}

export async function insertEnrolment(exec: Executor, municipalityId: number, values: EnrolmentValues): Promise<EnrolmentRow> {
  const [row] = await exec
    .insert(trainingEnrolments)
    .values({ ...values, municipalityId })
    .returning();
  return row!;
}

/** Starts a rejected or cancelled enrolment over (a person is on a session once); the report and survey go. */
export async function reopenEnrolment(exec: Executor, enrolmentId: number, values: EnrolmentValues): Promise<EnrolmentRow> {
  const [row] = await exec
    .update(trainingEnrolments)
    .set({
      ...values,
      report: null,
      survey: null,
      certificate: null,
      version: sql`${trainingEnrolments.version} + 1`,
      updatedAt: sql`clock_timestamp()`,
    })
    .where(eq(trainingEnrolments.id, enrolmentId))
    .returning();
  return row!;
}

/** Changes the enrolment if it is still at `version`; undefined means it changed since. */
export async function updateEnrolmentIfUnchanged(
  exec: Executor,
  municipalityId: number,
  enrolmentId: number,
  version: number,
  patch: EnrolmentPatch,
): Promise<EnrolmentRow | undefined> {
  const [row] = await exec
    .update(trainingEnrolments)
    .set({ ...patch, version: sql`${trainingEnrolments.version} + 1`, updatedAt: sql`clock_timestamp()` })
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.id, enrolmentId), eq(trainingEnrolments.version, version)))
    .returning();
  return row;
}

/** Moves waiting people onto seats or to new positions (under the session's lock). */
export async function updateWaitlist(exec: Executor, promote: readonly number[], renumber: readonly Waiting[]): Promise<void> {
  const bump = { version: sql`${trainingEnrolments.version} + 1`, updatedAt: sql`clock_timestamp()` };
  if (promote.length > 0) {
    await exec
      .update(trainingEnrolments)
      .set({ status: 'enrolled', waitlistPosition: null, ...bump })
      .where(inArray(trainingEnrolments.id, [...promote]));
  }
  for (const w of renumber) {
    await exec
      .update(trainingEnrolments)
      .set({ waitlistPosition: w.waitlistPosition, ...bump })
      .where(eq(trainingEnrolments.id, w.id));
  }
}

/** The enrolments of a session in roster order: decided first, then waiting by position, then the rest. */
export async function listEnrolmentsOfSession(exec: Executor, municipalityId: number, sessionId: number): Promise<EnrolmentRow[]> {
  return exec
    .select()
    .from(trainingEnrolments)
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.sessionId, sessionId)))
    .orderBy(
      sql`case ${trainingEnrolments.status} when 'waitlisted' then 2 when 'applied' then 3 when 'rejected' then 4 when 'cancelled' then 5 else 1 end`,
      asc(trainingEnrolments.waitlistPosition),
      asc(trainingEnrolments.id),
    );
}

const withSession = (exec: Executor) =>
  exec
    .select({ enrolment: trainingEnrolments, session: trainingSessions, course: trainingCourses })
    .from(trainingEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingEnrolments.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId));

/** A person's enrolments with their sessions, newest session first. */
export async function listEnrolmentsOfStaff(exec: Executor, municipalityId: number, staffId: number): Promise<EnrolmentWithSessionRow[]> {
  return withSession(exec)
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.staffId, staffId)))
    .orderBy(sql`${trainingSessions.startsOn} desc`, asc(trainingEnrolments.id));
}

/** Every enrolment in a status, by session start date (the approvals list filters them by relation). */
export async function listEnrolmentsInStatus(exec: Executor, municipalityId: number, status: string): Promise<EnrolmentWithSessionRow[]> {
  return withSession(exec)
    .where(and(eq(trainingEnrolments.municipalityId, municipalityId), eq(trainingEnrolments.status, status)))
    .orderBy(asc(trainingSessions.startsOn), asc(trainingEnrolments.id));
}

/** Sessions of active courses open for application (希望) that start after `today`, by start date. */
export async function listSessionsOpenForApplication(exec: Executor, municipalityId: number, today: string): Promise<SessionWithCourse[]> {
  return exec
    .select({ session: trainingSessions, course: trainingCourses })
    .from(trainingSessions)
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingSessions.municipalityId, municipalityId),
        gt(trainingSessions.startsOn, today),
        eq(trainingCourses.isActive, true),
        arrayContains(trainingCourses.selectionMethods, ['application']),
      ),
    )
    .orderBy(asc(trainingSessions.startsOn), asc(trainingSessions.id));
}

/** Which of the ids are staff of the municipality employed on `date`. */
export async function listEmployedStaffIds(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<Set<number>> {
  if (staffIds.length === 0) return new Set();
  const rows = await exec
    .select({ id: staff.id })
    .from(staff)
    .where(
      and(
        eq(staff.municipalityId, municipalityId),
        inArray(staff.id, [...staffIds]),
        sql`${staff.hireDate} <= ${date}`,
        sql`(${staff.separatedOn} is null or ${staff.separatedOn} >= ${date})`,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Whether the session has any enrolment (a session with people on it is not deleted). */
export async function hasEnrolments(exec: Executor, sessionId: number): Promise<boolean> {
  const rows = await exec.select({ id: trainingEnrolments.id }).from(trainingEnrolments).where(eq(trainingEnrolments.sessionId, sessionId)).limit(1);
  return rows.length > 0;
}

/** A person put on a session of a course that was pushed to them: the push has done its work. */
export async function markPushesEnrolled(exec: Executor, municipalityId: number, staffId: number, courseId: number): Promise<number> {
  const rows = await exec
    .update(trainingPushes)
    .set({ status: 'enrolled' })
    .where(and(eq(trainingPushes.municipalityId, municipalityId), eq(trainingPushes.staffId, staffId), eq(trainingPushes.courseId, courseId), eq(trainingPushes.status, 'open')))
    .returning({ id: trainingPushes.id });
  return rows.length;
}
