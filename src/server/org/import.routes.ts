/** /api/imports: upload a staff or assignment CSV, preview it, commit it with streamed progress (HR). */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { commitImport, discardImport, getImportStatus, importKinds, previewImport } from './import.service.js';
import type { ImportCommitEvent } from '../../domain/org/org-api.js';

const prefix = '/api/imports';
export const importRoutes = createAreaApp();
const importAccess = { kind: 'permission', permission: 'org.import' } as const;
const idPath = z.object({ id: z.string() });

importRoutes.openapi(
  defineRoute(prefix, importAccess, {
    method: 'post',
    path: '/',
    summary: '職員マスタ・配属履歴CSVの取込み (プレビュー)',
    description:
      'ファイルのバイト列をそのまま送る。kind=staff は職員番号で追加・更新 (mode: upsert)、kind=assignments はファイルに含まれる職員の配属履歴を置き換える (mode: replace)。encoding=auto は UTF-8 の BOM があるときだけ使える。',
    request: {
      query: z.object({
        kind: z.enum(importKinds),
        encoding: z.enum(['utf-8', 'shift_jis', 'auto']).default('auto'),
        fileName: z.string().trim().min(1).max(255).default('import.csv'),
      }),
      body: {
        content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
        required: true,
      },
    },
    responses: {
      200: { description: 'プレビュー (全エラー、先頭20行、登録可否)' },
      ...errorResponses,
      413: { description: 'ファイルが大きすぎる(上限 IMPORT_MAX_MB)' },
    },
    bodyLimit: { maxBytes: (config) => config.IMPORT_MAX_MB * 1024 * 1024, code: 'org.import-too-large' },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await previewImport(serviceContext(c), { ...query, bytes }), 200);
  },
);

importRoutes.openapi(
  defineRoute(prefix, importAccess, {
    method: 'get',
    path: '/{id}',
    summary: '取込みの状態',
    request: { params: idPath },
    responses: { 200: { description: '状態とエラー' }, ...errorResponses },
  }),
  async (c) => c.json(await getImportStatus(serviceContext(c), idParam(c)), 200),
);

importRoutes.openapi(
  defineRoute(prefix, importAccess, {
    method: 'post',
    path: '/{id}/commit',
    summary: 'プレビュー済みの取込みを登録 (全件を1トランザクションで)',
    description:
      'application/x-ndjson で進捗を返す: {"type":"progress","processed","total"} … 最後に {"type":"done","inserted","updated","deleted","replacedStaff"} または {"type":"error","code","message","details"} (このとき何も登録されていない)。',
    request: { params: idPath },
    responses: {
      200: { description: '進捗 (NDJSON)', content: { 'application/x-ndjson': { schema: z.string() } } },
      ...errorResponses,
      409: { description: '登録済み・取消し済み・エラーありの取込み' },
    },
  }),
  async (c) => {
    const commit = await commitImport(serviceContext(c), idParam(c));
    const encoder = new TextEncoder();
    let isOpen = true;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: ImportCommitEvent) => {
          if (isOpen) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
        };
        // The commit runs to its end even if the client goes away; its outcome is kept on the job.
        void commit.run(send).finally(() => {
          if (isOpen) controller.close();
          isOpen = false;
        });
      },
      cancel() {
        isOpen = false;
      },
    });
    return c.body(body, 200, { 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  },
);

importRoutes.openapi(
  defineRoute(prefix, importAccess, {
    method: 'delete',
    path: '/{id}',
    summary: 'プレビュー済みの取込みを取り消す (ファイル内容を破棄)',
    request: { params: idPath },
    responses: { 204: { description: '取り消した' }, ...errorResponses, 409: { description: '登録済みなど' } },
  }),
  async (c) => {
    await discardImport(serviceContext(c), idParam(c));
    return c.body(null, 204);
  },
);
