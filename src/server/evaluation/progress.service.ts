/**
 * HR's progress view of an evaluation cycle (issue 3 item 9): every sheet's state by unit, the deadlines of the
 * cycle's period from the evaluation calendar with how many sheets are past them, the overdue lists, and
 * reminders — one in-app notification per person who must act (mailed too when SMTP is configured).
 */
import { clampDate } from '../../domain/common/fiscal-year.js';
import type { ServiceContext } from '../http/context.js';
import { auditInTx } from '../access/audit.service.js';
import { validationError } from '../http/validation-messages.js';
import { formatDate, formatFiscalYear } from '../../domain/common/wareki.js';
import {
  evaluationPeriodLabels,
  milestoneStepLabels,
  overdueMilestones,
  resolveCalendar,
  type EvaluationCalendar,
  type EvaluationPeriod,
  type Milestone,
  type MilestoneOwner,
  type MilestoneStep,
} from '../../domain/evaluation/evaluation-calendar.js';
import { abilityStateLabels, abilityStates, performanceStateLabels, performanceStates, type SheetState } from '../../domain/evaluation/sheet-workflow.js';
import type { CycleProgress, OverdueList, ReminderInput, ReminderResult, StateCounts, UnitProgress } from '../../domain/evaluation/progress-api.js';
import { orgAsOf, unitPath } from '../../domain/org/org-tree.js';
import { fullName } from '../org/org-views.js';
import { mailNotifications, notifyEach, type NotificationMessage } from '../notifications/notifications.service.js';
import { getCalendarSettings } from './calendar.service.js';
import { requireCycle } from './cycles.service.js';
import { kindOfPeriod } from './sheet-documents.js';
import type { CycleRow } from './sheets.repository.js';
import { countSheetGroups, listOverdueSheets, listReminderTargets, listUnitVersionsForNaming } from './progress.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });


type Loaded = { cycle: CycleRow; period: EvaluationPeriod; kind: 'performance' | 'ability'; calendar: EvaluationCalendar; milestones: Milestone[] };

async function loadCycle(ctx: ServiceContext, cycleId: number): Promise<Loaded> {
  const exec = ctx.database.db;
  const cycle = await requireCycle(exec, ctx.actor.municipalityId, cycleId);
  const period = cycle.period as EvaluationPeriod;
  const settings = await getCalendarSettings(exec, ctx.actor.municipalityId);
  const calendar = resolveCalendar(settings, cycle.fiscalYear);
  return { cycle, period, kind: kindOfPeriod(period), calendar, milestones: calendar.periods[period].milestones };
}

function stateLabelOf(kind: string, state: string): string {
  const labels: Partial<Record<string, string>> = kind === 'ability' ? abilityStateLabels : performanceStateLabels;
  return labels[state] ?? state;
}

type UnitNaming = { name: string; path: string; code: string };

/** Units' names and paths as the organisation stood on `date` (a unit abolished since keeps its last name). */
async function nameUnits(ctx: ServiceContext, unitIds: readonly number[], date: string): Promise<Map<number, UnitNaming>> {
  if (unitIds.length === 0) return new Map();
  const versions = await listUnitVersionsForNaming(ctx.database.db, ctx.actor.municipalityId, date);
  const snapshot = orgAsOf(versions, date);
  const byId = new Map(versions.map((v) => [v.unitId, v]));
  const named = new Map<number, UnitNaming>();
  for (const unitId of unitIds) {
    const version = byId.get(unitId);
    if (version === undefined) continue;
    named.set(unitId, { name: version.name, path: unitPath(unitId, snapshot) ?? version.name, code: version.code });
  }
  return named;
}

const unassignedUnitName = '所属なし';

function addCount(counts: StateCounts, state: string, n: number): void {
  const key = state as SheetState;
  counts[key] = (counts[key] ?? 0) + n;
}

