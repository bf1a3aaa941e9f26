/**
 * The desks' handler side (ADR 0020): the intake queue, the cases a handler is assigned to, the reporter's identity,
 * messages, notes, cooperators and the timeline; designations; suppressed statistics. A case's contents are read
 * only by handlers assigned to it now, never by an administrator role, and every read is audited first — if the
 * audit row cannot be written the read is refused (security.md 5).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx, type AuditSource } from '../access/audit.service.js';
import { mailNotifications, notify } from '../notifications/notifications.service.js';
import type { Role } from '../../domain/access/roles.js';
import {
  checkTransition,
  deskNotificationTitle,
  desks,
  isBarredFromCaseContents,
  isCaseOpen,
  isDesignationInForce,
  nextStatuses,
  type CaseStatus,
  type Desk,
  type DeskCategory,
  type DesignationInput,
} from '../../domain/workplace/desk-rules.js';
import { suppressDeskStatistics } from '../../domain/workplace/desk-statistics.js';
import { fiscalYearOf, fiscalYearRange } from '../../domain/common/fiscal-year.js';
import type { CaseDetail, CaseInbox, DesignatedHandler, DesignationList, DeskStatisticsView, ReporterIdentity } from '../../domain/workplace/desk-api.js';
import {
  countCases,
  endCaseHandler,
  findCase,
  findDesignation,
  findReporterIdentity,
  findStaffByNumber,
  insertCaseHandler,
  insertDesignation,
  insertEvent,
  isAssigned,
  listAssignedCases,
  listCurrentHandlers,
  listDesignatedStaff,
  listDesignations,
  listDesignationsOfStaff,
  listEvents,
  listRolesOfStaff,
  listStaffNames,
  listUnassignedCases,
  updateCaseStatus,
  updateDesignationEnd,
  type CaseRow,
} from './desk.repository.js';

const src = (ctx: ServiceContext): AuditSource => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
const notFound = () => new AppError('common.not-found', '対象が見つかりません。');

/** The desks the actor is designated for today (none for an administrator role, whatever else they hold). */
async function myDesks(ctx: ServiceContext): Promise<Desk[]> {
  if (ctx.actor.staffId === null || isBarredFromCaseContents(ctx.actor.roles)) return [];
  const rows = await listDesignationsOfStaff(ctx.database.db, ctx.actor.municipalityId, ctx.actor.staffId);
  return desks.filter((d) => rows.some((r) => isDesignationInForce({ desk: r.desk as Desk, designatedOn: r.designatedOn, endsOn: r.endsOn }, d, ctx.today)));
}

/**
 * The case, if the actor is assigned to it now and may see contents; otherwise the refusal is audited and the answer
 * is 404 (an unassigned handler learns nothing, not even that the case exists).
 */
async function assignedCase(ctx: ServiceContext, caseId: number, action: string): Promise<CaseRow> {
  const exec = ctx.database.db;
  const row = await findCase(exec, ctx.actor.municipalityId, caseId);
  const staffId = ctx.actor.staffId;
  const allowed =
    row !== undefined && staffId !== null && !isBarredFromCaseContents(ctx.actor.roles) && (await isAssigned(exec, row.id, staffId)) && (await myDesks(ctx)).includes(row.desk as Desk);
  if (!row || !allowed) {
    await audit(ctx.database, src(ctx), { action, outcome: 'denied', objectType: 'desk_case', objectId: caseId });
    throw notFound();
  }
  return row;
}

export async function listInbox(ctx: ServiceContext): Promise<CaseInbox> {
  const deskList = await myDesks(ctx);
  const exec = ctx.database.db;
  if (ctx.actor.staffId === null || deskList.length === 0) return { assigned: [], unassigned: [], desks: [] };
  // The list shows categories and pseudonyms of the actor's own cases: a read of case data, audited before it happens.
  await audit(ctx.database, src(ctx), { action: 'workplace.desk-case.list', outcome: 'allowed', objectType: 'desk_case' });
  const assigned = (await listAssignedCases(exec, ctx.actor.municipalityId, ctx.actor.staffId)).filter((c) => deskList.includes(c.desk as Desk));
  const unassigned = await listUnassignedCases(exec, ctx.actor.municipalityId, deskList, ctx.today);
  return {
    assigned: assigned.map((c) => ({ ...c, desk: c.desk as Desk, category: c.category as DeskCategory, status: c.status as CaseStatus })),
    unassigned: unassigned.map((c) => ({ ...c, desk: c.desk as Desk })),
    desks: deskList,
  };
}

