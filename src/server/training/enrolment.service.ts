/**
 * 受講 (issue 4 item 3, policy III-1-(2)): a unit recommends its members (所属推薦), HR designates anyone (指定) or
 * enrols a session's must-attend list, staff apply (希望) and their evaluator decides; seats go first come, first
 * served, beyond the capacity people wait in order and a cancellation moves the first of them in — all under a
 * lock of the session's row in one transaction. HR records attendance; the attendee writes the 受講報告 and the
 * survey. Every change is audited.
 */
import type { ServiceContext } from '../http/context.js';
import type { Tx } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { validationError } from '../http/validation-messages.js';
import {
  attendanceAction,
  canReport,
  fillFreeSeats,
  isApplicationOpen,
  isHeldOutside,
  isReentry,
  isRouteAllowed,
  place,
  selectionLabelOf,
  transition,
  type EnrolmentAction,
  type EnrolmentRoute,
  type EnrolmentStatus,
  type Survey,
} from '../../domain/training/enrolment.js';
import type {
  ApplicationInput,
  AttendanceInput,
  DecisionInput,
  EnrolmentView,
  EnrolmentWithSession,
  MyEnrolments,
  NominationInput,
  NominationResult,
  PendingApprovals,
  ReportUpdate,
  SessionRoster,
} from '../../domain/training/enrolment-api.js';
import type { PlanSession } from '../../domain/training/training-api.js';
import { hasAutomaticTargets, targetsFor } from '../../domain/training/training-targets.js';
import { auditSource, toCourseView } from './catalog.service.js';
import { factsAround, loadPeople } from './plan.service.js';
import { getTenureBands } from './tenure-bands.service.js';
import { findSession, listTargetPeople, type SessionWithCourse } from './plan.repository.js';
import {
  findEnrolment,
  findEnrolmentOf,
  insertEnrolment,
  markPushesEnrolled,
  listEmployedStaffIds,
  listEnrolmentsInStatus,
  listEnrolmentsOfPeople,
  listEnrolmentsOfSession,
  listEnrolmentsOfStaff,
  listSessionsOpenForApplication,
  lockSession,
  readSeats,
  reopenEnrolment,
  updateEnrolmentIfUnchanged,
  updateWaitlist,
  type EnrolmentRow,
  type EnrolmentWithSessionRow,
} from './enrolment.repository.js';

const sessionNotFound = () => new AppError('common.not-found', '研修の日程が見つかりません。');
const enrolmentNotFound = () => new AppError('common.not-found', '受講の記録が見つかりません。');
const staleEnrolment = () => new AppError('common.conflict', '他の人が先にこの受講の記録を更新しました。最新の内容を読み込んでから、もう一度操作してください。');
const denied = () => new AppError('access.denied', 'この操作を行う権限がありません。');
const invalidTransition = (status: EnrolmentStatus) =>
  new AppError('training.enrolment-invalid-transition', `この受講の記録は「${statusText[status]}」のため、この操作はできません。`);
const statusText: Record<EnrolmentStatus, string> = {
  applied: '承認待ち',
  enrolled: '受講決定',
  waitlisted: 'キャンセル待ち',
  rejected: '不承認',
  cancelled: '取消',
  attended: '出席',
  completed: '修了',
  absent: '欠席',
};

/** The course is held outside the city (a certificate may be kept). */
const isExternal = (course: SessionWithCourse['course']) => isHeldOutside(toCourseView(course).provider);

function toPlanSession({ session, course }: SessionWithCourse): PlanSession {
  const c = toCourseView(course);
  return {
    id: session.id,
    fiscalYear: session.fiscalYear,
    course: { id: c.id, code: c.code, title: c.title, category: c.category, provider: c.provider, mode: c.mode, selectionMethods: c.selectionMethods, isActive: c.isActive },
    startsOn: session.startsOn,
    endsOn: session.endsOn,
    place: session.place,
    capacity: session.capacity,
    lecturer: session.lecturer,
    note: session.note,
    version: session.version,
    hasAutomaticTargets: hasAutomaticTargets(c),
    targetCount: null,
  };
}

