/**
 * /api/public/recruitment: the recruitment page without sign-in — open campaigns, the application form, internship
 * requests. Sends are rate-limited per address before their bodies are validated.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { tokyoDate, type AppEnv } from '../http/context.js';
import { applicationInputSchema, internshipRequestSchema } from '../../domain/recruitment/intake.js';
import { publicApplicationMaxBytes } from '../../domain/recruitment/upload-limits.js';
import { applyToCampaign, limitPublicRate, listPublicCampaigns, readPublicCampaign, requestInternship, type PublicContext } from './public.service.js';

const prefix = '/api/public/recruitment';
export const publicRecruitmentRoutes = createAreaApp();
const open = { kind: 'public' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });

function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function publicContext(c: Context<AppEnv>): PublicContext {
  const now = c.get('now');
  return { database: c.get('deps').database, now, today: tokyoDate(now), requestId: c.get('requestId'), ip: clientIp(c) };
}

publicRecruitmentRoutes.use('*', async (c, next) => {
  if (c.req.method === 'POST') await limitPublicRate(publicContext(c));
  return next();
});

publicRecruitmentRoutes.openapi(
  defineRoute(prefix, open, {
    method: 'get',
    path: '/campaigns',
    summary: '受付中の採用試験 (公開)',
    responses: { 200: { description: '採用試験' }, ...errorResponses },
  }),
  async (c) => c.json(await listPublicCampaigns(publicContext(c)), 200),
);

publicRecruitmentRoutes.openapi(
  defineRoute(prefix, open, {
    method: 'get',
    path: '/campaigns/{id}',
    summary: '採用試験の募集内容 (公開)',
    request: { params: idPath },
    responses: { 200: { description: '採用試験' }, ...errorResponses },
  }),
  async (c) => c.json(await readPublicCampaign(publicContext(c), idParam(c)), 200),
);

publicRecruitmentRoutes.openapi(
  defineRoute(prefix, open, {
    method: 'post',
    path: '/campaigns/{id}/applications',
    summary: '採用試験への申込み (公開)。同じ submissionKey の再送信は最初の受付番号を返す',
    request: { params: idPath, ...json(applicationInputSchema) },
    responses: {
      201: { description: '受付番号' },
      ...errorResponses,
      409: { description: '受付期間外' },
      413: { description: '大きすぎる(上限 24MB)' },
      422: { description: '受験資格を満たさない (理由つき)' },
      429: { description: '送信が多すぎる' },
    },
    bodyLimit: { maxBytes: publicApplicationMaxBytes },
  }),
  async (c) => c.json(await applyToCampaign(publicContext(c), idParam(c), c.req.valid('json')), 201),
);

publicRecruitmentRoutes.openapi(
  defineRoute(prefix, open, {
    method: 'post',
    path: '/internship-requests',
    summary: 'インターン・職場体験の申込み (公開、市内在学・在住・市出身の学生)',
    request: json(internshipRequestSchema),
    responses: { 201: { description: '受け付けた' }, ...errorResponses, 429: { description: '送信が多すぎる' } },
  }),
  async (c) => {
    await requestInternship(publicContext(c), c.req.valid('json'));
    return c.json({ accepted: true }, 201);
  },
);
