/**
 * 代理入力: the implementer types in a paper questionnaire for a named examinee of an open campaign (the MHLW program
 * supports answering on paper). All 57 answers at once, scored and stored exactly as an online submission
 * (answers.service.ts recordSubmission: result, group entry, audit), refused if the person has submitted already.
 * An unsubmitted online draft is replaced by the paper answers. The audit row of the submission says it was entered
 * on paper and for whom (ids only); its actor is the implementer.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { validationError } from '../http/validation-messages.js';
import { normalizeForSearch } from '../../domain/common/japanese-text.js';
import { toAnswerMap, unknownItemKeys } from '../../domain/stress-check/paper-entry.js';
import type { PaperAnswersInput, PaperEntryOutcome, PaperExaminee, PaperExamineeList } from '../../domain/stress-check/stress-check-api.js';
import { requireCampaign } from './campaigns.service.js';
import { recordSubmission } from './answers.service.js';
import { listPaperExaminees, upsertSubmittedResponse, type CampaignRow, type PaperExamineeRow } from './stress-check.repository.js';

/** Paper forms collected by the last day may be typed in afterwards, until the implementer closes the campaign. */
const acceptsPaper = (c: CampaignRow, today: string) => c.status === 'open' && c.opensOn <= today;
const notOpenForPaper = () => new AppError('stress-check.not-open', 'この実施は紙の回答を入力できる状態ではありません(開始前または終了済み)。');

const lookupLimit = 20;

const toExaminee = (r: PaperExamineeRow): PaperExaminee => ({
  staffId: r.staffId,
  employeeNumber: r.employeeNumber,
  name: `${r.familyName} ${r.givenName}`,
  kana: `${r.familyNameKana} ${r.givenNameKana}`,
  unitName: r.unitName,
  hasOnlineDraft: r.hasDraft,
  submittedAt: r.submittedAt,
});

/** GET /campaigns/{id}/paper-entry/examinees?q= — the first matches by name, kana or employee number. */
export async function searchPaperExaminees(ctx: ServiceContext, input: { campaignId: number; q: string }): Promise<PaperExamineeList> {
  const campaign = await requireCampaign(ctx, input.campaignId);
  const search = normalizeForSearch(input.q);
  if (search === '') return { items: [] };
  const rows = await listPaperExaminees(ctx.database.db, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, date: ctx.today, search, limit: lookupLimit });
  return { items: rows.map(toExaminee) };
}

/** POST /campaigns/{id}/paper-entry/{staffId} — all 57 answers of one person's paper form, submitted at once. */
export async function enterPaperAnswers(ctx: ServiceContext, input: { campaignId: number; staffId: number } & PaperAnswersInput): Promise<PaperEntryOutcome> {
  const unknown = unknownItemKeys(input.answers);
  if (unknown.length > 0) throw validationError(unknown.map((key) => ({ path: `answers.${key}`, code: 'custom', message: '1〜57の設問番号ではありません' })));
  const campaign = await requireCampaign(ctx, input.campaignId);
  if (!acceptsPaper(campaign, ctx.today)) throw notOpenForPaper();
  const exec = ctx.database.db;
  const [person] = await listPaperExaminees(exec, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, date: ctx.today, staffId: input.staffId, limit: 1 });
  if (!person) throw new AppError('common.not-found', '対象の職員が見つかりません(在職し、所属のある職員のみ入力できます)。');
  if (person.submittedAt) throw submittedBefore();
  const answers = toAnswerMap(input.answers);
  const outcome = await exec.transaction((tx) =>
    recordSubmission(tx, ctx, {
      campaign,
      staffId: person.staffId,
      answers,
      lock: () => upsertSubmittedResponse(tx, { municipalityId: ctx.actor.municipalityId, campaignId: campaign.id, staffId: person.staffId, answers: input.answers, now: ctx.now }),
      auditDetails: { channel: 'paper', staffId: person.staffId },
    }).catch((error: unknown) => {
      // The person submitted online between the look-up and this transaction.
      if (error instanceof AppError && error.code === 'common.conflict') throw submittedBefore();
      throw error;
    }),
  );
  return { staffId: person.staffId, submittedAt: outcome.submittedAt, isHighStress: outcome.isHighStress };
}

const submittedBefore = () => new AppError('common.conflict', 'この職員はすでに回答を提出しています(オンラインまたは紙)。紙の回答は入力できません。');
