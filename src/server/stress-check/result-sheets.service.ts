/**
 * 個人結果票: the printable sheet of one result — the result itself (read through the same use cases as on screen,
 * so the same audit and, for the person, the same notification record) plus what the paper names: the campaign,
 * the person and their unit. The person prints their own; the implementer prints anyone's (route guard:
 * stress-check.results.read, an audited read). HR and the other roles have no route to it.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import type { ResultSheet, StressResult } from '../../domain/stress-check/stress-check-api.js';
import { requireCampaign } from './campaigns.service.js';
import { readMyResult } from './answers.service.js';
import { readResultOf } from './results.service.js';
import { findPersonOn } from './stress-check.repository.js';

async function sheetOf(ctx: ServiceContext, campaignId: number, result: StressResult): Promise<ResultSheet> {
  const campaign = await requireCampaign(ctx, campaignId);
  const date = ctx.today > campaign.closesOn ? campaign.closesOn : ctx.today;
  const person = await findPersonOn(ctx.database.db, ctx.actor.municipalityId, result.staffId, date);
  if (!person) throw new AppError('common.not-found', 'ストレスチェックの結果が見つかりません。');
  return {
    campaign: { id: campaign.id, name: campaign.name, fiscalYear: campaign.fiscalYear, opensOn: campaign.opensOn, closesOn: campaign.closesOn },
    person: { staffId: result.staffId, employeeNumber: person.employeeNumber, name: `${person.familyName} ${person.givenName}`, unitName: person.unitName },
    result,
  };
}

/** GET /campaigns/{id}/mine/result-sheet — the person's own sheet (a read of the result: audited, records shown_at). */
export async function readMyResultSheet(ctx: ServiceContext, input: { campaignId: number }): Promise<ResultSheet> {
  return sheetOf(ctx, input.campaignId, await readMyResult(ctx, input));
}

/** GET /campaigns/{id}/results/{staffId}/sheet — the implementer prints a person's sheet. */
export async function readResultSheetOf(ctx: ServiceContext, input: { campaignId: number; staffId: number }): Promise<ResultSheet> {
  return sheetOf(ctx, input.campaignId, await readResultOf(ctx, input));
}
