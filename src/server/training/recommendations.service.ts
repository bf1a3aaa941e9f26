/**
 * Push-type recommendations (プッシュ型の受講勧奨, policy III-1-(2)) and the ability → training loop (II-4): what the
 * latest ability evaluation says a person should train, the supervisor's push of a course with a note from the
 * interview, and HR's view per position level of the items rated low and how many of those people trained since.
 */
import type { ServiceContext } from '../http/context.js';
import { tokyoDate } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { notify } from '../notifications/notifications.service.js';
import { validationError } from '../http/validation-messages.js';
import { listCourses } from './catalog.repository.js';
import { auditSource } from './catalog.service.js';
import { cycleSettingsOf } from '../evaluation/sheet-documents.js';
import { fiscalYearOf } from '../../domain/common/fiscal-year.js';
import { positionLevelLabels, positionLevels, type PositionLevel } from '../../domain/org/org-model.js';
import { courseCategoryLabels, type CourseCategory } from '../../domain/training/training-model.js';
import type { AbilitySheet } from '../../domain/evaluation/sheet-workflow.js';
import {
  indexCoursesByItem,
  rateItems,
  recommendCourses,
  trainingLoop,
  type ItemGrades,
  type LoopEvaluation,
  type PushView,
  type RecommendationsView,
  type RecommendedCourse,
  type TrainingLoopView,
} from '../../domain/training/recommendations.js';
import {
  findAbilityCycle,
  findLatestAbilitySheet,
  findStaffName,
  insertPush,
  listCompletedTrainings,
  listConfirmedRatings,
  listOpenPushes,
  lockStaffForPush,
  type AbilitySheetRow,
  type PushWithPusher,
} from './recommendations.repository.js';
import type { Executor } from '../db/client.js';

/**
 * The evaluator, the confirmer and HR see the item ratings once the confirmer has confirmed; the evaluatee only from
 * the feedback interview on (ability sheet visibility, ADR 0011), so their "latest" evaluation starts there.
 */
const confirmedStates = ['confirmer-confirmed', 'feedback-given', 'closed'] as const;
const disclosedStates = ['feedback-given', 'closed'] as const;

const staffNotFound = () => new AppError('common.not-found', '職員が見つかりません。');

/** Postgres gives `2025-10-01 00:00:00.12+00`; Date wants the ISO form. */
const instantOf = (stored: string) => new Date(stored.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00'));

const confirmedOnOf = (sheet: AbilitySheet): string | null => {
  const at = sheet.history.filter((h) => h.action === 'confirm').at(-1)?.at;
  return at === undefined ? null : tokyoDate(new Date(at));
};

type Computed = {
  found: AbilitySheetRow;
  sheet: AbilitySheet;
  confirmedOn: string;
  ratedItems: ReturnType<typeof rateItems>;
  courses: RecommendedCourse[];
};

/** The person's recommendations from their latest ability sheet in `states` (undefined when there is none). */
async function computeRecommendations(exec: Executor, municipalityId: number, staffId: number, states: readonly string[]): Promise<Computed | undefined> {
  const found = await findLatestAbilitySheet(exec, municipalityId, staffId, states);
  if (!found) return undefined;
  const sheet = found.sheet.document as AbilitySheet;
  const items = cycleSettingsOf(found.cycle).itemsByLevel?.[sheet.positionLevel] ?? [];
  // A sheet confirmed before the history kept the instant falls back on the end of its period.
  const confirmedOn = confirmedOnOf(sheet) ?? found.cycle.endsOn;
  const ratedItems = rateItems(items, sheet.rating.entries as ItemGrades, sheet.settings.scale);
  const catalog = await listCourses(exec, municipalityId, { isActiveOnly: true });
  const completed = await listCompletedTrainings(exec, municipalityId, [staffId]);
  const courses = recommendCourses({ ratedItems, courses: indexCoursesByItem(catalog), completed, confirmedOn });
  return { found, sheet, confirmedOn, ratedItems, courses };
}

const pushView = (p: PushWithPusher): PushView => ({ id: p.id, note: p.note, by: { staffId: p.pushedByStaffId, name: p.pushedByName }, on: tokyoDate(instantOf(p.createdAt)) });

const mayPush = async (ctx: ServiceContext, staffId: number) =>
  ctx.actor.staffId !== null && ctx.actor.staffId !== staffId && (await can(ctx.database, ctx.actor, 'training.recommendations.push', { staffId }, ctx.today)).allowed;

/** GET /api/training/recommendations/{staffId}: for the person, their evaluator (or confirmer) and HR. */
export async function readRecommendations(ctx: ServiceContext, input: { staffId: number }): Promise<RecommendationsView> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const name = await findStaffName(exec, municipalityId, input.staffId);
  if (name === undefined) throw staffNotFound();
  const isSelf = ctx.actor.staffId === input.staffId;
  const computed = await computeRecommendations(exec, municipalityId, input.staffId, isSelf ? disclosedStates : confirmedStates);
  if (!isSelf) {
    // The item ratings of someone else's evaluation: every such read is kept (ADR 0011).
    await audit(ctx.database, auditSource(ctx), {
      action: 'training.recommendations-read',
      outcome: 'allowed',
      objectType: 'staff',
      objectId: input.staffId,
      details: { sheetId: computed?.found.sheet.id ?? null },
    });
  }
  const pushes = await listOpenPushes(exec, municipalityId, input.staffId);
  const canPush = await mayPush(ctx, input.staffId);
  if (!computed) return { staff: { staffId: input.staffId, name }, sheet: null, items: [], courses: [], canPush };
  const { found, sheet, confirmedOn, ratedItems, courses } = computed;
  return {
    staff: { staffId: input.staffId, name },
    sheet: {
      id: found.sheet.id,
      cycle: { id: found.cycle.id, fiscalYear: found.cycle.fiscalYear },
      positionLevel: sheet.positionLevel,
      positionLevelLabel: positionLevelLabels[sheet.positionLevel],
      confirmedOn,
    },
    items: ratedItems,
    courses: courses.map(({ reasonItemIds: _ids, ...course }) => {
      const pushed = pushes.find((p) => p.courseId === course.courseId);
      return { ...course, categoryLabel: courseCategoryLabels[course.category as CourseCategory] ?? course.category, pushed: pushed ? pushView(pushed) : null };
    }),
    canPush,
  };
}