/** GET /api/evaluation/cycles/:id/progress */
export async function getCycleProgress(ctx: ServiceContext, input: { cycleId: number }): Promise<CycleProgress> {
  const { cycle, period, kind, milestones } = await loadCycle(ctx, input.cycleId);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const pastDue = milestones.filter((m) => m.dueOn < ctx.today).map((m) => m.step);
  const groups = await countSheetGroups(exec, municipalityId, cycle.id);

  const byUnit = new Map<number | null, { sheets: number; byState: StateCounts; overdue: number }>();
  const totals = { sheets: 0, byState: {} as StateCounts, overdue: 0 };
  const done = new Map<MilestoneStep, number>();
  for (const group of groups) {
    let unit = byUnit.get(group.unitId);
    if (unit === undefined) {
      unit = { sheets: 0, byState: {}, overdue: 0 };
      byUnit.set(group.unitId, unit);
    }
    // A sheet is overdue once, however many passed deadlines it missed.
    const overdue = pastDue.some((step) => !group.completedSteps.includes(step)) ? group.sheets : 0;
    for (const step of group.completedSteps) done.set(step, (done.get(step) ?? 0) + group.sheets);
    unit.sheets += group.sheets;
    unit.overdue += overdue;
    addCount(unit.byState, group.state, group.sheets);
    totals.sheets += group.sheets;
    totals.overdue += overdue;
    addCount(totals.byState, group.state, group.sheets);
  }

  const namingDate = clampDate(ctx.today, cycle.startsOn, cycle.endsOn);
  const unitIds = [...byUnit.keys()].filter((id): id is number => id !== null);
  const naming = await nameUnits(ctx, unitIds, namingDate);
  const units: UnitProgress[] = [...byUnit.entries()].map(([unitId, counted]) => {
    const named = unitId === null ? undefined : naming.get(unitId);
    const name = unitId === null ? unassignedUnitName : (named?.name ?? `#${unitId}`);
    return { unitId, unitCode: named?.code ?? null, unitName: name, unitPath: named?.path ?? name, ...counted };
  });
  units.sort((a, b) => {
    if (a.unitCode === null || b.unitCode === null) return a.unitCode === b.unitCode ? (a.unitId ?? 0) - (b.unitId ?? 0) : a.unitCode === null ? 1 : -1;
    return a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : (a.unitId ?? 0) - (b.unitId ?? 0);
  });

  const states = (kind === 'ability' ? abilityStates : performanceStates).map((state) => ({ state, label: stateLabelOf(kind, state) }));
  return {
    cycle: { id: cycle.id, fiscalYear: cycle.fiscalYear, period, periodLabel: evaluationPeriodLabels[period], kind },
    asOf: ctx.today,
    states,
    totals,
    units,
    milestones: milestones.map((m) => {
      const completed = done.get(m.step) ?? 0;
      const isPastDue = m.dueOn < ctx.today;
      return {
        step: m.step,
        label: m.label,
        owner: m.owner,
        opensOn: m.opensOn,
        dueOn: m.dueOn,
        done: completed,
        overdue: isPastDue ? totals.sheets - completed : 0,
        isPastDue,
      };
    }),
  };
}

/** GET /api/evaluation/cycles/:id/overdue: sheets past a deadline (one step, or all) with who must act. */
export async function listOverdue(
  ctx: ServiceContext,
  input: { cycleId: number; step?: MilestoneStep; unitId?: number; page: number; pageSize: number },
): Promise<OverdueList> {
  const { cycle, period, calendar } = await loadCycle(ctx, input.cycleId);
  // A sheet that has completed nothing is overdue on every passed deadline: those are the candidates.
  const overdue = overdueMilestones(calendar, { period, completed: [] }, ctx.today).filter(
    (m) => input.step === undefined || m.step === input.step,
  );
  const { total, rows } = await listOverdueSheets(ctx.database.db, {
    municipalityId: ctx.actor.municipalityId,
    cycleId: cycle.id,
    milestones: overdue.map((m) => ({ step: m.step, dueOn: m.dueOn, owner: m.owner })),
    unitId: input.unitId,
    limit: input.pageSize,
    offset: (input.page - 1) * input.pageSize,
  });
  const byStep = new Map(overdue.map((m) => [m.step, m]));
  const naming = await nameUnits(ctx, [...new Set(rows.flatMap((r) => (r.unitId === null ? [] : [r.unitId])))], clampDate(ctx.today, cycle.startsOn, cycle.endsOn));
  return {
    total,
    page: input.page,
    pageSize: input.pageSize,
    items: rows.map((r) => {
      const milestone = byStep.get(r.step)!;
      return {
        sheetId: r.sheetId,
        staffId: r.staffId,
        employeeNumber: r.employeeNumber,
        name: fullName(r.familyName, r.givenName),
        unitId: r.unitId,
        unitName: r.unitId === null ? unassignedUnitName : (naming.get(r.unitId)?.name ?? `#${r.unitId}`),
        state: r.state as SheetState,
        stateLabel: stateLabelOf(r.kind, r.state),
        step: r.step,
        stepLabel: milestoneStepLabels[r.step],
        owner: milestone.owner,
        ownerStaffId: r.ownerStaffId,
        ownerName: r.ownerFamilyName === null || r.ownerGivenName === null ? null : fullName(r.ownerFamilyName, r.ownerGivenName),
        dueOn: r.dueOn,
        daysOverdue: milestone.daysOverdue,
      };
    }),
  };
}