/** Names (and units today) of the people on the rows and of those who decided. */
async function toViews(ctx: ServiceContext, rows: readonly EnrolmentRow[]): Promise<EnrolmentView[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.decidedByStaffId === null ? [r.staffId] : [r.staffId, r.decidedByStaffId])))];
  const people = new Map((await listTargetPeople(ctx.database.db, ctx.actor.municipalityId, ids, ctx.today)).map((p) => [p.staffId, p]));
  return rows.map((r) => {
    const p = people.get(r.staffId);
    const d = r.decidedByStaffId === null ? undefined : people.get(r.decidedByStaffId);
    return {
      id: r.id,
      sessionId: r.sessionId,
      staffId: r.staffId,
      employeeNumber: p?.employeeNumber ?? '',
      name: p ? `${p.familyName} ${p.givenName}` : '',
      unitName: p?.unitName ?? null,
      route: r.route as EnrolmentRoute,
      status: r.status as EnrolmentStatus,
      waitlistPosition: r.waitlistPosition,
      decidedByName: d ? `${d.familyName} ${d.givenName}` : null,
      note: r.note,
      report: r.report,
      survey: (r.survey as Survey | null) ?? null,
      certificate: r.certificate,
      version: r.version,
    };
  });
}

async function toViewsWithSession(ctx: ServiceContext, rows: readonly EnrolmentWithSessionRow[]): Promise<EnrolmentWithSession[]> {
  const views = await toViews(
    ctx,
    rows.map((r) => r.enrolment),
  );
  return views.map((v, i) => ({ ...v, session: toPlanSession(rows[i]!), isExternal: isExternal(rows[i]!.course) }));
}

type Entry = { staffId: number; route: EnrolmentRoute; note: string; decidedByStaffId: number | null; needsApproval: boolean };

/**
 * Puts people on a locked session: new rows or reopened closed ones, each placed by the capacity rule (or left
 * awaiting approval for an application). People already on the session are reported, not changed.
 */
async function enter(tx: Tx, ctx: ServiceContext, row: SessionWithCourse, entries: readonly Entry[]): Promise<{ added: EnrolmentRow[]; alreadyOn: number[] }> {
  const sessionId = row.session.id;
  const existing = new Map((await listEnrolmentsOfPeople(tx, sessionId, entries.map((e) => e.staffId))).map((e) => [e.staffId, e]));
  const seats = await readSeats(tx, sessionId);
  let seatsTaken = seats.seatsTaken;
  let waitlistLength = seats.waiting.length;
  const added: EnrolmentRow[] = [];
  const alreadyOn: number[] = [];
  for (const e of entries) {
    const current = existing.get(e.staffId);
    const reentry = isReentry(current?.status as EnrolmentStatus | undefined);
    if (reentry === 'already-on') {
      alreadyOn.push(e.staffId);
      continue;
    }
    const placement = e.needsApproval ? { status: 'applied' as const, waitlistPosition: null } : place({ capacity: row.session.capacity, seatsTaken, waitlistLength });
    if (placement.status === 'enrolled') seatsTaken += 1;
    if (placement.status === 'waitlisted') waitlistLength += 1;
    const values = { sessionId, staffId: e.staffId, route: e.route, status: placement.status, waitlistPosition: placement.waitlistPosition, decidedByStaffId: e.decidedByStaffId, note: e.note };
    const saved = reentry === 'reopen' && current ? await reopenEnrolment(tx, current.id, values) : await insertEnrolment(tx, ctx.actor.municipalityId, values);
    added.push(saved);
    await markPushesEnrolled(tx, ctx.actor.municipalityId, e.staffId, row.course.id);
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.enrolment-added',
      outcome: 'succeeded',
      objectType: 'training-enrolment',
      objectId: saved.id,
      details: { sessionId, staffId: e.staffId, route: e.route, status: saved.status, waitlistPosition: saved.waitlistPosition },
    });
  }
  return { added, alreadyOn };
}

