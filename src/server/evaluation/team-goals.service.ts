/**
 * チーム目標: the goals of a unit for a performance half, set by the unit head (or HR). Individual goals on the
 * unit members' sheets link to them (checked when goals are saved). Everyone signed in may read them.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import type { TeamGoal, TeamGoalInput, TeamGoalList, TeamGoalUpdate } from '../../domain/evaluation/evaluation-api.js';
import { requireCycle } from './cycles.service.js';
import { cycleSummary } from './sheet-documents.js';
import {
  countSheetsLinkingTeamGoal,
  countSheetsOfCycle,
  deleteTeamGoal,
  findTeamGoal,
  insertTeamGoal,
  listTeamGoals,
  listUnitNamesOn,
  updateTeamGoalIfUnchanged,
  type CycleRow,
  type TeamGoalRow,
} from './sheets.repository.js';
import type { Executor } from '../db/client.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const toTeamGoal = (g: TeamGoalRow): TeamGoal => ({ id: g.id, cycleId: g.cycleId, unitId: g.unitId, title: g.title, description: g.description, sortOrder: g.sortOrder, version: g.version });

async function performanceCycle(exec: Executor, ctx: ServiceContext, cycleId: number): Promise<CycleRow> {
  const cycle = await requireCycle(exec, ctx.actor.municipalityId, cycleId);
  if (cycle.period === 'year') throw new AppError('evaluation.invalid-request', 'チーム目標は業績評価(前期・後期)の期間に設定します。', { field: 'cycleId' });
  return cycle;
}

async function unitNameOf(exec: Executor, unitId: number, date: string): Promise<string> {
  const name = (await listUnitNamesOn(exec, [unitId], date)).get(unitId);
  if (name === undefined) throw new AppError('org.unit-not-found', '所属が見つかりません。');
  return name;
}

/** GET /api/evaluation/team-goals?cycleId&unitId */
export async function listUnitTeamGoals(ctx: ServiceContext, input: { cycleId: number; unitId: number }): Promise<TeamGoalList> {
  const exec = ctx.database.db;
  const cycle = await performanceCycle(exec, ctx, input.cycleId);
  const unitName = await unitNameOf(exec, input.unitId, cycle.endsOn);
  const goals = await listTeamGoals(exec, ctx.actor.municipalityId, cycle.id, [input.unitId]);
  const decision = await can(ctx.database, ctx.actor, 'evaluation.team-goals.manage', { unitId: input.unitId }, ctx.today);
  return { cycle: cycleSummary(cycle, await countSheetsOfCycle(exec, cycle.id)), unitId: input.unitId, unitName, canEdit: decision.allowed, goals: goals.map(toTeamGoal) };
}

const staleGoal = () => new AppError('common.conflict', '他の人が先にこのチーム目標を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

/** POST /api/evaluation/units/:unitId/team-goals */
export async function createTeamGoal(ctx: ServiceContext, input: TeamGoalInput): Promise<TeamGoal> {
  return ctx.database.db.transaction(async (tx) => {
    const cycle = await performanceCycle(tx, ctx, input.cycleId);
    await unitNameOf(tx, input.unitId, cycle.endsOn);
    const row = await insertTeamGoal(tx, {
      municipalityId: ctx.actor.municipalityId,
      cycleId: cycle.id,
      unitId: input.unitId,
      title: input.title,
      description: input.description,
      sortOrder: input.sortOrder,
      createdByStaffId: ctx.actor.staffId,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'evaluation.team-goal-created', outcome: 'succeeded', objectType: 'team_goal', objectId: row.id, details: { unitId: input.unitId, cycleId: cycle.id } });
    return toTeamGoal(row);
  });
}

/** PUT /api/evaluation/units/:unitId/team-goals/:id */
export async function updateTeamGoal(ctx: ServiceContext, input: TeamGoalUpdate & { unitId: number; goalId: number }): Promise<TeamGoal> {
  return ctx.database.db.transaction(async (tx) => {
    const current = await findTeamGoal(tx, ctx.actor.municipalityId, input.unitId, input.goalId);
    if (!current) throw new AppError('common.not-found', 'チーム目標が見つかりません。');
    const row = await updateTeamGoalIfUnchanged(tx, current.id, input.version, { title: input.title, description: input.description, sortOrder: input.sortOrder });
    if (!row) throw staleGoal();
    await auditInTx(tx, auditSource(ctx), { action: 'evaluation.team-goal-updated', outcome: 'succeeded', objectType: 'team_goal', objectId: row.id });
    return toTeamGoal(row);
  });
}

/** DELETE /api/evaluation/units/:unitId/team-goals/:id?version= — refused while an individual goal links to it. */
export async function removeTeamGoal(ctx: ServiceContext, input: { unitId: number; goalId: number; version?: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const current = await findTeamGoal(tx, ctx.actor.municipalityId, input.unitId, input.goalId);
    if (!current) throw new AppError('common.not-found', 'チーム目標が見つかりません。');
    if (input.version !== undefined && input.version !== current.version) throw staleGoal();
    const linked = await countSheetsLinkingTeamGoal(tx, current.cycleId, current.id);
    if (linked > 0) {
      throw new AppError('evaluation.team-goal-in-use', `このチーム目標には${linked}人の個人目標が結び付いているため削除できません。内容を修正してください。`, { linked });
    }
    await deleteTeamGoal(tx, current.id);
    await auditInTx(tx, auditSource(ctx), { action: 'evaluation.team-goal-deleted', outcome: 'succeeded', objectType: 'team_goal', objectId: current.id, details: { title: current.title } });
  });
}
