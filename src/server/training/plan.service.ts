/**
 * The annual training plan (職員研修計画, policy III-1-(2)): the sessions of a 年度 and, for each, the people who
 * must attend — computed when asked from the course's target rule over the staff employed on the session's start
 * date (their regular post's level, 年目 and employment type), so transfers and new hires show at once.
 *
 * The 年目 of the tenure bands come from the municipality's settings document (tenure-bands.service.ts).
 * The situation 「休業からの復帰」 is read from the 休業・休職 periods on the staff records: back at work on the date,
 * within the training settings' `returnWindowMonths` (default 12) months of the return (report-settings.service.ts).
 */
import { refillSeats } from './seats.js';
import type { ServiceContext } from '../http/context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { validationError, type ValidationDetail } from '../http/validation-messages.js';
import { addDays, fiscalYearOf, fiscalYearRange } from '../../domain/common/fiscal-year.js';
import type { StaffFacts, TenureBandSettings, TrainingSituation } from '../../domain/training/training-model.js';
import type { PositionLevel } from '../../domain/org/org-model.js';
import { recentReturn } from '../../domain/org/leaves.js';
import { leavesByStaffSince } from '../org/leaves.service.js';
import { hasAutomaticTargets, prepareFacts, targetIndexes, targetsFor, type PreparedStaff, type Target } from '../../domain/training/training-targets.js';
import type { AnnualPlan, CourseSummary, PlanSession, SessionInput, SessionTargets, SessionUpdate } from '../../domain/training/training-api.js';
import { findCourse } from './catalog.repository.js';
import { getTenureBands } from './tenure-bands.service.js';
import { getTrainingReportSettings } from './report-settings.service.js';
import { hasEnrolments } from './enrolment.repository.js';
import { auditSource, toCourseView } from './catalog.service.js';
import {
  deleteSessionIfUnchanged,
  findSession,
  insertSession,
  listSessionsOfYear,
  listStaffWithPostsBetween,
  listTargetPeople,
  updateSessionIfUnchanged,
  type SessionWithCourse,
  type StaffWithPosts,
} from './plan.repository.js';

export const targetsPageSize = 50;