/** Loads and locks the session; refuses people who are not staff employed on the session's start date. */
async function lockedSession(tx: Tx, ctx: ServiceContext, sessionId: number): Promise<SessionWithCourse> {
  if (!(await lockSession(tx, ctx.actor.municipalityId, sessionId))) throw sessionNotFound();
  const row = await findSession(tx, ctx.actor.municipalityId, sessionId);
  if (!row) throw sessionNotFound();
  return row;
}

function refuseRoute(row: SessionWithCourse, route: EnrolmentRoute): void {
  if (!row.course.isActive) throw new AppError('training.enrolment-not-allowed', '使用を終了した研修には受講者を追加できません。');
  if (!isRouteAllowed(route, toCourseView(row.course).selectionMethods)) {
    throw new AppError('training.enrolment-not-allowed', `この研修は「${selectionLabelOf(route)}」では受講者を決めません。`);
  }
}

/**
 * POST /api/training/sessions/{id}/enrolments: 所属推薦 (HR, or the head of the people's unit) or 指定 (HR).
 * All or nothing: one person the actor may not recommend refuses the whole request.
 */
export async function nominate(ctx: ServiceContext, input: NominationInput & { sessionId: number }): Promise<NominationResult> {
  const staffIds = [...new Set(input.staffIds)];
  const manage = await can(ctx.database, ctx.actor, 'training.enrolment.manage', {}, ctx.today);
  if (input.route === 'designation' && !manage.allowed) throw denied();
  if (input.route === 'unit-recommendation' && !manage.allowed) {
    for (const staffId of staffIds) {
      if (!(await can(ctx.database, ctx.actor, 'training.enrolment.recommend', { staffId }, ctx.today)).allowed) {
        throw new AppError('access.denied', '所属の職員だけを推薦できます。', [{ path: 'staffIds', staffId }]);
      }
    }
  }
  const result = await ctx.database.db.transaction(async (tx) => {
    const row = await lockedSession(tx, ctx, input.sessionId);
    refuseRoute(row, input.route);
    const employed = await listEmployedStaffIds(tx, ctx.actor.municipalityId, staffIds, row.session.startsOn);
    const unknown = staffIds.filter((id) => !employed.has(id));
    if (unknown.length > 0) {
      throw validationError(unknown.map((id) => ({ path: 'staffIds', code: 'not-employed', message: `職員(ID ${id})は研修の開始日に在職していません` })));
    }
    return enter(
      tx,
      ctx,
      row,
      staffIds.map((staffId) => ({ staffId, route: input.route, note: input.note, decidedByStaffId: ctx.actor.staffId, needsApproval: false })),
    );
  });
  return { added: await toViews(ctx, result.added), alreadyOn: result.alreadyOn };
}

/** POST /api/training/sessions/{id}/enrol-targets: everyone on the session's must-attend list who is not on it yet. */
export async function enrolTargets(ctx: ServiceContext, input: { sessionId: number }): Promise<NominationResult> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const first = await findSession(exec, municipalityId, input.sessionId);
  if (!first) throw sessionNotFound();
  const course = toCourseView(first.course);
  if (!hasAutomaticTargets(course)) throw new AppError('training.enrolment-not-allowed', 'この研修には職位・在籍年数による受講対象者がいません。');
  const asOf = first.session.startsOn;
  const people = factsAround(await loadPeople(exec, municipalityId, asOf, asOf), asOf);
  const targets = targetsFor(course.targetRule, people, first.session.fiscalYear, await getTenureBands(exec, municipalityId));
  const result = await exec.transaction(async (tx) => {
    const row = await lockedSession(tx, ctx, input.sessionId);
    refuseRoute(row, 'automatic');
    return enter(
      tx,
      ctx,
      row,
      targets.map((t) => ({ staffId: t.staffId, route: 'automatic' as const, note: t.reason, decidedByStaffId: ctx.actor.staffId, needsApproval: false })),
    );
  });
  return { added: await toViews(ctx, result.added), alreadyOn: result.alreadyOn };
}

