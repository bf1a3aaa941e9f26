/**
 * /api/training/recommendations and /api/training/loop: push-type recommendations from the latest ability evaluation
 * (the person, their evaluator, HR), the supervisor's push of a course, and HR's ability → training loop.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { pushCourse, readRecommendations, readTrainingLoop } from './recommendations.service.js';

const prefix = '/api/training';
export const recommendationsRoutes = createAreaApp();
const staffIdPath = z.object({ staffId: z.string() });

export const pushInputSchema = z.object({
  courseId: z.int('研修を選んでください').positive('研修を選んでください'),
  note: z.string().trim().max(1000, '面談のメモは1000文字以内で入力してください').default(''),
});

recommendationsRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'training.recommendations.read', object: (c) => ({ staffId: idParam(c, 'staffId') }) },
    {
      method: 'get',
      path: '/recommendations/{staffId}',
      summary: '最新の能力評価で標準を下回った項目と、その項目を伸ばす推奨研修(理由・勧奨つき)',
      request: { params: staffIdPath },
      responses: { 200: { description: '推奨研修' }, ...errorResponses },
    },
  ),
  async (c) => c.json(await readRecommendations(serviceContext(c), { staffId: idParam(c, 'staffId') }), 200),
);

recommendationsRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'training.recommendations.push', object: (c) => ({ staffId: idParam(c, 'staffId') }) },
    {
      method: 'post',
      path: '/recommendations/{staffId}/push',
      summary: '推奨研修の受講勧奨(評価者が面談のメモを添えて)。同じ研修の勧奨が未対応のまま残っていれば 409',
      request: { params: staffIdPath, body: { content: { 'application/json': { schema: pushInputSchema } }, required: true } },
      responses: { 201: { description: '記録した勧奨' }, 409: { description: 'すでに勧奨済み' }, ...errorResponses },
    },
  ),
  async (c) => c.json(await pushCourse(serviceContext(c), { staffId: idParam(c, 'staffId'), ...c.req.valid('json') }), 201),
);

recommendationsRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'training.loop.read' },
    {
      method: 'get',
      path: '/loop',
      summary: '能力評価と研修の循環: 職位ごと・必要な項目ごとに標準を下回った人数と、その後に研修を修了した人数',
      request: { query: z.object({ fiscalYear: z.coerce.number().int('年度は整数で指定してください').min(2000).max(2100).optional() }) },
      responses: { 200: { description: '職位ごとの集計' }, ...errorResponses },
    },
  ),
  async (c) => c.json(await readTrainingLoop(serviceContext(c), c.req.valid('query')), 200),
);
