/**
 * The public recruitment page (no sign-in): open campaigns with their conditions, schedule and FAQ; the
 * application form; internship requests from local students. Everything arriving here is hostile input (security.md):
 * strict schemas, plain text, attachments sniffed, rate-limited per address, idempotent by submission key.
 */
import type { Database } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import type { ApplicationInput, InternshipRequest } from '../../domain/recruitment/intake.js';
import { findCampaign, findPublicMunicipality, listOpenCampaigns, type CampaignRow } from './campaigns.repository.js';
import { readIntakeSettings, toCampaignView } from './campaigns.service.js';
import type { PublicCampaign } from '../../domain/recruitment/intake-api.js';
import { checkApplication, refuseUnlessAcceptable, storeApplication, type Receipt } from './applications.service.js';
import { insertInternshipRequestIfNew } from './internships.repository.js';
import { bucketsFor } from './public-rate-limit.js';

export type PublicContext = { database: Database; now: Date; today: string; requestId: string; ip: string };

async function municipalityOf(ctx: PublicContext) {
  const m = await findPublicMunicipality(ctx.database.db);
  if (!m) throw new AppError('common.not-found', '募集はありません。');
  return m;
}

function toPublic(row: CampaignRow, today: string): PublicCampaign {
  const { version: _v, updatedAt: _u, stages, ...rest } = toCampaignView(row);
  return { ...rest, stages: stages.map((s) => ({ kind: s.kind, name: s.name, source: s.source })), isAccepting: isAccepting(row, today) };
}

const isAccepting = (row: CampaignRow, today: string) => row.status === 'open' && row.applicationOpensOn <= today && today <= row.applicationClosesOn;

export async function listPublicCampaigns(ctx: PublicContext) {
  const m = await municipalityOf(ctx);
  const rows = await listOpenCampaigns(ctx.database.db, m.id);
  return { municipalityName: m.name, campaigns: rows.map((r) => toPublic(r, ctx.today)) };
}

async function openCampaign(ctx: PublicContext, id: number): Promise<CampaignRow> {
  const m = await municipalityOf(ctx);
  const row = await findCampaign(ctx.database.db, m.id, id);
  // Drafts do not exist for the public.
  if (!row || row.status === 'draft') throw new AppError('common.not-found', '採用試験が見つかりません。');
  return row;
}

export async function readPublicCampaign(ctx: PublicContext, id: number) {
  const m = await municipalityOf(ctx);
  return { municipalityName: m.name, campaign: toPublic(await openCampaign(ctx, id), ctx.today) };
}

/** Takes a token of the address's bucket or refuses with 429 (Japanese message). */
export async function limitPublicRate(ctx: PublicContext): Promise<void> {
  const m = await municipalityOf(ctx);
  const { value } = await readIntakeSettings(ctx.database.db, m.id);
  if (!bucketsFor(ctx.database).take(ctx.ip, { burst: value.rateLimitBurst, perHour: value.rateLimitPerHour }, ctx.now.getTime())) {
    throw new AppError('recruitment.rate-limited', '短い時間に送信が続いたため、受け付けを一時停止しています。しばらく(数分〜1時間)たってから、もう一度送信してください。');
  }
}

export async function applyToCampaign(ctx: PublicContext, campaignId: number, input: ApplicationInput): Promise<Receipt & { campaignTitle: string }> {
  const campaign = await openCampaign(ctx, campaignId);
  if (!isAccepting(campaign, ctx.today)) throw new AppError('recruitment.campaign-not-open', 'この採用試験は現在、申込みを受け付けていません。');
  const { value: settings } = await readIntakeSettings(ctx.database.db, campaign.municipalityId);
  const prepared = refuseUnlessAcceptable(checkApplication(campaign, input, settings));
  const src = { database: ctx.database, municipalityId: campaign.municipalityId, actor: null, requestId: ctx.requestId, now: ctx.now, today: ctx.today, actorLabel: 'public' };
  const receipt = await ctx.database.db.transaction((tx) => storeApplication(tx, src, campaign, prepared, 'online'));
  return { ...receipt, campaignTitle: campaign.title };
}

/** インターン・職場体験の申込み: stored as 'requested' for HR; a repeated send is one request. */
export async function requestInternship(ctx: PublicContext, input: InternshipRequest): Promise<{ isNew: boolean }> {
  const m = await municipalityOf(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const id = await insertInternshipRequestIfNew(tx, m.id, input, ctx.now);
    if (id !== undefined) {
      await auditInTx(tx, { municipalityId: m.id, actor: null, requestId: ctx.requestId, now: ctx.now, actorLabel: 'public' }, { action: 'recruitment.internship.request', outcome: 'succeeded', objectType: 'internship', objectId: id });
    }
    return { isNew: id !== undefined };
  });
}
