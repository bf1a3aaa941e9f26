/**
 * Evaluation sheets (ADR 0011): reading a sheet as far as the reader's relation allows, applying the workflow's
 * actions with optimistic versions and request keys, the reader's lists (my sheets, my queue, HR's cycle list)
 * and HR's reassignment.
 *
 * How a person stands to a sheet is decided here from the people named on it, never from today's relations: the
 * evaluatee is only ever the evaluatee of their own sheet (an HR officer's own sheet included); otherwise the
 * evaluator and confirmer named on it, HR by role, and former evaluators/confirmers read-only until feedback.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError, type ErrorCode } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { personnelAuthorityRoles } from '../../domain/access/roles.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import { clampDate } from '../../domain/common/fiscal-year.js';
import { evaluationPeriodLabels, nextDue, resolveCalendar, type EvaluationCalendar, type EvaluationPeriod, type MilestoneStep } from '../../domain/evaluation/evaluation-calendar.js';
import { notify } from '../notifications/notifications.service.js';
import {
  allowedActions,
  applyTransition,
  editableFields,
  editableFieldNames,
  isFeedbackGiven,
  sheetActionTypes,
  stateLabel,
  visibleFields,
  visibleHistory,
  waitingFor,
  type EditableField,
  type EvaluationSheet,
  type Goal,
  type SheetAction,
  type SheetActionType,
  type SheetRelation,
  type TransitionFailure,
} from '../../domain/evaluation/sheet-workflow.js';
import type { ReassignInput, SheetActionInput, SheetListItem, SheetView, TeamGoal } from '../../domain/evaluation/evaluation-api.js';
import { getCalendarSettings } from './calendar.service.js';
import { requireCycle } from './cycles.service.js';
import { columnsOf, cycleSummary, toDomainSheet } from './sheet-documents.js';
import { listUnitIdsBelow } from '../org/org.repository.js';
import { trainingRecordsForSheet } from '../training/self-development.service.js';
import { digitalSkillsForSheet } from '../digital/skill-assessment.service.js';
import {
  countSheetsOfCycle,
  findSheet,
  findSheetAction,
  findStaffOfMunicipality,
  insertHandovers,
  insertSheetAction,
  listHandoversWithNames,
  listSheets,
  listTeamGoalsForUnit,
  listUnitNamesOn,
  sheetPeopleOf,
  updateSheetIfUnchanged,
  updateSheetPeople,
  type CycleRow,
  type SheetListFilter,
  type SheetListRow,
  type SheetRow,
} from './sheets.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

type Reader = {
  /** how the reader is shown to stand to the sheet */
  relation: SheetView['relation'];
  /** the relation whose view of the sheet the reader gets */
  viewAs: SheetRelation;
  /** the relations the reader may act in, in the order tried */
  actsAs: SheetRelation[];
};

const isHr = (ctx: ServiceContext) => ctx.actor.roles.some((role) => personnelAuthorityRoles.includes(role));

async function readerOf(exec: Executor, ctx: ServiceContext, row: SheetRow): Promise<Reader | undefined> {
  const me = ctx.actor.staffId;
  if (me !== null && row.staffId === me) return { relation: 'evaluatee', viewAs: 'evaluatee', actsAs: ['evaluatee'] };
  const actsAs: SheetRelation[] = [];
  if (me !== null && row.evaluatorStaffId === me) actsAs.push('evaluator');
  if (me !== null && row.confirmerStaffId === me) actsAs.push('confirmer');
  if (isHr(ctx)) actsAs.push('hr');
  const first = actsAs[0];
  if (first !== undefined) return { relation: first, viewAs: actsAs.includes('hr') ? 'hr' : first, actsAs };
  if (me === null) return undefined;
  const former = (await listHandoversWithNames(exec, row.id)).filter((h) => h.formerStaffId === me).at(-1);
  if (former && !isFeedbackGiven(row.kind as EvaluationSheet['kind'], row.state)) {
    return { relation: former.kind === 'evaluator' ? 'former-evaluator' : 'former-confirmer', viewAs: former.kind as SheetRelation, actsAs: [] };
  }
  return undefined;
}

