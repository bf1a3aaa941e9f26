/**
 * /api/stress-check (issue 6 item 2, ADR 0017). The person's own check under /mine (signed in; the service takes
 * the staff id from the session and audits every read), with the withdrawal of an interview request and the
 * printable result sheet; individual results, their export and result sheets, and paper entry (代理入力) for the
 * implementer side; consented results for HR; group analysis (and its CSV/Excel export), high-risk units, progress
 * and report counts for both (groups suppressed < 10).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam, type RouteAccess } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import {
  campaignInputSchema,
  campaignTransitionSchema,
  consentInputSchema,
  exportFormats,
  interviewRecordInputSchema,
  paperAnswersInputSchema,
  sectionAnswersInputSchema,
  unitActionInputSchema,
  areaParamSchema,
} from '../../domain/stress-check/stress-check-api.js';
import { changeCampaignStatus, createCampaign, readCampaigns } from './campaigns.service.js';
import { decideConsent, readMyCampaign, readMyCampaigns, readMyResult, requestInterview, saveSection, submitAnswers, withdrawInterviewRequest } from './answers.service.js';
import { readConsentedResult, readConsentedResults, readInterviewRequests, readResultOf, readResults, recordInterview } from './results.service.js';
import { readGroupAnalysis, readHighRiskUnits, readLabourOfficeReport, readProgress, recordUnitAction } from './group-analysis.service.js';
import { enterPaperAnswers, searchPaperExaminees } from './paper-entry.service.js';
import { checkGroupAnalysisExport, checkResultsExport, exportGroupAnalysis, exportResults } from './exports.service.js';
import { readMyResultSheet, readResultSheetOf } from './result-sheets.service.js';

const prefix = '/api/stress-check';
export const stressCheckRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const personPath = z.object({ id: z.string(), staffId: z.string() });
const ok = (description: string) => ({ 200: { description }, ...errorResponses });
const encodingQuery = z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom');
const booleanQuery = z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1');
const binary = { schema: z.string().openapi({ type: 'string', format: 'binary' }) };
/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
const contentDisposition = (asciiFileName: string, fileName: string) => `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
const permission = (p: Extract<RouteAccess, { kind: 'permission' }>['permission'], withStaff = false): RouteAccess =>
  withStaff ? { kind: 'permission', permission: p, object: (c) => ({ staffId: idParam(c, 'staffId') }) } : { kind: 'permission', permission: p };

// ── campaigns ──
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/campaigns', summary: 'ストレスチェックの実施の一覧(名称・期間・状態のみ)', responses: ok('実施') }),
  async (c) => c.json(await readCampaigns(serviceContext(c)), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.campaigns.manage'), {
    method: 'post',
    path: '/campaigns',
    summary: '実施の作成(判定方法・基準値・調査票・集団分析の最小人数はここで固定)',
    request: json(campaignInputSchema),
    responses: { 201: { description: '実施' }, ...errorResponses },
  }),
  async (c) => c.json(await createCampaign(serviceContext(c), c.req.valid('json')), 201),
);
for (const action of ['open', 'close'] as const) {
  stressCheckRoutes.openapi(
    defineRoute(prefix, permission('stress-check.campaigns.manage'), {
      method: 'post',
      path: `/campaigns/{id}/${action}`,
      summary: action === 'open' ? '実施の開始' : '実施の終了(集団分析・報告の集計ができるようになる)',
      request: { params: idPath, ...json(campaignTransitionSchema) },
      responses: ok('実施'),
    }),
    async (c) => c.json(await changeCampaignStatus(serviceContext(c), { campaignId: idParam(c), action, ...c.req.valid('json') }), 200),
  );
}

// ── the person's own check ──
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/mine', summary: '回答できる実施と自分の回答状況', responses: ok('実施と回答状況') }),
  async (c) => c.json(await readMyCampaigns(serviceContext(c)), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/campaigns/{id}/mine', summary: '自分の回答(途中保存を含む)', request: { params: idPath }, responses: ok('回答') }),
  async (c) => c.json(await readMyCampaign(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/campaigns/{id}/mine/answers/{area}',
    summary: '区分(A〜D)ごとの回答の自動保存(同じ内容の再送は何も変えない)',
    request: { params: z.object({ id: z.string(), area: areaParamSchema }), ...json(sectionAnswersInputSchema) },
    responses: ok('保存した'),
  }),
  async (c) => c.json(await saveSection(serviceContext(c), { campaignId: idParam(c), area: c.req.valid('param').area, ...c.req.valid('json') }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'post', path: '/campaigns/{id}/mine/submit', summary: '回答の提出(結果はすぐに表示できる)', request: { params: idPath }, responses: ok('提出した') }),
  async (c) => c.json(await submitAnswers(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/campaigns/{id}/mine/result', summary: '自分の結果(初めての表示を通知日時として記録)', request: { params: idPath }, responses: ok('結果') }),
  async (c) => c.json(await readMyResult(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/campaigns/{id}/mine/consent',
    summary: '結果を事業者(人事)に提供することへの同意・不同意(結果の表示後のみ)',
    request: { params: idPath, ...json(consentInputSchema) },
    responses: ok('結果'),
  }),
  async (c) => c.json(await decideConsent(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json') }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'post', path: '/campaigns/{id}/mine/interview-request', summary: '医師による面接指導の申出', request: { params: idPath }, responses: ok('結果') }),
  async (c) => c.json(await requestInterview(serviceContext(c), { campaignId: idParam(c) }), 200),
);

stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/campaigns/{id}/mine/interview-request/withdraw',
    summary: '面接指導の申出の取り下げ(面接指導の実施前のみ。取り下げた後も申し出ることができる)',
    request: { params: idPath },
    responses: ok('結果'),
  }),
  async (c) => c.json(await withdrawInterviewRequest(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, signedIn, { method: 'get', path: '/campaigns/{id}/mine/result-sheet', summary: '自分の個人結果票(印刷用。結果の閲覧として記録)', request: { params: idPath }, responses: ok('個人結果票') }),
  async (c) => c.json(await readMyResultSheet(serviceContext(c), { campaignId: idParam(c) }), 200),
);

// ── individual results: implementer; consented ones: HR ──
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.results.read'), { method: 'get', path: '/campaigns/{id}/results', summary: '受検者の結果の一覧(実施者)', request: { params: idPath }, responses: ok('結果') }),
  async (c) => c.json(await readResults(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.results.read', true), { method: 'get', path: '/campaigns/{id}/results/{staffId}', summary: '個人の結果(実施者)', request: { params: personPath }, responses: ok('結果') }),
  async (c) => c.json(await readResultOf(serviceContext(c), { campaignId: idParam(c), staffId: idParam(c, 'staffId') }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.results.read-consented'), {
    method: 'get',
    path: '/campaigns/{id}/consented-results',
    summary: '本人が提供に同意した結果の一覧(人事担当)',
    request: { params: idPath },
    responses: ok('結果'),
  }),
  async (c) => c.json(await readConsentedResults(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.results.read-consented', true), {
    method: 'get',
    path: '/campaigns/{id}/consented-results/{staffId}',
    summary: '本人が提供に同意した結果(人事担当。同意がなければ見つからない)',
    request: { params: personPath },
    responses: ok('結果'),
  }),
  async (c) => c.json(await readConsentedResult(serviceContext(c), { campaignId: idParam(c), staffId: idParam(c, 'staffId') }), 200),
);

stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.results.read', true), {
    method: 'get',
    path: '/campaigns/{id}/results/{staffId}/sheet',
    summary: '個人結果票(印刷用、実施者)',
    request: { params: personPath },
    responses: ok('個人結果票'),
  }),
  async (c) => c.json(await readResultSheetOf(serviceContext(c), { campaignId: idParam(c), staffId: idParam(c, 'staffId') }), 200),
);

// ── exports: the implementer's results; the group analysis as on screen ──
const exportQuery = z.object({ format: z.enum(exportFormats).default('csv'), encoding: encodingQuery, replaceUnencodable: booleanQuery });
const exportDescription =
  'format=csv|xlsx。CSV は既定で UTF-8 (BOM付き)。encoding=cp932 で表せない文字があると 422 org.export-unencodable (details.unencodable)。replaceUnencodable=true なら「〓」に置き換え、X-Unencodable-Count に個数を返す。';
const exports = [
  { path: 'results', access: permission('stress-check.results.read'), summary: '受検者の結果の一覧の出力(実施者。監査)', run: exportResults, check: checkResultsExport },
  { path: 'group-analysis', access: permission('stress-check.groups.read'), summary: '集団分析の出力(画面と同じ表示・非表示。終了した実施のみ。監査)', run: exportGroupAnalysis, check: checkGroupAnalysisExport },
] as const;
for (const e of exports) {
  stressCheckRoutes.openapi(
    defineRoute(prefix, e.access, {
      method: 'get',
      path: `/campaigns/{id}/exports/${e.path}`,
      summary: e.summary,
      description: exportDescription,
      request: { params: idPath, query: exportQuery },
      responses: {
        200: { description: 'ファイル', content: { 'text/csv': binary, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary } },
        ...errorResponses,
        422: { description: 'CP932 で表せない文字がある' },
      },
    }),
    async (c) => {
      const file = await e.run(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('query') });
      return c.body(new Uint8Array(file.bytes), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
        'X-Unencodable-Count': String(file.unencodableCount),
      });
    },
  );
  stressCheckRoutes.openapi(
    defineRoute(prefix, e.access, {
      method: 'get',
      path: `/campaigns/{id}/exports/${e.path}/check`,
      summary: `${e.summary}を指定の文字コードで出力できるかの確認`,
      request: { params: idPath, query: z.object({ encoding: encodingQuery }) },
      responses: ok('{ count, unencodable: [{ row, column, columnLabel, employeeNumber, char, codePoint }] }'),
    }),
    async (c) => c.json(await e.check(serviceContext(c), { campaignId: idParam(c), encoding: c.req.valid('query').encoding }), 200),
  );
}

// ── paper entry (代理入力): implementer ──
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.paper-entry'), {
    method: 'get',
    path: '/campaigns/{id}/paper-entry/examinees',
    summary: '紙の回答を入力する職員の検索(氏名・カナ・職員番号。提出済みかどうか)',
    request: { params: idPath, query: z.object({ q: z.string().max(100, '100文字以内で入力してください').default('') }) },
    responses: ok('職員'),
  }),
  async (c) => c.json(await searchPaperExaminees(serviceContext(c), { campaignId: idParam(c), q: c.req.valid('query').q }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.paper-entry', true), {
    method: 'post',
    path: '/campaigns/{id}/paper-entry/{staffId}',
    summary: '紙の回答の代理入力(57問すべて。オンラインと同じ判定・集団分析の記録。提出済みの人は不可)',
    request: { params: personPath, ...json(paperAnswersInputSchema) },
    responses: { 201: { description: '提出した' }, ...errorResponses },
  }),
  async (c) => c.json(await enterPaperAnswers(serviceContext(c), { campaignId: idParam(c), staffId: idParam(c, 'staffId'), ...c.req.valid('json') }), 201),
);

// ── interviews ──
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.interviews.manage'), { method: 'get', path: '/campaigns/{id}/interview-requests', summary: '面接指導の申出と記録', request: { params: idPath }, responses: ok('申出') }),
  async (c) => c.json(await readInterviewRequests(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.interviews.manage'), {
    method: 'post',
    path: '/interview-requests/{id}/interview',
    summary: '面接指導の記録(医師の意見)',
    request: { params: idPath, ...json(interviewRecordInputSchema) },
    responses: ok('申出'),
  }),
  async (c) => c.json(await recordInterview(serviceContext(c), { requestId: idParam(c), ...c.req.valid('json') }), 200),
);

// ── group level ──
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.groups.read'), {
    method: 'get',
    path: '/campaigns/{id}/group-analysis',
    summary: '集団分析(所属別・全体、判定図、健康リスク、前年比較。10人未満は非表示)',
    request: { params: idPath },
    responses: ok('集団分析'),
  }),
  async (c) => c.json(await readGroupAnalysis(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.unit-actions.manage'), { method: 'get', path: '/campaigns/{id}/high-risk-units', summary: '総合健康リスクの高い所属と改善の取組', request: { params: idPath }, responses: ok('高リスクの所属') }),
  async (c) => c.json(await readHighRiskUnits(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.unit-actions.manage'), {
    method: 'post',
    path: '/campaigns/{id}/unit-actions',
    summary: '高リスクの所属の改善の取組の記録',
    request: { params: idPath, ...json(unitActionInputSchema) },
    responses: { 201: { description: '高リスクの所属' }, ...errorResponses },
  }),
  async (c) => c.json(await recordUnitAction(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json') }), 201),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.progress.read'), { method: 'get', path: '/campaigns/{id}/progress', summary: '所属別の回答状況(人数のみ)', request: { params: idPath }, responses: ok('回答状況') }),
  async (c) => c.json(await readProgress(serviceContext(c), { campaignId: idParam(c) }), 200),
);
stressCheckRoutes.openapi(
  defineRoute(prefix, permission('stress-check.progress.read'), { method: 'get', path: '/campaigns/{id}/report', summary: '労働基準監督署への報告の数(受検者数・高ストレス者数・面接指導を受けた人数)', request: { params: idPath }, responses: ok('報告の数') }),
  async (c) => c.json(await readLabourOfficeReport(serviceContext(c), { campaignId: idParam(c) }), 200),
);