const ownerInstruction: Record<MilestoneOwner, string> = {
  evaluatee: '「人事評価」の画面でご自身の評価シートを開いて、手続きを進めてください。',
  evaluator: '評価者として対応が必要です。「人事評価」の画面の「評価者・確認者として担当する評価シート」から開いて、手続きを進めてください。',
  confirmer: '確認者として対応が必要です。「人事評価」の画面の「評価者・確認者として担当する評価シート」から開いて、手続きを進めてください。',
};

/** The reminder one person receives: counts and the deadline only, never anyone's evaluation. */
function reminderMessage(cycle: CycleRow, milestone: Milestone, today: string, recipientStaffId: number, sheetIds: readonly number[]): NotificationMessage {
  const isPastDue = milestone.dueOn < today;
  const due = formatDate(milestone.dueOn, 'wareki');
  const what = `${formatFiscalYear(cycle.fiscalYear, 'wareki')} ${milestone.label}`;
  const count = milestone.owner === 'evaluatee' && sheetIds.length === 1 ? '' : `(対象の評価シート ${sheetIds.length} 件)`;
  return {
    recipientStaffId,
    kind: 'evaluation.reminder',
    title: `【${isPastDue ? '督促' : 'お知らせ'}】${milestone.label}`,
    body: [
      `${what}がまだ済んでいません${count}。`,
      isPastDue ? `期限(${due})を過ぎています。至急対応してください。` : `期限は${due}です。期限までに対応してください。`,
      ownerInstruction[milestone.owner],
    ].join('\n'),
    link: sheetIds.length === 1 ? `/evaluation/sheets/${sheetIds[0]}` : '/evaluation',
  };
}

/**
 * POST /api/evaluation/cycles/:id/reminders: one notification per person who must act on `step` for the sheets
 * still missing it (grouped: one per recipient however many sheets), created and audited in one transaction;
 * mail goes out after the commit.
 */
export async function sendReminders(ctx: ServiceContext, input: { cycleId: number } & ReminderInput): Promise<ReminderResult> {
  const { cycle, milestones } = await loadCycle(ctx, input.cycleId);
  const milestone = milestones.find((m) => m.step === input.step);
  if (milestone === undefined) {
    throw validationError([
      { path: 'step', code: 'custom', message: `${evaluationPeriodLabels[cycle.period as EvaluationPeriod]}に「${milestoneStepLabels[input.step]}」の期限はありません` },
    ]);
  }
  const municipalityId = ctx.actor.municipalityId;
  const sheetIds = input.sheetIds === undefined ? undefined : [...new Set(input.sheetIds)];
  const created = await ctx.database.db.transaction(async (tx) => {
    const targets = await listReminderTargets(tx, {
      municipalityId,
      cycleId: cycle.id,
      step: milestone.step,
      owner: milestone.owner,
      unitId: input.unitId,
      sheetIds,
    });
    const byOwner = new Map<number, number[]>();
    let skippedNoOwner = 0;
    for (const t of targets) {
      if (t.ownerStaffId === null) {
        skippedNoOwner += 1;
        continue;
      }
      const list = byOwner.get(t.ownerStaffId);
      if (list === undefined) byOwner.set(t.ownerStaffId, [t.sheetId]);
      else list.push(t.sheetId);
    }
    const messages = [...byOwner.entries()].map(([staffId, ids]) => reminderMessage(cycle, milestone, ctx.today, staffId, ids));
    const ids = await notifyEach(tx, municipalityId, messages, { mailConfig: ctx.config });
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.reminders-sent',
      outcome: 'succeeded',
      objectType: 'evaluation_cycle',
      objectId: cycle.id,
      details: {
        step: milestone.step,
        sheets: targets.length,
        recipients: messages.length,
        skippedNoOwner,
        unitId: input.unitId ?? null,
        selected: sheetIds?.length ?? null,
      },
    });
    return { ids, sheets: targets.length, notified: messages.length, skippedNoOwner };
  });
  const mail = await mailNotifications(ctx.database, ctx.config, municipalityId, created.ids);
  return { sheets: created.sheets, notified: created.notified, mailed: mail.mailed, mailFailed: mail.mailFailed, skippedNoOwner: created.skippedNoOwner };
}
