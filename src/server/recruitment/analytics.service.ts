/**
 * Recruitment funnel (issue 7 item 4, policy III-3): per campaign — applicants → each stage passed → offers →
 * acceptances, the age distribution in 5-year bands (ages on the campaign's reference date, so campaigns of one
 * category across years show what raising or removing the limit did), sources and channels. Counts only.
 */
import type { ServiceContext } from '../http/context.js';
import { ageOn } from '../../domain/recruitment/eligibility.js';
import { ageBand, ageBandLabels } from '../../domain/recruitment/pipeline-settings.js';
import { stageSchema, type CampaignCategory } from '../../domain/recruitment/recruitment-model.js';
import type { FunnelRow, FunnelView } from '../../domain/recruitment/pipeline-api.js';
import { z } from 'zod';
import * as repo from './pipeline.repository.js';

export async function getFunnel(ctx: ServiceContext, input: { fiscalYear?: number; category?: string; campaignId?: number }): Promise<FunnelView> {
  const exec = ctx.database.db;
  const campaigns = (await repo.listCampaignsWithCounts(exec, ctx.actor.municipalityId, input)).filter((c) => input.campaignId === undefined || c.id === input.campaignId);
  const applicants = await repo.listFunnelRows(exec, campaigns.map((c) => c.id));
  const byCampaign = new Map<number, typeof applicants>();
  for (const a of applicants) byCampaign.set(a.campaignId, [...(byCampaign.get(a.campaignId) ?? []), a]);
  const rows: FunnelRow[] = campaigns
    .sort((a, b) => a.category.localeCompare(b.category) || a.fiscalYear - b.fiscalYear || a.id - b.id)
    .map((c) => {
      const stages = z.array(stageSchema).safeParse(c.stages);
      const stageList = stages.success ? stages.data : [];
      const refDate = (c.eligibility as { ageReferenceDate?: string } | null)?.ageReferenceDate ?? ctx.today;
      const list = byCampaign.get(c.id) ?? [];
      const count = (key: string, into: Record<string, number>) => {
        into[key] = (into[key] ?? 0) + 1;
      };
      const ageBands: Record<string, number> = Object.fromEntries(ageBandLabels.map((l) => [l, 0]));
      const sources: Record<string, number> = {};
      const channels: Record<string, number> = {};
      for (const a of list) {
        count(ageBand(a.birthDate ? ageOn(a.birthDate, refDate) : null), ageBands);
        count(a.source, sources);
        count(a.channel, channels);
      }
      return {
        campaignId: c.id,
        title: c.title,
        fiscalYear: c.fiscalYear,
        category: c.category as CampaignCategory,
        applicants: list.length,
        stagesPassed: stageList.map((s, i) => ({ name: s.name, passed: list.filter((a) => a.stageIndex > i).length })),
        offers: list.filter((a) => ['offered', 'accepted', 'declined'].includes(a.status)).length,
        acceptances: list.filter((a) => a.status === 'accepted').length,
        withdrawn: list.filter((a) => a.status === 'withdrawn').length,
        ageBands,
        sources,
        channels,
      };
    });
  return { rows, ageBandLabels: [...ageBandLabels] };
}
