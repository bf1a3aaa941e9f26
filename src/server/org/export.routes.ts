/** /api/exports: staff master and assignment history as CSV or Excel (HR; every export is an audited read). */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { checkExportEncoding, exportKinds, exportOrgData } from './export.service.js';

const prefix = '/api/exports';
export const exportRoutes = createAreaApp();
const exportAccess = { kind: 'permission', permission: 'org.export' } as const;

const encodingQuery = z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom');
const booleanQuery = z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1');

const titles = { staff: '職員マスタ', assignments: '配属履歴' } as const;

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(asciiFileName: string, fileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

for (const kind of exportKinds) {
  exportRoutes.openapi(
    defineRoute(prefix, exportAccess, {
      method: 'get',
      path: `/${kind}`,
      summary: `${titles[kind]}の出力 (取込みと同じ見出し)`,
      description:
        'CSV は既定で UTF-8 (BOM付き)。encoding=cp932 で表せない文字があると 422 org.export-unencodable (details.unencodable)。replaceUnencodable=true なら「〓」に置き換え、X-Unencodable-Count に個数を返す。',
      request: {
        query: z.object({
          format: z.enum(['csv', 'xlsx']).default('csv'),
          encoding: encodingQuery,
          replaceUnencodable: booleanQuery,
        }),
      },
      responses: {
        200: {
          description: 'ファイル',
          content: {
            'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
              schema: z.string().openapi({ type: 'string', format: 'binary' }),
            },
          },
        },
        ...errorResponses,
        422: { description: 'CP932 で表せない文字がある' },
      },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const file = await exportOrgData(serviceContext(c), { kind, ...query });
      return c.body(new Uint8Array(file.bytes), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
        'X-Unencodable-Count': String(file.unencodableCount),
      });
    },
  );

  exportRoutes.openapi(
    defineRoute(prefix, exportAccess, {
      method: 'get',
      path: `/${kind}/check`,
      summary: `${titles[kind]}を指定の文字コードで出力できるかの確認`,
      request: { query: z.object({ encoding: encodingQuery }) },
      responses: { 200: { description: '{ count, unencodable: [{ row, column, columnLabel, employeeNumber, char, codePoint }] }' }, ...errorResponses },
    }),
    async (c) => c.json(await checkExportEncoding(serviceContext(c), { kind, encoding: c.req.valid('query').encoding }), 200),
  );
}