export async function readCase(ctx: ServiceContext, caseId: number): Promise<CaseDetail> {
  const row = await assignedCase(ctx, caseId, 'workplace.desk-case.read');
  await audit(ctx.database, src(ctx), { action: 'workplace.desk-case.read', outcome: 'allowed', objectType: 'desk_case', objectId: row.id });
  const exec = ctx.database.db;
  const [handlers, events] = [await listCurrentHandlers(exec, row.id), await listEvents(exec, row.id)];
  const handlerIds = [...new Set(events.map((e) => Number(e.author)).filter((n) => Number.isSafeInteger(n) && n > 0))];
  const names = await listStaffNames(exec, handlerIds);
  return {
    id: row.id,
    desk: row.desk as Desk,
    category: row.category as DeskCategory,
    status: row.status as CaseStatus,
    nextStatuses: [...nextStatuses(row.status as CaseStatus)],
    pseudonym: row.pseudonym,
    isAnonymous: row.isAnonymous,
    summary: row.summary,
    receivedAt: row.receivedAt,
    closedAt: row.closedAt,
    version: row.version,
    handlers,
    events: events.map((e) => ({
      id: e.id,
      kind: e.kind as CaseDetail['events'][number]['kind'],
      authorLabel: e.author === 'reporter' ? row.pseudonym : (names.get(Number(e.author)) ?? '担当者'),
      fromReporter: e.author === 'reporter',
      body: e.body,
      statusTo: (e.statusTo as CaseStatus | null) ?? null,
      cooperator: e.cooperatorStaffId !== null ? { staffId: e.cooperatorStaffId, employeeNumber: e.cooperatorNumber ?? '', name: e.cooperatorName ?? '' } : null,
      createdAt: e.createdAt,
    })),
  };
}

/** Who reported — shown only on request, to an assigned handler, audited on every read. */
export async function readReporterIdentity(ctx: ServiceContext, caseId: number): Promise<ReporterIdentity> {
  const row = await assignedCase(ctx, caseId, 'workplace.desk-reporter.read');
  await audit(ctx.database, src(ctx), { action: 'workplace.desk-reporter.read', outcome: 'allowed', objectType: 'desk_case', objectId: row.id });
  const identity = await findReporterIdentity(ctx.database.db, row.id);
  if (!identity) return { isAnonymous: true, employeeNumber: null, staffName: null, name: '', contact: '' };
  return { isAnonymous: identity.staffId === null, employeeNumber: identity.employeeNumber, staffName: identity.staffId === null ? null : identity.staffName, name: identity.name, contact: identity.contact };
}

/** Notifies the reporter when they are a known member of staff (anonymous reporters see news when they follow). */
async function notifyReporter(ctx: ServiceContext, tx: Parameters<typeof notify>[0], caseId: number): Promise<number[]> {
  const identity = await findReporterIdentity(tx, caseId);
  if (!identity?.staffId) return [];
  return notify(tx, { municipalityId: ctx.actor.municipalityId, recipientStaffIds: [identity.staffId], kind: 'workplace.desk', title: deskNotificationTitle, body: '', link: '/workplace/desks' }, { mailConfig: ctx.config });
}

