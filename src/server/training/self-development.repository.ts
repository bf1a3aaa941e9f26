/**
 * 自己啓発 rows (`self_development_records`) and 自主研修グループ (`study_groups`, members, activities), plus the read the
 * performance sheet makes of a person's trainings and confirmed self-development in its period.
 */
import { and, asc, desc, eq, gte, inArray, isNull, lte } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { selfDevelopmentRecords, studyGroupActivities, studyGroupMembers, studyGroups, trainingCourses, trainingEnrolments, trainingSessions } from '../db/schema/training.js';
import { staff } from '../db/schema/org.js';

export type SelfDevelopmentRow = typeof selfDevelopmentRecords.$inferSelect;
export type SelfDevelopmentValues = Pick<SelfDevelopmentRow, 'kind' | 'title' | 'startedOn' | 'endedOn' | 'hours' | 'note'>;
export type StudyGroupRow = typeof studyGroups.$inferSelect;
export type StudyGroupMemberRow = typeof studyGroupMembers.$inferSelect;
export type StudyGroupActivityRow = typeof studyGroupActivities.$inferSelect;

export async function findRecord(exec: Executor, municipalityId: number, id: number): Promise<SelfDevelopmentRow | undefined> {
  const [row] = await exec
    .select()
    .from(selfDevelopmentRecords)
    .where(and(eq(selfDevelopmentRecords.municipalityId, municipalityId), eq(selfDevelopmentRecords.id, id)));
  return row;
}

export async function listRecordsOfStaff(exec: Executor, municipalityId: number, staffId: number): Promise<SelfDevelopmentRow[]> {
  return exec
    .select()
    .from(selfDevelopmentRecords)
    .where(and(eq(selfDevelopmentRecords.municipalityId, municipalityId), eq(selfDevelopmentRecords.staffId, staffId)))
    .orderBy(desc(selfDevelopmentRecords.startedOn), desc(selfDevelopmentRecords.id));
}

export async function listRecordsInStatus(exec: Executor, municipalityId: number, status: string): Promise<SelfDevelopmentRow[]> {
  return exec
    .select()
    .from(selfDevelopmentRecords)
    .where(and(eq(selfDevelopmentRecords.municipalityId, municipalityId), eq(selfDevelopmentRecords.status, status)))
    .orderBy(asc(selfDevelopmentRecords.createdAt), asc(selfDevelopmentRecords.id));
}

export async function insertRecord(
  exec: Executor,
  values: SelfDevelopmentValues & { municipalityId: number; staffId: number; groupId: number | null },
): Promise<SelfDevelopmentRow> {
  const [row] = await exec.insert(selfDevelopmentRecords).values(values).returning();
  return row!;
}

/** Optimistic update: undefined when the version moved on (or the row is gone). */
export async function updateRecordIfUnchanged(
  exec: Executor,
  municipalityId: number,
  id: number,
  version: number,
  patch: Partial<SelfDevelopmentValues & Pick<SelfDevelopmentRow, 'status' | 'confirmedByStaffId' | 'confirmedAt' | 'reviewComment'>>,
): Promise<SelfDevelopmentRow | undefined> {
  const [row] = await exec
    .update(selfDevelopmentRecords)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(selfDevelopmentRecords.municipalityId, municipalityId), eq(selfDevelopmentRecords.id, id), eq(selfDevelopmentRecords.version, version)))
    .returning();
  return row;
}

export async function deleteRecordIfUnchanged(exec: Executor, municipalityId: number, id: number, version: number): Promise<boolean> {
  const rows = await exec
    .delete(selfDevelopmentRecords)
    .where(and(eq(selfDevelopmentRecords.municipalityId, municipalityId), eq(selfDevelopmentRecords.id, id), eq(selfDevelopmentRecords.version, version)))
    .returning({ id: selfDevelopmentRecords.id });
  return rows.length > 0;
}

/** A person's record of a group activity already made (same group, title and date). */
export async function findRecordOfActivity(exec: Executor, staffId: number, groupId: number, title: string, startedOn: string): Promise<SelfDevelopmentRow | undefined> {
  const [row] = await exec
    .select()
    .from(selfDevelopmentRecords)
    .where(
      and(
        eq(selfDevelopmentRecords.staffId, staffId),
        eq(selfDevelopmentRecords.groupId, groupId),
        eq(selfDevelopmentRecords.title, title),
        eq(selfDevelopmentRecords.startedOn, startedOn),
      ),
    );
  return row;
}

export type StaffName = { staffId: number; employeeNumber: string; familyName: string; givenName: string };

export async function listStaffNames(exec: Executor, municipalityId: number, ids: readonly number[]): Promise<StaffName[]> {
  if (ids.length === 0) return [];
  return exec
    .select({ staffId: staff.id, employeeNumber: staff.employeeNumber, familyName: staff.familyName, givenName: staff.givenName })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), inArray(staff.id, [...ids])));
}

/** The staff member with this 職員番号 in the municipality (a group leader adds members by number). */
export async function findStaffIdByEmployeeNumber(exec: Executor, municipalityId: number, employeeNumber: string): Promise<number | undefined> {
  const [row] = await exec
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.municipalityId, municipalityId), eq(staff.employeeNumber, employeeNumber)));
  return row?.id;
}

// 自主研修グループ