const sessionNotFound = () => new AppError('common.not-found', '研修の日程が見つかりません。');
const staleSession = () => new AppError('common.conflict', '他の人が先にこの日程を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

/**
 * The facts the rules read on `date`: people employed that day (hired by then, not separated before), each with the
 * level of the regular post in force (the latest started, as the directory picks it), none without one, and
 * 「休業からの復帰」 when they came back from 休業・休職 within `returnWindowMonths` months (the training settings).
 */
export function factsOn(people: readonly StaffWithPosts[], date: string, returnWindowMonths: number): StaffFacts[] {
  const facts: StaffFacts[] = [];
  for (const p of people) {
    if (p.hireDate > date || (p.separatedOn !== null && p.separatedOn < date)) continue;
    const post = p.posts.find((a) => a.startsOn <= date && (a.endsOn === null || a.endsOn >= date));
    const situations: TrainingSituation[] = p.leaves && recentReturn(p.leaves, date, returnWindowMonths) ? ['returning-from-leave'] : [];
    facts.push({ staffId: p.staffId, hireDate: p.hireDate, employmentType: p.employmentType, positionLevel: post?.level ?? null, situations });
  }
  return facts;
}

/** The people around some dates and the 「休業からの復帰」 window their facts are read with. */
export type PeopleAround = { people: StaffWithPosts[]; returnWindowMonths: number };

/**
 * The people employed at some time in [from, to] with their posts (plan.repository.ts) and the periods away that can
 * make them 「休業からの復帰」 on a date in the span, with the window of the training settings.
 */
export async function loadPeople(exec: Executor, municipalityId: number, from: string, to: string): Promise<PeopleAround> {
  const { returnWindowMonths } = await getTrainingReportSettings(exec, municipalityId);
  const [people, leaves] = await Promise.all([
    listStaffWithPostsBetween(exec, municipalityId, from, to),
    leavesByStaffSince(exec, municipalityId, addDays(from, -31 * (returnWindowMonths + 1))),
  ]);
  return { people: people.map((p) => (leaves.has(p.staffId) ? { ...p, leaves: leaves.get(p.staffId)! } : p)), returnWindowMonths };
}

/** The facts on `date` of the people loaded by `loadPeople`. */
export const factsAround = (around: PeopleAround, date: string): StaffFacts[] => factsOn(around.people, date, around.returnWindowMonths);

function summaryOf(row: SessionWithCourse['course']): CourseSummary {
  const c = toCourseView(row);
  return { id: c.id, code: c.code, title: c.title, category: c.category, provider: c.provider, mode: c.mode, selectionMethods: c.selectionMethods, isActive: c.isActive };
}

function toPlanSession({ session, course }: SessionWithCourse, targetCount: number | null): PlanSession {
  const summary = summaryOf(course);
  return {
    id: session.id,
    fiscalYear: session.fiscalYear,
    course: summary,
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    place: session.place,
    capacity: session.capacity,
    lecturer: session.lecturer,
    note: session.note,
    hours: session.hours,
    version: session.version,
    hasAutomaticTargets: hasAutomaticTargets(summary),
    targetCount,
  };
}

/** The must-attend list of a session: the course's rule over the people employed on its start date, in kana order. */
function targetsOfSession(row: SessionWithCourse, people: StaffFacts[] | PreparedStaff, bands: TenureBandSettings): Target[] {
  const course = toCourseView(row.course);
  if (!hasAutomaticTargets(course)) return [];
  return targetsFor(course.targetRule, people, row.session.fiscalYear, bands);
}

/** A person on a session's must-attend list, with the level of their regular post on the start date (null: none). */
export type MustAttend = { staffId: number; positionLevel: PositionLevel | null };

/**
 * The must-attend lists of the sessions among `rows` whose course has automatic targets (others have none), with the
 * people loaded for them (to read a person's post on a start date). One load of the staff for the span of the start
 * dates, then the facts per distinct date in memory, and the rule's decisions without the reasons' text (only a
 * session's own list shows them). The plan's counts and the completion report both use it.
 */
export async function mustAttendOfSessions(
  exec: Executor,
  municipalityId: number,
  rows: readonly SessionWithCourse[],
  /** load the people of this wider period too (the completion report reads everyone's post on every start date) */
  span?: { from: string; to: string },
): Promise<{ targets: Map<number, MustAttend[]>; people: StaffWithPosts[] }> {
  const targets = new Map<number, MustAttend[]>();
  const automatic = rows.filter((row) => hasAutomaticTargets(summaryOf(row.course)));
  if (automatic.length === 0 && !span) return { targets, people: [] };
  const startDates = [...new Set(automatic.map((row) => row.session.startsOn))].sort();
  const from = [startDates[0], span?.from].filter((d) => d !== undefined).sort()[0]!;
  const to = [startDates[startDates.length - 1], span?.to].filter((d) => d !== undefined).sort().reverse()[0]!;
  const around = await loadPeople(exec, municipalityId, from, to);
  if (automatic.length === 0) return { targets, people: around.people };
  const bands = await getTenureBands(exec, municipalityId);
  const hireYears = new Map<string, number>();
  for (const date of startDates) {
    const facts = factsAround(around, date);
    const prepared = prepareFacts(facts, hireYears);
    for (const row of automatic) {
      if (row.session.startsOn !== date) continue;
      const rule = toCourseView(row.course).targetRule;
      const chosen = targetIndexes(rule, prepared, row.session.fiscalYear, bands);
      targets.set(
        row.session.id,
        chosen.map((i) => ({ staffId: facts[i]!.staffId, positionLevel: facts[i]!.positionLevel })),
      );
    }
  }
  return { targets, people: around.people };
}

/** GET /api/training/plans/{fiscalYear}: the sessions of the year; with the target counts for those who may see targets. */
export async function readAnnualPlan(ctx: ServiceContext, input: { fiscalYear: number }): Promise<AnnualPlan> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const [manage, readTargets] = await Promise.all([
    can(ctx.database, ctx.actor, 'training.catalog.manage', {}, ctx.today),
    can(ctx.database, ctx.actor, 'training.plan.read-targets', {}, ctx.today),
  ]);
  const rows = await listSessionsOfYear(exec, municipalityId, input.fiscalYear);
  const counts = new Map<number, number>();
  if (readTargets.allowed) for (const [sessionId, targets] of (await mustAttendOfSessions(exec, municipalityId, rows)).targets) counts.set(sessionId, targets.length);
  return {
    fiscalYear: input.fiscalYear,
    currentFiscalYear: fiscalYearOf(ctx.today),
    canManage: manage.allowed,
    canReadTargets: readTargets.allowed,
    sessions: rows.map((row) => toPlanSession(row, readTargets.allowed ? (counts.get(row.session.id) ?? 0) : null)),
  };
}

/** GET /api/training/sessions/{id}/targets?page=: one page of the must-attend list, each person with the reason. */
export async function readSessionTargets(ctx: ServiceContext, input: { sessionId: number; page: number }): Promise<SessionTargets> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const row = await findSession(exec, municipalityId, input.sessionId);
  if (!row) throw sessionNotFound();
  const asOf = row.session.startsOn;
  const targets = targetsOfSession(row, factsAround(await loadPeople(exec, municipalityId, asOf, asOf), asOf), await getTenureBands(exec, municipalityId));
  const pageItems = targets.slice((input.page - 1) * targetsPageSize, input.page * targetsPageSize);
  const people = new Map((await listTargetPeople(exec, municipalityId, pageItems.map((t) => t.staffId), asOf)).map((p) => [p.staffId, p]));
  return {
    session: toPlanSession(row, targets.length),
    asOf,
    total: targets.length,
    page: input.page,
    pageSize: targetsPageSize,
    items: pageItems.map((t) => {
      const p = people.get(t.staffId);
      return {
        staffId: t.staffId,
        employeeNumber: p?.employeeNumber ?? '',
        name: p ? `${p.familyName} ${p.givenName}` : '',
        unitName: p?.unitName ?? null,
        positionName: p?.positionName ?? null,
        reason: t.reason,
      };
    }),
  };
}