/**
 * POST /api/training/recommendations/{staffId}/push: the evaluator (or HR) pushes one of the person's recommended
 * courses with a note from the interview. One open push per person and course: a second push of the same course
 * is refused with 409 (the first one's note stands). The person is notified in the app.
 */
export async function pushCourse(ctx: ServiceContext, input: { staffId: number; courseId: number; note: string }): Promise<PushView> {
  const pusher = ctx.actor.staffId;
  if (pusher === null || pusher === input.staffId) throw new AppError('access.denied', '自分自身に研修を勧めることはできません。');
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const person = await lockStaffForPush(tx, municipalityId, input.staffId);
    if (!person) throw staffNotFound();
    const computed = await computeRecommendations(tx, municipalityId, input.staffId, confirmedStates);
    const course = computed?.courses.find((c) => c.courseId === input.courseId);
    if (!computed || !course) {
      throw validationError([{ path: 'courseId', code: 'not-recommended', message: 'この研修は、最新の能力評価からの推奨研修に含まれていません' }]);
    }
    const open = await listOpenPushes(tx, municipalityId, input.staffId);
    if (open.some((p) => p.courseId === input.courseId)) {
      throw new AppError('common.conflict', 'この研修はすでに勧奨されています。');
    }
    const row = await insertPush(tx, {
      municipalityId,
      staffId: input.staffId,
      courseId: input.courseId,
      sheetId: computed.found.sheet.id,
      abilityItemIds: course.reasonItemIds,
      pushedByStaffId: pusher,
      note: input.note,
      createdAt: ctx.now.toISOString(),
    });
    await notify(tx, {
      municipalityId,
      recipientStaffIds: [input.staffId],
      kind: 'training.push',
      title: `研修の受講をお勧めします(${course.title})`,
      body: `${ctx.actor.displayName}さんから「${course.title}」の受講を勧められました。理由: ${course.reasons.join('、')}`,
      link: '/training/recommendations',
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.course-pushed',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: input.staffId,
      details: { pushId: row.id, courseId: input.courseId, sheetId: computed.found.sheet.id, itemIds: course.reasonItemIds },
    });
    const [mine] = (await listOpenPushes(tx, municipalityId, input.staffId)).filter((p) => p.id === row.id);
    return pushView(mine!);
  });
}

/**
 * GET /api/training/loop?fiscalYear=: per position level, for each required item, the people rated below standard in
 * the 年度's confirmed ability evaluation and how many of them completed a course developing the item since.
 */
export async function readTrainingLoop(ctx: ServiceContext, input: { fiscalYear?: number }): Promise<TrainingLoopView> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const fiscalYear = input.fiscalYear ?? fiscalYearOf(ctx.today);
  const cycle = await findAbilityCycle(exec, municipalityId, fiscalYear);
  if (!cycle) return { fiscalYear, hasCycle: false, levels: [] };
  const settings = cycleSettingsOf(cycle);
  const ratings = await listConfirmedRatings(exec, municipalityId, cycle.id, confirmedStates);
  const evaluations: LoopEvaluation[] = ratings.map((r) => ({
    staffId: r.staffId,
    positionLevel: r.positionLevel as PositionLevel,
    grades: (r.entries ?? {}) as ItemGrades,
    scale: settings.sheet.scale,
    confirmedOn: r.confirmedAt ? tokyoDate(new Date(r.confirmedAt)) : cycle.endsOn,
  }));
  const trainings = await listCompletedTrainings(exec, municipalityId);
  const itemsByLevel = positionLevels.map((positionLevel) => ({ positionLevel, items: settings.itemsByLevel?.[positionLevel] ?? [] })).filter((l) => l.items.length > 0);
  const levels = trainingLoop({ itemsByLevel, evaluations, trainings });
  return { fiscalYear, hasCycle: true, levels: levels.map((l) => ({ ...l, positionLevelLabel: positionLevelLabels[l.positionLevel] })) };
}