/** The sheet with only what `viewAs` may see (absent keys for the rest). */
function redact(sheet: EvaluationSheet, viewAs: SheetRelation): SheetView['sheet'] {
  const fields = new Set<string>(visibleFields(sheet, viewAs));
  const out: Record<string, unknown> = {
    kind: sheet.kind,
    state: sheet.state,
    period: sheet.period,
    settings: sheet.settings,
    periodStartsOn: sheet.periodStartsOn,
    periodEndsOn: sheet.periodEndsOn,
    isHrProxy: sheet.isHrProxy,
  };
  if (sheet.kind === 'performance') {
    out.disclosedOn = sheet.disclosedOn;
    out.complaintUntil = sheet.complaintUntil;
  } else {
    out.positionLevel = sheet.positionLevel;
  }
  const source = sheet as unknown as Record<string, unknown>;
  for (const field of fields) {
    if (field === 'history') out.history = visibleHistory(sheet, viewAs);
    else if (field === 'revision') {
      out.revision = source.revision;
      out.revisions = source.revisions;
    } else out[field] = source[field];
  }
  return out as SheetView['sheet'];
}

function union<T extends string>(lists: T[][], order: readonly T[]): T[] {
  const all = new Set(lists.flat());
  return order.filter((x) => all.has(x));
}

type CalendarCache = Map<number, EvaluationCalendar>;

async function calendarOf(exec: Executor, ctx: ServiceContext, fiscalYear: number, cache: CalendarCache): Promise<EvaluationCalendar> {
  let calendar = cache.get(fiscalYear);
  if (!calendar) {
    calendar = resolveCalendar(await getCalendarSettings(exec, ctx.actor.municipalityId), fiscalYear);
    cache.set(fiscalYear, calendar);
  }
  return calendar;
}

function nextDueOf(calendar: EvaluationCalendar, period: string, completed: readonly string[], state: string, today: string): SheetListItem['nextDue'] {
  if (state === 'closed') return null;
  const due = nextDue(calendar, { period: period as EvaluationPeriod, completed: completed as MilestoneStep[] }, today);
  if (!due) return null;
  return { step: due.milestone.step, label: due.milestone.label, dueOn: due.milestone.dueOn, isOverdue: due.status === 'overdue' };
}

async function teamGoalsOf(exec: Executor, row: SheetRow, cycle: CycleRow): Promise<TeamGoal[]> {
  if (row.kind !== 'performance' || row.unitId === null) return [];
  const rows = await listTeamGoalsForUnit(exec, row.municipalityId, cycle.id, row.unitId, cycle.endsOn);
  return rows.map((g) => ({ id: g.id, cycleId: g.cycleId, unitId: g.unitId, title: g.title, description: g.description, sortOrder: g.sortOrder, version: g.version }));
}

async function viewOf(exec: Executor, ctx: ServiceContext, row: SheetRow, cycle: CycleRow, reader: Reader): Promise<SheetView> {
  const sheet = toDomainSheet(row, cycle);
  const people = await sheetPeopleOf(exec, row, clampDate(ctx.today, cycle.startsOn, cycle.endsOn));
  const handovers = await listHandoversWithNames(exec, row.id);
  const calendar = await calendarOf(exec, ctx, cycle.fiscalYear, new Map());
  return {
    id: row.id,
    cycle: cycleSummary(cycle, await countSheetsOfCycle(exec, cycle.id)),
    evaluatee: people.evaluatee,
    evaluator: people.evaluator,
    confirmer: people.confirmer,
    handovers: handovers.map((h) => ({ kind: h.kind as 'evaluator' | 'confirmer', former: { staffId: h.formerStaffId, name: h.formerName }, handedOverOn: h.handedOverOn, reason: h.reason })),
    relation: reader.relation,
    state: sheet.state,
    stateLabel: stateLabel(sheet.kind, sheet.state),
    version: row.version,
    updatedAt: row.updatedAt,
    sheet: redact(sheet, reader.viewAs),
    visibleFields: visibleFields(sheet, reader.viewAs),
    editableFields: union<EditableField>(reader.actsAs.map((r) => editableFields(sheet, r)), editableFieldNames),
    allowedActions: union<SheetActionType>(reader.actsAs.map((r) => allowedActions(sheet, r)), sheetActionTypes),
    teamGoals: await teamGoalsOf(exec, row, cycle),
    nextDue: nextDueOf(calendar, row.kind === 'ability' ? 'year' : (sheet.period as string), row.completedSteps, row.state, ctx.today),
    // 研修・自己啓発 from the training area's records (issue 4 item 6), shown wherever the learning field is visible.
    trainingRecords: visibleFields(sheet, reader.viewAs).includes('learning')
      ? await trainingRecordsForSheet(exec, row.municipalityId, row.staffId, { startsOn: sheet.periodStartsOn, endsOn: sheet.periodEndsOn })
      : [],
    // デジタルスキルの自己評価 confirmed by the supervisor (issue 4 item 7, IV-2-(7)), beside the digital ability items.
    digitalSkills:
      row.kind === 'ability' && visibleFields(sheet, reader.viewAs).includes('items')
        ? await digitalSkillsForSheet(exec, row.municipalityId, row.staffId, cycle.fiscalYear)
        : null,
  };
}

