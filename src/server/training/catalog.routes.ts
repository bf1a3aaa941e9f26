/**
 * /api/training/courses: the course catalog (研修体系, policy II-4-(3)). Everyone signed in browses it — staff look
 * for courses to apply to; HR and the training officer import the policy's catalog, add, change and deactivate.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { courseCategories, courseSchema } from '../../domain/training/training-model.js';
import { createCourse, deactivateCourse, importPolicyCatalog, listCatalog, readCourse, updateCourse } from './catalog.service.js';

const prefix = '/api/training';
export const catalogRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'training.catalog.manage' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');

catalogRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/courses',
    summary: '研修の一覧 (研修体系)。職員課・研修担当には使用を終了した研修も含む',
    request: { query: z.object({ category: z.enum(courseCategories, '研修の区分が正しくありません').optional() }) },
    responses: { 200: { description: '研修の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listCatalog(serviceContext(c), c.req.valid('query')), 200),
);

catalogRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/courses/import-policy-catalog',
    summary: '方針の研修体系(初期値)の取込み。まだない研修だけを追加する (何度押しても同じ)',
    responses: { 200: { description: '追加した件数とすでにあった件数' }, ...errorResponses },
  }),
  async (c) => c.json(await importPolicyCatalog(serviceContext(c)), 200),
);

catalogRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/courses/{id}',
    summary: '研修の内容',
    request: { params: idPath },
    responses: { 200: { description: '研修' }, ...errorResponses },
  }),
  async (c) => c.json(await readCourse(serviceContext(c), { courseId: idParam(c) }), 200),
);

catalogRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/courses',
    summary: '研修の追加',
    request: json(courseSchema),
    responses: { 201: { description: '追加した研修' }, ...errorResponses },
  }),
  async (c) => c.json(await createCourse(serviceContext(c), c.req.valid('json')), 201),
);

catalogRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/courses/{id}',
    summary: '研修の変更 (読み込んだときの version を添える)',
    request: { params: idPath, ...json(courseSchema.extend({ version })) },
    responses: { 200: { description: '変更後の研修' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateCourse(serviceContext(c), { courseId: idParam(c), ...c.req.valid('json') }), 200),
);

catalogRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/courses/{id}',
    summary: '研修の使用終了 (削除はしない。過去の研修計画に残る)',
    request: { params: idPath, query: z.object({ version: z.coerce.number().pipe(version) }) },
    responses: { 200: { description: '使用を終了した研修' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await deactivateCourse(serviceContext(c), { courseId: idParam(c), version: c.req.valid('query').version }), 200),
);
