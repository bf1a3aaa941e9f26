/**
 * /api/placement: the rotation rules (R1–R5) as of a date and HR's placement inputs — settings (placement-rules),
 * transfer wishes per person and 年度, expertise fields per person, 定数 per unit × position level × 年度. HR only.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { placementSettingsSchema } from '../../domain/placement/placement-model.js';
import { expertiseInputSchema, fiscalYearSchema, quotasInputSchema, ruleIdSchema, wishesInputSchema } from '../../domain/placement/rules-api.js';
import {
  listRuleFlags,
  listWishes,
  readExpertise,
  readPersonWishes,
  readPlacementSettings,
  readQuotaGrid,
  saveExpertise,
  savePersonWishes,
  saveQuotaGrid,
  updatePlacementSettings,
} from './rules.service.js';

const prefix = '/api/placement';
export const rulesRoutes = createAreaApp();
const read = { kind: 'permission', permission: 'placement.rules.read' } as const;
const manage = { kind: 'permission', permission: 'placement.inputs.manage' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const fiscalYearMessage = '年度は2000〜9998の西暦4桁で指定してください';
const fiscalYearParam = z.string().regex(/^\d{4}$/, fiscalYearMessage).transform(Number).pipe(fiscalYearSchema);
const staffIdParam = z.string().regex(/^\d{1,9}$/, '職員の指定が正しくありません').transform(Number);
const pageQuery = z.coerce.number().int('ページは整数で指定してください').min(1, 'ページは1以上で指定してください').max(100_000).default(1);
/** The concurrency token of a settings document (an ISO instant with microseconds). */
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

rulesRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/rules',
    summary: '配置ルール (R1〜R5) の該当者: 基準日 (既定は次の4月1日) 時点の事実と解消の方法。ルール・所属で絞り込み、50件ずつ',
    request: {
      query: z.object({
        date: z.string().refine(isValidIsoDate, '基準日はYYYY-MM-DD形式で指定してください').optional(),
        rule: ruleIdSchema.optional(),
        unitId: z.coerce.number().int('所属の指定が正しくありません').positive('所属の指定が正しくありません').optional(),
        page: pageQuery,
      }),
    },
    responses: { 200: { description: '該当者の1ページとルールごとの件数' }, ...errorResponses },
  }),
  async (c) => c.json(await listRuleFlags(serviceContext(c), c.req.valid('query')), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/settings',
    summary: '配置ルールの設定 (R4の期間・継続性の上限・最適化の重み)。保存していなければ初期値',
    responses: { 200: { description: '配置ルールの設定' }, ...errorResponses },
  }),
  async (c) => c.json(await readPlacementSettings(serviceContext(c)), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/settings',
    summary: '配置ルールの設定の変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), settings: placementSettingsSchema })),
    responses: { 200: { description: '変更後の設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updatePlacementSettings(serviceContext(c), c.req.valid('json')), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/wishes',
    summary: '年度の異動希望を登録した職員の一覧 (50人ずつ)',
    request: { query: z.object({ fiscalYear: z.coerce.number().pipe(fiscalYearSchema), page: pageQuery }) },
    responses: { 200: { description: '異動希望の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listWishes(serviceContext(c), c.req.valid('query')), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/wishes/{staffId}/{fiscalYear}',
    summary: '職員の年度の異動希望 (第1〜第3希望) と希望できる所属',
    request: { params: z.object({ staffId: staffIdParam, fiscalYear: fiscalYearParam }) },
    responses: { 200: { description: '異動希望' }, ...errorResponses },
  }),
  async (c) => c.json(await readPersonWishes(serviceContext(c), c.req.valid('param')), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/wishes/{staffId}/{fiscalYear}',
    summary: '職員の年度の異動希望の登録 (人事担当が聞き取った内容。空の一覧で取り消し)',
    request: { params: z.object({ staffId: staffIdParam, fiscalYear: fiscalYearParam }), ...json(wishesInputSchema) },
    responses: { 200: { description: '登録後の異動希望' }, ...errorResponses },
  }),
  async (c) => c.json(await savePersonWishes(serviceContext(c), { ...c.req.valid('param'), body: c.req.valid('json') }), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/expertise/{staffId}',
    summary: '職員の専門分野 (人事担当の登録分と、3年以上在籍した所属の分野)',
    request: { params: z.object({ staffId: staffIdParam }) },
    responses: { 200: { description: '専門分野' }, ...errorResponses },
  }),
  async (c) => c.json(await readExpertise(serviceContext(c), c.req.valid('param').staffId), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/expertise/{staffId}',
    summary: '職員の専門分野の登録 (人事担当の登録分を置き換える)',
    request: { params: z.object({ staffId: staffIdParam }), ...json(expertiseInputSchema) },
    responses: { 200: { description: '登録後の専門分野' }, ...errorResponses },
  }),
  async (c) => c.json(await saveExpertise(serviceContext(c), { staffId: c.req.valid('param').staffId, body: c.req.valid('json') }), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/quotas/{fiscalYear}',
    summary: '年度の定数 (所属 × 職位区分) と4月1日前日の現員',
    request: { params: z.object({ fiscalYear: fiscalYearParam }) },
    responses: { 200: { description: '定数の表' }, ...errorResponses },
  }),
  async (c) => c.json(await readQuotaGrid(serviceContext(c), c.req.valid('param').fiscalYear), 200),
);

rulesRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/quotas/{fiscalYear}',
    summary: '年度の定数の保存 (送ったセルだけ。null でその年度の定数を削除し、前の年度の定数に戻す)',
    request: { params: z.object({ fiscalYear: fiscalYearParam }), ...json(quotasInputSchema) },
    responses: { 200: { description: '保存後の定数の表' }, ...errorResponses },
  }),
  async (c) => c.json(await saveQuotaGrid(serviceContext(c), { fiscalYear: c.req.valid('param').fiscalYear, body: c.req.valid('json') }), 200),
);
