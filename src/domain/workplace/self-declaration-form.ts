/**
 * The self-declaration form (自己申告書, policy III-4-(3)①): its fields, the default form, the answers a person gives
 * and who besides HR sees which field. Pure. A campaign fixes a copy of the form when it opens, so editing the
 * settings document later never changes a running or past campaign (ADR 0019).
 *
 * Visibility: the owner and HR see every field. The supervisor (the person's evaluator and unit head) sees a field
 * only when the form says so; a health field never, whatever the setting — the schema refuses it and
 * `isVisibleTo` ignores it.
 */
import { z } from 'zod';

export const formFieldKinds = ['scale', 'choice', 'multi-choice', 'text', 'transfer-wish'] as const;
export type FormFieldKind = (typeof formFieldKinds)[number];

/** The key of the career-intention field: HR's list filters by it when the campaign's form has it. */
export const careerIntentionKey = 'careerIntention';
/** The key of the default form's commitment question (「今後もこの市で働き続けたいと思いますか」). */
export const continueWorkingKey = 'continueWorking';
export const maxWishedUnits = 3;
export const scaleMin = 1;
export const scaleMax = 5;

const fieldKey = z
  .string()
  .regex(/^[a-z][a-zA-Z0-9]{0,39}$/, '項目のキーは英小文字で始まる40文字以内の英数字にしてください');
const label = (what: string, max: number) => z.string().trim().min(1, `${what}を入力してください`).max(max, `${what}は${max}文字以内で入力してください`);

export const formOptionSchema = z.strictObject({ value: fieldKey, label: label('選択肢の表示名', 60) });

export const formFieldSchema = z
  .strictObject({
    key: fieldKey,
    kind: z.enum(formFieldKinds),
    label: label('項目名', 80),
    help: z.string().trim().max(300, '説明は300文字以内で入力してください').default(''),
    isRequired: z.boolean(),
    /** choice / multi-choice: the options; scale: five labels from 1 to 5 */
    options: z.array(formOptionSchema).max(10, '選択肢は10個までです').default([]),
    /** text: the longest answer */
    maxLength: z.int().min(1).max(4000).default(1000),
    /** family circumstances, health: 要配慮 or private; reads by anyone but the owner are audited anyway */
    isSensitive: z.boolean(),
    /** health concerns: the supervisor never sees it, whatever `isSupervisorVisible` says */
    isHealth: z.boolean().default(false),
    /** the person's evaluator and unit head may see it */
    isSupervisorVisible: z.boolean(),
  })
  .superRefine((f, ctx) => {
    if ((f.kind === 'choice' || f.kind === 'multi-choice') && f.options.length < 2)
      ctx.addIssue({ code: 'custom', path: ['options'], message: '選択肢を2つ以上設けてください' });
    if (f.kind === 'choice' || f.kind === 'multi-choice') {
      const values = f.options.map((o) => o.value);
      if (new Set(values).size !== values.length) ctx.addIssue({ code: 'custom', path: ['options'], message: '選択肢の値が重複しています' });
    }
    if (f.isHealth && f.isSupervisorVisible)
      ctx.addIssue({ code: 'custom', path: ['isSupervisorVisible'], message: '健康に関する項目は上司に見せる設定にできません' });
  });
export type FormField = z.infer<typeof formFieldSchema>;

/** Field kinds that can carry the organisational-commitment indicator: one answer picked from the field's options. */
export const commitmentIndicatorKinds = ['choice', 'scale'] as const satisfies readonly FormFieldKind[];

/**
 * The organisational-commitment indicator (組織コミットメントの指標, used by the fellow programme, ADR 0021): which
 * single-answer field of the form asks it and which of its options count as very low (著しく低い). For a scale field
 * the options stand for 1…5 in order. One per form at most; fixed per campaign with the rest of the form.
 */
export const commitmentIndicatorSchema = z.strictObject({
  fieldKey,
  veryLowValues: z.array(fieldKey).min(1, '「著しく低い」とする回答を1つ以上選んでください').max(10),
});
export type CommitmentIndicator = z.infer<typeof commitmentIndicatorSchema>;

