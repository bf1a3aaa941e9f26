/**
 * /api/training joint-training routes (合同研修, issue 4 item 4): participants of co-host municipalities on a
 * session, and the roster exchanged with the co-host as CSV. HR and the training officer only.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { externalParticipantInputSchema, externalParticipantUpdateSchema } from '../../domain/training/joint-roster.js';
import { addExternalParticipant, checkJointRosterEncoding, exportJointRoster, importJointRoster, readJointParticipants, updateExternalParticipantOf } from './joint.service.js';

const prefix = '/api/training';
export const jointRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'training.enrolment.manage' } as const;
const idPath = z.object({ id: z.string() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const booleanQuery = z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1');

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(asciiFileName: string, fileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/sessions/{id}/external-participants',
    summary: '合同研修の参加者 (他自治体) の一覧と、参加できる自治体',
    request: { params: idPath },
    responses: { 200: { description: '参加者' }, ...errorResponses },
  }),
  async (c) => c.json(await readJointParticipants(serviceContext(c), { sessionId: idParam(c) }), 200),
);

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/sessions/{id}/external-participants',
    summary: '他自治体の参加者を登録 (自治体は研修の合同実施自治体のいずれか)',
    request: { params: idPath, ...json(externalParticipantInputSchema) },
    responses: { 201: { description: '登録した参加者' }, ...errorResponses },
  }),
  async (c) => c.json(await addExternalParticipant(serviceContext(c), { sessionId: idParam(c), ...c.req.valid('json') }), 201),
);

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/external-participants/{id}',
    summary: '他自治体の参加者の変更・出欠の記録・取消 (status)',
    request: { params: idPath, ...json(externalParticipantUpdateSchema) },
    responses: { 200: { description: '変更後の参加者' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateExternalParticipantOf(serviceContext(c), { participantId: idParam(c), ...c.req.valid('json') }), 200),
);

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/sessions/{id}/roster.csv',
    summary: '合同研修の名簿 CSV (当市の受講者と他自治体の参加者)',
    description:
      '既定は UTF-8 (BOM付き)。encoding=cp932 で表せない文字があると 422 org.export-unencodable。replaceUnencodable=true なら「〓」に置き換え、X-Unencodable-Count に個数を返す。',
    request: { params: idPath, query: z.object({ encoding: z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom'), replaceUnencodable: booleanQuery }) },
    responses: {
      200: { description: 'CSV', content: { 'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } } },
      ...errorResponses,
      422: { description: 'CP932 で表せない文字がある、または合同実施でない研修' },
    },
  }),
  async (c) => {
    const file = await exportJointRoster(serviceContext(c), { sessionId: idParam(c), ...c.req.valid('query') });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
      'X-Unencodable-Count': String(file.unencodableCount),
    });
  },
);

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/sessions/{id}/roster-import',
    summary: '合同実施自治体から届いた名簿 CSV の取込み (他自治体の行を登録・更新、当市の行は無視)',
    description:
      'ファイルのバイト列をそのまま送る。自治体・氏名・カナが同じ参加者は更新、ほかは追加。誤りが1件でもあれば 422 training.roster-invalid (details: 行・列・内容) で、何も登録しない。',
    request: {
      params: idPath,
      query: z.object({ encoding: z.enum(['utf-8', 'shift_jis', 'auto']).default('auto') }),
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, required: true },
    },
    responses: { 200: { description: '{ inserted, updated, ignoredOwnLines }' }, ...errorResponses, 422: { description: 'ファイルに誤りがある' } },
  }),
  async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await importJointRoster(serviceContext(c), { sessionId: idParam(c), encoding: c.req.valid('query').encoding, bytes }), 200);
  },
);

jointRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/sessions/{id}/roster-check',
    summary: '合同研修の名簿を指定の文字コードで出力できるかの確認',
    request: { params: idPath, query: z.object({ encoding: z.enum(['utf-8-bom', 'cp932']).default('cp932') }) },
    responses: { 200: { description: '{ count, unencodable: [{ row, column, columnLabel, employeeNumber (= 自治体), char, codePoint }] }' }, ...errorResponses },
  }),
  async (c) => c.json(await checkJointRosterEncoding(serviceContext(c), { sessionId: idParam(c), encoding: c.req.valid('query').encoding }), 200),
);
