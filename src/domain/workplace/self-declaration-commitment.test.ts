import { describe, expect, it } from 'vitest';
import { commitmentStateOf, commitmentWindowOn, readCommitments, type CampaignFormFact, type SubmittedDeclarationFact } from './self-declaration-commitment.js';
import { defaultSelfDeclarationForm, selfDeclarationFormSchema } from './self-declaration-form.js';

const form = defaultSelfDeclarationForm;
const noIndicator = selfDeclarationFormSchema.parse({ fields: form.fields });
const scaleIndicator = { ...form, commitmentIndicator: { fieldKey: 'workSatisfaction', veryLowValues: ['v1', 'v2'] } };

describe('commitmentStateOf', () => {
  it.each([
    ['「働き続けたくない」 is very low', form, 'no', 'very-low'],
    ['「どちらかといえば働き続けたくない」 is low but not very low', form, 'ratherNo', 'not-low'],
    ['「働き続けたい」', form, 'yes', 'not-low'],
    ['left blank (the question is optional)', form, null, 'unanswered'],
    ['missing from the answers', form, undefined, 'unanswered'],
    ['an answer that is not an option', form, 'perhaps', 'unanswered'],
    ['a form without an indicator', noIndicator, 'no', 'no-indicator'],
    ['a stored form that did not validate', null, 'no', 'no-indicator'],
    ['a scale indicator: 2 is among the very-low values', scaleIndicator, 2, 'very-low'],
    ['a scale indicator: 3 is not', scaleIndicator, 3, 'not-low'],
  ] as const)('%s', (_name, f, answer, state) => {
    expect(commitmentStateOf(f, answer)).toBe(state);
  });
});

describe('the window: the date’s 年度 and the one before', () => {
  it.each([
    ['2025-10-01', 2024, 2025],
    ['2025-04-01', 2024, 2025],
    ['2025-03-31', 2023, 2024],
  ])('on %s: 年度 %i–%i', (date, from, to) => {
    expect(commitmentWindowOn(date)).toEqual({ fromFiscalYear: from, toFiscalYear: to, openedBy: date });
  });
});

describe('readCommitments: the latest submitted declaration in the window speaks alone', () => {
  const campaigns: CampaignFormFact[] = [
    { campaignId: 1, fiscalYear: 2023, title: '令和5年度 自己申告', form },
    { campaignId: 2, fiscalYear: 2024, title: '令和6年度 自己申告', form },
    { campaignId: 3, fiscalYear: 2025, title: '令和7年度 自己申告', form: noIndicator },
  ];
  const opens: Record<number, string> = { 1: '2023-10-01', 2: '2024-10-01', 3: '2025-10-15' };
  const decl = (staffId: number, campaignId: number, answer: SubmittedDeclarationFact['answer']): SubmittedDeclarationFact => ({
    staffId,
    campaignId,
    fiscalYear: campaigns.find((c) => c.campaignId === campaignId)!.fiscalYear,
    opensOn: opens[campaignId]!,
    answer,
  });

  it('on 2025-10-01 (this year’s campaign not open yet): last year’s declaration speaks; two years ago is out of the window', () => {
    const readings = readCommitments(
      [decl(10, 2, 'no'), decl(11, 1, 'no'), decl(12, 2, 'yes'), decl(13, 1, 'no'), decl(13, 2, null), decl(14, 3, 'no')],
      campaigns,
      commitmentWindowOn('2025-10-01'),
    );
    expect(Object.fromEntries([...readings].map(([id, r]) => [id, r.state]))).toEqual({ 10: 'very-low', 12: 'not-low', 13: 'unanswered' });
    expect(readings.get(10)).toEqual({ state: 'very-low', campaignId: 2, fiscalYear: 2024, campaignTitle: '令和6年度 自己申告' });
  });

  it('a later declaration wins even when its form has no indicator: an older "very low" does not come back', () => {
    const readings = readCommitments([decl(10, 2, 'no'), decl(10, 3, 'no')], campaigns, commitmentWindowOn('2025-11-01'));
    expect(readings.get(10)).toMatchObject({ state: 'no-indicator', campaignId: 3 });
  });

  it('is the same whatever the order of the rows', () => {
    const rows = [decl(10, 2, 'no'), decl(10, 1, 'yes'), decl(11, 2, 'ratherNo')];
    const window = commitmentWindowOn('2025-03-31');
    expect(readCommitments([...rows].reverse(), campaigns, window)).toEqual(readCommitments(rows, campaigns, window));
    expect(readCommitments(rows, campaigns, window).get(10)?.state).toBe('very-low');
  });
});