async function addEvent(ctx: ServiceContext, caseId: number, kind: 'message' | 'note' | 'cooperator', body: string, cooperatorStaffId: number | null = null) {
  const row = await assignedCase(ctx, caseId, `workplace.desk-${kind}.add`);
  if (!isCaseOpen(row.status as CaseStatus)) throw new AppError('workplace.desk-case-closed', 'この案件は終了しています。');
  const ids = await ctx.database.db.transaction(async (tx) => {
    const eventId = await insertEvent(tx, { municipalityId: row.municipalityId, caseId: row.id, kind, author: String(ctx.actor.staffId), body, cooperatorStaffId, createdAt: ctx.now.toISOString() });
    await auditInTx(tx, src(ctx), { action: `workplace.desk-${kind}.add`, outcome: 'succeeded', objectType: 'desk_case', objectId: row.id, details: { eventId } });
    return kind === 'message' ? notifyReporter(ctx, tx, row.id) : [];
  });
  await mailNotifications(ctx.database, ctx.config, row.municipalityId, ids);
  return readCase(ctx, row.id);
}

export const sendHandlerMessage = (ctx: ServiceContext, caseId: number, input: { body: string }) => addEvent(ctx, caseId, 'message', input.body);
export const addInvestigationNote = (ctx: ServiceContext, caseId: number, input: { body: string }) => addEvent(ctx, caseId, 'note', input.body);

/** A person who cooperated with the investigation: named only in the case, protected like the reporter. */
export async function recordCooperator(ctx: ServiceContext, caseId: number, input: { employeeNumber: string; body: string }) {
  await assignedCase(ctx, caseId, 'workplace.desk-cooperator.add');
  const person = await findStaffByNumber(ctx.database.db, ctx.actor.municipalityId, input.employeeNumber.normalize('NFKC').trim().toUpperCase());
  if (!person) throw new AppError('org.staff-not-found', 'その職員番号の職員はいません。');
  return addEvent(ctx, caseId, 'cooperator', input.body, person.id);
}

export async function moveCase(ctx: ServiceContext, caseId: number, input: { to: CaseStatus; note?: string; version: number }) {
  const row = await assignedCase(ctx, caseId, 'workplace.desk-case.move');
  const check = checkTransition(row.status as CaseStatus, input.to);
  if (!check.ok) {
    throw new AppError(check.code, check.code === 'workplace.desk-case-closed' ? 'この案件は終了しています。' : 'この段階には進められません(受付 → 調査中 → 是正措置 → 結果通知 → 終了)。');
  }
  const at = ctx.now.toISOString();
  const ids = await ctx.database.db.transaction(async (tx) => {
    if (!(await updateCaseStatus(tx, row.id, input.version, input.to, input.to === 'closed' ? at : null))) {
      throw new AppError('common.conflict', '他の担当者が先に更新しました。再読み込みしてください。');
    }
    await insertEvent(tx, { municipalityId: row.municipalityId, caseId: row.id, kind: 'status', author: String(ctx.actor.staffId), body: input.note ?? '', statusTo: input.to, createdAt: at });
    // The new status stays out of the audit row: where a case stands (e.g. 是正措置) says something about its content.
    await auditInTx(tx, src(ctx), { action: 'workplace.desk-case.move', outcome: 'succeeded', objectType: 'desk_case', objectId: row.id });
    return notifyReporter(ctx, tx, row.id);
  });
  await mailNotifications(ctx.database, ctx.config, row.municipalityId, ids);
  return readCase(ctx, row.id);
}

async function isDesignatedFor(ctx: ServiceContext, staffId: number, desk: Desk): Promise<boolean> {
  const designations = await listDesignationsOfStaff(ctx.database.db, ctx.actor.municipalityId, staffId);
  return designations.some((d) => isDesignationInForce({ desk: d.desk as Desk, designatedOn: d.designatedOn, endsOn: d.endsOn }, desk, ctx.today));
}

/** Can this staff member handle cases of the desk today? (designated, holds case_handler, no administrator role) */
async function isEligibleHandler(ctx: ServiceContext, staffId: number, desk: Desk): Promise<boolean> {
  const exec = ctx.database.db;
  const roles = (await listRolesOfStaff(exec, ctx.actor.municipalityId, staffId, ctx.today)) as Role[];
  if (!roles.includes('case_handler') || isBarredFromCaseContents(roles)) return false;
  return isDesignatedFor(ctx, staffId, desk);
}

/**
 * Assigns a designated handler. A handler of the desk may take a case nobody holds yet (the intake queue); once
 * assigned, only the case's own handlers add or remove colleagues. The reporter is never assigned to their case.
 */
