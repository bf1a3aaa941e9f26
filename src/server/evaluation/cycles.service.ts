/**
 * Evaluation cycles (ADR 0011): HR opens a cycle — a sheet for everyone in scope with evaluator and confirmer from
 * the relations in force on one date — and re-syncs it after transfers. The mid-period transfer rule: before the
 * self-evaluation is submitted the sheet moves to the new evaluator/confirmer, the former keeps read-only access
 * with a hand-over record until the feedback interview; afterwards the former evaluator finishes the rating.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { clampDate, fiscalYearOf } from '../../domain/common/fiscal-year.js';
import { fullName } from '../org/org-views.js';
import type { PositionLevel } from '../../domain/org/org-model.js';
import { positionLevels } from '../../domain/org/org-model.js';
import { itemsForLevel } from '../../domain/competency/ability-items.js';
import { resolveCalendar, type EvaluationPeriod } from '../../domain/evaluation/evaluation-calendar.js';
import { createAbilitySheet, createPerformanceSheet, isBeforeRating, type EvaluationSheet, type SheetSettings } from '../../domain/evaluation/sheet-workflow.js';
import { alwaysEvaluatedEmploymentTypes, fiscalYearEmploymentTypes } from '../../domain/evaluation/evaluation-settings.js';
import type { CycleSummary, OpenCycleInput, OpenCycleResult, SyncCycleResult } from '../../domain/evaluation/evaluation-api.js';
import { getCalendarSettings } from './calendar.service.js';
import { getEvaluationSettings } from './evaluation-settings.service.js';
import { getFrameworkForYear } from '../competency/competency.service.js';
import { listStaffNames } from '../org/staff.repository.js';
import { columnsOf, cycleSettingsOf, cycleSummary, type CycleSettings } from './sheet-documents.js';
import {
  findCycle,
  insertCycleIfAbsent,
  insertHandovers,
  insertSheets,
  listCycles as listCycleRows,
  listEffectiveRelationsOn,
  listSheetsOfCycle,
  listStaffInScope,
  updateSheetPeople,
  type CycleRow,
  type NewSheetRow,
  type ScopeRow,
} from './sheets.repository.js';
import type { Executor, Tx } from '../db/client.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });


/** GET /api/evaluation/cycles */
export async function listCycles(ctx: ServiceContext): Promise<{ cycles: CycleSummary[] }> {
  const rows = await listCycleRows(ctx.database.db, ctx.actor.municipalityId);
  return { cycles: rows.map((row) => cycleSummary(row, row.sheetCount)) };
}

export async function requireCycle(exec: Executor, municipalityId: number, cycleId: number): Promise<CycleRow> {
  const cycle = await findCycle(exec, municipalityId, cycleId);
  if (!cycle) throw new AppError('common.not-found', '評価期間が見つかりません。');
  return cycle;
}

function employmentTypesOf(includeFiscalYearStaff: boolean): string[] {
  return [...alwaysEvaluatedEmploymentTypes, ...(includeFiscalYearStaff ? fiscalYearEmploymentTypes : [])];
}

function newSheet(cycle: CycleRow, person: ScopeRow): EvaluationSheet {
  const settings = cycleSettingsOf(cycle);
  const common = { periodStartsOn: cycle.startsOn, periodEndsOn: cycle.endsOn, settings: settings.sheet, isHrProxy: !person.hasAccount };
  if (cycle.period === 'year') {
    const level = person.positionLevel as PositionLevel;
    return createAbilitySheet({ ...common, positionLevel: level, items: settings.itemsByLevel?.[level] ?? [] });
  }
  return createPerformanceSheet({ ...common, period: cycle.period as 'first-half' | 'second-half' });
}