export const selfDeclarationFormSchema = z
  .strictObject({
    fields: z.array(formFieldSchema).min(1, '項目を1つ以上設けてください').max(30, '項目は30個までです'),
    /** null: the form has no indicator (forms stored before the indicator existed read as null) */
    commitmentIndicator: commitmentIndicatorSchema.nullable().default(null),
  })
  .superRefine((form, ctx) => {
    const keys = form.fields.map((f) => f.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', path: ['fields'], message: '項目のキーが重複しています' });
    if (form.fields.filter((f) => f.kind === 'transfer-wish').length > 1)
      ctx.addIssue({ code: 'custom', path: ['fields'], message: '異動希望の項目は1つまでです' });
    const indicator = form.commitmentIndicator;
    if (indicator === null) return;
    const field = form.fields.find((f) => f.key === indicator.fieldKey);
    const at = (key: string, message: string) => ctx.addIssue({ code: 'custom', path: ['commitmentIndicator', key], message });
    if (field === undefined) return at('fieldKey', '組織コミットメントの指標にする項目が様式にありません');
    if (!(commitmentIndicatorKinds as readonly string[]).includes(field.kind)) return at('fieldKey', '組織コミットメントの指標には、選択肢から1つを選ぶ項目だけを使えます');
    // Never derived from health data (要配慮個人情報): the indicator is read by the fellow matching.
    if (field.isHealth) return at('fieldKey', '健康に関する項目は組織コミットメントの指標にできません');
    const values = field.options.map((o) => o.value);
    if (indicator.veryLowValues.some((v) => !values.includes(v))) return at('veryLowValues', '「著しく低い」とする回答は、その項目の選択肢から選んでください');
    if (new Set(indicator.veryLowValues).size !== indicator.veryLowValues.length) return at('veryLowValues', '「著しく低い」とする回答が重複しています');
    if (values.every((v) => indicator.veryLowValues.includes(v))) at('veryLowValues', 'すべての回答を「著しく低い」にはできません');
  });
export type SelfDeclarationForm = z.infer<typeof selfDeclarationFormSchema>;

const scaleOptions = (labels: readonly string[]) => labels.map((l, i) => ({ value: `v${i + 1}`, label: l }));

/** The default form; the settings document 'self-declaration-form' replaces it once HR saves one. */
export const defaultSelfDeclarationForm: SelfDeclarationForm = {
  fields: [
    {
      key: 'workSatisfaction',
      kind: 'scale',
      label: '現在の仕事への満足度',
      help: '1(不満)〜5(満足)',
      isRequired: true,
      options: scaleOptions(['不満', 'やや不満', 'どちらともいえない', 'やや満足', '満足']),
      maxLength: 1000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      key: 'workload',
      kind: 'scale',
      label: '仕事の量',
      help: '1(少ない)〜5(多い)',
      isRequired: true,
      options: scaleOptions(['少ない', 'やや少ない', '適当', 'やや多い', '多い']),
      maxLength: 1000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      key: careerIntentionKey,
      kind: 'choice',
      label: '今後のキャリアの志向',
      help: '',
      isRequired: true,
      options: [
        { value: 'specialist', label: 'スペシャリスト(特定分野の専門性を高めたい)' },
        { value: 'generalist', label: 'ジェネラリスト(幅広い分野を経験したい)' },
        { value: 'undecided', label: '未定' },
      ],
      maxLength: 1000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      key: 'careerNote',
      kind: 'text',
      label: 'キャリアについての考え(自由記述)',
      help: '',
      isRequired: false,
      options: [],
      maxLength: 1000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      // The organisational-commitment indicator (ADR 0019, amendment of 2026-11-25): four points without a middle, so that
      // a hesitant answer does not hide in 「どちらともいえない」; only the far end counts as very low.
      key: continueWorkingKey,
      kind: 'choice',
      label: '今後もこの市で働き続けたいと思いますか',
      help: '任意です。上司には表示されません。人事担当が、フェロー制度でフェロー(若手職員の相談相手)をお願いする人を選ぶときの参考にします。',
      isRequired: false,
      options: [
        { value: 'yes', label: '働き続けたい' },
        { value: 'ratherYes', label: 'どちらかといえば働き続けたい' },
        { value: 'ratherNo', label: 'どちらかといえば働き続けたくない' },
        { value: 'no', label: '働き続けたくない(退職・転職を考えている)' },
      ],
      maxLength: 1000,
      isSensitive: true,
      isHealth: false,
      isSupervisorVisible: false,
    },
    {
      key: 'transferWish',
      kind: 'transfer-wish',
      label: '異動の希望',
      help: '希望する場合は、第3希望までの所属と理由',
      isRequired: true,
      options: [],
      maxLength: 500,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      key: 'familyCircumstances',
      kind: 'multi-choice',
      label: '家庭の事情(任意)',
      help: '配置や働き方で配慮が必要な事情があれば選んでください',
      isRequired: false,
      options: [
        { value: 'childcare', label: '育児' },
        { value: 'familyCare', label: '介護' },
        { value: 'other', label: 'その他' },
      ],
      maxLength: 1000,
      isSensitive: true,
      isHealth: false,
      isSupervisorVisible: false,
    },
    {
      key: 'familyNote',
      kind: 'text',
      label: '家庭の事情の詳細(任意)',
      help: '',
      isRequired: false,
      options: [],
      maxLength: 1000,
      isSensitive: true,
      isHealth: false,
      isSupervisorVisible: false,
    },
    {
      key: 'healthConcerns',
      kind: 'text',
      label: '健康面で気になること(任意)',
      help: '上司には表示されません。人事担当だけが読みます。',
      isRequired: false,
      options: [],
      maxLength: 1000,
      isSensitive: true,
      isHealth: true,
      isSupervisorVisible: false,
    },
    {
      key: 'qualificationsGained',
      kind: 'text',
      label: 'この1年に取得した資格・免許',
      help: '',
      isRequired: false,
      options: [],
      maxLength: 1000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: true,
    },
    {
      key: 'messageToHr',
      kind: 'text',
      label: '人事担当への連絡事項',
      help: '',
      isRequired: false,
      options: [],
      maxLength: 2000,
      isSensitive: false,
      isHealth: false,
      isSupervisorVisible: false,
    },
  ],
  commitmentIndicator: { fieldKey: continueWorkingKey, veryLowValues: ['no'] },
};

/** Who reads a declaration: its owner, HR (hr_admin, hr_officer) or the supervisor (evaluator, unit head). */
export type DeclarationViewer = 'owner' | 'hr' | 'supervisor';

/** Field by field: the owner and HR see everything; the supervisor what the form allows, never health. */
export function isVisibleTo(field: Pick<FormField, 'isHealth' | 'isSupervisorVisible'>, viewer: DeclarationViewer): boolean {
  if (viewer !== 'supervisor') return true;
  return field.isSupervisorVisible && !field.isHealth;
}

export function visibleFields(form: SelfDeclarationForm, viewer: DeclarationViewer): FormField[] {
  return form.fields.filter((f) => isVisibleTo(f, viewer));
}

// ——— Answers ———

export const wishedUnitSchema = z.strictObject({
  unitId: z.int('所属を選んでください').positive('所属を選んでください'),
  reason: z.string().trim().max(500, '理由は500文字以内で入力してください').default(''),
});
export const transferWishAnswerSchema = z.strictObject({
  wish: z.enum(['yes', 'no']).nullable(),
  units: z.array(wishedUnitSchema).max(maxWishedUnits, `希望の所属は${maxWishedUnits}つまでです`).default([]),
});
export type TransferWishAnswer = z.infer<typeof transferWishAnswerSchema>;

export type AnswerValue = number | string | string[] | TransferWishAnswer | null;
export type Answers = Record<string, AnswerValue>;

/** Loose shape of the answers a client sends; `validateAnswers` checks them against the campaign's form. */
export const answersInputSchema = z.record(
  z.string().max(40),
  z.union([z.number(), z.string().max(4000), z.array(z.string().max(40)).max(10), transferWishAnswerSchema, z.null()]),
);

export type AnswerIssue = { path: string; message: string };

const isBlank = (v: AnswerValue | undefined): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Checks answers against the form. A draft may be incomplete (types and limits only); a submission must answer
 * every required field, and a transfer wish "yes" needs at least one unit. Unknown keys are refused. Answers the
 * normalised answers (trimmed text, every field present) or the issues.
 */
export function validateAnswers(
  form: SelfDeclarationForm,
  answers: Record<string, unknown>,
  mode: 'draft' | 'submit',
): { ok: true; answers: Answers } | { ok: false; issues: AnswerIssue[] } {
  const issues: AnswerIssue[] = [];
  const out: Answers = {};
  const known = new Set(form.fields.map((f) => f.key));
  for (const key of Object.keys(answers)) if (!known.has(key)) issues.push({ path: key, message: 'この項目は申告書にありません' });
  for (const f of form.fields) {
    const raw = answers[f.key] as AnswerValue | undefined;
    const value = normalise(f, raw, issues);
    out[f.key] = value;
    if (mode === 'submit' && f.isRequired && isBlank(value === null ? undefined : value)) {
      issues.push({ path: f.key, message: `「${f.label}」を回答してください` });
    }
    if (mode === 'submit' && f.kind === 'transfer-wish' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      if (value.wish === 'yes' && value.units.length === 0) issues.push({ path: `${f.key}.units`, message: '希望する所属を1つ以上選んでください' });
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, answers: out };
}

function normalise(f: FormField, raw: AnswerValue | undefined, issues: AnswerIssue[]): AnswerValue {
  if (raw === undefined || raw === null) return f.kind === 'multi-choice' ? [] : f.kind === 'text' ? '' : null;
  const bad = (message: string): AnswerValue => {
    issues.push({ path: f.key, message });
    return null;
  };
  switch (f.kind) {
    case 'scale':
      return typeof raw === 'number' && Number.isInteger(raw) && raw >= scaleMin && raw <= scaleMax ? raw : bad(`「${f.label}」は${scaleMin}〜${scaleMax}で選んでください`);
    case 'choice':
      return typeof raw === 'string' && f.options.some((o) => o.value === raw) ? raw : bad(`「${f.label}」の選択肢から選んでください`);
    case 'multi-choice': {
      if (!Array.isArray(raw) || raw.some((v) => !f.options.some((o) => o.value === v))) return bad(`「${f.label}」の選択肢から選んでください`);
      return [...new Set(raw)];
    }
    case 'text': {
      if (typeof raw !== 'string') return bad(`「${f.label}」は文字で入力してください`);
      const text = raw.trim();
      return text.length > f.maxLength ? bad(`「${f.label}」は${f.maxLength}文字以内で入力してください`) : text;
    }
    case 'transfer-wish': {
      const parsed = transferWishAnswerSchema.safeParse(raw);
      if (!parsed.success) return bad(`「${f.label}」の形式が正しくありません`);
      const wish = parsed.data;
      const units = wish.wish === 'yes' ? wish.units : [];
      if (new Set(units.map((u) => u.unitId)).size !== units.length) issues.push({ path: `${f.key}.units`, message: '同じ所属を重ねて選んでいます' });
      return { wish: wish.wish, units };
    }
  }
}

/** The answers a viewer may see: the other fields are left out altogether (not blanked), decided per field. */
export function answersVisibleTo(form: SelfDeclarationForm, answers: Answers, viewer: DeclarationViewer): Answers {
  const out: Answers = {};
  for (const f of visibleFields(form, viewer)) out[f.key] = answers[f.key] ?? null;
  return out;
}

/** The transfer wish of a declaration's answers (the form's transfer-wish field), or null when the form has none. */
export function transferWishOf(form: SelfDeclarationForm, answers: Answers): TransferWishAnswer | null {
  const field = form.fields.find((f) => f.kind === 'transfer-wish');
  if (!field) return null;
  const v = answers[field.key];
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : null;
}

/** Rows for transfer_wishes: ranks 1..3 in the order given; none unless the wish is "yes". */
export function wishRowsOf(wish: TransferWishAnswer | null): Array<{ rank: number; unitId: number; reason: string }> {
  if (wish === null || wish.wish !== 'yes') return [];
  return wish.units.slice(0, maxWishedUnits).map((u, i) => ({ rank: i + 1, unitId: u.unitId, reason: u.reason }));
}

/** Does the form reveal anything sensitive to this viewer (the read is then audited as a sensitive read)? */
export function hasSensitiveFieldFor(form: SelfDeclarationForm, viewer: DeclarationViewer): boolean {
  return visibleFields(form, viewer).some((f) => f.isSensitive);
}

/** The form's indicator field, when the form has an indicator (and it names a field of the form). */
export function commitmentIndicatorFieldOf(form: SelfDeclarationForm): FormField | null {
  const indicator = form.commitmentIndicator;
  return indicator === null ? null : (form.fields.find((f) => f.key === indicator.fieldKey) ?? null);
}

/**
 * The option value of a single answer: a choice answers the value itself, a scale answers 1…5, which stands for the
 * option at that place. null when unanswered or not one of the options.
 */
export function optionValueOfAnswer(field: Pick<FormField, 'kind' | 'options'>, answer: AnswerValue | undefined): string | null {
  if (field.kind === 'choice') return typeof answer === 'string' && field.options.some((o) => o.value === answer) ? answer : null;
  if (field.kind === 'scale') return typeof answer === 'number' && Number.isInteger(answer) ? (field.options[answer - 1]?.value ?? null) : null;
  return null;
}