export async function assignHandler(ctx: ServiceContext, caseId: number, input: { staffId: number }) {
  const exec = ctx.database.db;
  const row = await findCase(exec, ctx.actor.municipalityId, caseId);
  const mine = await myDesks(ctx);
  const current = row ? await listCurrentHandlers(exec, row.id) : [];
  // A case whose handlers have all lost their designation is back in the queue: any handler of the desk may take it.
  const active: typeof current = [];
  if (row) for (const h of current) if (await isDesignatedFor(ctx, h.staffId, row.desk as Desk)) active.push(h);
  const canAssign =
    row !== undefined && ctx.actor.staffId !== null && mine.includes(row.desk as Desk) && (active.length === 0 || active.some((h) => h.staffId === ctx.actor.staffId));
  if (!row || !canAssign) {
    await audit(ctx.database, src(ctx), { action: 'workplace.desk-handler.assign', outcome: 'denied', objectType: 'desk_case', objectId: caseId });
    throw notFound();
  }
  if (current.some((h) => h.staffId === input.staffId)) return { assigned: true };
  const identity = await findReporterIdentity(exec, row.id);
  if (identity?.staffId === input.staffId || !(await isEligibleHandler(ctx, input.staffId, row.desk as Desk))) {
    throw new AppError('workplace.desk-not-designated', 'この職員はこの窓口の対応者に指定されていないため、担当にできません。');
  }
  const ids = await ctx.database.db.transaction(async (tx) => {
    await insertCaseHandler(tx, { municipalityId: row.municipalityId, caseId: row.id, staffId: input.staffId, assignedAt: ctx.now.toISOString() });
    await auditInTx(tx, src(ctx), { action: 'workplace.desk-handler.assign', outcome: 'succeeded', objectType: 'desk_case', objectId: row.id, details: { staffId: input.staffId } });
    if (input.staffId === ctx.actor.staffId) return [];
    return notify(tx, { municipalityId: row.municipalityId, recipientStaffIds: [input.staffId], kind: 'workplace.desk', title: deskNotificationTitle, body: '', link: `/workplace/desks/cases/${row.id}` }, { mailConfig: ctx.config });
  });
  await mailNotifications(ctx.database, ctx.config, row.municipalityId, ids);
  return { assigned: true };
}

/** An assigned handler removes a colleague (or themself) from the case; the last handler cannot leave it unattended. */
export async function unassignHandler(ctx: ServiceContext, caseId: number, staffId: number) {
  const row = await assignedCase(ctx, caseId, 'workplace.desk-handler.unassign');
  const current = await listCurrentHandlers(ctx.database.db, row.id);
  if (!current.some((h) => h.staffId === staffId)) throw notFound();
  if (current.length === 1) throw new AppError('workplace.desk-not-designated', '担当者が一人のときは外せません。先に別の担当者を加えてください。');
  await ctx.database.db.transaction(async (tx) => {
    await endCaseHandler(tx, row.id, staffId, ctx.now.toISOString());
    await auditInTx(tx, src(ctx), { action: 'workplace.desk-handler.unassign', outcome: 'succeeded', objectType: 'desk_case', objectId: row.id, details: { staffId } });
  });
  return { unassigned: true };
}

/** The designated handlers of a desk the actor handles (for assigning); names only, no cases. */
export async function listHandlersOfDesk(ctx: ServiceContext, desk: Desk): Promise<DesignatedHandler[]> {
  if (!(await myDesks(ctx)).includes(desk)) return [];
  const rows = await listDesignatedStaff(ctx.database.db, ctx.actor.municipalityId, desk, ctx.today);
  const eligible: DesignatedHandler[] = [];
  for (const r of rows) if (await isEligibleHandler(ctx, r.staffId, desk)) eligible.push(r);
  return eligible;
}

// ---------- designations ----------

/**
 * ADR 0020: hr_admin designates (the employer's written designation) without any access to cases; a case_handler
 * designated for a desk today may designate colleagues for that desk (the desk's own lead).
 */
async function manageableDesks(ctx: ServiceContext): Promise<Desk[]> {
  if (ctx.actor.roles.includes('hr_admin')) return [...desks];
  return myDesks(ctx);
}

