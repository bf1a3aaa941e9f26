/**
 * /api/evaluation analyses and exports (issue 3 items 10–11): the grade distribution and rater leniency of a cycle
 * (HR), the final grades of a 年度 as CSV for the payroll system (HR, audited), and a unit's sheets of a cycle as
 * Excel (HR or the unit's head, audited).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { analysisGroupings } from '../../domain/evaluation/grade-analysis.js';
import { analyseCycle } from './analysis.service.js';
import { checkGradesExportEncoding, exportGrades } from './grades-export.service.js';
import { exportUnitSheets } from './unit-sheets-export.service.js';

const prefix = '/api/evaluation';
export const analysisRoutes = createAreaApp();

const analysisAccess = { kind: 'permission', permission: 'evaluation.analysis.read' } as const;
const gradesExportAccess = { kind: 'permission', permission: 'evaluation.grades.export' } as const;

/** A 年度 as four digits (2000–9998), required. */
const fiscalYearText = z
  .string({ error: '年度を指定してください' })
  .regex(/^\d{4}$/, '年度は西暦4桁で指定してください')
  .refine((v) => Number(v) >= 2000 && Number(v) <= 9998, '年度は2000〜9998の範囲で指定してください')
  .transform(Number);
const encodingQuery = z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom');
const booleanQuery = (fallback: 'true' | 'false') =>
  z.enum(['true', 'false', '1', '0']).default(fallback).transform((value) => value === 'true' || value === '1');
const binary = (type: string) => ({ [type]: { schema: z.string().openapi({ type: 'string', format: 'binary' }) } });

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(asciiFileName: string, fileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

analysisRoutes.openapi(
  defineRoute(prefix, analysisAccess, {
    method: 'get',
    path: '/cycles/{id}/analysis',
    summary: '評語の分布 (所属別・職位別・評価者別) と評価者ごとの甘辛',
    description: '分布は評語が確定したシートのみ (final_grade)。甘辛は評価者自身の総合評価 (rated_grade) の平均と全体の平均の差。',
    request: {
      params: z.object({ id: z.string() }),
      query: z.object({ by: z.enum(analysisGroupings).default('unit') }),
    },
    responses: { 200: { description: 'GradeAnalysis' }, ...errorResponses },
  }),
  async (c) => c.json(await analyseCycle(serviceContext(c), { cycleId: idParam(c), by: c.req.valid('query').by }), 200),
);

analysisRoutes.openapi(
  defineRoute(prefix, gradesExportAccess, {
    method: 'get',
    path: '/exports/grades',
    summary: '最終評語の CSV (給与システム向け: 勤勉手当・昇給)',
    description:
      '列: 職員番号, 氏名, 所属, 職位, 年度, 評価期間, 最終評語, 点数, 確定日, 状態。年度の評価期間のシートごとに1行 (未確定は評語が空欄)。' +
      'CSV は既定で UTF-8 (BOM付き)。encoding=cp932 で表せない文字があると 422 org.export-unencodable (details.unencodable)。replaceUnencodable=true なら「〓」に置き換え、X-Unencodable-Count に個数を返す。',
    request: {
      query: z.object({ fiscalYear: fiscalYearText, encoding: encodingQuery, replaceUnencodable: booleanQuery('false') }),
    },
    responses: {
      200: { description: 'CSV', content: binary('text/csv') },
      ...errorResponses,
      422: { description: 'CP932 で表せない文字がある' },
    },
  }),
  async (c) => {
    const file = await exportGrades(serviceContext(c), c.req.valid('query'));
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
      'X-Unencodable-Count': String(file.unencodableCount),
    });
  },
);

analysisRoutes.openapi(
  defineRoute(prefix, gradesExportAccess, {
    method: 'get',
    path: '/exports/grades/check',
    summary: '最終評語の CSV を指定の文字コードで出力できるかの確認',
    request: { query: z.object({ fiscalYear: fiscalYearText, encoding: encodingQuery }) },
    responses: { 200: { description: '{ count, unencodable: [{ row, column, columnLabel, employeeNumber, char, codePoint }] }' }, ...errorResponses },
  }),
  async (c) => c.json(await checkGradesExportEncoding(serviceContext(c), c.req.valid('query')), 200),
);

analysisRoutes.openapi(
  defineRoute(
    prefix,
    { kind: 'permission', permission: 'evaluation.unit-sheets.export', object: (c) => ({ unitId: idParam(c, 'unitId') }) },
    {
      method: 'get',
      path: '/cycles/{id}/units/{unitId}/sheets.xlsx',
      summary: '所属の評価シートの Excel 出力 (人事担当または所属長)',
      description: '1行1シート。所属長には確認者としての表示 (確認者メモ・苦情は含まない)。includeSubunits=false で下位の所属を含めない。',
      request: {
        params: z.object({ id: z.string(), unitId: z.string() }),
        query: z.object({ includeSubunits: booleanQuery('true') }),
      },
      responses: {
        200: { description: 'Excel', content: binary('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet') },
        ...errorResponses,
      },
    },
  ),
  async (c) => {
    const file = await exportUnitSheets(serviceContext(c), {
      cycleId: idParam(c),
      unitId: idParam(c, 'unitId'),
      includeSubunits: c.req.valid('query').includeSubunits,
    });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
    });
  },
);
