/**
 * Stress-check campaigns (実施): the implementer side creates, opens and closes them (ADR 0017: HR does not, so
 * that nobody with personnel authority does the check's administrative work — 労働安全衛生規則52条の10). The
 * method, thresholds, questionnaire version and suppression threshold are fixed at creation and never change.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { questionnaireVersion } from '../../domain/stress-check/questionnaire.js';
import { defaultThresholds, scoringMethodLabels, type HighStressThresholds, type ScoringMethod } from '../../domain/stress-check/stress-scoring.js';
import type { Campaign, CampaignInput, CampaignList, CampaignStatus } from '../../domain/stress-check/stress-check-api.js';
import { unitPaths } from '../../domain/stress-check/group-analysis.js';
import {
  findCampaign,
  findCampaignByName,
  freezeUnitPaths,
  insertCampaign,
  listCampaigns,
  listGroupEntryUnitIds,
  listUnitsOn,
  updateCampaignStatusIfUnchanged,
  type CampaignRow,
} from './stress-check.repository.js';

export const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });
export const campaignNotFound = () => new AppError('common.not-found', 'ストレスチェックの実施が見つかりません。');

export function toCampaign(row: CampaignRow): Campaign {
  const method = row.method as ScoringMethod;
  return {
    id: row.id,
    name: row.name,
    fiscalYear: row.fiscalYear,
    opensOn: row.opensOn,
    closesOn: row.closesOn,
    status: row.status as CampaignStatus,
    method,
    methodLabel: scoringMethodLabels[method],
    thresholds: { ...defaultThresholds, ...(row.thresholds as Partial<HighStressThresholds>) },
    questionnaireVersion: row.questionnaireVersion,
    minGroupSize: row.minGroupSize,
    highRiskThreshold: row.highRiskThreshold,
    version: row.version,
  };
}

/** A campaign of the actor's municipality, or 404. */
export async function requireCampaign(ctx: ServiceContext, campaignId: number): Promise<CampaignRow> {
  const row = await findCampaign(ctx.database.db, ctx.actor.municipalityId, campaignId);
  if (!row) throw campaignNotFound();
  return row;
}

/** Answering is possible while the campaign is open and today is within its period. */
export const isAnswerable = (c: CampaignRow, today: string) => c.status === 'open' && c.opensOn <= today && today <= c.closesOn;

/** GET /campaigns — every signed-in person sees the campaigns (dates and status only: no personal data). */
export async function readCampaigns(ctx: ServiceContext): Promise<CampaignList> {
  return { items: (await listCampaigns(ctx.database.db, ctx.actor.municipalityId)).map(toCampaign) };
}

/** POST /campaigns */
export async function createCampaign(ctx: ServiceContext, input: CampaignInput): Promise<Campaign> {
  const row = await ctx.database.db.transaction(async (tx) => {
    if (await findCampaignByName(tx, ctx.actor.municipalityId, input.name)) throw new AppError('common.conflict', '同じ名称の実施がすでにあります。');
    const created = await insertCampaign(tx, {
      municipalityId: ctx.actor.municipalityId,
      name: input.name,
      fiscalYear: input.fiscalYear,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      method: input.method,
      thresholds: input.thresholds,
      questionnaireVersion,
      minGroupSize: input.minGroupSize,
      highRiskThreshold: input.highRiskThreshold,
      createdByAccountId: ctx.actor.accountId,
    });
    await auditInTx(tx, auditSource(ctx), { action: 'stress-check.campaign-created', outcome: 'succeeded', objectType: 'stress_check_campaign', objectId: created.id, details: { method: input.method } });
    return created;
  });
  return toCampaign(row);
}

const transitions: Record<'open' | 'close', { from: CampaignStatus; to: CampaignStatus; label: string }> = {
  open: { from: 'draft', to: 'open', label: '開始' },
  close: { from: 'open', to: 'closed', label: '終了' },
};

/** POST /campaigns/{id}/open and /close: draft → open → closed. */
export async function changeCampaignStatus(ctx: ServiceContext, input: { campaignId: number; action: 'open' | 'close'; version: number }): Promise<Campaign> {
  const t = transitions[input.action];
  const row = await ctx.database.db.transaction(async (tx) => {
    const current = await findCampaign(tx, ctx.actor.municipalityId, input.campaignId);
    if (!current) throw campaignNotFound();
    if (current.status !== t.from) throw new AppError('common.conflict', `この実施は${t.label}できる状態ではありません。`);
    const updated = await updateCampaignStatusIfUnchanged(tx, ctx.actor.municipalityId, input.campaignId, input.version, t.to, ctx.now);
    if (!updated) throw new AppError('common.conflict', '他の人が先にこの実施を更新しました。最新の内容を読み込んでから、もう一度操作してください。');
    if (t.to === 'closed') {
      // The groups are cut on the organisation of the closing day, frozen now (ADR 0017: no re-cutting later).
      const units = await listUnitsOn(tx, ctx.actor.municipalityId, current.closesOn);
      await freezeUnitPaths(tx, current.id, unitPaths(units, await listGroupEntryUnitIds(tx, current.id)));
    }
    await auditInTx(tx, auditSource(ctx), { action: `stress-check.campaign-${input.action === 'open' ? 'opened' : 'closed'}`, outcome: 'succeeded', objectType: 'stress_check_campaign', objectId: input.campaignId });
    return updated;
  });
  return toCampaign(row);
}