/** POST /api/training/sessions/{id}/apply: the actor applies (希望); their evaluator decides. */
export async function apply(ctx: ServiceContext, input: ApplicationInput & { sessionId: number }): Promise<EnrolmentView> {
  const staffId = ctx.actor.staffId;
  if (staffId === null) throw new AppError('training.enrolment-not-allowed', '職員として登録されていないアカウントでは申し込めません。');
  const saved = await ctx.database.db.transaction(async (tx) => {
    const row = await lockedSession(tx, ctx, input.sessionId);
    refuseRoute(row, 'application');
    if (!isApplicationOpen(row.session.startsOn, ctx.today)) throw new AppError('training.enrolment-not-allowed', '開始日を過ぎた研修には申し込めません。');
    const { added, alreadyOn } = await enter(tx, ctx, row, [{ staffId, route: 'application', note: input.note, decidedByStaffId: null, needsApproval: true }]);
    if (alreadyOn.length > 0) throw new AppError('training.already-enrolled', 'この研修には申し込み済みです。');
    return added[0]!;
  });
  return (await toViews(ctx, [saved]))[0]!;
}

/**
 * Applies an action to one enrolment at `version` under the session's lock, then lets the waiting list move up
 * when a seat or a place in the queue freed.
 */
async function act(
  ctx: ServiceContext,
  input: { enrolmentId: number; version: number },
  action: EnrolmentAction,
  authorise: (row: EnrolmentRow) => Promise<void>,
  extra: (row: EnrolmentRow) => { note?: string; certificate?: string | null } = () => ({}),
): Promise<EnrolmentView> {
  const municipalityId = ctx.actor.municipalityId;
  const before = await findEnrolment(ctx.database.db, municipalityId, input.enrolmentId);
  if (!before) throw enrolmentNotFound();
  await authorise(before);
  const saved = await ctx.database.db.transaction(async (tx) => {
    const session = await lockedSession(tx, ctx, before.sessionId);
    const current = await findEnrolment(tx, municipalityId, input.enrolmentId);
    if (!current || current.version !== input.version) throw staleEnrolment();
    const from = current.status as EnrolmentStatus;
    const step = transition(from, action);
    if (!step.ok) throw invalidTransition(from);
    const seats = await readSeats(tx, current.sessionId);
    const placement = step.to === 'placed' ? place({ capacity: session.session.capacity, seatsTaken: seats.seatsTaken, waitlistLength: seats.waiting.length }) : null;
    const status = placement ? placement.status : (step.to as EnrolmentStatus);
    const decides = action === 'approve' || action === 'reject';
    const updated = await updateEnrolmentIfUnchanged(tx, municipalityId, current.id, input.version, {
      status,
      waitlistPosition: placement ? placement.waitlistPosition : null,
      ...(decides ? { decidedByStaffId: ctx.actor.staffId } : {}),
      ...extra(current),
    });
    if (!updated) throw staleEnrolment();
    let promoted: number[] = [];
    // A seat or a place in the queue freed: the first waiting people move in, the rest close up.
    if (action === 'cancel' && (from === 'enrolled' || from === 'waitlisted')) {
      const after = await readSeats(tx, current.sessionId);
      const change = fillFreeSeats(session.session.capacity, after.seatsTaken, after.waiting);
      await updateWaitlist(tx, change.promote, change.renumber);
      promoted = change.promote;
    }
    await auditInTx(tx, auditSource(ctx), {
      action: `training.enrolment-${action}`,
      outcome: 'succeeded',
      objectType: 'training-enrolment',
      objectId: current.id,
      details: { sessionId: current.sessionId, staffId: current.staffId, from, to: status, promoted },
    });
    return updated;
  });
  return (await toViews(ctx, [saved]))[0]!;
}

