import { describe, expect, it } from 'vitest';
import {
  answersVisibleTo,
  defaultSelfDeclarationForm,
  isVisibleTo,
  selfDeclarationFormSchema,
  validateAnswers,
  visibleFields,
  wishRowsOf,
  type DeclarationViewer,
  type FormField,
} from './self-declaration-form.js';
import { isAcceptingOn, wishEffectiveDate, wishFiscalYear, campaignFiscalYear } from './self-declaration-campaign.js';

const field = (over: Partial<FormField>): FormField => ({ ...defaultSelfDeclarationForm.fields[0]!, ...over });

describe('field visibility', () => {
  const cases: Array<[string, { isHealth: boolean; isSupervisorVisible: boolean }, DeclarationViewer, boolean]> = [
    ['owner sees a hidden field', { isHealth: false, isSupervisorVisible: false }, 'owner', true],
    ['owner sees health', { isHealth: true, isSupervisorVisible: false }, 'owner', true],
    ['HR sees a hidden field', { isHealth: false, isSupervisorVisible: false }, 'hr', true],
    ['HR sees health', { isHealth: true, isSupervisorVisible: false }, 'hr', true],
    ['supervisor sees an allowed field', { isHealth: false, isSupervisorVisible: true }, 'supervisor', true],
    ['supervisor does not see a field not allowed', { isHealth: false, isSupervisorVisible: false }, 'supervisor', false],
    ['supervisor never sees health, even if a stored form says so', { isHealth: true, isSupervisorVisible: true }, 'supervisor', false],
    ['supervisor does not see health', { isHealth: true, isSupervisorVisible: false }, 'supervisor', false],
  ];
  it.each(cases)('%s', (_name, f, viewer, expected) => {
    expect(isVisibleTo(f, viewer)).toBe(expected);
  });

  it('the default form: the supervisor sees satisfaction, workload, career, transfer wish; not family, health, message to HR', () => {
    const keys = visibleFields(defaultSelfDeclarationForm, 'supervisor').map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['workSatisfaction', 'workload', 'careerIntention', 'careerNote', 'transferWish']));
    for (const hidden of ['familyCircumstances', 'familyNote', 'healthConcerns', 'messageToHr']) expect(keys).not.toContain(hidden);
    expect(visibleFields(defaultSelfDeclarationForm, 'hr')).toHaveLength(defaultSelfDeclarationForm.fields.length);
  });

  it('cuts the answers: hidden keys are absent, not blanked', () => {
    const answers = { workSatisfaction: 4, healthConcerns: '架空の健康の悩み', messageToHr: '架空の連絡' };
    const seen = answersVisibleTo(defaultSelfDeclarationForm, answers, 'supervisor');
    expect(seen).toHaveProperty('workSatisfaction', 4);
    expect(Object.keys(seen)).not.toContain('healthConcerns');
    expect(Object.keys(seen)).not.toContain('messageToHr');
    expect(JSON.stringify(seen)).not.toContain('架空の健康');
  });
});

describe('form schema', () => {
  it('accepts the default form', () => {
    expect(selfDeclarationFormSchema.safeParse(defaultSelfDeclarationForm).success).toBe(true);
  });
  it.each([
    ['a health field shown to the supervisor', { fields: [field({ key: 'h', kind: 'text', isHealth: true, isSupervisorVisible: true })] }],
    ['duplicate keys', { fields: [field({ key: 'a' }), field({ key: 'a' })] }],
    ['a choice with one option', { fields: [field({ key: 'c', kind: 'choice', options: [{ value: 'x', label: 'X' }] })] }],
    ['two transfer-wish fields', { fields: [field({ key: 'w1', kind: 'transfer-wish' }), field({ key: 'w2', kind: 'transfer-wish' })] }],
    ['no fields', { fields: [] }],
    ['a bad key', { fields: [field({ key: 'Bad-Key' })] }],
    ['an unknown property', { fields: [{ ...field({ key: 'a' }), extra: 1 }] }],
  ])('refuses %s', (_name, form) => {
    expect(selfDeclarationFormSchema.safeParse(form).success).toBe(false);
  });
});

