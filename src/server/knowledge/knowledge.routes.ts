/**
 * /api/knowledge: the knowledge base (FAQs and operation guides, IV-2-(5)) and the Q&A board of the staff community
 * (IV-2-(6)). Reading, asking and answering are for everyone signed in; who writes articles depends on the DX
 * structure on the date, so the service decides it; deleting is the moderators' (knowledge.moderate).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import {
  acceptAnswerSchema,
  answerInputSchema,
  articleInputSchema,
  articleKinds,
  articleStatuses,
  articleUpdateSchema,
  moderationSchema,
  pageSizeMax,
  previewSchema,
  questionFilters,
  questionInputSchema,
  questionUpdateSchema,
} from '../../domain/knowledge/knowledge-model.js';
import { createArticle, deleteArticle, previewMarkdown, readArticle, searchArticles, updateArticle } from './articles.service.js';
import { acceptAnswer, answerQuestion, askQuestion, editQuestion, readQuestion, removeAnswer, removeQuestion, searchQuestions } from './questions.service.js';

const prefix = '/api/knowledge';
export const knowledgeRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const moderate = { kind: 'permission', permission: 'knowledge.moderate' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const conflict = { 409: { description: '他の人が先に更新した' } };
const paging = {
  q: z.string().max(200, '検索語は200文字以内で入力してください').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(pageSizeMax).default(20),
};

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/articles',
    summary: 'ナレッジベースの検索 (題名・ツール・タグ・本文。カナ・全角半角・ひらがなの違いは問わない)。下書きは書ける人にだけ',
    request: {
      query: z.object({
        ...paging,
        kind: z.enum(articleKinds, '種類が正しくありません').optional(),
        tool: z.string().max(50).optional(),
        tag: z.string().max(30).optional(),
        status: z.enum(articleStatuses, '公開状態が正しくありません').optional(),
      }),
    },
    responses: { 200: { description: '記事の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await searchArticles(serviceContext(c), c.req.valid('query')), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/articles/{id}',
    summary: 'FAQ・操作ガイドの記事 (本文は安全に変換した HTML も添える)',
    request: { params: idPath },
    responses: { 200: { description: '記事' }, ...errorResponses },
  }),
  async (c) => c.json(await readArticle(serviceContext(c), { id: idParam(c) }), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/articles',
    summary: '記事の作成 (職員課・システム管理者・その日のDX推進リーダー・DX推進本部とWGのメンバー)',
    request: json(articleInputSchema),
    responses: { 201: { description: '作成した記事' }, ...errorResponses },
  }),
  async (c) => c.json(await createArticle(serviceContext(c), c.req.valid('json')), 201),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/articles/{id}',
    summary: '記事の変更・公開・下書きへの戻し (読み込んだときの version を添える)',
    request: { params: idPath, ...json(articleUpdateSchema) },
    responses: { 200: { description: '変更後の記事' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateArticle(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, moderate, {
    method: 'delete',
    path: '/articles/{id}',
    summary: '記事の削除 (職員課・システム管理者。記録に残る)',
    request: { params: idPath, query: z.object({ version: z.coerce.number().int().positive('版が正しくありません') }) },
    responses: { 204: { description: '削除した' }, ...conflict, ...errorResponses },
  }),
  async (c) => {
    await deleteArticle(serviceContext(c), { id: idParam(c), version: c.req.valid('query').version });
    return c.body(null, 204);
  },
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/preview',
    summary: 'Markdown のプレビュー (保存したときと同じ変換)',
    request: json(previewSchema),
    responses: { 200: { description: '変換した HTML' }, ...errorResponses },
  }),
  (c) => c.json(previewMarkdown(serviceContext(c), c.req.valid('json')), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/questions',
    summary: '職員コミュニティの質問の検索 (質問と回答の本文も対象。回答なし・未解決・解決済みで絞り込み)',
    request: { query: z.object({ ...paging, tag: z.string().max(30).optional(), filter: z.enum(questionFilters, '絞り込みが正しくありません').default('all') }) },
    responses: { 200: { description: '質問の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await searchQuestions(serviceContext(c), c.req.valid('query')), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/questions',
    summary: '質問する',
    request: json(questionInputSchema),
    responses: { 201: { description: '質問' }, ...errorResponses },
  }),
  async (c) => c.json(await askQuestion(serviceContext(c), c.req.valid('json')), 201),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/questions/{id}',
    summary: '質問と回答',
    request: { params: idPath },
    responses: { 200: { description: '質問' }, ...errorResponses },
  }),
  async (c) => c.json(await readQuestion(serviceContext(c), { id: idParam(c) }), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/questions/{id}',
    summary: '質問の変更 (質問した本人だけ。読み込んだときの version を添える)',
    request: { params: idPath, ...json(questionUpdateSchema) },
    responses: { 200: { description: '質問' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await editQuestion(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, moderate, {
    method: 'delete',
    path: '/questions/{id}',
    summary: '不適切な質問の削除 (回答ごと。職員課・システム管理者。理由を選び、記録に残る)',
    request: { params: idPath, ...json(moderationSchema) },
    responses: { 204: { description: '削除した' }, ...errorResponses },
  }),
  async (c) => {
    await removeQuestion(serviceContext(c), { id: idParam(c), ...c.req.valid('json') });
    return c.body(null, 204);
  },
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/questions/{id}/answers',
    summary: '回答する (質問した人にお知らせが届く)',
    request: { params: idPath, ...json(answerInputSchema) },
    responses: { 201: { description: '回答を加えた質問' }, ...errorResponses },
  }),
  async (c) => c.json(await answerQuestion(serviceContext(c), { questionId: idParam(c), ...c.req.valid('json') }), 201),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/questions/{id}/accept',
    summary: '解決した回答を選ぶ (質問した本人だけ)',
    request: { params: idPath, ...json(acceptAnswerSchema) },
    responses: { 200: { description: '質問' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await acceptAnswer(serviceContext(c), { questionId: idParam(c), ...c.req.valid('json') }), 200),
);

knowledgeRoutes.openapi(
  defineRoute(prefix, moderate, {
    method: 'delete',
    path: '/answers/{id}',
    summary: '不適切な回答の削除 (職員課・システム管理者。理由を選び、記録に残る)',
    request: { params: idPath, ...json(moderationSchema) },
    responses: { 204: { description: '削除した' }, ...errorResponses },
  }),
  async (c) => {
    await removeAnswer(serviceContext(c), { id: idParam(c), ...c.req.valid('json') });
    return c.body(null, 204);
  },
);
