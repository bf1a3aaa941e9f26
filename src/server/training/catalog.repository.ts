/** The course catalog (`training_courses`) of a municipality. */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { trainingCourses } from '../db/schema/training.js';

export type CourseRow = typeof trainingCourses.$inferSelect;
export type CourseValues = Omit<typeof trainingCourses.$inferInsert, 'id' | 'municipalityId' | 'version' | 'updatedAt'>;

/** Every course of the municipality (active ones first, then by code), optionally of one category. */
export async function listCourses(exec: Executor, municipalityId: number, q: { category?: string; isActiveOnly: boolean }): Promise<CourseRow[]> {
  const conditions = [eq(trainingCourses.municipalityId, municipalityId)];
  if (q.category !== undefined) conditions.push(eq(trainingCourses.category, q.category));
  if (q.isActiveOnly) conditions.push(eq(trainingCourses.isActive, true));
  return exec
    .select()
    .from(trainingCourses)
    .where(and(...conditions))
    .orderBy(sql`${trainingCourses.isActive} desc`, asc(trainingCourses.code));
}

export async function findCourse(exec: Executor, municipalityId: number, courseId: number): Promise<CourseRow | undefined> {
  const [row] = await exec
    .select()
    .from(trainingCourses)
    .where(and(eq(trainingCourses.municipalityId, municipalityId), eq(trainingCourses.id, courseId)));
  return row;
}

/** The codes among `codes` already used in the municipality. */
export async function listCourseCodes(exec: Executor, municipalityId: number, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await exec
    .select({ code: trainingCourses.code })
    .from(trainingCourses)
    .where(and(eq(trainingCourses.municipalityId, municipalityId), inArray(trainingCourses.code, [...codes])));
  return new Set(rows.map((r) => r.code));
}

/** Inserts the course unless its code is taken; undefined means the code is used already. */
export async function insertCourseIfCodeFree(exec: Executor, municipalityId: number, values: CourseValues): Promise<CourseRow | undefined> {
  const [row] = await exec
    .insert(trainingCourses)
    .values({ ...values, municipalityId })
    .onConflictDoNothing({ target: [trainingCourses.municipalityId, trainingCourses.code] })
    .returning();
  return row;
}

/** Replaces the course if it is still at `version`; undefined means it changed since (or is gone). */
export async function updateCourseIfUnchanged(
  exec: Executor,
  municipalityId: number,
  courseId: number,
  version: number,
  values: Partial<CourseValues>,
): Promise<CourseRow | undefined> {
  const [row] = await exec
    .update(trainingCourses)
    .set({ ...values, version: sql`${trainingCourses.version} + 1`, updatedAt: sql`clock_timestamp()` })
    .where(and(eq(trainingCourses.municipalityId, municipalityId), eq(trainingCourses.id, courseId), eq(trainingCourses.version, version)))
    .returning();
  return row;
}
