/**
 * /api/training/reports (研修の報告・統計, issue 4 item 8): a person's training history (the person, their evaluator,
 * confirmer and unit head, HR, the training officer), completion by course and position level and the hours per person
 * of a 年度 (HR, the training officer), the downloads of those and of the loop report (Excel, or CSV; audited), and
 * the standard hours per day the hours are counted with.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import type { ExportFile } from '../common/csv-download.js';
import {
  exportCompletionReport,
  exportHoursReport,
  exportLoopReport,
  exportTrainingHistory,
  readCompletionReport,
  readHoursReport,
  readReportSettings,
  readTrainingHistory,
  updateReportSettings,
} from './reports.service.js';

const prefix = '/api/training';
export const reportsRoutes = createAreaApp();

const readReports = { kind: 'permission', permission: 'training.reports.read' } as const;
const exportReports = { kind: 'permission', permission: 'training.reports.export' } as const;
const manage = { kind: 'permission', permission: 'training.catalog.manage' } as const;
const history = { kind: 'permission', permission: 'training.history.read', object: (c: Parameters<typeof idParam>[0]) => ({ staffId: idParam(c, 'staffId') }) } as const;

const fiscalYearMessage = '年度は2000〜9998の西暦4桁で指定してください';
const fiscalYearText = z
  .string({ error: '年度を指定してください' })
  .regex(/^\d{4}$/, fiscalYearMessage)
  .transform(Number)
  .pipe(z.number().min(2000, fiscalYearMessage).max(9998, fiscalYearMessage));
const optionalId = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, '所属の指定が正しくありません')
  .transform(Number)
  .optional();
const format = z.enum(['xlsx', 'csv'], '形式は xlsx または csv で指定してください').default('xlsx');
const staffIdPath = z.object({ staffId: z.string() });
const historyRange = z.object({ from: fiscalYearText, to: fiscalYearText });
const binary = { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } };

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function sendFile(c: Parameters<typeof idParam>[0], file: ExportFile) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  });
}

reportsRoutes.openapi(
  defineRoute(prefix, readReports, {
    method: 'get',
    path: '/reports/completion',
    summary: '職位別・研修別の修了状況: 研修ごと・職位ごとの受講対象者(研修計画と同じ計算)、受講者、修了者、修了率',
    request: { query: z.object({ fiscalYear: fiscalYearText }) },
    responses: { 200: { description: 'CompletionReport' }, ...errorResponses },
  }),
  async (c) => c.json(await readCompletionReport(serviceContext(c), c.req.valid('query')), 200),
);

reportsRoutes.openapi(
  defineRoute(prefix, exportReports, {
    method: 'get',
    path: '/reports/completion/export',
    summary: '職位別・研修別の修了状況の Excel (format=csv で CSV)',
    request: { query: z.object({ fiscalYear: fiscalYearText, format }) },
    responses: { 200: { description: 'Excel', content: binary }, ...errorResponses },
  }),
  async (c) => sendFile(c, await exportCompletionReport(serviceContext(c), c.req.valid('query'))),
);

reportsRoutes.openapi(
  defineRoute(prefix, readReports, {
    method: 'get',
    path: '/reports/hours',
    summary: '年間研修時間: 職員ごとの研修時間(出席・修了)と確認済みの自己啓発時間、所属別・職位別の平均・中央値・0時間の割合',
    request: {
      query: z.object({
        fiscalYear: fiscalYearText,
        unitId: optionalId,
        page: z.coerce.number().int('ページは整数で指定してください').min(1, 'ページは1以上で指定してください').default(1),
      }),
    },
    responses: { 200: { description: 'HoursReport' }, ...errorResponses },
  }),
  async (c) => c.json(await readHoursReport(serviceContext(c), c.req.valid('query')), 200),
);

reportsRoutes.openapi(
  defineRoute(prefix, exportReports, {
    method: 'get',
    path: '/reports/hours/export',
    summary: '年間研修時間の Excel (職員ごと、職員番号順。format=csv で CSV)',
    request: { query: z.object({ fiscalYear: fiscalYearText, unitId: optionalId, format }) },
    responses: { 200: { description: 'Excel', content: binary }, ...errorResponses },
  }),
  async (c) => sendFile(c, await exportHoursReport(serviceContext(c), c.req.valid('query'))),
);

reportsRoutes.openapi(
  defineRoute(prefix, exportReports, {
    method: 'get',
    path: '/reports/loop/export',
    summary: '能力と研修の循環の Excel (職位・評価項目ごと。format=csv で CSV)',
    request: { query: z.object({ fiscalYear: fiscalYearText, format }) },
    responses: { 200: { description: 'Excel', content: binary }, ...errorResponses },
  }),
  async (c) => sendFile(c, await exportLoopReport(serviceContext(c), c.req.valid('query'))),
);

reportsRoutes.openapi(
  defineRoute(prefix, history, {
    method: 'get',
    path: '/reports/history/{staffId}',
    summary: '研修受講履歴: 年度の範囲の研修(日程・区分・状況・時間・修了証)と確認済みの自己啓発',
    request: { params: staffIdPath, query: historyRange },
    responses: { 200: { description: 'TrainingHistory' }, ...errorResponses },
  }),
  async (c) => {
    const { from, to } = c.req.valid('query');
    return c.json(await readTrainingHistory(serviceContext(c), { staffId: idParam(c, 'staffId'), fromFiscalYear: from, toFiscalYear: to }), 200);
  },
);

reportsRoutes.openapi(
  defineRoute(prefix, history, {
    method: 'get',
    path: '/reports/history/{staffId}/export',
    summary: '研修受講履歴の Excel (format=csv で CSV)。出力は監査ログに記録',
    request: { params: staffIdPath, query: historyRange.extend({ format }) },
    responses: { 200: { description: 'Excel', content: binary }, ...errorResponses },
  }),
  async (c) => {
    const { from, to, format: as } = c.req.valid('query');
    return sendFile(c, await exportTrainingHistory(serviceContext(c), { staffId: idParam(c, 'staffId'), fromFiscalYear: from, toFiscalYear: to, format: as }));
  },
);

reportsRoutes.openapi(
  defineRoute(prefix, readReports, {
    method: 'get',
    path: '/reports/settings',
    summary: '研修の集計の設定 (1日の標準研修時間。既定 7.75 時間 = 7時間45分。休業からの復帰の対象期間。既定 12か月)',
    responses: { 200: { description: 'TrainingReportSettingsView' }, ...errorResponses },
  }),
  async (c) => c.json(await readReportSettings(serviceContext(c)), 200),
);

reportsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/reports/settings',
    summary: '研修の集計の設定の変更 (読み込んだときの updatedAt を添える。既定のままなら null。復帰の対象期間を省くと既定の12か月)',
    request: {
      body: {
        content: {
          'application/json': {
            schema: z.strictObject({
              updatedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません').nullable(),
              settings: z.strictObject({
                hoursPerDay: z.number('1日の標準研修時間を数値で入力してください'),
                returnWindowMonths: z.number('休業からの復帰の対象期間を月数で入力してください').optional(),
              }),
            }),
          },
        },
        required: true,
      },
    },
    responses: { 200: { description: 'TrainingReportSettingsView' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateReportSettings(serviceContext(c), c.req.valid('json')), 200),
);
