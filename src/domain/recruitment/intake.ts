/**
 * Intake of recruitment (ADR 0018, "Intake"): the campaign a recruiter sets up, the application a candidate sends
 * from the public page or the external e-application service's CSV, internship requests, and the recruitment
 * settings (rubrics, attachments, rate limit, retention). Everything an applicant sends is hostile public input:
 * plain text only, bounded, no control characters; attachments are recognised by their bytes, not their names.
 */
import { z } from 'zod';
import { addDays, isValidIsoDate } from '../common/fiscal-year.js';
import { codePointLength, findControlCharacter, isKana, normalizeForSearch, normalizeKana } from '../common/japanese-text.js';
import { attachmentMaxMbCeiling } from './upload-limits.js';
import {
  campaignCategories,
  defaultDiscussionRubric,
  defaultInterviewRubric,
  eligibilitySchema,
  rubricSchema,
  stageSchema,
  type CampaignCategory,
  type Eligibility,
  type Stage,
} from './recruitment-model.js';

const isoDate = z.string().refine(isValidIsoDate, '日付は YYYY-MM-DD の形式で入力してください');

/**
 * Plain text from the public: trimmed, at most `max` characters (counted as people count them), no control or
 * bidi-override characters (line breaks only where `multiline`). Markup is kept as typed and never rendered as HTML.
 */
export function plainText(label: string, max: number, opts: { required?: boolean; multiline?: boolean } = {}) {
  return z
    .string(`${label}を入力してください`)
    .transform((s) => (opts.multiline ? s.replace(/\r\n?/g, '\n') : s).trim())
    .superRefine((s, ctx) => {
      if (opts.required && s.length === 0) ctx.addIssue({ code: 'custom', message: `${label}を入力してください` });
      if (codePointLength(s) > max) ctx.addIssue({ code: 'custom', message: `${label}は${max}文字以内で入力してください(${codePointLength(s)}文字)` });
      const control = findControlCharacter(opts.multiline ? s.replace(/\n/g, '') : s);
      if (control !== undefined) ctx.addIssue({ code: 'custom', message: `${label}に使えない制御文字が含まれています` });
    });
}

const kanaText = (label: string, max: number) =>
  plainText(label, max, { required: true })
    .transform((s) => normalizeKana(s))
    .refine((s) => isKana(s), `${label}はカタカナ(またはひらがな)で入力してください`);

export const applicantSources = ['web', 'fair', 'internship', 'school', 'other'] as const;
export type ApplicantSource = (typeof applicantSources)[number];
export const applicantSourceLabels: Record<ApplicantSource, string> = {
  web: '市のホームページ・就職情報サイト',
  fair: '就職ガイダンス・説明会',
  internship: 'インターン・職場体験',
  school: '学校の紹介',
  other: 'その他',
};

export const attachmentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/**
 * The type an attachment's bytes show (PDF "%PDF-", JPEG FF D8 FF, PNG's 8-byte signature), or null: the name and
 * the declared type are the sender's claim, the bytes are the evidence.
 */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  const starts = (sig: readonly number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  return null;
}

export const maxAttachments = 3;
const fileNameSchema = plainText('ファイル名', 120, { required: true }).refine((s) => !/[\\/]/.test(s), 'ファイル名に / や \\ は使えません');

/** An attachment as the form sends it: the file's bytes in base64 (checked for size and type by the server). */
export const attachmentInputSchema = z.object({
  fileName: fileNameSchema,
  contentBase64: z.string().max(20 * 1024 * 1024, '添付ファイルが大きすぎます').regex(/^[A-Za-z0-9+/]*={0,2}$/, '添付ファイルの形式が正しくありません'),
});

export const qualificationInputSchema = z.object({
  name: plainText('資格名', 60, { required: true }),
  status: z.enum(['held', 'expected'], '資格の取得状況を選んでください'),
});

