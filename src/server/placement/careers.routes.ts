/** /api/placement/careers: 経歴の見える化 — one unit's members' careers by 年度, and the city's heat maps. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { getCityCareers, getUnitCareers, listCareerUnits, maxCareerYears } from './careers.service.js';

const prefix = '/api/placement';
export const careersRoutes = createAreaApp();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

careersRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'org.units.careers' },
    {
      method: 'get',
      path: '/careers/units',
      summary: '経歴を見られる所属の一覧 (人事: すべて、所属長: 担当する所属)',
      request: { query: z.object({ asOf: isoDate.optional() }) },
      responses: { 200: { description: '所属の一覧' }, ...errorResponses },
    },
  ),
  async (c) => c.json(await listCareerUnits(serviceContext(c), { asOf: c.req.valid('query').asOf }), 200),
);

careersRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'org.units.careers', object: (c) => ({ unitId: idParam(c) }) },
    {
      method: 'get',
      path: '/careers/units/{id}',
      summary: '所属の在籍職員の経歴 (年度ごとの配属の表)',
      request: {
        params: z.object({ id: z.string() }),
        query: z.object({
          asOf: isoDate.optional(),
          years: z.coerce.number().int().min(1).max(maxCareerYears).optional(),
          includeSubunits: queryBoolean.optional(),
        }),
      },
      responses: { 200: { description: '在籍職員と年度ごとの所属' }, ...errorResponses },
    },
  ),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await getUnitCareers(serviceContext(c), { unitId: idParam(c), asOf: q.asOf, years: q.years, includeSubunits: q.includeSubunits }), 200);
  },
);

careersRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'placement.careers.city' },
    {
      method: 'get',
      path: '/careers/city',
      summary: '全庁の在課年数・現場経験のヒートマップ (所属別、部ごと)',
      request: { query: z.object({ asOf: isoDate.optional() }) },
      responses: { 200: { description: '所属別の在課年数の分布・現場経験の割合・平均在課年数' }, ...errorResponses },
    },
  ),
  async (c) => c.json(await getCityCareers(serviceContext(c), { asOf: c.req.valid('query').asOf }), 200),
);