async function loadForReader(exec: Executor, ctx: ServiceContext, sheetId: number, opts: { forUpdate?: boolean } = {}) {
  const row = await findSheet(exec, ctx.actor.municipalityId, sheetId, opts);
  if (!row) throw new AppError('common.not-found', '評価シートが見つかりません。');
  const reader = await readerOf(exec, ctx, row);
  if (!reader) throw new AppError('access.denied', 'この評価シートを見る権限がありません。');
  const cycle = await requireCycle(exec, ctx.actor.municipalityId, row.cycleId);
  return { row, reader, cycle };
}

/** GET /api/evaluation/sheets/:id — reads by anyone but the evaluatee are audited (refused if the audit cannot be written). */
export async function readSheet(ctx: ServiceContext, input: { sheetId: number }): Promise<SheetView> {
  const exec = ctx.database.db;
  const { row, reader, cycle } = await loadForReader(exec, ctx, input.sheetId);
  if (reader.relation !== 'evaluatee') {
    await audit(ctx.database, auditSource(ctx), {
      action: 'evaluation.sheet-read',
      outcome: 'allowed',
      objectType: 'evaluation_sheet',
      objectId: row.id,
      details: { relation: reader.relation, evaluateeStaffId: row.staffId },
    });
  }
  return viewOf(exec, ctx, row, cycle, reader);
}

/**
 * Tells the person whose move it now is (in-app only; the deadline reminders are what may go by mail). HR's
 * moves are not notified one by one: HR works from the progress dashboard.
 */
async function notifyWhoseTurn(tx: Executor, row: SheetRow, cycle: CycleRow): Promise<void> {
  const next = waitingFor(row.kind as EvaluationSheet['kind'], row.state);
  const recipient = next === 'evaluatee' ? (row.isHrProxy ? null : row.staffId) : next === 'evaluator' ? row.evaluatorStaffId : next === 'confirmer' ? row.confirmerStaffId : null;
  if (recipient === null) return;
  const people = await sheetPeopleOf(tx, row, cycle.endsOn);
  const whose = next === 'evaluatee' ? 'あなたの' : `${people.evaluatee.name}さんの`;
  const label = stateLabel(row.kind as EvaluationSheet['kind'], row.state);
  await notify(tx, {
    municipalityId: row.municipalityId,
    recipientStaffIds: [recipient],
    kind: 'evaluation.turn',
    title: `評価シートの対応をお願いします(${label})`,
    body: `${cycle.fiscalYear}年度 ${evaluationPeriodLabels[cycle.period as EvaluationPeriod]}: ${whose}評価シートが「${label}」になりました。`,
    link: `/evaluation/sheets/${row.id}`,
  });
}

function goalsOf(action: SheetAction): Goal[] {
  if (action.type === 'save-goals') return action.goals;
  if (action.type === 'request-revision') return action.proposedGoals;
  return [];
}

const workflowError = (failure: TransitionFailure) => {
  const code: ErrorCode = failure.code;
  return new AppError(code, failure.message);
};

/**
 * POST /api/evaluation/sheets/:id/actions. The same request key again changes nothing and answers with the sheet
 * as it is; a version other than the sheet's is a conflict (409); the workflow's refusals keep their codes.
 */
