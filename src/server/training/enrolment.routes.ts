/**
 * /api/training enrolment routes (受講, issue 4 item 3): rosters, 所属推薦 and 指定, enrolling the must-attend list,
 * applications (希望) and their approval, cancellation with the waiting list, attendance, and the attendee's report.
 * Object-level checks the guard cannot make from the path (the applicant of an enrolment, each recommended person)
 * are made by the service with the same access matrix.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam, type RouteAccess } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { attendanceStatuses, reportInputSchema } from '../../domain/training/enrolment.js';
import {
  apply,
  approveApplication,
  cancelEnrolment,
  enrolTargets,
  nominate,
  readMyEnrolments,
  readPendingApprovals,
  readRoster,
  recordAttendance,
  rejectApplication,
  saveReport,
} from './enrolment.service.js';

const prefix = '/api/training';
export const enrolmentRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'training.enrolment.manage' } as const;
const recommend = { kind: 'permission', permission: 'training.enrolment.recommend' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const note = z.string().trim().max(1000, '備考は1000文字以内で入力してください');
const decision = z.strictObject({ version, note: note.default('') });

enrolmentRoutes.openapi(
  defineRoute(prefix, recommend, {
    method: 'get',
    path: '/sessions/{id}/enrolments',
    summary: '研修の日程の受講者名簿 (人事: 全員、所属長: 所属の職員)',
    request: { params: idPath },
    responses: { 200: { description: '受講者名簿' }, ...errorResponses },
  }),
  async (c) => c.json(await readRoster(serviceContext(c), { sessionId: idParam(c) }), 200),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, recommend, {
    method: 'post',
    path: '/sessions/{id}/enrolments',
    summary: '所属推薦 (所属長: 所属の職員) または指定 (人事)。定員を超えるとキャンセル待ち',
    request: {
      params: idPath,
      ...json(
        z.strictObject({
          route: z.enum(['unit-recommendation', 'designation'], '推薦か指定かを選んでください'),
          staffIds: z.array(z.int().positive()).min(1, '職員を1人以上選んでください').max(500, '一度に追加できるのは500人までです'),
          note: note.default(''),
        }),
      ),
    },
    responses: { 201: { description: '追加した受講者と、既に名簿にいた職員' }, ...errorResponses },
  }),
  async (c) => c.json(await nominate(serviceContext(c), { sessionId: idParam(c), ...c.req.valid('json') }), 201),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/sessions/{id}/enrol-targets',
    summary: '受講対象者 (職位・在籍年数) をまとめて受講者にする',
    request: { params: idPath },
    responses: { 201: { description: '追加した受講者と、既に名簿にいた職員' }, ...errorResponses },
  }),
  async (c) => c.json(await enrolTargets(serviceContext(c), { sessionId: idParam(c) }), 201),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/sessions/{id}/apply',
    summary: '研修への申込み (希望)。評価者の承認を待つ',
    request: { params: idPath, ...json(z.strictObject({ note: note.default('') })) },
    responses: { 201: { description: '申込み' }, ...errorResponses },
  }),
  async (c) => c.json(await apply(serviceContext(c), { sessionId: idParam(c), ...c.req.valid('json') }), 201),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/enrolments/mine',
    summary: '自分の受講履歴と、申し込める研修の日程',
    responses: { 200: { description: '受講履歴' }, ...errorResponses },
  }),
  async (c) => c.json(await readMyEnrolments(serviceContext(c)), 200),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/enrolments/approvals',
    summary: '承認を待つ研修の申込み (評価者として担当する職員の分)',
    responses: { 200: { description: '承認待ちの申込み' }, ...errorResponses },
  }),
  async (c) => c.json(await readPendingApprovals(serviceContext(c)), 200),
);

// The applicant is in the path so that the guard checks the actor's relation to them (their evaluator) or HR's role.
const approve = {
  kind: 'permission',
  permission: 'training.enrolment.approve',
  object: (c) => ({ staffId: idParam(c, 'staffId') }),
} as const satisfies RouteAccess;
for (const [path, run, summary] of [
  ['/sessions/{sessionId}/applicants/{staffId}/approve', approveApplication, '申込みの承認 (申込者の評価者・人事)。定員を超えるとキャンセル待ち'],
  ['/sessions/{sessionId}/applicants/{staffId}/reject', rejectApplication, '申込みの不承認 (申込者の評価者・人事)'],
] as const) {
  enrolmentRoutes.openapi(
    defineRoute(prefix, approve, {
      method: 'post',
      path,
      summary,
      request: { params: z.object({ sessionId: z.string(), staffId: z.string() }), ...json(decision) },
      responses: { 200: { description: '変更後の受講の記録' }, 409: { description: '他の人が先に更新した、またはその状態ではできない' }, ...errorResponses },
    }),
    async (c) => c.json(await run(serviceContext(c), { sessionId: idParam(c, 'sessionId'), staffId: idParam(c, 'staffId'), ...c.req.valid('json') }), 200),
  );
}

enrolmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/enrolments/{id}/cancel',
    summary: '受講の取消 (本人・人事)。キャンセル待ちの先頭が繰り上がる',
    request: { params: idPath, ...json(decision) },
    responses: { 200: { description: '変更後の受講の記録' }, 409: { description: '他の人が先に更新した、またはその状態ではできない' }, ...errorResponses },
  }),
  async (c) => c.json(await cancelEnrolment(serviceContext(c), { enrolmentId: idParam(c), ...c.req.valid('json') }), 200),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/enrolments/{id}/attendance',
    summary: '出席・修了・欠席の記録 (外部の研修は修了証の内容も)',
    request: {
      params: idPath,
      ...json(
        z.strictObject({
          version,
          status: z.enum(attendanceStatuses, '出席・修了・欠席から選んでください'),
          certificate: z.string().trim().max(500, '修了証の内容は500文字以内で入力してください').nullable().default(null),
        }),
      ),
    },
    responses: { 200: { description: '変更後の受講の記録' }, 409: { description: '他の人が先に更新した、またはその状態ではできない' }, ...errorResponses },
  }),
  async (c) => c.json(await recordAttendance(serviceContext(c), { enrolmentId: idParam(c), ...c.req.valid('json') }), 200),
);

enrolmentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/enrolments/{id}/report',
    summary: '受講報告とアンケート (本人、出席・修了の後)',
    request: { params: idPath, ...json(z.strictObject({ ...reportInputSchema.shape, version })) },
    responses: { 200: { description: '変更後の受講の記録' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await saveReport(serviceContext(c), { enrolmentId: idParam(c), ...c.req.valid('json') }), 200),
);
