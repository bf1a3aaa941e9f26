/**
 * The knowledge base (ナレッジベース, policy IV-2-(5) 「ツールに関する FAQ や操作ガイドを作成し、使い方を教えるスタッフを配置」):
 * every signed-in staff member searches and reads published FAQs and operation guides; HR, system administrators
 * and — on the date — DX推進リーダー and members of the DX promotion HQ or its working groups write them (drafts are
 * seen by writers only). Changes carry the version read (stale → 409); HR and system administrators delete.
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import {
  articleSearchKey,
  excerptOf,
  isKnowledgeWriter,
  pageSizeMax,
  searchTermsOf,
  type ArticleInput,
  type ArticleKind,
  type ArticleStatus,
  type ArticleUpdate,
} from '../../domain/knowledge/knowledge-model.js';
import type { ArticleList, ArticleSummary, ArticleView } from '../../domain/knowledge/knowledge-api.js';
import {
  deleteArticleIfUnchanged,
  findArticle,
  insertArticle,
  isDxBodyMemberOn,
  isDxLeaderOn,
  listArticleFacets,
  listArticles,
  updateArticleIfUnchanged,
  type ArticleRow,
} from './knowledge.repository.js';
import { renderMarkdown } from './safe-markdown.js';

export const knowledgeAuditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

/** HR and system administrators: write by role, and moderate (delete articles, abusive questions and answers). */
export async function canModerate(ctx: ServiceContext): Promise<boolean> {
  return (await can(ctx.database, ctx.actor, 'knowledge.moderate', {}, ctx.today)).allowed;
}

/** May the actor write articles today? */
export async function canWriteArticles(ctx: ServiceContext): Promise<boolean> {
  const hasWriterRole = await canModerate(ctx);
  if (hasWriterRole || ctx.actor.staffId === null) return hasWriterRole;
  const exec = ctx.database.db;
  const { municipalityId, staffId } = ctx.actor;
  const isDxLeader = await isDxLeaderOn(exec, municipalityId, staffId, ctx.today);
  const isDxBodyMember = isDxLeader ? false : await isDxBodyMemberOn(exec, municipalityId, staffId, ctx.today);
  return isKnowledgeWriter({ hasWriterRole, isDxLeader, isDxBodyMember });
}

const notFound = () => new AppError('common.not-found', '記事が見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの記事を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

async function refuseWrite(ctx: ServiceContext, action: string, objectId?: number): Promise<never> {
  await audit(ctx.database, knowledgeAuditSource(ctx), { action, outcome: 'denied', objectType: 'knowledge-article', objectId });
  throw new AppError('access.denied', 'ナレッジベースの記事を書けるのは、職員課・システム管理者・DX推進リーダー・DX推進本部とワーキンググループのメンバーです。');
}

function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    kind: row.kind as ArticleKind,
    title: row.title,
    tool: row.tool,
    tags: row.tags,
    status: row.status as ArticleStatus,
    excerpt: excerptOf(row.bodyMarkdown),
    updatedAt: row.updatedAt,
  };
}

function toView(row: ArticleRow, rights: { canEdit: boolean; canDelete: boolean }): ArticleView {
  return {
    ...toSummary(row),
    version: row.version,
    bodyMarkdown: row.bodyMarkdown,
    bodyHtml: renderMarkdown(row.bodyMarkdown),
    author: row.authorStaffId === null ? null : { staffId: row.authorStaffId, name: row.authorName ?? '' },
    createdAt: row.createdAt,
    ...rights,
  };
}

export type ArticleSearch = { q?: string; kind?: ArticleKind; tool?: string; tag?: string; status?: ArticleStatus; page?: number; pageSize?: number };

