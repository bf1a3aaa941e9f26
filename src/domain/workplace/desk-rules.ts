/**
 * Consultation and whistleblowing desks (相談窓口・公益通報窓口, ADR 0020): the two desks, their categories, the case
 * timeline, who may touch case contents, and the input schemas shared by the forms and the server. Pure rules.
 * Law: 公益通報者保護法 (handlers must not leak anything identifying the reporter; searching for the reporter is
 * prohibited) and 労働施策総合推進法 (privacy of the consulting person and of those who cooperated).
 */
import { z } from 'zod';
import type { Role } from '../access/roles.js';
import { findControlCharacter } from '../common/japanese-text.js';

export const desks = ['harassment', 'whistleblowing'] as const;
export type Desk = (typeof desks)[number];
export const deskLabels: Record<Desk, string> = { harassment: 'ハラスメント相談窓口', whistleblowing: '公益通報窓口' };
/** What the designation makes of a person (the written designation's title). */
export const handlerTitles: Record<Desk, string> = { harassment: '相談員', whistleblowing: '公益通報対応業務従事者' };

export const harassmentCategories = ['power', 'sexual', 'maternity', 'customer', 'other'] as const;
export const whistleblowingCategories = ['whistleblowing'] as const;
export const deskCategories = [...harassmentCategories, ...whistleblowingCategories] as const;
export type DeskCategory = (typeof deskCategories)[number];
export const categoryLabels: Record<DeskCategory, string> = {
  power: 'パワーハラスメント',
  sexual: 'セクシュアルハラスメント',
  maternity: '妊娠・出産・育児休業・介護休業等に関するハラスメント',
  customer: 'カスタマーハラスメント',
  other: 'その他のハラスメント',
  whistleblowing: '公益通報(法令違反等の通報)',
};
export const deskOfCategory = (category: DeskCategory): Desk => (category === 'whistleblowing' ? 'whistleblowing' : 'harassment');
export const categoriesOf = (desk: Desk): readonly DeskCategory[] => (desk === 'whistleblowing' ? whistleblowingCategories : harassmentCategories);

export const caseStatuses = ['received', 'investigating', 'corrective-action', 'outcome-notified', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];
export const caseStatusLabels: Record<CaseStatus, string> = {
  received: '受付',
  investigating: '調査中',
  'corrective-action': '是正措置',
  'outcome-notified': '結果通知済み',
  closed: '終了',
};

/**
 * The timeline's moves. An investigation that finds nothing to correct goes straight to notifying the outcome; the
 * outcome is always notified before closing (公益通報者保護法 指針: 通報者への通知). Closed is final.
 */
const transitions: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['investigating'],
  investigating: ['corrective-action', 'outcome-notified'],
  'corrective-action': ['outcome-notified'],
  'outcome-notified': ['closed'],
  closed: [],
};
export const nextStatuses = (from: CaseStatus): readonly CaseStatus[] => transitions[from];

export type TransitionResult = { ok: true } | { ok: false; code: 'workplace.desk-invalid-transition' | 'workplace.desk-case-closed' };
export function checkTransition(from: CaseStatus, to: CaseStatus): TransitionResult {
  if (from === 'closed') return { ok: false, code: 'workplace.desk-case-closed' };
  return transitions[from].includes(to) ? { ok: true } : { ok: false, code: 'workplace.desk-invalid-transition' };
}
/** Messages, notes and cooperators are added until the case is closed. */
export const isCaseOpen = (status: CaseStatus) => status !== 'closed';

/**
 * security.md 2 and facts.md (a desk independent of management): whoever holds an administrator role never
 * handles cases, even if also granted case_handler — refused at designation and at every case read.
 */
export const deskBarredRoles: readonly Role[] = ['hr_admin', 'hr_officer', 'system_admin', 'auditor'];
export const isBarredFromCaseContents = (roles: readonly Role[]) => roles.some((r) => deskBarredRoles.includes(r));

/** A designation in force on `today` (dates inclusive). */
export type DesignationPeriod = { desk: Desk; designatedOn: string; endsOn: string | null };
export const isDesignationInForce = (d: DesignationPeriod, desk: Desk, today: string) =>
  d.desk === desk && d.designatedOn <= today && (d.endsOn === null || d.endsOn >= today);

// ---------- hostile input: plain text, bounded, no controls ----------

