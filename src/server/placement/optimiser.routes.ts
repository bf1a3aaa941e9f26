/**
 * /api/placement optimiser runs (issue 5): start a run for a draft plan (202, solved in a worker thread), poll it
 * (progress, phase, result with objective, bound and gap, proposed moves with their reasons), adopt it into the plan.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { adoptOptimiserRun, readOptimiserRun, startOptimiserRun } from './optimiser.service.js';

const prefix = '/api/placement';
export const optimiserRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'placement.plans.manage' } as const;
const conflict = { 409: { description: '異動案が変更された、または実行が終わっていない' } };

optimiserRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans/{planId}/optimiser-runs',
    summary: '異動案の最適化を開始する (別スレッドで実行。進捗は実行の取得で確認)',
    request: { params: z.object({ planId: z.string() }) },
    responses: { 202: { description: '開始した実行' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await startOptimiserRun(serviceContext(c), { planId: idParam(c, 'planId') }), 202),
);

optimiserRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/optimiser-runs/{runId}',
    summary: '最適化の実行: 状態・進捗・段階と、終了後の結果 (目的関数値・上界・ギャップ・提案する異動と理由)',
    request: { params: z.object({ runId: z.string() }) },
    responses: { 200: { description: '実行' }, ...errorResponses },
  }),
  async (c) => c.json(await readOptimiserRun(serviceContext(c), { runId: idParam(c, 'runId') }), 200),
);

optimiserRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/optimiser-runs/{runId}/adopt',
    summary: '最適化の提案を異動案に採用する (最適化による異動を置き換え、手動の異動は残す)',
    request: {
      params: z.object({ runId: z.string() }),
      body: {
        content: { 'application/json': { schema: z.strictObject({ planVersion: z.int('版は整数で指定してください').positive('版が正しくありません') }) } },
        required: true,
      },
    },
    responses: { 200: { description: '採用後の異動案の版' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await adoptOptimiserRun(serviceContext(c), { runId: idParam(c, 'runId'), planVersion: c.req.valid('json').planVersion }), 200),
);
