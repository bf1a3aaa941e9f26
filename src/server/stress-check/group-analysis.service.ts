/**
 * Group-level views for the implementer and HR (ADR 0017): 集団分析 per unit and across units with last year's
 * figures, the high-risk units and their follow-up actions, answer progress by unit (counts only) and the counts
 * of the yearly report to the labour office. Group figures come from `stress_check_group_entries` (no identity),
 * only once the campaign has closed, and only for units the suppression plan shows.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { analyseGroups, frozenTree, hasFrozenTree, type GroupEntry, type GroupEntryScores } from '../../domain/stress-check/group-analysis.js';
import type { Sex } from '../../domain/stress-check/health-risk.js';
import type {
  AnswerProgress,
  GroupAnalysis,
  GroupFigure,
  HighRiskUnits,
  LabourOfficeReport,
  UnitAction,
  UnitActionInput,
  UnitActionStatus,
} from '../../domain/stress-check/stress-check-api.js';
import { auditSource, requireCampaign, toCampaign } from './campaigns.service.js';
import {
  countProgressByUnit,
  countReport,
  findClosedCampaignOfYear,
  insertUnitAction,
  listGroupEntries,
  listUnitActions,
  listUnitsOn,
  type CampaignRow,
  type UnitActionRow,
} from './stress-check.repository.js';
import type { Executor } from '../db/client.js';

const notReady = () => new AppError('stress-check.analysis-not-ready', '集団分析は実施の終了後に表示できます(実施中の集計は、提出の前後の差から個人が分かるおそれがあるため行いません)。');

/**
 * A closed campaign's groups on the tree frozen at its close (unit names as of the closing day); a campaign
 * closed without frozen paths (none from this version) falls back to the organisation of its closing day.
 */
async function analyseCampaign(exec: Executor, campaign: CampaignRow) {
  const units = await listUnitsOn(exec, campaign.municipalityId, campaign.closesOn);
  const entries: GroupEntry[] = (await listGroupEntries(exec, campaign.id)).map((e) => ({
    unitId: e.unitId,
    sex: e.sex === 'male' || e.sex === 'female' ? (e.sex as Sex) : null,
    scores: e.scores as GroupEntryScores,
  }));
  const tree = hasFrozenTree(entries) ? frozenTree(entries, new Map(units.map((u) => [u.unitId, u.name]))) : units;
  return analyseGroups(tree, entries, campaign.minGroupSize);
}

/** GET /campaigns/{id}/group-analysis */
export async function readGroupAnalysis(ctx: ServiceContext, input: { campaignId: number }): Promise<GroupAnalysis> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (campaign.status !== 'closed') throw notReady();
  const exec = ctx.database.db;
  const previousCampaign = await findClosedCampaignOfYear(exec, ctx.actor.municipalityId, campaign.fiscalYear - 1);
  const [current, previous] = await Promise.all([analyseCampaign(exec, campaign), previousCampaign ? analyseCampaign(exec, previousCampaign) : null]);
  const previousFigures = new Map<number, GroupFigure>();
  for (const row of previous?.units ?? []) if (row.figure) previousFigures.set(row.unitId, row.figure);
  return {
    campaign: toCampaign(campaign),
    minGroupSize: current.plan.minGroupSize,
    previousCampaign: previousCampaign ? { id: previousCampaign.id, name: previousCampaign.name, fiscalYear: previousCampaign.fiscalYear } : null,
    total: current.total,
    previousTotal: previous?.total ?? null,
    units: current.units.map((u) => ({ ...u, previous: u.figure ? (previousFigures.get(u.unitId) ?? null) : null })),
  };
}

const toAction = (r: UnitActionRow): UnitAction => ({ id: r.id, unitId: r.unitId, action: r.action, status: r.status as UnitActionStatus, dueOn: r.dueOn, recordedAt: r.recordedAt });

