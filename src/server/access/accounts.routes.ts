/** /api/accounts: account and role administration (HR administrators, system administrators). */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import {
  createAccountInputSchema,
  grantRoleInputSchema,
  resetPasswordInputSchema,
  setAccountDisabledInputSchema,
} from '../../domain/access/access.schemas.js';
import { createAccountForStaff, grantRole, listAccountsWithGrants, resetPassword, revokeRole, setAccountDisabled } from './accounts.service.js';

const prefix = '/api/accounts';
export const accountsRoutes = createAreaApp();
const read = { kind: 'permission', permission: 'access.accounts.read' } as const;
const manage = { kind: 'permission', permission: 'access.accounts.manage' } as const;
const idPath = z.object({ id: z.string() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

accountsRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/',
    summary: 'アカウント一覧',
    request: {
      query: z.object({
        q: z.string().max(60).optional(),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: { description: 'アカウントと権限付与' }, ...errorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await listAccountsWithGrants(serviceContext(c), { search: q.q, page: q.page, pageSize: q.pageSize }), 200);
  },
);

accountsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/',
    summary: '職員のアカウントを作成 (ログインIDは職員番号)',
    request: json(createAccountInputSchema),
    responses: { 201: { description: '作成した' }, ...errorResponses, 409: { description: '既にある' } },
  }),
  async (c) => c.json(await createAccountForStaff(serviceContext(c), c.req.valid('json')), 201),
);

accountsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/{id}/disabled',
    summary: 'アカウントの停止・再開 (停止で全セッション終了)',
    request: { params: idPath, ...json(setAccountDisabledInputSchema) },
    responses: { 204: { description: '変更した' }, ...errorResponses },
  }),
  async (c) => {
    await setAccountDisabled(serviceContext(c), idParam(c), c.req.valid('json').isDisabled);
    return c.body(null, 204);
  },
);

accountsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/{id}/password',
    summary: 'パスワード再設定 (全セッション終了)',
    request: { params: idPath, ...json(resetPasswordInputSchema) },
    responses: { 204: { description: '再設定した' }, ...errorResponses },
  }),
  async (c) => {
    await resetPassword(serviceContext(c), idParam(c), c.req.valid('json').password);
    return c.body(null, 204);
  },
);

accountsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/{id}/roles',
    summary: '権限の付与 (法令上禁止される組合せは拒否)',
    request: { params: idPath, ...json(grantRoleInputSchema) },
    responses: { 201: { description: '付与した' }, ...errorResponses, 422: { description: '法令上付与できない' } },
  }),
  async (c) => c.json(await grantRole(serviceContext(c), idParam(c), c.req.valid('json')), 201),
);

accountsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/{id}/roles/{grantId}',
    summary: '権限の取消し (履歴は残る)',
    request: { params: z.object({ id: z.string(), grantId: z.string() }) },
    responses: { 204: { description: '取り消した' }, ...errorResponses },
  }),
  async (c) => {
    await revokeRole(serviceContext(c), idParam(c), idParam(c, 'grantId'));
    return c.body(null, 204);
  },
);
