/** /api/org: the organisation as of a date, its reorganisation history, positions, and each unit's members with their careers. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { getUnitPage, listOrgEvents, listPositionsOfMunicipality, listUnitsAsOf } from './org.service.js';

const prefix = '/api/org';
export const orgRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

orgRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/units',
    summary: '指定日時点の組織 (部 → 課 → 係、コード順)',
    request: { query: z.object({ asOf: isoDate.optional() }) },
    responses: { 200: { description: '所属の一覧と在籍者数' }, ...errorResponses },
  }),
  async (c) => c.json(await listUnitsAsOf(serviceContext(c), { asOf: c.req.valid('query').asOf }), 200),
);

orgRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/events',
    summary: '組織改編の履歴 (新しい順、当時の名称)',
    request: { query: z.object({ from: isoDate.optional(), to: isoDate.optional() }) },
    responses: { 200: { description: '組織改編の一覧' }, ...errorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await listOrgEvents(serviceContext(c), { from: q.from, to: q.to }), 200);
  },
);

orgRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/positions',
    summary: '職位の一覧 (上位から)',
    responses: { 200: { description: '職位' }, ...errorResponses },
  }),
  async (c) => c.json(await listPositionsOfMunicipality(serviceContext(c)), 200),
);

orgRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'org.units.careers', object: (c) => ({ unitId: idParam(c) }) },
    {
      method: 'get',
      path: '/units/{id}',
      summary: '所属の在籍職員と経歴 (各課の在籍職員の経歴の見える化)',
      request: {
        params: z.object({ id: z.string() }),
        query: z.object({ asOf: isoDate.optional(), includeSubunits: queryBoolean.optional() }),
      },
      responses: { 200: { description: '所属と在籍職員の経歴' }, ...errorResponses },
    },
  ),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await getUnitPage(serviceContext(c), { unitId: idParam(c), asOf: q.asOf, includeSubunits: q.includeSubunits ?? false }), 200);
  },
);