export async function actOnSheet(ctx: ServiceContext, input: { sheetId: number } & SheetActionInput): Promise<SheetView> {
  const outcome = await ctx.database.db.transaction(async (tx) => {
    const { row, reader, cycle } = await loadForReader(tx, ctx, input.sheetId, { forUpdate: true });
    if (await findSheetAction(tx, row.id, input.requestKey)) return { repeated: true as const };
    if (row.version !== input.version) {
      throw new AppError('common.conflict', '他の人が先にこの評価シートを更新しました。最新の内容を読み込んでから、もう一度操作してください。', {
        currentVersion: row.version,
      });
    }
    if (reader.actsAs.length === 0) throw new AppError('access.denied', 'この評価シートは閲覧のみできます。');
    const goals = goalsOf(input.action);
    if (goals.some((goal) => goal.teamGoalId !== null)) {
      const known = new Set((await teamGoalsOf(tx, row, cycle)).map((g) => g.id));
      const unknown = goals.find((goal) => goal.teamGoalId !== null && !known.has(goal.teamGoalId));
      if (unknown) throw new AppError('evaluation.team-goal-unknown', 'この所属のチーム目標ではない目標が選ばれています。', { goalId: unknown.id });
    }
    const sheet = toDomainSheet(row, cycle);
    const now = { at: ctx.now.toISOString(), today: ctx.today };
    let failure: TransitionFailure | undefined;
    for (const relation of reader.actsAs) {
      const result = applyTransition(sheet, input.action, { relation, staffId: ctx.actor.staffId }, now);
      if (!result.ok) {
        if (failure === undefined || failure.code === 'evaluation.forbidden-relation') failure = result;
        continue;
      }
      const written = await updateSheetIfUnchanged(tx, row.id, row.version, columnsOf(result.sheet));
      if (!written) throw new AppError('common.conflict', '他の人が先にこの評価シートを更新しました。最新の内容を読み込んでから、もう一度操作してください。');
      const recorded = await insertSheetAction(tx, {
        municipalityId: row.municipalityId,
        sheetId: row.id,
        requestKey: input.requestKey,
        action: input.action.type,
        relation,
        actorAccountId: ctx.actor.accountId,
        version: written.version,
      });
      if (!recorded) throw new AppError('common.conflict', 'この操作はすでに受け付けられています。');
      if (written.state !== row.state) await notifyWhoseTurn(tx, written, cycle);
      await auditInTx(tx, auditSource(ctx), {
        action: 'evaluation.sheet-action',
        outcome: 'succeeded',
        objectType: 'evaluation_sheet',
        objectId: row.id,
        details: { action: input.action.type, relation, from: row.state, to: written.state, version: written.version },
      });
      return { repeated: false as const };
    }
    throw workflowError(failure!);
  });
  void outcome;
  // Read after the commit: a repeat answers with the sheet as it stands now, like the first request did.
  const exec = ctx.database.db;
  const { row, reader, cycle } = await loadForReader(exec, ctx, input.sheetId);
  return viewOf(exec, ctx, row, cycle, reader);
}

async function toListItems(exec: Executor, ctx: ServiceContext, rows: readonly SheetListRow[], relationOf: (row: SheetListRow) => SheetListItem['relation']): Promise<SheetListItem[]> {
  const units = await listUnitNamesOn(exec, rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])), ctx.today);
  const calendars: CalendarCache = new Map();
  const items: SheetListItem[] = [];
  for (const row of rows) {
    const relation = relationOf(row);
    const calendar = await calendarOf(exec, ctx, row.fiscalYear, calendars);
    const waiting = waitingFor(row.kind as EvaluationSheet['kind'], row.state);
    items.push({
      id: row.id,
      cycleId: row.cycleId,
      fiscalYear: row.fiscalYear,
      period: row.period as EvaluationPeriod,
      kind: row.kind as 'performance' | 'ability',
      state: row.state as EvaluationSheet['state'],
      stateLabel: stateLabel(row.kind as EvaluationSheet['kind'], row.state),
      evaluatee: { staffId: row.staffId, name: row.evaluateeName, employeeNumber: row.employeeNumber },
      evaluator: row.evaluatorStaffId === null ? null : { staffId: row.evaluatorStaffId, name: row.evaluatorName ?? '' },
      confirmer: row.confirmerStaffId === null ? null : { staffId: row.confirmerStaffId, name: row.confirmerName ?? '' },
      unitName: row.unitId === null ? null : (units.get(row.unitId) ?? null),
      positionName: row.positionName,
      relation,
      isWaitingForMe: waiting !== null && (waiting === relation || (waiting === 'evaluatee' && relation === 'hr' && row.isHrProxy)),
      nextDue: nextDueOf(calendar, row.period, row.completedSteps, row.state, ctx.today),
      version: row.version,
    });
  }
  return items;
}

/** GET /api/evaluation/my-sheets: the reader's own sheets, newest cycle first. */
export async function listMySheets(ctx: ServiceContext): Promise<{ items: SheetListItem[] }> {
  if (ctx.actor.staffId === null) return { items: [] };
  const exec = ctx.database.db;
  const { rows } = await listSheets(exec, { municipalityId: ctx.actor.municipalityId, staffId: ctx.actor.staffId, limit: 200 });
  return { items: await toListItems(exec, ctx, rows, () => 'evaluatee') };
}

