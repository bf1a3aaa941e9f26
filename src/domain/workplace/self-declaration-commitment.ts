/**
 * The organisational-commitment indicator of the self-declaration (自己申告書の指標), as the fellow programme reads it
 * (policy III-4-(3)⑤: a fellow whose 組織コミットメント is 著しく低い is not a candidate; ADR 0019 and 0021,
 * amendments of 2026-11-25). Pure.
 *
 * Which declaration speaks: the person's latest SUBMITTED declaration — that of the most recent campaign they
 * submitted in — among the campaigns of the date's 年度 and the one before, opened by the date. Drafts never speak
 * (they are the owner's alone). The window is two 年度 because the campaign is yearly and runs in the autumn: from
 * April until this year's campaign, last year's declaration is the latest word, and a one-年度 window would leave
 * everyone without an indicator for half the year. Anything older is stale — attitudes change, and holding a
 * three-year-old answer against someone is unfair. The latest declaration decides alone: if its form has no
 * indicator or the person left the (optional) question blank, an older "very low" answer does not come back.
 */
import { fiscalYearOf } from '../common/fiscal-year.js';
import { commitmentIndicatorFieldOf, optionValueOfAnswer, type AnswerValue, type SelfDeclarationForm } from './self-declaration-form.js';

/** 年度 of the campaigns whose declarations may speak on `date` (inclusive), and the day they must have opened by. */
export type CommitmentWindow = { fromFiscalYear: number; toFiscalYear: number; openedBy: string };

/** How many 年度 the window spans: the date's and the one before. */
export const commitmentWindowYears = 2;

export function commitmentWindowOn(date: string): CommitmentWindow {
  const toFiscalYear = fiscalYearOf(date);
  return { fromFiscalYear: toFiscalYear - (commitmentWindowYears - 1), toFiscalYear, openedBy: date };
}

/**
 * What the latest submitted declaration says: 'very-low' (one of the indicator's very-low answers), 'not-low' (another
 * answer), 'unanswered' (the question was left blank), 'no-indicator' (that campaign's form has no indicator).
 */
export const commitmentStates = ['very-low', 'not-low', 'unanswered', 'no-indicator'] as const;
export type CommitmentState = (typeof commitmentStates)[number];
export const commitmentStateLabels: Record<CommitmentState, string> = {
  'very-low': '著しく低い',
  'not-low': '該当しない',
  unanswered: '回答なし',
  'no-indicator': '様式に指標なし',
};

/** One person's reading: the state and the campaign of the declaration it comes from. */
export type CommitmentReading = { state: CommitmentState; campaignId: number; fiscalYear: number; campaignTitle: string };

/** The state of an answer under a campaign's form (null form: the stored form did not validate — no indicator). */
export function commitmentStateOf(form: SelfDeclarationForm | null, answer: AnswerValue | undefined): CommitmentState {
  const field = form === null ? null : commitmentIndicatorFieldOf(form);
  if (form === null || form.commitmentIndicator === null || field === null) return 'no-indicator';
  const value = optionValueOfAnswer(field, answer);
  if (value === null) return 'unanswered';
  return form.commitmentIndicator.veryLowValues.includes(value) ? 'very-low' : 'not-low';
}

/** A submitted declaration with the answer to its campaign form's indicator field (any order). */
export type SubmittedDeclarationFact = { staffId: number; campaignId: number; fiscalYear: number; opensOn: string; answer: AnswerValue | undefined };
export type CampaignFormFact = { campaignId: number; fiscalYear: number; title: string; form: SelfDeclarationForm | null };

/**
 * Each person's reading from their submitted declarations: the latest campaign in the window wins (年度, then
 * campaign id). People without a submitted declaration in the window are absent.
 */
export function readCommitments(
  declarations: readonly SubmittedDeclarationFact[],
  campaigns: readonly CampaignFormFact[],
  window: CommitmentWindow,
): Map<number, CommitmentReading> {
  const campaignById = new Map(campaigns.map((c) => [c.campaignId, c]));
  const latest = new Map<number, SubmittedDeclarationFact>();
  for (const d of declarations) {
    if (d.fiscalYear < window.fromFiscalYear || d.fiscalYear > window.toFiscalYear || d.opensOn > window.openedBy) continue;
    const seen = latest.get(d.staffId);
    if (seen === undefined || d.fiscalYear > seen.fiscalYear || (d.fiscalYear === seen.fiscalYear && d.campaignId > seen.campaignId)) latest.set(d.staffId, d);
  }
  const out = new Map<number, CommitmentReading>();
  for (const [staffId, d] of [...latest.entries()].sort((a, b) => a[0] - b[0])) {
    const campaign = campaignById.get(d.campaignId);
    out.set(staffId, {
      state: commitmentStateOf(campaign?.form ?? null, d.answer),
      campaignId: d.campaignId,
      fiscalYear: d.fiscalYear,
      campaignTitle: campaign?.title ?? '',
    });
  }
  return out;
}
