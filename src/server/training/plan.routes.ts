/**
 * /api/training/plans and /sessions: the annual training plan (職員研修計画, policy III-1-(2)). Everyone signed in
 * sees the year's sessions; HR and the training officer plan them and see each session's must-attend list, which
 * names people and so needs its own permission.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { tenureBandSettingsSchema } from '../../domain/training/training-model.js';
import { createSession, readAnnualPlan, readSessionTargets, removeSession, updateSession } from './plan.service.js';
import { readTenureBands, updateTenureBands } from './tenure-bands.service.js';

const prefix = '/api/training';
export const planRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'training.catalog.manage' } as const;
const readTargets = { kind: 'permission', permission: 'training.plan.read-targets' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const fiscalYearMessage = '年度は2000〜9998の西暦4桁で指定してください';
const fiscalYear = z.int(fiscalYearMessage).min(2000, fiscalYearMessage).max(9998, fiscalYearMessage);
const isoDate = (label: string) => z.string(`${label}を入力してください`).refine(isValidIsoDate, `${label}はYYYY-MM-DD形式で指定してください`);

/** The concurrency token of a settings document (an ISO instant with microseconds). */
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

const sessionBody = {
  courseId: z.int('研修を選んでください').positive('研修を選んでください'),
  fiscalYear,
  startsOn: isoDate('開始日'),
  endsOn: isoDate('終了日'),
  place: z.string().trim().max(200, '会場は200文字以内で入力してください'),
  capacity: z.int('定員は整数で入力してください').min(1, '定員は1以上で入力してください').max(100_000, '定員は100000以下で入力してください').nullable(),
  lecturer: z.string().trim().max(200, '講師は200文字以内で入力してください'),
  note: z.string().trim().max(2000, '備考は2000文字以内で入力してください'),
  /** 研修時間 of the whole session; omitted or null: days × the standard hours per day */
  hours: z.number('研修時間は数値で入力してください').min(0, '研修時間は0以上で入力してください').max(2000, '研修時間は2000時間以下で入力してください').nullable().optional(),
};

planRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/plans/{fiscalYear}',
    summary: '年度の職員研修計画: 研修の日程の一覧 (対象者を見られる人には対象者数つき)',
    request: { params: z.object({ fiscalYear: z.string().regex(/^\d{4}$/, fiscalYearMessage).transform(Number).pipe(fiscalYear) }) },
    responses: { 200: { description: '研修計画' }, ...errorResponses },
  }),
  async (c) => c.json(await readAnnualPlan(serviceContext(c), { fiscalYear: c.req.valid('param').fiscalYear }), 200),
);

planRoutes.openapi(
  defineRoute(prefix, readTargets, {
    method: 'get',
    path: '/sessions/{id}/targets',
    summary: '研修の日程の受講対象者 (研修の対象者の決め方を開始日の職員に当てはめた結果と理由)',
    request: { params: idPath, query: z.object({ page: z.coerce.number().int('ページは整数で指定してください').min(1, 'ページは1以上で指定してください').default(1) }) },
    responses: { 200: { description: '受講対象者の1ページ' }, ...errorResponses },
  }),
  async (c) => c.json(await readSessionTargets(serviceContext(c), { sessionId: idParam(c), page: c.req.valid('query').page }), 200),
);

planRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/sessions',
    summary: '研修の日程の追加 (日付はその年度のうち)',
    request: json(z.strictObject(sessionBody)),
    responses: { 201: { description: '追加した日程' }, ...errorResponses },
  }),
  async (c) => c.json(await createSession(serviceContext(c), c.req.valid('json')), 201),
);

planRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/sessions/{id}',
    summary: '研修の日程の変更 (読み込んだときの version を添える)',
    request: { params: idPath, ...json(z.strictObject({ ...sessionBody, version })) },
    responses: { 200: { description: '変更後の日程' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateSession(serviceContext(c), { sessionId: idParam(c), ...c.req.valid('json') }), 200),
);

planRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/sessions/{id}',
    summary: '研修の日程の削除',
    request: { params: idPath, query: z.object({ version: z.coerce.number().pipe(version) }) },
    responses: { 204: { description: '削除した' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => {
    await removeSession(serviceContext(c), { sessionId: idParam(c), version: c.req.valid('query').version });
    return c.body(null, 204);
  },
);

planRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/tenure-bands',
    summary: '在籍年数の区分 (新規採用・2年目・初級・中級が何年目か)。保存していなければ初期値',
    responses: { 200: { description: '在籍年数の区分' }, ...errorResponses },
  }),
  async (c) => c.json(await readTenureBands(serviceContext(c)), 200),
);

planRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/tenure-bands',
    summary: '在籍年数の区分の変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), bands: tenureBandSettingsSchema })),
    responses: { 200: { description: '変更後の区分' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateTenureBands(serviceContext(c), c.req.valid('json')), 200),
);