/** The application form (public page) and one line of the e-application CSV: the same fields, the same checks. */
export const applicationInputSchema = z
  .object({
    /** client-generated once per form; a repeated send returns the first receipt */
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '送信キーが正しくありません。画面を再読み込みしてください'),
    familyName: plainText('姓', 30, { required: true }),
    givenName: plainText('名', 30, { required: true }),
    familyNameKana: kanaText('姓(フリガナ)', 30),
    givenNameKana: kanaText('名(フリガナ)', 30),
    birthDate: isoDate,
    email: plainText('メールアドレス', 254, { required: true }).refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'メールアドレスの形式が正しくありません'),
    phone: plainText('電話番号', 20).refine((s) => s === '' || /^[0-9+\-() ]{6,20}$/.test(s.normalize('NFKC')), '電話番号は数字とハイフンで入力してください'),
    education: plainText('最終学歴', 200, { required: true }),
    workExperienceYears: z.int('職務経験年数は整数で入力してください').min(0, '職務経験年数は0以上で入力してください').max(50, '職務経験年数は50年以内で入力してください').nullable().default(null),
    qualifications: z.array(qualificationInputSchema).max(10, '資格は10件までです').default([]),
    motivation: plainText('志望動機', 2000, { required: true, multiline: true }),
    source: z.enum(applicantSources, 'この試験を知ったきっかけを選んでください'),
    attachments: z.array(attachmentInputSchema).max(maxAttachments, `添付ファイルは${maxAttachments}件までです`).default([]),
  })
  .strict();
export type ApplicationInput = z.infer<typeof applicationInputSchema>;

/** Crockford base32 (no I, L, O, U): readable over the phone, unambiguous when typed back. */
const base32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * 受付番号: 'R' + the two-digit year + 10 random base32 characters (50 bits) in two groups, e.g. R26-7K3QM-X9D2F.
 * Random, so a number says nothing about others and cannot be guessed; the randomness is passed in.
 */
export function formatReceiptNumber(year: number, random: Uint8Array): string {
  if (random.length < 10) throw new Error('need 10 random bytes');
  const chars = Array.from(random.slice(0, 10), (b) => base32[b & 31]).join('');
  return `R${String(year % 100).padStart(2, '0')}-${chars.slice(0, 5)}-${chars.slice(5)}`;
}
export const receiptNumberPattern = /^R\d{2}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** Same person: name and kana and birth date, or the same e-mail address (compared normalised). */
export type PersonKey = { name: string; kana: string; birthDate: string | null; email: string };
export function samePerson(a: PersonKey, b: PersonKey): boolean {
  const email = (s: string) => s.trim().toLowerCase();
  if (a.email !== '' && email(a.email) === email(b.email)) return true;
  const name = (s: string) => normalizeForSearch(s).replace(/\s+/g, '');
  const kana = (s: string) => normalizeKana(s).replace(/\s+/g, '');
  return a.birthDate !== null && a.birthDate === b.birthDate && name(a.name) === name(b.name) && kana(a.kana) === kana(b.kana) && name(a.name) !== '';
}

// ------------------------------------------------------------------------------------------------
// Campaigns

export const campaignStatuses = ['draft', 'open', 'closed', 'finished'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];
export const campaignStatusLabels: Record<CampaignStatus, string> = { draft: '準備中', open: '受付中', closed: '受付終了(選考中)', finished: '終了' };
/** draft → open → closed → finished; an open campaign may go back to draft only before anyone applied (checked by the service). */
const campaignMoves: Record<CampaignStatus, readonly CampaignStatus[]> = { draft: ['open'], open: ['closed', 'draft'], closed: ['finished', 'open'], finished: [] };
export function canMoveCampaign(from: CampaignStatus, to: CampaignStatus): boolean {
  return campaignMoves[from].includes(to);
}

export const scheduleEntrySchema = z.object({
  label: plainText('日程の項目', 40, { required: true }),
  date: isoDate,
  note: plainText('日程の備考', 200).default(''),
});
export const faqEntrySchema = z.object({
  question: plainText('質問', 200, { required: true }),
  answer: plainText('回答', 1000, { required: true, multiline: true }),
});

