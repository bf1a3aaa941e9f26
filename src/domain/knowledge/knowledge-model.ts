/**
 * The knowledge base (ナレッジベース, policy IV-2-(5)) and the Q&A board of the staff community (職員コミュニティ,
 * IV-2-(6)): kinds, input schemas shared by the form and the server, the search key, and who may write.
 */
import { z } from 'zod';
import { normalizeForSearch } from '../common/japanese-text.js';

/** FAQ (よくある質問) or operation guide (操作ガイド). */
export const articleKinds = ['faq', 'guide'] as const;
export type ArticleKind = (typeof articleKinds)[number];
export const articleKindLabels: Record<ArticleKind, string> = { faq: 'FAQ', guide: '操作ガイド' };

/** draft: writers only; published: every signed-in staff member. */
export const articleStatuses = ['draft', 'published'] as const;
export type ArticleStatus = (typeof articleStatuses)[number];
export const articleStatusLabels: Record<ArticleStatus, string> = { draft: '下書き', published: '公開' };

/** The Q&A list filters: unanswered (no answer yet), unresolved (no accepted answer), resolved. */
export const questionFilters = ['all', 'unanswered', 'unresolved', 'resolved'] as const;
export type QuestionFilter = (typeof questionFilters)[number];
export const questionFilterLabels: Record<QuestionFilter, string> = {
  all: 'すべて',
  unanswered: '回答なし',
  unresolved: '未解決',
  resolved: '解決済み',
};

/**
 * Why a moderator removed a post: a fixed list, so that the audit row records the reason without quoting the
 * post (security.md 5: the audit log never holds content).
 */
export const moderationReasons = ['abusive', 'personal-data', 'spam', 'off-topic'] as const;
export type ModerationReason = (typeof moderationReasons)[number];
export const moderationReasonLabels: Record<ModerationReason, string> = {
  abusive: '誹謗中傷・不適切な表現',
  'personal-data': '個人情報・機密情報を含む',
  spam: '宣伝・無関係な投稿の繰り返し',
  'off-topic': '職員コミュニティの趣旨に合わない',
};

export const markdownMaxLength = 20_000;
export const pageSizeMax = 50;

const tag = z
  .string()
  .trim()
  .min(1, 'タグを入力してください')
  .max(30, 'タグは30文字以内で入力してください')
  .refine((t) => !/[\s,、]/u.test(t), 'タグに空白や読点は使えません');
/** Tags: trimmed, at most 10, duplicates dropped (after the search normalisation: ＲＰＡ and RPA are one tag). */
const tags = z
  .array(tag)
  .max(10, 'タグは10個以内で指定してください')
  .default([])
  .transform((list) => list.filter((t, i) => list.findIndex((u) => normalizeForSearch(u) === normalizeForSearch(t)) === i));
const markdown = (label: string) =>
  z.string().trim().min(1, `${label}を入力してください`).max(markdownMaxLength, `${label}は${markdownMaxLength}文字以内で入力してください`);
const title = z.string().trim().min(1, '題名を入力してください').max(200, '題名は200文字以内で入力してください');
const version = z.int('版は整数で指定してください').positive('版が正しくありません');

const articleFields = {
  kind: z.enum(articleKinds, '種類はFAQか操作ガイドを指定してください'),
  title,
  tool: z.string().trim().max(50, 'ツール名は50文字以内で入力してください').default(''),
  tags,
  bodyMarkdown: markdown('本文'),
  status: z.enum(articleStatuses, '公開か下書きを指定してください'),
};
export const articleInputSchema = z.strictObject(articleFields);
export type ArticleInput = z.infer<typeof articleInputSchema>;
export const articleUpdateSchema = z.strictObject({ ...articleFields, version });
export type ArticleUpdate = z.infer<typeof articleUpdateSchema>;

const questionFields = { title, bodyMarkdown: markdown('質問の内容'), tags };
export const questionInputSchema = z.strictObject(questionFields);
export type QuestionInput = z.infer<typeof questionInputSchema>;
export const questionUpdateSchema = z.strictObject({ ...questionFields, version });
export type QuestionUpdate = z.infer<typeof questionUpdateSchema>;

export const answerInputSchema = z.strictObject({ bodyMarkdown: markdown('回答') });
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const acceptAnswerSchema = z.strictObject({ answerId: z.int('回答を指定してください').positive('回答を指定してください'), version });
export type AcceptAnswer = z.infer<typeof acceptAnswerSchema>;

export const moderationSchema = z.strictObject({ reason: z.enum(moderationReasons, '削除の理由を選んでください') });
export type Moderation = z.infer<typeof moderationSchema>;

export const previewSchema = z.strictObject({ markdown: z.string().max(markdownMaxLength, `本文は${markdownMaxLength}文字以内で入力してください`) });

/** The stored search key of an article: title, tool, tags and body, normalised (ｶﾀｶﾅ, full width, hiragana fold). */
export function articleSearchKey(a: { title: string; tool: string; tags: readonly string[]; bodyMarkdown: string }): string {
  return normalizeForSearch([a.title, a.tool, ...a.tags, a.bodyMarkdown].join('\n'));
}

/** A question's search key covers its answers too: the answer is usually what the next person searches for. */
export function questionSearchKey(q: { title: string; tags: readonly string[]; bodyMarkdown: string }, answerBodies: readonly string[]): string {
  return normalizeForSearch([q.title, ...q.tags, q.bodyMarkdown, ...answerBodies].join('\n'));
}

/**
 * The words of a query, each normalised like the stored key; every word must occur (AND). The key has no
 * spaces, so "電子 決裁" finds "電子決裁の申請". At most 8 words; empty words are dropped.
 */
export function searchTermsOf(query: string | undefined): string[] {
  if (query === undefined) return [];
  return query
    .split(/[\s\u3000]+/u)
    .map(normalizeForSearch)
    .filter((t) => t !== '')
    .slice(0, 8);
}

/**
 * Who writes the knowledge base on a date (IV-2-(5) 「使い方を教えるスタッフを配置」): HR and system administrators by
 * role, and the staff who on that date are a DX推進リーダー or a member of the DX promotion HQ or one of its
 * working groups.
 */
export function isKnowledgeWriter(input: { hasWriterRole: boolean; isDxLeader: boolean; isDxBodyMember: boolean }): boolean {
  return input.hasWriterRole || input.isDxLeader || input.isDxBodyMember;
}

/** A short plain-text excerpt of Markdown for lists (marks dropped roughly; shown as text, never as HTML). */
export function excerptOf(markdown: string, length = 120): string {
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gmu, '')
    .replace(/[*_`~|]/g, '')
    .replace(/\s+/gu, ' ')
    .trim();
  return plain.length > length ? `${plain.slice(0, length)}…` : plain;
}

/** Demo and suggestion list of the municipality's tools (the field is free text; these are offered first). */
export const suggestedTools = ['電子決裁', 'グループウェア', 'AI-OCR', 'RPA', '生成AI', 'Web会議', 'テレワーク'] as const;
