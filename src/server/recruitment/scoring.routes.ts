/**
 * /api/recruitment/scoring/…: the raters' side (評定). The list is the signed-in staff member's own; a sitting and
 * its applicants need the 'sitting-rater' relation, checked by the guard per sitting and applicant (ADR 0018).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam, type RouteAccess } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { raterScoreInputSchema } from '../../domain/recruitment/pipeline-api.js';
import { getRaterSitting, listMySittings, saveRaterScore } from './scoring.service.js';

const prefix = '/api/recruitment';
export const scoringRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const rateSitting = { kind: 'permission', permission: 'recruitment.scoring.rate', object: (c) => ({ sittingId: idParam(c) }) } as const satisfies RouteAccess;
const rateApplicant = {
  kind: 'permission',
  permission: 'recruitment.scoring.rate',
  object: (c) => ({ sittingId: idParam(c), applicantId: idParam(c, 'applicantId') }),
} as const satisfies RouteAccess;

scoringRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/scoring/sittings',
    summary: '自分が評定者として割り当てられた試験の回',
    responses: { 200: { description: 'MySitting[]' }, ...errorResponses },
  }),
  async (c) => c.json(await listMySittings(serviceContext(c)), 200),
);

scoringRoutes.openapi(
  defineRoute(prefix, rateSitting, {
    method: 'get',
    path: '/scoring/sittings/{id}',
    summary: '評定する回の応募者 (氏名・受付番号・グループのみ) と自分の評定',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: 'RaterSitting' }, ...errorResponses },
  }),
  async (c) => c.json(await getRaterSitting(serviceContext(c), idParam(c)), 200),
);

scoringRoutes.openapi(
  defineRoute(prefix, rateApplicant, {
    method: 'put',
    path: '/scoring/sittings/{id}/applicants/{applicantId}',
    summary: '応募者1人の評定を保存 (合否が決まるまで修正できる)',
    request: {
      params: z.object({ id: z.string(), applicantId: z.string() }),
      body: { content: { 'application/json': { schema: raterScoreInputSchema } }, required: true },
    },
    responses: { 200: { description: '保存した合計点' }, ...errorResponses },
  }),
  async (c) => c.json(await saveRaterScore(serviceContext(c), { sittingId: idParam(c), applicantId: idParam(c, 'applicantId'), ...c.req.valid('json') }), 200),
);