const campaignFields = z.object({
  fiscalYear: z.int().min(2000).max(2100),
  category: z.enum(campaignCategories, '試験区分を選んでください'),
  profession: plainText('職種', 40).default(''),
  title: plainText('試験名', 80, { required: true }),
  postsToFill: z.int('採用予定人数は整数で入力してください').min(1, '採用予定人数は1人以上にしてください').max(1000),
  eligibility: eligibilitySchema,
  stages: z.array(stageSchema).min(1, '試験の段階を1つ以上設定してください').max(8),
  applicationOpensOn: isoDate,
  applicationClosesOn: isoDate,
  schedule: z.array(scheduleEntrySchema).max(20).default([]),
  description: plainText('説明', 4000, { multiline: true }).default(''),
  faq: z.array(faqEntrySchema).max(30).default([]),
});
function checkCampaign(c: { category: CampaignCategory; profession: string; applicationOpensOn: string; applicationClosesOn: string }, ctx: z.RefinementCtx) {
  if (c.applicationClosesOn < c.applicationOpensOn) ctx.addIssue({ code: 'custom', message: '受付終了日は受付開始日以降にしてください', path: ['applicationClosesOn'] });
  if (c.category === 'licensed' && c.profession === '') ctx.addIssue({ code: 'custom', message: '資格職は職種(保健師など)を入力してください', path: ['profession'] });
}
export const campaignInputSchema = campaignFields.strict().superRefine(checkCampaign);
export const campaignUpdateSchema = campaignFields.extend({ version: z.int('版は整数で指定してください').positive('版が正しくありません') }).strict().superRefine(checkCampaign);
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const recruitmentRubricsSchema = z.object({ interview: rubricSchema, groupDiscussion: rubricSchema });
export type RecruitmentRubrics = z.infer<typeof recruitmentRubricsSchema>;
export const defaultRecruitmentRubrics: RecruitmentRubrics = { interview: defaultInterviewRubric, groupDiscussion: defaultDiscussionRubric };

/** The stages a new campaign of a category starts with (the recruiter edits them); rubrics from the settings. */
export function defaultStagesFor(category: CampaignCategory, postsToFill: number, rubrics: RecruitmentRubrics = defaultRecruitmentRubrics): Stage[] {
  const n = Math.max(1, postsToFill);
  const documents: Stage = { kind: 'documents', name: '書類選考', source: 'own', passRule: { kind: 'manual' }, rubric: null, ratersPerApplicant: 1 };
  const written: Stage = { kind: 'written', name: '筆記試験(教養)', source: 'own', passRule: { kind: 'top-n', count: n * 4 }, rubric: null, ratersPerApplicant: 1 };
  const discussion: Stage = { kind: 'group-discussion', name: '集団討論', source: 'own', passRule: { kind: 'top-n', count: n * 2 }, rubric: rubrics.groupDiscussion, ratersPerApplicant: 2 };
  const interview: Stage = { kind: 'interview', name: '個人面接', source: 'own', passRule: { kind: 'top-n', count: Math.ceil(n * 1.5) }, rubric: rubrics.interview, ratersPerApplicant: 2 };
  const final: Stage = { kind: 'final-interview', name: '最終面接', source: 'own', passRule: { kind: 'top-n', count: n }, rubric: rubrics.interview, ratersPerApplicant: 3 };
  switch (category) {
    case 'general-admin':
      return [written, discussion, interview, final];
    case 'mid-career':
      return [documents, { ...written, source: 'test-centre', name: '筆記試験(テストセンター)' }, discussion, final];
    case 'licensed':
      return [documents, written, interview, final];
    case 'fiscal-year':
      return [documents, { ...interview, passRule: { kind: 'top-n', count: n } }];
  }
}

/** Default eligibility of a category for hiring on `hireOn` (usually the next April 1): ages as notices commonly set them. */
export function defaultEligibilityFor(category: CampaignCategory, hireOn: string): Eligibility {
  const base = { ageReferenceDate: hireOn, requiredQualifications: [] as string[], acceptsExpectedQualification: true, minWorkExperienceYears: null as number | null };
  switch (category) {
    case 'general-admin':
      return { ...base, minAge: 22, maxAge: 30 };
    case 'mid-career':
      // policy III-3-(1): the upper limit is raised as recruitment requires (here to 59, i.e. effectively removed before retirement)
      return { ...base, minAge: 30, maxAge: 59, minWorkExperienceYears: 5 };
    case 'licensed':
      return { ...base, minAge: null, maxAge: 40 };
    case 'fiscal-year':
      return { ...base, minAge: 18, maxAge: null };
  }
}

// ------------------------------------------------------------------------------------------------
// Internships