/** GET /campaigns/{id}/high-risk-units — shown units whose 総合健康リスク reaches the campaign's threshold. */
export async function readHighRiskUnits(ctx: ServiceContext, input: { campaignId: number }): Promise<HighRiskUnits> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (campaign.status !== 'closed') throw notReady();
  const analysis = await analyseCampaign(ctx.database.db, campaign);
  const actions = await listUnitActions(ctx.database.db, ctx.actor.municipalityId, campaign.id);
  const units = analysis.units
    .filter((u) => u.figure?.risk && u.figure.risk.total >= campaign.highRiskThreshold)
    .map((u) => ({ unitId: u.unitId, unitName: u.unitName, figure: u.figure!, actions: actions.filter((a) => a.unitId === u.unitId).map(toAction) }))
    .sort((a, b) => b.figure.risk!.total - a.figure.risk!.total || a.unitId - b.unitId);
  return { campaign: toCampaign(campaign), threshold: campaign.highRiskThreshold, units };
}

/** POST /campaigns/{id}/unit-actions — a follow-up action for a high-risk unit. */
export async function recordUnitAction(ctx: ServiceContext, input: { campaignId: number } & UnitActionInput): Promise<HighRiskUnits> {
  const listed = await readHighRiskUnits(ctx, { campaignId: input.campaignId });
  if (!listed.units.some((u) => u.unitId === input.unitId)) throw new AppError('common.validation', '入力内容に誤りがあります。', [{ path: 'unitId', code: 'custom', message: '高リスクの所属として表示されている所属を選んでください' }]);
  await ctx.database.db.transaction(async (tx) => {
    const row = await insertUnitAction(tx, {
      municipalityId: ctx.actor.municipalityId,
      campaignId: input.campaignId,
      unitId: input.unitId,
      action: input.action,
      status: input.status,
      dueOn: input.dueOn,
      recordedByAccountId: ctx.actor.accountId,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.unit-action-recorded', outcome: 'succeeded', objectType: 'org_unit', objectId: input.unitId, details: { actionId: row.id } });
  });
  return readHighRiskUnits(ctx, { campaignId: input.campaignId });
}

/** The day the counts are taken on: today within the campaign's period, clamped to it. */
const countDay = (c: CampaignRow, today: string) => (today < c.opensOn ? c.opensOn : today > c.closesOn ? c.closesOn : today);

/**
 * GET /campaigns/{id}/progress — per unit: people, started, submitted. Counts only, never names; whether someone
 * answered is not health data (ADR 0017), so the counts are not suppressed.
 */
export async function readProgress(ctx: ServiceContext, input: { campaignId: number }): Promise<AnswerProgress> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const asOf = countDay(campaign, ctx.today);
  const exec = ctx.database.db;
  const units = await listUnitsOn(exec, ctx.actor.municipalityId, asOf);
  const counts = new Map((await countProgressByUnit(exec, ctx.actor.municipalityId, campaign.id, asOf)).map((c) => [c.unitId, c]));
  const known = new Set(units.map((u) => u.unitId));
  const children = new Map<number | null, typeof units>();
  for (const u of units) {
    const parent = u.parentUnitId !== null && known.has(u.parentUnitId) ? u.parentUnitId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const rows: AnswerProgress['units'] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      const c = counts.get(u.unitId);
      if (c && c.targets > 0) rows.push({ unitId: u.unitId, unitName: u.name, depth, targets: c.targets, inProgress: c.inProgress, submitted: c.submitted });
      walk(u.unitId, depth + 1);
    }
  };
  walk(null, 0);
  const total = [...counts.values()].reduce((t, c) => ({ targets: t.targets + c.targets, inProgress: t.inProgress + c.inProgress, submitted: t.submitted + c.submitted }), { targets: 0, inProgress: 0, submitted: 0 });
  return { campaign: toCampaign(campaign), asOf, total, units: rows };
}

/**
 * GET /campaigns/{id}/report — municipality-wide counts; small-cell suppression does not apply to the total. Only
 * once closed: while people still submit, the high-stress count moving by one next to the progress counts would
 * point at a unit.
 */
export async function readLabourOfficeReport(ctx: ServiceContext, input: { campaignId: number }): Promise<LabourOfficeReport> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (campaign.status !== 'closed') throw notReady();
  const counts = await countReport(ctx.database.db, ctx.actor.municipalityId, campaign.id, countDay(campaign, ctx.today));
  return { campaign: toCampaign(campaign), ...counts };
}