/** Plain multi-line text: newlines allowed (CRLF folded), every other control and bidi override refused. */
export function plainText(max: number, min = 1) {
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n'))
    .pipe(
      z
        .string()
        .min(min, { message: min > 1 ? `${min}文字以上で入力してください。` : '入力してください。' })
        .max(max, { message: `${max}文字以内で入力してください。` })
        .refine((s) => findControlCharacter(s.replace(/\n/g, '')) === undefined, { message: '制御文字は使えません。' })
        .refine((s) => s.trim() !== '', { message: '入力してください。' }),
    );
}
/** One-line text (names, contacts, document references). */
export function lineText(max: number) {
  return z
    .string()
    .max(max, { message: `${max}文字以内で入力してください。` })
    .refine((s) => findControlCharacter(s) === undefined, { message: '制御文字・改行は使えません。' });
}

export const summaryMax = 4000;
export const messageMax = 4000;

export const fileReportInputSchema = z.strictObject({
  category: z.enum(deskCategories),
  summary: plainText(summaryMax),
  /** signed-in filers only: false → the handlers see who filed (stored apart); true → nothing identifying is kept */
  isAnonymous: z.boolean().default(true),
  /** optional, for a public filer who wants to be contacted outside the system (shown to assigned handlers only) */
  name: lineText(100).default(''),
  contact: lineText(200).default(''),
});
export type FileReportInput = z.infer<typeof fileReportInputSchema>;

/** 受付番号 + 確認用パスワード. Codes are short, unambiguous letters (no I/O/0/1). */
export const receiptCodePattern = /^(HR|WB)-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
export const followInputSchema = z.strictObject({
  receiptCode: z.string().max(40).transform((s) => s.normalize('NFKC').trim().toUpperCase()),
  secret: z.string().min(1).max(200).transform((s) => s.normalize('NFKC').replace(/\s/g, '')),
});
export type FollowInput = z.infer<typeof followInputSchema>;
export const reporterMessageInputSchema = followInputSchema.extend({ body: plainText(messageMax) });
export type ReporterMessageInput = z.infer<typeof reporterMessageInputSchema>;

export const handlerMessageInputSchema = z.strictObject({ body: plainText(messageMax), version: z.number().int().positive() });
export const noteInputSchema = z.strictObject({ body: plainText(messageMax) });
export const cooperatorInputSchema = z.strictObject({ employeeNumber: lineText(20), body: plainText(1000) });
export const statusInputSchema = z.strictObject({ to: z.enum(caseStatuses), note: plainText(2000, 0).optional(), version: z.number().int().positive() });
export const assignInputSchema = z.strictObject({ staffId: z.number().int().positive() });

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日付は YYYY-MM-DD で入力してください。' });
export const designationInputSchema = z
  .strictObject({
    /** 職員番号 of the person designated */
    employeeNumber: lineText(20).refine((s) => s.trim() !== '', { message: '職員番号を入力してください。' }),
    desk: z.enum(desks),
    designatedOn: isoDate,
    endsOn: isoDate.nullable().default(null),
    documentRef: lineText(200).refine((s) => s.trim() !== '', { message: '指定の文書(番号)を入力してください。' }),
  })
  .refine((d) => d.endsOn === null || d.endsOn >= d.designatedOn, { path: ['endsOn'], message: '終了日は指定日以降にしてください。' });
export type DesignationInput = z.infer<typeof designationInputSchema>;
export const endDesignationInputSchema = z.strictObject({ endsOn: isoDate });

// ---------- receipt codes, secrets, pseudonyms (randomness passed in) ----------

const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Builds a character string from random bytes (each byte picks one of 32 letters: no modulo bias). */
export function codeFromBytes(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += codeAlphabet[(bytes[i] ?? 0) % 32];
  return out;
}
export function receiptCodeOf(desk: Desk, bytes: Uint8Array): string {
  const body = codeFromBytes(bytes, 8);
  return `${desk === 'harassment' ? 'HR' : 'WB'}-${body.slice(0, 4)}-${body.slice(4, 8)}`;
}
/** 20 letters from 32 = 100 bits, shown in groups of four. */
export function secretOf(bytes: Uint8Array): string {
  const s = codeFromBytes(bytes, 20);
  return s.match(/.{4}/g)!.join('-');
}
/** The form the hash is computed over: groups and case do not matter when typed back. */
export const canonicalSecret = (secret: string) => secret.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
/** How the reporter is called everywhere but the identity table: random letters, unrelated to the receipt code. */
export const pseudonymOf = (bytes: Uint8Array) => `相談者-${codeFromBytes(bytes, 4)}`;

/** Notifications carry no content (security.md): one fixed sentence and a link. */
export const deskNotificationTitle = '相談窓口に新しい連絡があります';