export async function insertGroup(exec: Executor, values: Pick<StudyGroupRow, 'municipalityId' | 'name' | 'description' | 'startsOn' | 'leaderStaffId'>): Promise<StudyGroupRow> {
  const [row] = await exec.insert(studyGroups).values(values).returning();
  return row!;
}

export async function findGroup(exec: Executor, municipalityId: number, id: number): Promise<StudyGroupRow | undefined> {
  const [row] = await exec
    .select()
    .from(studyGroups)
    .where(and(eq(studyGroups.municipalityId, municipalityId), eq(studyGroups.id, id)));
  return row;
}

/** The groups a person currently belongs to (not left). */
export async function listGroupsOfStaff(exec: Executor, municipalityId: number, staffId: number): Promise<StudyGroupRow[]> {
  const rows = await exec
    .select({ group: studyGroups })
    .from(studyGroups)
    .innerJoin(studyGroupMembers, eq(studyGroupMembers.groupId, studyGroups.id))
    .where(and(eq(studyGroups.municipalityId, municipalityId), eq(studyGroupMembers.staffId, staffId), isNull(studyGroupMembers.leftOn)))
    .orderBy(asc(studyGroups.name), asc(studyGroups.id));
  return rows.map((r) => r.group);
}

export async function listMembers(exec: Executor, groupIds: readonly number[]): Promise<StudyGroupMemberRow[]> {
  if (groupIds.length === 0) return [];
  return exec
    .select()
    .from(studyGroupMembers)
    .where(and(inArray(studyGroupMembers.groupId, [...groupIds]), isNull(studyGroupMembers.leftOn)))
    .orderBy(asc(studyGroupMembers.joinedOn), asc(studyGroupMembers.id));
}

/** Adds a member; false when they are already on the group. */
export async function insertMember(exec: Executor, values: Pick<StudyGroupMemberRow, 'groupId' | 'staffId' | 'joinedOn'>): Promise<boolean> {
  const rows = await exec.insert(studyGroupMembers).values(values).onConflictDoNothing().returning({ id: studyGroupMembers.id });
  return rows.length > 0;
}

export async function listActivities(exec: Executor, groupId: number): Promise<StudyGroupActivityRow[]> {
  return exec.select().from(studyGroupActivities).where(eq(studyGroupActivities.groupId, groupId)).orderBy(desc(studyGroupActivities.heldOn), desc(studyGroupActivities.id));
}

export async function findActivity(exec: Executor, groupId: number, id: number): Promise<StudyGroupActivityRow | undefined> {
  const [row] = await exec
    .select()
    .from(studyGroupActivities)
    .where(and(eq(studyGroupActivities.groupId, groupId), eq(studyGroupActivities.id, id)));
  return row;
}

export async function insertActivity(exec: Executor, values: Pick<StudyGroupActivityRow, 'groupId' | 'heldOn' | 'title' | 'hours' | 'note' | 'createdByStaffId'>): Promise<StudyGroupActivityRow> {
  const [row] = await exec.insert(studyGroupActivities).values(values).returning();
  return row!;
}

export async function listRecordsOfStaffInGroup(exec: Executor, staffId: number, groupId: number): Promise<SelfDevelopmentRow[]> {
  return exec
    .select()
    .from(selfDevelopmentRecords)
    .where(and(eq(selfDevelopmentRecords.staffId, staffId), eq(selfDevelopmentRecords.groupId, groupId)));
}

// The performance sheet's read

export type AttendedTrainingRow = { enrolmentId: number; title: string; mode: string; startsOn: string; endsOn: string };

/** A person's attended or completed trainings in sessions starting within [from, to]. */
export async function listAttendedTrainings(exec: Executor, municipalityId: number, staffId: number, from: string, to: string): Promise<AttendedTrainingRow[]> {
  return exec
    .select({ enrolmentId: trainingEnrolments.id, title: trainingCourses.title, mode: trainingCourses.mode, startsOn: trainingSessions.startsOn, endsOn: trainingSessions.endsOn })
    .from(trainingEnrolments)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingEnrolments.sessionId))
    .innerJoin(trainingCourses, eq(trainingCourses.id, trainingSessions.courseId))
    .where(
      and(
        eq(trainingEnrolments.municipalityId, municipalityId),
        eq(trainingEnrolments.staffId, staffId),
        inArray(trainingEnrolments.status, ['attended', 'completed']),
        gte(trainingSessions.startsOn, from),
        lte(trainingSessions.startsOn, to),
      ),
    )
    .orderBy(asc(trainingSessions.startsOn), asc(trainingEnrolments.id));
}

/** A person's confirmed self-development started within [from, to]. */
export async function listConfirmedRecordsBetween(exec: Executor, municipalityId: number, staffId: number, from: string, to: string): Promise<SelfDevelopmentRow[]> {
  return exec
    .select()
    .from(selfDevelopmentRecords)
    .where(
      and(
        eq(selfDevelopmentRecords.municipalityId, municipalityId),
        eq(selfDevelopmentRecords.staffId, staffId),
        eq(selfDevelopmentRecords.status, 'confirmed'),
        gte(selfDevelopmentRecords.startedOn, from),
        lte(selfDevelopmentRecords.startedOn, to),
      ),
    )
    .orderBy(asc(selfDevelopmentRecords.startedOn), asc(selfDevelopmentRecords.id));
}