/** GET /api/knowledge/articles: published articles for everyone, drafts too for writers; all words must match. */
export async function searchArticles(ctx: ServiceContext, input: ArticleSearch): Promise<ArticleList> {
  const exec = ctx.database.db;
  const canWrite = await canWriteArticles(ctx);
  const page = input.page ?? 1;
  const pageSize = Math.min(input.pageSize ?? 20, pageSizeMax);
  const result = await listArticles(exec, {
    municipalityId: ctx.actor.municipalityId,
    terms: searchTermsOf(input.q),
    kind: input.kind,
    tool: input.tool || undefined,
    tag: input.tag || undefined,
    includeDrafts: canWrite,
    status: canWrite ? input.status : undefined,
    limit: pageSize,
    offset: (page - 1) * pageSize,
  });
  const facets = await listArticleFacets(exec, ctx.actor.municipalityId, canWrite);
  return { total: result.total, page, pageSize, items: result.rows.map(toSummary), canWrite, ...facets };
}

/** GET /api/knowledge/articles/{id}: a draft is "not found" for people who cannot write. */
export async function readArticle(ctx: ServiceContext, input: { id: number }): Promise<ArticleView> {
  const row = await findArticle(ctx.database.db, ctx.actor.municipalityId, input.id);
  const canWrite = await canWriteArticles(ctx);
  if (!row || (row.status !== 'published' && !canWrite)) throw notFound();
  return toView(row, { canEdit: canWrite, canDelete: await canModerate(ctx) });
}

/** POST /api/knowledge/articles */
export async function createArticle(ctx: ServiceContext, input: ArticleInput): Promise<ArticleView> {
  if (!(await canWriteArticles(ctx))) return refuseWrite(ctx, 'knowledge.article-created');
  const id = await ctx.database.db.transaction(async (tx) => {
    const newId = await insertArticle(tx, {
      ...input,
      searchKey: articleSearchKey(input),
      municipalityId: ctx.actor.municipalityId,
      authorStaffId: ctx.actor.staffId,
      now: ctx.now,
    });
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.article-created',
      outcome: 'succeeded',
      objectType: 'knowledge-article',
      objectId: newId,
      details: { kind: input.kind, status: input.status },
    });
    return newId;
  });
  return readArticle(ctx, { id });
}

/** PUT /api/knowledge/articles/{id}: replaces the article read at `version` (409 when someone changed it since). */
export async function updateArticle(ctx: ServiceContext, input: ArticleUpdate & { id: number }): Promise<ArticleView> {
  const { id, version, ...values } = input;
  if (!(await canWriteArticles(ctx))) return refuseWrite(ctx, 'knowledge.article-updated', id);
  await ctx.database.db.transaction(async (tx) => {
    const current = await findArticle(tx, ctx.actor.municipalityId, id);
    if (!current) throw notFound();
    if (current.version !== version) throw stale();
    if (!(await updateArticleIfUnchanged(tx, ctx.actor.municipalityId, id, version, { ...values, searchKey: articleSearchKey(values) }, ctx.now))) throw stale();
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.article-updated',
      outcome: 'succeeded',
      objectType: 'knowledge-article',
      objectId: id,
      details: { status: values.status, wasStatus: current.status },
    });
  });
  return readArticle(ctx, { id });
}

/** DELETE /api/knowledge/articles/{id}?version= (HR and system administrators; the guard checked the role). */
export async function deleteArticle(ctx: ServiceContext, input: { id: number; version: number }): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const current = await findArticle(tx, ctx.actor.municipalityId, input.id);
    if (!current) throw notFound();
    if (!(await deleteArticleIfUnchanged(tx, ctx.actor.municipalityId, input.id, input.version))) throw stale();
    await auditInTx(tx, knowledgeAuditSource(ctx), {
      action: 'knowledge.article-deleted',
      outcome: 'succeeded',
      objectType: 'knowledge-article',
      objectId: input.id,
      details: { kind: current.kind, status: current.status },
    });
  });
}

/** POST /api/knowledge/preview: the same rendering the saved text will get, for the editor's preview. */
export function previewMarkdown(_ctx: ServiceContext, input: { markdown: string }): { html: string } {
  return { html: renderMarkdown(input.markdown) };
}