export async function listDeskDesignations(ctx: ServiceContext): Promise<DesignationList> {
  const rows = await listDesignations(ctx.database.db, ctx.actor.municipalityId);
  return {
    designations: rows.map((r) => ({ ...r, desk: r.desk as Desk, isInForce: isDesignationInForce({ desk: r.desk as Desk, designatedOn: r.designatedOn, endsOn: r.endsOn }, r.desk as Desk, ctx.today) })),
    canManageDesks: await manageableDesks(ctx),
  };
}

export async function designateHandler(ctx: ServiceContext, input: DesignationInput) {
  if (!(await manageableDesks(ctx)).includes(input.desk)) {
    await audit(ctx.database, src(ctx), { action: 'workplace.desk-designation.create', outcome: 'denied', details: { desk: input.desk } });
    throw new AppError('access.denied', 'この窓口の対応者を指定する権限がありません。');
  }
  const person = await findStaffByNumber(ctx.database.db, ctx.actor.municipalityId, input.employeeNumber.normalize('NFKC').trim().toUpperCase());
  if (!person) throw new AppError('org.staff-not-found', 'その職員番号の職員はいません。');
  const roles = (await listRolesOfStaff(ctx.database.db, ctx.actor.municipalityId, person.id, ctx.today)) as Role[];
  if (isBarredFromCaseContents(roles)) {
    throw new AppError('workplace.desk-not-designated', '人事・監査・システム管理の役割を持つ職員は、窓口の対応者に指定できません(窓口は管理部門から独立させる)。');
  }
  return ctx.database.db.transaction(async (tx) => {
    const id = await insertDesignation(tx, { municipalityId: ctx.actor.municipalityId, staffId: person.id, desk: input.desk, designatedOn: input.designatedOn, endsOn: input.endsOn, documentRef: input.documentRef.trim() });
    await auditInTx(tx, src(ctx), { action: 'workplace.desk-designation.create', outcome: 'succeeded', objectType: 'desk_designation', objectId: id, details: { staffId: person.id, desk: input.desk } });
    return { id, hasCaseHandlerRole: roles.includes('case_handler') };
  });
}

export async function endDesignation(ctx: ServiceContext, id: number, input: { endsOn: string }) {
  const row = await findDesignation(ctx.database.db, ctx.actor.municipalityId, id);
  if (!row || !(await manageableDesks(ctx)).includes(row.desk as Desk)) throw notFound();
  if (input.endsOn < row.designatedOn) throw new AppError('common.validation', '終了日は指定日以降にしてください。');
  await ctx.database.db.transaction(async (tx) => {
    await updateDesignationEnd(tx, id, input.endsOn);
    await auditInTx(tx, src(ctx), { action: 'workplace.desk-designation.end', outcome: 'succeeded', objectType: 'desk_designation', objectId: id, details: { endsOn: input.endsOn } });
  });
  return { id, endsOn: input.endsOn };
}

// ---------- statistics ----------

export async function readDeskStatistics(ctx: ServiceContext, input: { fiscalYear?: number }): Promise<DeskStatisticsView> {
  const fiscalYear = input.fiscalYear ?? fiscalYearOf(ctx.today);
  // 年度 boundaries are Japanese dates: midnight in Asia/Tokyo.
  const midnight = (date: string) => new Date(`${date}T00:00:00+09:00`).toISOString();
  const rows = await countCases(ctx.database.db, ctx.actor.municipalityId, midnight(fiscalYearRange(fiscalYear).startsOn), midnight(fiscalYearRange(fiscalYear + 1).startsOn));
  const table = suppressDeskStatistics(
    rows.map((r) => ({ desk: r.desk as Desk, category: r.category as DeskCategory, status: r.status as CaseStatus, count: Number(r.count) })),
    ctx.config.DESK_STATISTICS_MIN_CELL,
  );
  await audit(ctx.database, src(ctx), { action: 'workplace.desk-statistics.read', outcome: 'allowed', details: { fiscalYear } });
  return { fiscalYear, ...table };
}