async function requireManage(ctx: ServiceContext): Promise<void> {
  if (!(await can(ctx.database, ctx.actor, 'training.enrolment.manage', {}, ctx.today)).allowed) throw denied();
}

async function requireApprover(ctx: ServiceContext, row: EnrolmentRow): Promise<void> {
  // The applicant never decides their own application, whatever role they hold.
  if (row.staffId === ctx.actor.staffId) throw new AppError('access.denied', '自分の申込みは承認できません。');
  if (!(await can(ctx.database, ctx.actor, 'training.enrolment.approve', { staffId: row.staffId }, ctx.today)).allowed) throw denied();
}

type ApplicantRef = { sessionId: number; staffId: number };

/** The application of a person to a session, addressed by both so that the guard can check the relation to the person. */
async function applicationOf(ctx: ServiceContext, input: ApplicantRef): Promise<number> {
  const row = await findEnrolmentOf(ctx.database.db, ctx.actor.municipalityId, input.sessionId, input.staffId);
  if (!row) throw enrolmentNotFound();
  return row.id;
}

/** POST /api/training/sessions/{sessionId}/applicants/{staffId}/approve: the evaluator (or HR) approves → enrolled or waitlisted. */
export async function approveApplication(ctx: ServiceContext, input: DecisionInput & ApplicantRef): Promise<EnrolmentView> {
  const enrolmentId = await applicationOf(ctx, input);
  return act(ctx, { enrolmentId, version: input.version }, 'approve', (row) => requireApprover(ctx, row), (row) => ({ note: input.note || row.note }));
}

/** POST /api/training/sessions/{sessionId}/applicants/{staffId}/reject */
export async function rejectApplication(ctx: ServiceContext, input: DecisionInput & ApplicantRef): Promise<EnrolmentView> {
  const enrolmentId = await applicationOf(ctx, input);
  return act(ctx, { enrolmentId, version: input.version }, 'reject', (row) => requireApprover(ctx, row), (row) => ({ note: input.note || row.note }));
}

/** POST /api/training/enrolments/{id}/cancel: the person themselves or HR; the first waiting person moves in. */
export const cancelEnrolment = (ctx: ServiceContext, input: DecisionInput & { enrolmentId: number }) =>
  act(ctx, input, 'cancel', async (row) => {
    if (row.staffId !== ctx.actor.staffId) await requireManage(ctx);
  }, (row) => ({ note: input.note || row.note }));

/** POST /api/training/enrolments/{id}/attendance: HR records 出席 / 修了 / 欠席 (and an external course's certificate). */
export async function recordAttendance(ctx: ServiceContext, input: AttendanceInput & { enrolmentId: number }): Promise<EnrolmentView> {
  return act(ctx, input, attendanceAction[input.status], () => requireManage(ctx), (row) => (input.certificate === null ? {} : { certificate: input.certificate ?? row.certificate }));
}

/** PUT /api/training/enrolments/{id}/report: the attendee's 受講報告, survey and (external courses) certificate. */
export async function saveReport(ctx: ServiceContext, input: ReportUpdate & { enrolmentId: number }): Promise<EnrolmentView> {
  const municipalityId = ctx.actor.municipalityId;
  const saved = await ctx.database.db.transaction(async (tx) => {
    const current = await findEnrolment(tx, municipalityId, input.enrolmentId);
    // Somebody else's enrolment is not even acknowledged to exist.
    if (!current || current.staffId !== ctx.actor.staffId) throw enrolmentNotFound();
    const session = await findSession(tx, municipalityId, current.sessionId);
    if (!session) throw sessionNotFound();
    const decision = canReport(current.status as EnrolmentStatus, isExternal(session.course), input.certificate !== null && input.certificate !== '');
    if (!decision.ok) {
      throw new AppError(
        'training.enrolment-not-allowed',
        decision.reason === 'not-attended' ? '受講報告は出席・修了の後に書けます。' : '修了証は外部の研修についてだけ記録できます。',
      );
    }
    const updated = await updateEnrolmentIfUnchanged(tx, municipalityId, current.id, input.version, {
      report: input.report,
      survey: input.survey,
      certificate: input.certificate === '' ? null : input.certificate,
    });
    if (!updated) throw staleEnrolment();
    await auditInTx(tx, auditSource(ctx), {
      action: 'training.enrolment-reported',
      outcome: 'succeeded',
      objectType: 'training-enrolment',
      objectId: current.id,
      details: { sessionId: current.sessionId, hasCertificate: updated.certificate !== null },
    });
    return updated;
  });
  return (await toViews(ctx, [saved]))[0]!;
}