describe('answers', () => {
  const complete = {
    workSatisfaction: 4,
    workload: 3,
    careerIntention: 'generalist',
    transferWish: { wish: 'yes', units: [{ unitId: 5, reason: '架空の理由' }] },
  };
  it('a draft may be incomplete', () => {
    expect(validateAnswers(defaultSelfDeclarationForm, { workload: 2 }, 'draft').ok).toBe(true);
  });
  it('a submission needs every required field', () => {
    const r = validateAnswers(defaultSelfDeclarationForm, { workload: 2 }, 'submit');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['workSatisfaction', 'careerIntention', 'transferWish']));
  });
  it('a complete submission passes and is normalised', () => {
    const r = validateAnswers(defaultSelfDeclarationForm, { ...complete, careerNote: '  架空  ' }, 'submit');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.answers.careerNote).toBe('架空');
      expect(r.answers.familyCircumstances).toEqual([]);
    }
  });
  it.each([
    ['a scale out of range', { workSatisfaction: 6 }],
    ['a scale not an integer', { workSatisfaction: 2.5 }],
    ['an unknown choice', { careerIntention: 'astronaut' }],
    ['an unknown key', { shoeSize: '27' }],
    ['a text too long', { careerNote: 'あ'.repeat(1001) }],
    ['four wished units', { transferWish: { wish: 'yes', units: [1, 2, 3, 4].map((unitId) => ({ unitId, reason: '' })) } }],
    ['the same unit twice', { transferWish: { wish: 'yes', units: [{ unitId: 1, reason: '' }, { unitId: 1, reason: '' }] } }],
    ['an unknown multi-choice value', { familyCircumstances: ['pets'] }],
  ])('refuses %s', (_name, answers) => {
    expect(validateAnswers(defaultSelfDeclarationForm, answers, 'draft').ok).toBe(false);
  });
  it('a wish "yes" with no unit cannot be submitted', () => {
    expect(validateAnswers(defaultSelfDeclarationForm, { ...complete, transferWish: { wish: 'yes', units: [] } }, 'submit').ok).toBe(false);
  });
  it('a wish "no" drops any units and writes no wish rows', () => {
    const r = validateAnswers(defaultSelfDeclarationForm, { ...complete, transferWish: { wish: 'no', units: [{ unitId: 3, reason: '' }] } }, 'submit');
    expect(r.ok).toBe(true);
    if (r.ok) expect(wishRowsOf(r.answers.transferWish as never)).toEqual([]);
  });
  it('wish rows are ranked in the order given', () => {
    expect(wishRowsOf({ wish: 'yes', units: [{ unitId: 9, reason: 'a' }, { unitId: 4, reason: '' }] })).toEqual([
      { rank: 1, unitId: 9, reason: 'a' },
      { rank: 2, unitId: 4, reason: '' },
    ]);
  });
});

describe('campaign dates', () => {
  it.each([
    ['2025-10-01', 2025, '2026-04-01', 2026],
    ['2026-03-31', 2025, '2026-04-01', 2026],
    ['2026-04-01', 2026, '2027-04-01', 2027],
  ])('opening %s: 年度 %i, wishes for %s (年度 %i)', (opensOn, fy, effective, wishFy) => {
    expect(campaignFiscalYear(opensOn)).toBe(fy);
    expect(wishEffectiveDate(opensOn)).toBe(effective);
    expect(wishFiscalYear(opensOn)).toBe(wishFy);
  });
  it.each([
    ['before opening', 'open', '2025-09-30', false],
    ['on the opening day', 'open', '2025-10-01', true],
    ['on the closing day', 'open', '2025-10-31', true],
    ['after the closing day', 'open', '2025-11-01', false],
    ['closed early', 'closed', '2025-10-15', false],
  ] as const)('%s', (_name, status, today, expected) => {
    expect(isAcceptingOn({ opensOn: '2025-10-01', closesOn: '2025-10-31', status }, today)).toBe(expected);
  });
});
