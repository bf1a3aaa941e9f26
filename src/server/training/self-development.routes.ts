/**
 * /api/training self-development routes (自己啓発, issue 4 item 6): one's own records, the supervisor's
 * confirmation (the person is in the path so that the guard checks the evaluator relation or HR's role), and
 * 自主研修グループ with members and activities (membership is checked by the service).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam, type RouteAccess } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { selfDevelopmentInputSchema, selfDevelopmentUpdateSchema, studyGroupActivityInputSchema, studyGroupInputSchema } from '../../domain/training/self-development.js';
import {
  addMember,
  createGroup,
  createRecord,
  deleteRecord,
  readGroup,
  readMyGroups,
  readMyRecords,
  readPendingReviews,
  readRecordsOf,
  recordActivity,
  recordActivityAsSelfDevelopment,
  reviewRecord,
  updateRecord,
} from './self-development.service.js';

const prefix = '/api/training';
export const selfDevelopmentRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const conflict = { 409: { description: '他の人が先に更新した、またはその状態ではできない' } };
const confirm = {
  kind: 'permission',
  permission: 'training.self-development.confirm',
  object: (c) => ({ staffId: idParam(c, 'staffId') }),
} as const satisfies RouteAccess;

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/self-development/mine', summary: '自分の自己啓発の記録', responses: { 200: { description: '記録' }, ...errorResponses } }),
  async (c) => c.json(await readMyRecords(serviceContext(c)), 200),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/self-development/pending',
    summary: '確認待ちの自己啓発 (評価者として担当する職員の分、人事は全員)',
    responses: { 200: { description: '確認待ちの記録' }, ...errorResponses },
  }),
  async (c) => c.json(await readPendingReviews(serviceContext(c)), 200),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/self-development',
    summary: '自己啓発の記録 (e-ラーニング・通信教育・その他)',
    request: json(selfDevelopmentInputSchema),
    responses: { 201: { description: '記録' }, ...errorResponses },
  }),
  async (c) => c.json(await createRecord(serviceContext(c), c.req.valid('json')), 201),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/self-development/{id}',
    summary: '自己啓発の記録の変更 (本人、確認前。差戻しは確認待ちに戻る)',
    request: { params: idPath, ...json(selfDevelopmentUpdateSchema) },
    responses: { 200: { description: '記録' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateRecord(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'delete',
    path: '/self-development/{id}',
    summary: '自己啓発の記録の削除 (本人、確認前)',
    request: { params: idPath, query: z.object({ version: z.coerce.number().int().positive('版が正しくありません') }) },
    responses: { 204: { description: '削除した' }, ...conflict, ...errorResponses },
  }),
  async (c) => {
    await deleteRecord(serviceContext(c), { id: idParam(c), version: c.req.valid('query').version });
    return c.body(null, 204);
  },
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, confirm, {
    method: 'get',
    path: '/staff/{staffId}/self-development',
    summary: '職員の自己啓発の記録 (評価者・人事)',
    request: { params: z.object({ staffId: z.string() }) },
    responses: { 200: { description: '記録' }, ...errorResponses },
  }),
  async (c) => c.json(await readRecordsOf(serviceContext(c), { staffId: idParam(c, 'staffId') }), 200),
);

for (const [action, summary] of [
  ['confirm', '自己啓発の記録の確認 (評価者・人事)'],
  ['return', '自己啓発の記録の差戻し (評価者・人事)。コメントは本人に通知される'],
] as const) {
  selfDevelopmentRoutes.openapi(
    defineRoute(prefix, confirm, {
      method: 'post',
      path: `/staff/{staffId}/self-development/{id}/${action}`,
      summary,
      request: {
        params: z.object({ staffId: z.string(), id: z.string() }),
        ...json(z.strictObject({ version, comment: z.string().trim().max(1000, 'コメントは1000文字以内で入力してください').default('') })),
      },
      responses: { 200: { description: '記録' }, ...conflict, ...errorResponses },
    }),
    async (c) => c.json(await reviewRecord(serviceContext(c), { staffId: idParam(c, 'staffId'), id: idParam(c), action, ...c.req.valid('json') }), 200),
  );
}

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/study-groups', summary: '所属する自主研修グループ', responses: { 200: { description: 'グループ' }, ...errorResponses } }),
  async (c) => c.json(await readMyGroups(serviceContext(c)), 200),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/study-groups',
    summary: '自主研修グループの作成 (作成者がリーダー)',
    request: json(studyGroupInputSchema),
    responses: { 201: { description: 'グループ' }, ...errorResponses },
  }),
  async (c) => c.json(await createGroup(serviceContext(c), c.req.valid('json')), 201),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/study-groups/{id}',
    summary: '自主研修グループのメンバーと活動 (メンバーのみ)',
    request: { params: idPath },
    responses: { 200: { description: 'グループ' }, ...errorResponses },
  }),
  async (c) => c.json(await readGroup(serviceContext(c), { groupId: idParam(c) }), 200),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/study-groups/{id}/members',
    summary: 'メンバーの追加 (リーダー)',
    request: { params: idPath, ...json(
        z.union([
          z.strictObject({ staffId: z.int('職員を選んでください').positive('職員を選んでください') }),
          z.strictObject({ employeeNumber: z.string().trim().min(1, '職員番号を入力してください').max(20, '職員番号が正しくありません') }),
        ]),
      ) },
    responses: { 201: { description: 'グループ' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await addMember(serviceContext(c), { groupId: idParam(c), ...c.req.valid('json') }), 201),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/study-groups/{id}/activities',
    summary: '活動の記録 (メンバー)',
    request: { params: idPath, ...json(studyGroupActivityInputSchema) },
    responses: { 201: { description: 'グループ' }, ...errorResponses },
  }),
  async (c) => c.json(await recordActivity(serviceContext(c), { groupId: idParam(c), ...c.req.valid('json') }), 201),
);

selfDevelopmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/study-groups/{id}/activities/{activityId}/self-development',
    summary: '活動を自分の自己啓発として記録 (メンバー)',
    request: { params: z.object({ id: z.string(), activityId: z.string() }) },
    responses: { 201: { description: '記録' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await recordActivityAsSelfDevelopment(serviceContext(c), { groupId: idParam(c), activityId: idParam(c, 'activityId') }), 201),
);