/** GET /api/training/sessions/{id}/enrolments: HR sees everyone; a unit head only the members of the units they head. */
export async function readRoster(ctx: ServiceContext, input: { sessionId: number }): Promise<SessionRoster> {
  const exec = ctx.database.db;
  const row = await findSession(exec, ctx.actor.municipalityId, input.sessionId);
  if (!row) throw sessionNotFound();
  const manage = (await can(ctx.database, ctx.actor, 'training.enrolment.manage', {}, ctx.today)).allowed;
  const rows = await listEnrolmentsOfSession(exec, ctx.actor.municipalityId, input.sessionId);
  const visible: EnrolmentRow[] = [];
  if (manage) visible.push(...rows);
  else {
    const allowed = new Map<number, boolean>();
    for (const r of rows) {
      if (!allowed.has(r.staffId)) allowed.set(r.staffId, (await can(ctx.database, ctx.actor, 'training.enrolment.recommend', { staffId: r.staffId }, ctx.today)).allowed);
      if (allowed.get(r.staffId)) visible.push(r);
    }
  }
  const seats = await readSeats(exec, input.sessionId);
  const methods = toCourseView(row.course).selectionMethods;
  return {
    session: toPlanSession(row),
    seatsTaken: seats.seatsTaken,
    waitlistLength: seats.waiting.length,
    canManage: manage,
    canRecommend: row.course.isActive && methods.includes('unit-recommendation'),
    isExternal: isExternal(row.course),
    items: await toViews(ctx, visible),
  };
}

/** GET /api/training/enrolments/mine: the actor's enrolments, and the sessions they may still apply for. */
export async function readMyEnrolments(ctx: ServiceContext): Promise<MyEnrolments> {
  const staffId = ctx.actor.staffId;
  if (staffId === null) return { items: [], openForApplication: [] };
  const exec = ctx.database.db;
  const rows = await listEnrolmentsOfStaff(exec, ctx.actor.municipalityId, staffId);
  const onSession = new Set(rows.filter((r) => isReentry(r.enrolment.status as EnrolmentStatus) === 'already-on').map((r) => r.session.id));
  const open = await listSessionsOpenForApplication(exec, ctx.actor.municipalityId, ctx.today);
  return {
    items: await toViewsWithSession(ctx, rows),
    openForApplication: open.filter((s) => !onSession.has(s.session.id)).map(toPlanSession),
  };
}

/** GET /api/training/enrolments/approvals: applications awaiting the actor's decision (as evaluator, or HR). */
export async function readPendingApprovals(ctx: ServiceContext): Promise<PendingApprovals> {
  const rows = await listEnrolmentsInStatus(ctx.database.db, ctx.actor.municipalityId, 'applied');
  const mine: EnrolmentWithSessionRow[] = [];
  for (const r of rows) {
    if (r.enrolment.staffId === ctx.actor.staffId) continue;
    if ((await can(ctx.database, ctx.actor, 'training.enrolment.approve', { staffId: r.enrolment.staffId }, ctx.today)).allowed) mine.push(r);
  }
  return { items: await toViewsWithSession(ctx, mine) };
}
