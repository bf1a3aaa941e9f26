import { describe, expect, it } from 'vitest';
import {
  answersVisibleTo,
  commitmentIndicatorFieldOf,
  continueWorkingKey,
  defaultSelfDeclarationForm,
  optionValueOfAnswer,
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

  it('the default form: the supervisor sees satisfaction, workload, career, transfer wish; not family, health, message to HR, the commitment question', () => {
    const keys = visibleFields(defaultSelfDeclarationForm, 'supervisor').map((f) => f.key);
    expect(keys).toEqual(expect.arrayContaining(['workSatisfaction', 'workload', 'careerIntention', 'careerNote', 'transferWish']));
    for (const hidden of ['familyCircumstances', 'familyNote', 'healthConcerns', 'messageToHr', 'continueWorking']) expect(keys).not.toContain(hidden);
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

describe('the organisational-commitment indicator in the form', () => {
  const base = defaultSelfDeclarationForm;
  const withIndicator = (commitmentIndicator: unknown, fields = base.fields) => ({ fields, commitmentIndicator });

  it('the default form asks 「今後もこの市で働き続けたいと思いますか」 on four points, optional, private, not health; only 「働き続けたくない」 is very low', () => {
    const field = commitmentIndicatorFieldOf(base)!;
    expect(field).toMatchObject({ key: continueWorkingKey, kind: 'choice', label: '今後もこの市で働き続けたいと思いますか', isRequired: false, isSensitive: true, isHealth: false, isSupervisorVisible: false });
    expect(field.options.map((o) => o.value)).toEqual(['yes', 'ratherYes', 'ratherNo', 'no']);
    expect(base.commitmentIndicator).toEqual({ fieldKey: continueWorkingKey, veryLowValues: ['no'] });
  });

  it('a form stored before the indicator existed reads as having none', () => {
    const parsed = selfDeclarationFormSchema.parse({ fields: base.fields });
    expect(parsed.commitmentIndicator).toBeNull();
    expect(commitmentIndicatorFieldOf(parsed)).toBeNull();
  });

  it('accepts a scale field as the indicator (values are the scale options)', () => {
    expect(selfDeclarationFormSchema.safeParse(withIndicator({ fieldKey: 'workSatisfaction', veryLowValues: ['v1'] })).success).toBe(true);
  });

  it.each([
    ['a field not in the form', { fieldKey: 'nowhere', veryLowValues: ['no'] }, base.fields, '組織コミットメントの指標にする項目が様式にありません'],
    ['a text field', { fieldKey: 'careerNote', veryLowValues: ['no'] }, base.fields, '組織コミットメントの指標には、選択肢から1つを選ぶ項目だけを使えます'],
    ['a multi-choice field', { fieldKey: 'familyCircumstances', veryLowValues: ['other'] }, base.fields, '組織コミットメントの指標には、選択肢から1つを選ぶ項目だけを使えます'],
    [
      'a health field',
      { fieldKey: 'healthMood', veryLowValues: ['bad'] },
      [...base.fields, field({ key: 'healthMood', kind: 'choice', options: [{ value: 'good', label: '良い' }, { value: 'bad', label: '悪い' }], isHealth: true, isSupervisorVisible: false })],
      '健康に関する項目は組織コミットメントの指標にできません',
    ],
    ['a value that is not an option', { fieldKey: continueWorkingKey, veryLowValues: ['never'] }, base.fields, '「著しく低い」とする回答は、その項目の選択肢から選んでください'],
    ['no value', { fieldKey: continueWorkingKey, veryLowValues: [] }, base.fields, '「著しく低い」とする回答を1つ以上選んでください'],
    ['every value', { fieldKey: continueWorkingKey, veryLowValues: ['yes', 'ratherYes', 'ratherNo', 'no'] }, base.fields, 'すべての回答を「著しく低い」にはできません'],
  ])('refuses %s', (_name, indicator, fields, message) => {
    const r = selfDeclarationFormSchema.safeParse(withIndicator(indicator, fields));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.message)).toContain(message);
  });

  it('reads an answer as an option value: a choice by value, a scale by its place', () => {
    const scale = base.fields.find((f) => f.key === 'workSatisfaction')!;
    const choice = commitmentIndicatorFieldOf(base)!;
    expect(optionValueOfAnswer(choice, 'no')).toBe('no');
    expect(optionValueOfAnswer(choice, 'maybe')).toBeNull();
    expect(optionValueOfAnswer(choice, null)).toBeNull();
    expect(optionValueOfAnswer(scale, 1)).toBe('v1');
    expect(optionValueOfAnswer(scale, 5)).toBe('v5');
    expect(optionValueOfAnswer(scale, 6)).toBeNull();
    expect(optionValueOfAnswer(scale, 'v1')).toBeNull();
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
