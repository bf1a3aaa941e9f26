/** /api/recruitment/analytics/funnel: the recruitment funnel per campaign (issue 7 item 4), counts only. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { campaignCategories } from '../../domain/recruitment/recruitment-model.js';
import { getFunnel } from './analytics.service.js';

const prefix = '/api/recruitment';
export const analyticsRoutes = createAreaApp();

analyticsRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'recruitment.analytics.read' }, {
    method: 'get',
    path: '/analytics/funnel',
    summary: '採用ファネル: 応募 → 各段階の合格 → 内定 → 承諾、年齢分布(5歳刻み)、応募のきっかけ・受付方法',
    request: {
      query: z.object({
        fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
        category: z.enum(campaignCategories).optional(),
        campaignId: z.coerce.number().int().positive().optional(),
      }),
    },
    responses: { 200: { description: 'FunnelView' }, ...errorResponses },
  }),
  async (c) => c.json(await getFunnel(serviceContext(c), c.req.valid('query')), 200),
);
