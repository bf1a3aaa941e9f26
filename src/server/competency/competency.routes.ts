/**
 * /api/competency: the competency framework per fiscal year (policy II-4-(1)(2)). Everyone signed in reads it — the
 * policy publishes the required abilities and the items per position, and every staff member is evaluated on them;
 * hr_admin saves the current or a future 年度 and withdraws a future one.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { listFrameworkYears, readFramework, saveFramework, withdrawFramework } from './competency.service.js';

const prefix = '/api/competency';
export const competencyRoutes = createAreaApp();
const read = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'competency.frameworks.manage' } as const;

/** A 年度 as four digits (2000–9998, the range the framework schema takes). */
const fiscalYearText = z
  .string()
  .regex(/^\d{4}$/, '年度は西暦4桁で指定してください')
  .refine((v) => Number(v) >= 2000 && Number(v) <= 9998, '年度は2000〜9998の範囲で指定してください');
const fiscalYearParam = z.object({ fy: fiscalYearText });

/** The concurrency token of GET /api/competency/frameworks/{fy} (an ISO instant with microseconds). */
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

const itemIds = z.array(z.string().max(60)).max(100);
/** Length and blank text are the domain schema's to refuse, with its messages. */
const text = z.string().max(4000);
/** Strict: the editable parts only; the domain schema then checks the ids and that every level has an item. */
export const saveFrameworkInputSchema = z.strictObject({
  updatedAt: updatedAtToken.nullable(),
  matrix: z.strictObject({ director: itemIds, manager: itemIds, chief: itemIds, supervisor: itemIds, staff: itemIds }),
  requiredAbilities: z.strictObject({ director: text, manager: text, chief: text, supervisor: text, staff: text }),
  digitalSkills: z.strictObject({ isEnabled: z.boolean() }),
});

competencyRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/frameworks',
    summary: '評価項目(職位ごとの能力評価項目・求める能力)を保存した年度の一覧と、指定年度(既定は今年度)に適用される内容',
    request: { query: z.object({ fiscalYear: fiscalYearText.optional() }) },
    responses: { 200: { description: '保存した年度と適用される評価項目' }, ...errorResponses },
  }),
  async (c) => {
    const { fiscalYear } = c.req.valid('query');
    return c.json(await listFrameworkYears(serviceContext(c), { fiscalYear: fiscalYear === undefined ? undefined : Number(fiscalYear) }), 200);
  },
);

competencyRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/frameworks/{fy}',
    summary: '年度に適用される評価項目 (保存済み・前の年度から引継ぎ・方針の初期値)',
    request: { params: fiscalYearParam },
    responses: { 200: { description: '適用される評価項目' }, ...errorResponses },
  }),
  async (c) => c.json(await readFramework(serviceContext(c), { fiscalYear: Number(c.req.valid('param').fy) }), 200),
);

competencyRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/frameworks/{fy}',
    summary: '今年度・来年度以降の評価項目の保存 (読み込んだときの updatedAt を添える。初めてなら null)',
    request: { params: fiscalYearParam, body: { content: { 'application/json': { schema: saveFrameworkInputSchema } }, required: true } },
    responses: {
      200: { description: '保存後の評価項目' },
      409: { description: '他の人が先に更新した' },
      422: { description: '過去の年度は変更できない' },
      ...errorResponses,
    },
  }),
  async (c) => c.json(await saveFramework(serviceContext(c), { fiscalYear: Number(c.req.valid('param').fy), ...c.req.valid('json') }), 200),
);

competencyRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/frameworks/{fy}',
    summary: '来年度以降に保存した評価項目の取消し (前の年度または方針の初期値の引継ぎに戻る)',
    request: { params: fiscalYearParam, query: z.object({ updatedAt: updatedAtToken.optional() }) },
    responses: {
      200: { description: '取消し後に適用される評価項目' },
      409: { description: '他の人が先に更新した' },
      422: { description: '今年度以前は取り消せない' },
      ...errorResponses,
    },
  }),
  async (c) =>
    c.json(
      await withdrawFramework(serviceContext(c), { fiscalYear: Number(c.req.valid('param').fy), updatedAt: c.req.valid('query').updatedAt }),
      200,
    ),
);