/** GET /api/evaluation/queue: sheets the reader evaluates or confirms (or handed over), waiting-for-me first. */
export async function listMyQueue(ctx: ServiceContext, input: { cycleId?: number }): Promise<{ items: SheetListItem[] }> {
  const me = ctx.actor.staffId;
  if (me === null) return { items: [] };
  const exec = ctx.database.db;
  const { rows } = await listSheets(exec, { municipalityId: ctx.actor.municipalityId, raterStaffId: me, cycleId: input.cycleId, limit: 2000 });
  const relationOf = (row: SheetListRow): SheetListItem['relation'] =>
    row.evaluatorStaffId === me ? 'evaluator' : row.confirmerStaffId === me ? 'confirmer' : row.formerKind === 'confirmer' ? 'former-confirmer' : 'former-evaluator';
  const items = await toListItems(exec, ctx, rows, relationOf);
  const stable = items.map((item, index) => ({ item, index }));
  stable.sort((a, b) => Number(b.item.isWaitingForMe) - Number(a.item.isWaitingForMe) || a.index - b.index);
  return { items: stable.map((s) => s.item) };
}

export type CycleSheetQuery = { cycleId: number; unitId?: number; includeSubunits?: boolean; state?: string; q?: string; page: number; pageSize: number };

/** GET /api/evaluation/cycles/:id/sheets (HR). */
export async function listCycleSheets(ctx: ServiceContext, input: CycleSheetQuery) {
  const exec = ctx.database.db;
  const cycle = await requireCycle(exec, ctx.actor.municipalityId, input.cycleId);
  const date = clampDate(ctx.today, cycle.startsOn, cycle.endsOn);
  const filter: SheetListFilter = {
    municipalityId: ctx.actor.municipalityId,
    cycleId: cycle.id,
    state: input.state,
    q: input.q === undefined ? undefined : normalizeForSearch(input.q),
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  };
  if (input.unitId !== undefined) {
    filter.unitIds = input.includeSubunits === false ? [input.unitId] : await listUnitIdsBelow(exec, ctx.actor.municipalityId, input.unitId, date);
  }
  const { total, rows } = await listSheets(exec, filter);
  return { total, page: input.page, pageSize: input.pageSize, items: await toListItems(exec, ctx, rows, () => 'hr') };
}

/**
 * PUT /api/evaluation/sheets/:id/assignees (HR): names another evaluator and/or confirmer with a reason; the former
 * ones keep read-only access until feedback (ADR 0011).
 */
export async function reassignSheet(ctx: ServiceContext, input: { sheetId: number } & ReassignInput): Promise<SheetView> {
  const municipalityId = ctx.actor.municipalityId;
  await ctx.database.db.transaction(async (tx) => {
    const row = await findSheet(tx, municipalityId, input.sheetId, { forUpdate: true });
    if (!row) throw new AppError('common.not-found', '評価シートが見つかりません。');
    if (row.version !== input.version) throw new AppError('common.conflict', '他の人が先にこの評価シートを更新しました。最新の内容を読み込んでから、もう一度操作してください。');
    if (row.state === 'closed') throw new AppError('evaluation.sheet-locked', 'この評価シートは完了しているため変更できません。');
    if (row.staffId === ctx.actor.staffId) throw new AppError('access.denied', '自分の評価シートの評価者・確認者は変更できません。');
    for (const [field, id] of [['evaluatorStaffId', input.evaluatorStaffId], ['confirmerStaffId', input.confirmerStaffId]] as const) {
      if (id === null) continue;
      if (id === row.staffId) throw new AppError('evaluation.invalid-request', '被評価者本人を評価者・確認者にすることはできません。', { field });
      if (!(await findStaffOfMunicipality(tx, municipalityId, id))) throw new AppError('evaluation.invalid-request', '指定された職員が見つかりません。', { field });
    }
    const changes = (
      [
        ['evaluator', row.evaluatorStaffId, input.evaluatorStaffId],
        ['confirmer', row.confirmerStaffId, input.confirmerStaffId],
      ] as const
    ).filter(([, from, to]) => from !== to);
    if (changes.length === 0) return;
    await updateSheetPeople(tx, row.id, { evaluatorStaffId: input.evaluatorStaffId, confirmerStaffId: input.confirmerStaffId, unitId: row.unitId, positionId: row.positionId });
    await insertHandovers(
      tx,
      changes.flatMap(([kind, from, to]) =>
        from === null ? [] : [{ municipalityId, sheetId: row.id, kind, formerStaffId: from, newStaffId: to, handedOverOn: ctx.today, reason: input.reason }],
      ),
    );
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.sheet-reassigned',
      outcome: 'succeeded',
      objectType: 'evaluation_sheet',
      objectId: row.id,
      details: { changes: changes.map(([kind, from, to]) => ({ kind, from, to })), reason: input.reason },
    });
  });
  const exec = ctx.database.db;
  const { row, reader, cycle } = await loadForReader(exec, ctx, input.sheetId);
  return viewOf(exec, ctx, row, cycle, reader);
}
