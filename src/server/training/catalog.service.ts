/**
 * The course catalog (研修体系, policy II-4-(3)): everyone signed in browses it; HR and the training officer import
 * the policy's catalog once (idempotent: courses whose code exists are left alone), add and change courses, and
 * deactivate them (never delete: the plans of past years name them).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { targetRuleSchema, type Course, type CourseCategory, type TargetRule } from '../../domain/training/training-model.js';
import { policyCatalog } from '../../domain/training/policy-catalog.js';
import type { CourseList, CourseUpdate, CourseView, PolicyCatalogImport } from '../../domain/training/training-api.js';
import {
  findCourse,
  insertCourseIfCodeFree,
  listCourseCodes,
  listCourses,
  updateCourseIfUnchanged,
  type CourseRow,
  type CourseValues,
} from './catalog.repository.js';
import { validationError } from '../http/validation-messages.js';

export const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const emptyRule: TargetRule = { positionLevels: [], tenureBands: [], employmentTypes: [], situations: [] };

/** A stored rule that no longer validates (after an upgrade) targets nobody rather than everybody. */
export function ruleOf(stored: unknown): TargetRule {
  const parsed = targetRuleSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  console.warn('stored training target rule does not validate; treated as empty', { issues: parsed.error.issues.length });
  return emptyRule;
}

export function toCourseView(row: CourseRow): CourseView {
  return {
    id: row.id,
    version: row.version,
    code: row.code,
    title: row.title,
    category: row.category as Course['category'],
    provider: row.provider as Course['provider'],
    mode: row.mode as Course['mode'],
    coHosts: row.coHosts,
    targetRule: ruleOf(row.targetRule),
    selectionMethods: row.selectionMethods as Course['selectionMethods'],
    abilityItemIds: row.abilityItemIds,
    description: row.description,
    isActive: row.isActive,
  };
}

function valuesOf(course: Course): CourseValues {
  return {
    code: course.code,
    title: course.title,
    category: course.category,
    provider: course.provider,
    mode: course.mode,
    coHosts: course.coHosts,
    targetRule: course.targetRule,
    selectionMethods: course.selectionMethods,
    abilityItemIds: course.abilityItemIds,
    description: course.description,
    isActive: course.isActive,
  };
}

const canManage = async (ctx: ServiceContext) => (await can(ctx.database, ctx.actor, 'training.catalog.manage', {}, ctx.today)).allowed;

const codeTaken = () => validationError([{ path: 'code', code: 'duplicate', message: 'このコードはすでにほかの研修で使われています' }]);
const staleCourse = () => new AppError('common.conflict', '他の人が先にこの研修を更新しました。最新の内容を読み込んでから、もう一度変更してください。');
const courseNotFound = () => new AppError('common.not-found', '研修が見つかりません。');

/** GET /api/training/courses?category=: active courses for everyone; HR and the training officer also see deactivated ones. */
export async function listCatalog(ctx: ServiceContext, input: { category?: CourseCategory }): Promise<CourseList> {
  const exec = ctx.database.db;
  const manage = await canManage(ctx);
  const rows = await listCourses(exec, ctx.actor.municipalityId, { category: input.category, isActiveOnly: !manage });
  const present = await listCourseCodes(
    exec,
    ctx.actor.municipalityId,
    policyCatalog.map((c) => c.code),
  );
  return { items: rows.map(toCourseView), canManage: manage, missingPolicyCourses: policyCatalog.filter((c) => !present.has(c.code)).length };
}

/** GET /api/training/courses/{id} */
export async function readCourse(ctx: ServiceContext, input: { courseId: number }): Promise<CourseView> {
  const row = await findCourse(ctx.database.db, ctx.actor.municipalityId, input.courseId);
  if (!row || (!row.isActive && !(await canManage(ctx)))) throw courseNotFound();
  return toCourseView(row);
}

/**
 * POST /api/training/courses/import-policy-catalog: adds the courses of the policy's catalog whose codes are not
 * in the municipality's catalog yet. Pressing it twice adds nothing the second time; a course HR changed or
 * deactivated keeps its changes.
 */
export async function importPolicyCatalog(ctx: ServiceContext): Promise<PolicyCatalogImport> {
  return ctx.database.db.transaction(async (tx) => {
    let inserted = 0;
    for (const course of policyCatalog) {
      if (await insertCourseIfCodeFree(tx, ctx.actor.municipalityId, valuesOf(course))) inserted += 1;
    }
    const result = { inserted, alreadyPresent: policyCatalog.length - inserted };
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.policy-catalog-imported',
      outcome: 'succeeded',
      objectType: 'training-catalog',
      details: result,
    });
    return result;
  });
}

/** POST /api/training/courses: a new course; a code already used is refused next to the field. */
export async function createCourse(ctx: ServiceContext, input: Course): Promise<CourseView> {
  return ctx.database.db.transaction(async (tx) => {
    const row = await insertCourseIfCodeFree(tx, ctx.actor.municipalityId, valuesOf(input));
    if (!row) throw codeTaken();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.course-created',
      outcome: 'succeeded',
      objectType: 'training-course',
      objectId: row.id,
      details: { code: row.code },
    });
    return toCourseView(row);
  });
}

/** PUT /api/training/courses/{id}: replaces the course read at `version` (409 when someone changed it since). */
export async function updateCourse(ctx: ServiceContext, input: CourseUpdate & { courseId: number }): Promise<CourseView> {
  const { courseId, version, ...course } = input;
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCourse(tx, ctx.actor.municipalityId, courseId);
    if (!current) throw courseNotFound();
    if (current.version !== version) throw staleCourse();
    if (course.code !== current.code && (await listCourseCodes(tx, ctx.actor.municipalityId, [course.code])).size > 0) throw codeTaken();
    const row = await updateCourseIfUnchanged(tx, ctx.actor.municipalityId, courseId, version, valuesOf(course));
    if (!row) throw staleCourse();
    const changed = (Object.keys(course) as (keyof Course)[]).filter((k) => JSON.stringify(toCourseView(current)[k]) !== JSON.stringify(course[k]));
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.course-updated',
      outcome: 'succeeded',
      objectType: 'training-course',
      objectId: row.id,
      details: { code: row.code, changed },
    });
    return toCourseView(row);
  });
}

/** DELETE /api/training/courses/{id}?version=: deactivates the course (its sessions stay in their plans). */
export async function deactivateCourse(ctx: ServiceContext, input: { courseId: number; version: number }): Promise<CourseView> {
  return ctx.database.db.transaction(async (tx) => {
    const current = await findCourse(tx, ctx.actor.municipalityId, input.courseId);
    if (!current) throw courseNotFound();
    const row = await updateCourseIfUnchanged(tx, ctx.actor.municipalityId, input.courseId, input.version, { isActive: false });
    if (!row) throw staleCourse();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.course-deactivated',
      outcome: 'succeeded',
      objectType: 'training-course',
      objectId: row.id,
      details: { code: row.code },
    });
    return toCourseView(row);
  });
}