/** Dates inside the 年度, the end not before the start; the refusals sit next to their fields. */
function checkSessionDates(input: SessionInput): void {
  const range = fiscalYearRange(input.fiscalYear);
  const details: ValidationDetail[] = [];
  const within = `${input.fiscalYear}年度(${range.startsOn}〜${range.endsOn})の日付にしてください`;
  if (input.startsOn < range.startsOn || input.startsOn > range.endsOn) details.push({ path: 'startsOn', code: 'out-of-year', message: `開始日は${within}` });
  if (input.endsOn < range.startsOn || input.endsOn > range.endsOn) details.push({ path: 'endsOn', code: 'out-of-year', message: `終了日は${within}` });
  else if (input.endsOn < input.startsOn) details.push({ path: 'endsOn', code: 'before-start', message: '終了日は開始日以降にしてください' });
  if (details.length > 0) throw validationError(details);
}

async function activeCourse(exec: Executor, ctx: ServiceContext, courseId: number, allowInactive: number | null) {
  const course = await findCourse(exec, ctx.actor.municipalityId, courseId);
  if (!course) throw validationError([{ path: 'courseId', code: 'not-found', message: '研修が見つかりません' }]);
  if (!course.isActive && course.id !== allowInactive) {
    throw validationError([{ path: 'courseId', code: 'inactive', message: '使用を終了した研修には日程を追加できません' }]);
  }
  return course;
}

const sessionValues = (input: SessionInput) => ({
  courseId: input.courseId,
  fiscalYear: input.fiscalYear,
  startsOn: input.startsOn,
  endsOn: input.endsOn,
  place: input.place,
  capacity: input.capacity,
  lecturer: input.lecturer,
  note: input.note,
  hours: input.hours,
});

/** POST /api/training/sessions: a session of an active course in the 年度's plan. */
export async function createSession(ctx: ServiceContext, input: SessionInput): Promise<PlanSession> {
  checkSessionDates(input);
  return ctx.database.db.transaction(async (tx) => {
    const course = await activeCourse(tx, ctx, input.courseId, null);
    const session = await insertSession(tx, ctx.actor.municipalityId, sessionValues(input));
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.session-created',
      outcome: 'succeeded',
      objectType: 'training-session',
      objectId: session.id,
      details: { courseId: course.id, fiscalYear: session.fiscalYear },
    });
    return toPlanSession({ session, course }, null);
  });
}

/** PUT /api/training/sessions/{id}: replaces the session read at `version` (409 when changed since). */
export async function updateSession(ctx: ServiceContext, input: SessionUpdate & { sessionId: number }): Promise<PlanSession> {
  checkSessionDates(input);
  return ctx.database.db.transaction(async (tx) => {
    const current = await findSession(tx, ctx.actor.municipalityId, input.sessionId);
    if (!current) throw sessionNotFound();
    // A session of a course deactivated since may still be corrected; moving it to another inactive course may not.
    const course = await activeCourse(tx, ctx, input.courseId, current.course.id);
    const session = await updateSessionIfUnchanged(tx, ctx.actor.municipalityId, input.sessionId, input.version, sessionValues(input));
    if (!session) throw staleSession();
    // More seats than before: the waiting list moves up at once.
    const promoted = await refillSeats(tx, session.id, session.capacity);
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.session-updated',
      outcome: 'succeeded',
      objectType: 'training-session',
      objectId: session.id,
      details: { courseId: course.id, fiscalYear: session.fiscalYear, promoted },
    });
    return toPlanSession({ session, course }, null);
  });
}

/** DELETE /api/training/sessions/{id}?version=: removes the session from the plan while nobody is on it. */
export async function removeSession(ctx: ServiceContext, input: { sessionId: number; version: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const current = await findSession(tx, ctx.actor.municipalityId, input.sessionId);
    if (!current) throw sessionNotFound();
    // Enrolments are records of who was chosen and who attended: cancel them, the session stays.
    if (await hasEnrolments(tx, input.sessionId)) throw new AppError('training.session-has-enrolments', '受講者がいる日程は削除できません。受講者を取り消しても記録は残るため、日程を変更してください。');
    if (!(await deleteSessionIfUnchanged(tx, ctx.actor.municipalityId, input.sessionId, input.version))) throw staleSession();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.session-deleted',
      outcome: 'succeeded',
      objectType: 'training-session',
      objectId: input.sessionId,
      details: { courseId: current.course.id, fiscalYear: current.session.fiscalYear, startsOn: current.session.startsOn },
    });
  });
}
