/** /api/relations: evaluator and confirmer relations — read, override by hand, derive from the organisation. */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { relationKinds } from '../../domain/org/org-model.js';
import { createManualRelation, deriveRelationsFor, listRelationsOfStaff, removeManualRelation } from './relations.service.js';

const prefix = '/api/relations';
export const relationsRoutes = createAreaApp();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const manage = { kind: 'permission', permission: 'org.relations.manage' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

/** The guard runs before the query is validated, so the object id is read (and refused if malformed) here. */
function staffIdQuery(c: Context<AppEnv>): number {
  const n = Number(c.req.query('staffId'));
  if (!Number.isSafeInteger(n) || n <= 0) {
    throw new AppError('common.validation', '入力内容に誤りがあります。', [{ path: 'staffId', code: 'invalid_type', message: '職員IDを指定してください' }]);
  }
  return n;
}

export const manualRelationInputSchema = z.strictObject({
  kind: z.enum(relationKinds),
  subjectStaffId: z.number().int().positive(),
  holderStaffId: z.number().int().positive(),
  startsOn: isoDate,
  endsOn: isoDate.nullable(),
  reason: z.string().trim().min(1, '理由を入力してください').max(400),
});

export const deriveRelationsInputSchema = z.strictObject({ asOf: isoDate });

relationsRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.relations.read', object: (c) => ({ staffId: staffIdQuery(c) }) }, {
    method: 'get',
    path: '/',
    summary: '職員の評価者・確認者 (被評価者としても評価者としても、履歴を含む)',
    request: { query: z.object({ staffId: z.coerce.number().int().positive() }) },
    responses: { 200: { description: '評価者・確認者の関係' }, ...errorResponses },
  }),
  async (c) => c.json(await listRelationsOfStaff(serviceContext(c), { staffId: c.req.valid('query').staffId }), 200),
);

relationsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/',
    summary: '評価者・確認者の手動設定 (規則より優先)',
    request: json(manualRelationInputSchema),
    responses: { 201: { description: '設定した' }, ...errorResponses },
  }),
  async (c) => c.json(await createManualRelation(serviceContext(c), c.req.valid('json')), 201),
);

relationsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/{id}',
    summary: '手動設定の取消し (開始前は削除、適用中は前日で終了)',
    request: { params: z.object({ id: z.string() }) },
    responses: { 204: { description: '取り消した' }, ...errorResponses },
  }),
  async (c) => {
    await removeManualRelation(serviceContext(c), { relationId: idParam(c) });
    return c.body(null, 204);
  },
);

relationsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/derive',
    summary: '組織と配属から評価者・確認者を導出 (指定日から適用)',
    request: json(deriveRelationsInputSchema),
    responses: { 200: { description: '作成件数と未解決の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await deriveRelationsFor(serviceContext(c), c.req.valid('json')), 200),
);