async function createSheetsFor(
  tx: Tx,
  cycle: CycleRow,
  people: readonly ScopeRow[],
  relations: Map<number, { evaluator: number | null; confirmer: number | null }>,
): Promise<Array<{ sheetId: number; person: ScopeRow; evaluator: number | null; confirmer: number | null }>> {
  const rows: NewSheetRow[] = [];
  const planned = people.map((person) => {
    const held = relations.get(person.staffId) ?? { evaluator: null, confirmer: null };
    // Nobody evaluates themselves (a manual relation could say so by mistake).
    const evaluator = held.evaluator === person.staffId ? null : held.evaluator;
    const confirmer = held.confirmer === person.staffId ? null : held.confirmer;
    const sheet = newSheet(cycle, person);
    rows.push({
      municipalityId: cycle.municipalityId,
      cycleId: cycle.id,
      kind: sheet.kind,
      staffId: person.staffId,
      evaluatorStaffId: evaluator,
      confirmerStaffId: confirmer,
      unitId: person.unitId,
      positionId: person.positionId,
      isHrProxy: sheet.isHrProxy,
      ...columnsOf(sheet),
    });
    return { person, evaluator, confirmer };
  });
  const ids = await insertSheets(tx, rows);
  return planned.map((p) => ({ ...p, sheetId: ids.get(p.person.staffId)! }));
}

/** POST /api/evaluation/cycles: one sheet per person in scope; 409 when the cycle exists. */
export async function openCycle(ctx: ServiceContext, input: OpenCycleInput): Promise<OpenCycleResult> {
  const municipalityId = ctx.actor.municipalityId;
  const exec = ctx.database.db;
  const period: EvaluationPeriod = input.period;
  const calendarSettings = await getCalendarSettings(exec, municipalityId);
  const range = resolveCalendar(calendarSettings, input.fiscalYear).periods[period];
  const relationsAsOf = input.relationsAsOf ?? clampDate(ctx.today, range.startsOn, range.endsOn);
  if (relationsAsOf < range.startsOn || relationsAsOf > range.endsOn) {
    throw new AppError('evaluation.invalid-request', `評価者・確認者の基準日は評価期間(${range.startsOn}〜${range.endsOn})の中の日付にしてください。`, {
      field: 'relationsAsOf',
    });
  }
  if (input.fiscalYear > fiscalYearOf(ctx.today) + 1) {
    throw new AppError('evaluation.invalid-request', '評価期間を開始できるのは今年度と翌年度までです。', { field: 'fiscalYear' });
  }
  const evaluation = await getEvaluationSettings(exec, municipalityId);
  const includeFiscalYearStaff = input.includeFiscalYearStaff ?? evaluation.includeFiscalYearStaff;
  const sheetSettings: SheetSettings = { scale: evaluation.scale, overallRule: evaluation.overallRule, complaintPeriodDays: calendarSettings.complaintPeriodDays };
  const settings: CycleSettings = { sheet: sheetSettings };
  if (period === 'year') {
    const framework = await getFrameworkForYear(exec, municipalityId, input.fiscalYear);
    settings.frameworkFiscalYear = framework.fiscalYear;
    settings.itemsByLevel = Object.fromEntries(positionLevels.map((level) => [level, itemsForLevel(framework, level)]));
  }

  return exec.transaction(async (tx) => {
    const cycle = await insertCycleIfAbsent(tx, {
      municipalityId,
      fiscalYear: input.fiscalYear,
      period,
      startsOn: range.startsOn,
      endsOn: range.endsOn,
      settings,
      includesFiscalYearStaff: includeFiscalYearStaff,
      relationsAsOf,
      openedAt: ctx.now.toISOString(),
      openedByAccountId: ctx.actor.accountId,
    });
    if (!cycle) throw new AppError('evaluation.cycle-exists', 'この年度・期間の評価はすでに開始されています。');
    const people = await listStaffInScope(tx, municipalityId, relationsAsOf, employmentTypesOf(includeFiscalYearStaff));
    const relations = await listEffectiveRelationsOn(tx, municipalityId, relationsAsOf);
    const created = await createSheetsFor(tx, cycle, people, relations);
    const unassignedRows = created.filter((c) => c.evaluator === null || c.confirmer === null);
    const names = await listStaffNames(tx, municipalityId, unassignedRows.map((c) => c.person.staffId));
    const unassigned = unassignedRows.map((c) => {
      const n = names.get(c.person.staffId);
      return {
        sheetId: c.sheetId,
        staffId: c.person.staffId,
        name: n ? fullName(n.familyName, n.givenName) : '',
        missing: [...(c.evaluator === null ? ['evaluator' as const] : []), ...(c.confirmer === null ? ['confirmer' as const] : [])],
      };
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.cycle-opened',
      outcome: 'succeeded',
      objectType: 'evaluation_cycle',
      objectId: cycle.id,
      details: { fiscalYear: cycle.fiscalYear, period, relationsAsOf, created: created.length, unassigned: unassigned.length, includeFiscalYearStaff },
    });
    return { cycle: cycleSummary(cycle, created.length), created: created.length, unassigned };
  });
}