export const internshipKinds = ['internship', 'workplace-experience'] as const;
export type InternshipKind = (typeof internshipKinds)[number];
export const internshipKindLabels: Record<InternshipKind, string> = { internship: 'インターンシップ', 'workplace-experience': '職場体験' };
export const localTies = ['school', 'residence', 'hometown'] as const;
export type LocalTie = (typeof localTies)[number];
export const localTieLabels: Record<LocalTie, string> = { school: '市内の学校に在学', residence: '市内に在住', hometown: '市の出身' };
export const internshipStatuses = ['requested', 'accepted', 'declined', 'done', 'cancelled'] as const;
export type InternshipStatus = (typeof internshipStatuses)[number];
export const internshipStatusLabels: Record<InternshipStatus, string> = { requested: '申込み', accepted: '受入れ決定', declined: 'お断り', done: '実施済み', cancelled: '取消し' };

/** Policy III-3-(2)-③: local students only (在学・在住・出身). */
export const internshipRequestSchema = z
  .object({
    submissionKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '送信キーが正しくありません'),
    kind: z.enum(internshipKinds, '種類を選んでください'),
    studentName: plainText('氏名', 60, { required: true }),
    studentNameKana: kanaText('氏名(フリガナ)', 60),
    school: plainText('学校名', 80, { required: true }),
    email: plainText('メールアドレス', 254, { required: true }).refine((s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'メールアドレスの形式が正しくありません'),
    birthDate: isoDate.nullable().default(null),
    localTie: z.enum(localTies, '市とのつながりを選んでください'),
    startsOn: isoDate,
    endsOn: isoDate,
  })
  .strict()
  .refine((r) => r.endsOn >= r.startsOn, { message: '終了日は開始日以降にしてください', path: ['endsOn'] });
export type InternshipRequest = z.infer<typeof internshipRequestSchema>;

/** HR's decision on a request: host unit and dates when accepting. */
export const internshipUpdateSchema = z
  .object({
    version: z.int().positive(),
    status: z.enum(internshipStatuses),
    hostUnitId: z.int().positive().nullable(),
    startsOn: isoDate,
    endsOn: isoDate,
    studentFeedback: plainText('学生の感想', 2000, { multiline: true }).default(''),
    hostFeedback: plainText('受入れ所属の所見', 2000, { multiline: true }).default(''),
  })
  .strict()
  .refine((r) => r.endsOn >= r.startsOn, { message: '終了日は開始日以降にしてください', path: ['endsOn'] })
  .refine((r) => r.status !== 'accepted' || r.hostUnitId !== null, { message: '受入れ所属を選んでください', path: ['hostUnitId'] });
export type InternshipUpdate = z.infer<typeof internshipUpdateSchema>;

// ------------------------------------------------------------------------------------------------
// Settings and retention

export const recruitmentIntakeSettingsSchema = z.object({
  /** attachment size limit per file */
  attachmentMaxMb: z.number().min(0.1).max(attachmentMaxMbCeiling, `添付ファイルの上限は${attachmentMaxMbCeiling}MBまでです(3件を1回で送るため)`),
  /** months after a campaign is finished (or an internship ended) before unsuccessful applicants are anonymised */
  retentionMonths: z.int().min(1).max(120),
  /** public form: burst and refill of the per-address token bucket */
  rateLimitBurst: z.int().min(1).max(10_000),
  rateLimitPerHour: z.int().min(1).max(100_000),
});
export type RecruitmentIntakeSettings = z.infer<typeof recruitmentIntakeSettingsSchema>;
export const defaultRecruitmentIntakeSettings: RecruitmentIntakeSettings = { attachmentMaxMb: 5, retentionMonths: 12, rateLimitBurst: 10, rateLimitPerHour: 30 };

/** The date from which records that ended on `endedOn` are past a retention of `months` (same day N months later, clamped to month end). */
export function retentionEndsOn(endedOn: string, months: number): string {
  const [y, m, d] = endedOn.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
/** Past retention on `today`: strictly after the end of the period. */
export function isPastRetention(endedOn: string, months: number, today: string): boolean {
  return today > retentionEndsOn(endedOn, months);
}
/** The latest end date still kept on `today` (records that ended before it are past retention). */
export function retentionCutoff(months: number, today: string): string {
  // binary-free: walk back month by month from today; retentionEndsOn is monotone in endedOn
  let candidate = addDays(today, -Math.ceil(months * 31) - 2);
  while (isPastRetention(addDays(candidate, 1), months, today)) candidate = addDays(candidate, 1);
  return candidate;
}
/** Applicants who were not hired: their data is anonymised after retention. Offered and accepted ones stay. */
export const anonymisableApplicantStatuses = ['applied', 'in-progress', 'rejected', 'declined', 'withdrawn'] as const;
