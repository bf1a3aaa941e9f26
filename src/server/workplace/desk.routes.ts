/** /api/desks: filing while signed in, and the handlers' side of the consultation and whistleblowing desks (ADR 0020). */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import {
  assignInputSchema,
  cooperatorInputSchema,
  desks,
  designationInputSchema,
  endDesignationInputSchema,
  fileReportInputSchema,
  noteInputSchema,
  statusInputSchema,
} from '../../domain/workplace/desk-rules.js';
import { fileReportSignedIn } from './desk-public.service.js';
import {
  addInvestigationNote,
  assignHandler,
  designateHandler,
  endDesignation,
  listDeskDesignations,
  listHandlersOfDesk,
  listInbox,
  moveCase,
  readCase,
  readDeskStatistics,
  readReporterIdentity,
  recordCooperator,
  sendHandlerMessage,
  unassignHandler,
} from './desk.service.js';

const prefix = '/api/desks';
export const deskRoutes = createAreaApp();
const handle = { kind: 'permission', permission: 'workplace.desk-cases.handle' } as const;
const designate = { kind: 'permission', permission: 'workplace.desk-designations.manage' } as const;
const statistics = { kind: 'permission', permission: 'workplace.desk-statistics.read' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const ok = (description: string) => ({ 200: { description }, ...errorResponses });

deskRoutes.openapi(
  defineRoute(prefix, { kind: 'signed-in' }, {
    method: 'post',
    path: '/reports',
    summary: '相談・通報の受付 (ログイン中の職員。窓口に名前を伝えないこともできる)',
    request: json(fileReportInputSchema),
    responses: { 201: { description: '受付番号と確認用パスワード (一度だけ表示)' }, ...errorResponses, 429: { description: '送信が多すぎる' } },
  }),
  async (c) => c.json(await fileReportSignedIn(serviceContext(c), c.req.valid('json')), 201),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'get', path: '/cases', summary: '担当する案件と、担当者のいない受付 (内容なし)', responses: ok('案件') }),
  async (c) => c.json(await listInbox(serviceContext(c)), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'get', path: '/cases/{id}', summary: '案件の内容と経過 (担当者のみ・閲覧は監査記録)', request: { params: idPath }, responses: ok('案件') }),
  async (c) => c.json(await readCase(serviceContext(c), idParam(c)), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'get', path: '/cases/{id}/reporter', summary: '相談者・通報者 (担当者のみ・閲覧は毎回監査記録)', request: { params: idPath }, responses: ok('相談者') }),
  async (c) => c.json(await readReporterIdentity(serviceContext(c), idParam(c)), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'post', path: '/cases/{id}/messages', summary: '相談者へのメッセージ', request: { params: idPath, ...json(noteInputSchema) }, responses: ok('案件') }),
  async (c) => c.json(await sendHandlerMessage(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'post', path: '/cases/{id}/notes', summary: '調査の記録 (担当者だけが見る)', request: { params: idPath, ...json(noteInputSchema) }, responses: ok('案件') }),
  async (c) => c.json(await addInvestigationNote(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'post', path: '/cases/{id}/cooperators', summary: '調査に協力した職員 (相談者と同様に保護)', request: { params: idPath, ...json(cooperatorInputSchema) }, responses: ok('案件') }),
  async (c) => c.json(await recordCooperator(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'post', path: '/cases/{id}/status', summary: '段階を進める (受付 → 調査中 → 是正措置 → 結果通知 → 終了)', request: { params: idPath, ...json(statusInputSchema) }, responses: { ...ok('案件'), 409: { description: '進められない・競合' } } }),
  async (c) => c.json(await moveCase(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, { method: 'post', path: '/cases/{id}/handlers', summary: '担当者を加える (指定を受けた対応者のみ)', request: { params: idPath, ...json(assignInputSchema) }, responses: ok('担当') }),
  async (c) => c.json(await assignHandler(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, {
    method: 'delete',
    path: '/cases/{id}/handlers/{staffId}',
    summary: '担当者を外す',
    request: { params: z.object({ id: z.string(), staffId: z.string() }) },
    responses: ok('外した'),
  }),
  async (c) => c.json(await unassignHandler(serviceContext(c), idParam(c), idParam(c, 'staffId')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, handle, {
    method: 'get',
    path: '/handlers',
    summary: '窓口の対応者 (担当の割当て用)',
    request: { query: z.object({ desk: z.enum(desks) }) },
    responses: ok('対応者'),
  }),
  async (c) => c.json({ handlers: await listHandlersOfDesk(serviceContext(c), c.req.valid('query').desk) }, 200),
);

deskRoutes.openapi(
  defineRoute(prefix, designate, { method: 'get', path: '/designations', summary: '相談員・公益通報対応業務従事者の指定 (案件の内容は含まない)', responses: ok('指定') }),
  async (c) => c.json(await listDeskDesignations(serviceContext(c)), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, designate, { method: 'post', path: '/designations', summary: '対応者を指定する (日付と指定の文書)', request: json(designationInputSchema), responses: { 201: { description: '指定した' }, ...errorResponses } }),
  async (c) => c.json(await designateHandler(serviceContext(c), c.req.valid('json')), 201),
);

deskRoutes.openapi(
  defineRoute(prefix, designate, { method: 'post', path: '/designations/{id}/end', summary: '指定を終える', request: { params: idPath, ...json(endDesignationInputSchema) }, responses: ok('終えた') }),
  async (c) => c.json(await endDesignation(serviceContext(c), idParam(c), c.req.valid('json')), 200),
);

deskRoutes.openapi(
  defineRoute(prefix, statistics, {
    method: 'get',
    path: '/statistics',
    summary: '年度の件数 (窓口 × 区分 × 段階。個人は特定できず、少ない件数は非表示)',
    request: { query: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: ok('件数'),
  }),
  async (c) => c.json(await readDeskStatistics(serviceContext(c), c.req.valid('query')), 200),
);