/**
 * POST /api/evaluation/cycles/:id/sync: people who came into scope get sheets; sheets whose evaluator or
 * confirmer changed (a transfer, a new manual relation) follow the transfer rule of ADR 0011.
 */
export async function syncCycle(ctx: ServiceContext, input: { cycleId: number }): Promise<SyncCycleResult> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const cycle = await requireCycle(tx, municipalityId, input.cycleId);
    const date = clampDate(ctx.today, cycle.startsOn, cycle.endsOn);
    const people = await listStaffInScope(tx, municipalityId, date, employmentTypesOf(cycle.includesFiscalYearStaff));
    const relations = await listEffectiveRelationsOn(tx, municipalityId, date);
    const sheets = await listSheetsOfCycle(tx, cycle.id);
    const bySubject = new Map(sheets.map((s) => [s.staffId, s]));
    const newcomers = people.filter((p) => !bySubject.has(p.staffId));
    const created = await createSheetsFor(tx, cycle, newcomers, relations);
    const posts = new Map(people.map((p) => [p.staffId, p]));

    const reassigned: SyncCycleResult['reassigned'] = [];
    let keptForRating = 0;
    const handovers: Parameters<typeof insertHandovers>[1][number][] = [];
    for (const sheet of sheets) {
      if (sheet.state === 'closed') continue;
      const held = relations.get(sheet.staffId);
      if (!held) continue;
      const changes: Array<{ kind: 'evaluator' | 'confirmer'; from: number | null; to: number }> = [];
      if (held.evaluator !== null && held.evaluator !== sheet.staffId && held.evaluator !== sheet.evaluatorStaffId) {
        changes.push({ kind: 'evaluator', from: sheet.evaluatorStaffId, to: held.evaluator });
      }
      if (held.confirmer !== null && held.confirmer !== sheet.staffId && held.confirmer !== sheet.confirmerStaffId) {
        changes.push({ kind: 'confirmer', from: sheet.confirmerStaffId, to: held.confirmer });
      }
      if (changes.length === 0) continue;
      if (!isBeforeRating(sheet.kind as EvaluationSheet['kind'], sheet.state)) {
        keptForRating += 1;
        continue;
      }
      const post = posts.get(sheet.staffId);
      await updateSheetPeople(tx, sheet.id, {
        evaluatorStaffId: changes.find((c) => c.kind === 'evaluator')?.to ?? sheet.evaluatorStaffId,
        confirmerStaffId: changes.find((c) => c.kind === 'confirmer')?.to ?? sheet.confirmerStaffId,
        unitId: post?.unitId ?? sheet.unitId,
        positionId: post?.positionId ?? sheet.positionId,
      });
      for (const change of changes) {
        if (change.from !== null) {
          handovers.push({
            municipalityId,
            sheetId: sheet.id,
            kind: change.kind,
            formerStaffId: change.from,
            newStaffId: change.to,
            handedOverOn: date,
            reason: '異動に伴う評価者・確認者の変更(評価期間の再同期)',
          });
        }
        reassigned.push({ sheetId: sheet.id, staffId: sheet.staffId, name: '', kind: change.kind, fromStaffId: change.from, fromName: null, toStaffId: change.to, toName: null });
      }
    }
    await insertHandovers(tx, handovers);
    const names = await listStaffNames(tx, municipalityId, reassigned.flatMap((r) => [r.staffId, r.fromStaffId ?? 0, r.toStaffId ?? 0]));
    const nameOf = (id: number | null) => {
      const n = id === null ? undefined : names.get(id);
      return n ? fullName(n.familyName, n.givenName) : null;
    };
    for (const r of reassigned) {
      r.name = nameOf(r.staffId) ?? '';
      r.fromName = nameOf(r.fromStaffId);
      r.toName = nameOf(r.toStaffId);
    }
    await auditInTx(tx, auditSource(ctx), {
      action: 'evaluation.cycle-synced',
      outcome: 'succeeded',
      objectType: 'evaluation_cycle',
      objectId: cycle.id,
      details: { date, created: created.length, reassigned: reassigned.length, keptForRating },
    });
    return { created: created.length, reassigned, keptForRating };
  });
}

