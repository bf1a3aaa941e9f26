/**
 * /api/recruitment/pipeline/…: the recruitment staff's pipeline (issue 7 items 3–4, ADR 0018) — applicants per
 * stage, the applicant's page, sittings, scores, stage results and decisions, offers, notices, calibration, exports.
 * Raters use /api/recruitment/scoring (scoring.routes.ts).
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import type { ExportFile } from '../common/csv-download.js';
import {
  absenceInputSchema,
  applicantActionInputSchema,
  decisionsInputSchema,
  groupSittingsInputSchema,
  pipelineQuerySchema,
  sendNoticesInputSchema,
  singleScoresInputSchema,
  sittingApplicantsInputSchema,
  sittingInputSchema,
  sittingMoveInputSchema,
  sittingRatersInputSchema,
  sittingUpdateSchema,
} from '../../domain/recruitment/pipeline-api.js';
import {
  actOnApplicant,
  createSitting,
  decideStage,
  enterSingleScores,
  exportStageApplicants,
  getApplicantDetail,
  getAttachment,
  getCalibration,
  getNotice,
  getPipeline,
  getStageResults,
  groupIntoSittings,
  importStageScores,
  listCampaignSittings,
  listPipelineCampaigns,
  moveSittingApplicant,
  readPipelineSettings,
  sendNotices,
  setAbsence,
  setSittingApplicants,
  setSittingRaters,
  updatePipelineSettings,
  updateSittingDetails,
} from './pipeline.service.js';
import { scoreCsvMaxBytes } from '../../domain/recruitment/upload-limits.js';

const prefix = '/api/recruitment';
export const pipelineRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'recruitment.pipeline.manage' } as const;
const exporting = { kind: 'permission', permission: 'recruitment.applicants.export' } as const;
const idPath = z.object({ id: z.string() });
const stagePath = z.object({ id: z.string(), stageIndex: z.string() });
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

function stageParam(c: Context<AppEnv>): number {
  const raw = c.req.param('stageIndex') ?? '';
  if (!/^\d{1,2}$/.test(raw)) throw new AppError('common.not-found', '対象が見つかりません。');
  return Number(raw);
}

/** RFC 6266: an ASCII fallback plus the UTF-8 name; always an attachment, never rendered by the browser. */
function sendFile(c: Context<AppEnv>, file: Pick<ExportFile, 'bytes' | 'contentType' | 'asciiFileName' | 'fileName'>) {
  return c.body(new Uint8Array(file.bytes), 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    'X-Content-Type-Options': 'nosniff',
  });
}

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/campaigns',
    summary: '選考の対象になる採用試験の一覧 (応募者数つき)',
    request: { query: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: { 200: { description: 'PipelineCampaignSummary[]' }, ...errorResponses },
  }),
  async (c) => c.json(await listPipelineCampaigns(serviceContext(c), c.req.valid('query')), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/campaigns/{id}',
    summary: '選考状況: 段階ごと・結果ごとの人数と応募者一覧 (受付番号・カナで検索、ページ送り)',
    request: { params: idPath, query: pipelineQuerySchema },
    responses: { 200: { description: 'PipelineView' }, ...errorResponses },
  }),
  async (c) => c.json(await getPipeline(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('query') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/applicants/{id}',
    summary: '応募者の詳細 (閲覧は監査記録に残る)',
    request: { params: idPath },
    responses: { 200: { description: 'ApplicantDetail' }, ...errorResponses },
  }),
  async (c) => c.json(await getApplicantDetail(serviceContext(c), idParam(c)), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/applicants/{id}/attachments/{attachmentId}',
    summary: '添付ファイルのダウンロード (保存時の種類で、常に添付として)',
    request: { params: z.object({ id: z.string(), attachmentId: z.string() }) },
    responses: { 200: { description: 'ファイル' }, ...errorResponses },
  }),
  async (c) => {
    const row = await getAttachment(serviceContext(c), { applicantId: idParam(c), attachmentId: idParam(c, 'attachmentId') });
    const ascii = row.fileName.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80) || 'attachment';
    return sendFile(c, { bytes: row.content!, contentType: row.contentType, asciiFileName: ascii, fileName: row.fileName });
  },
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/applicants/{id}/notices/{noticeId}',
    summary: '通知の本文 (印刷用)',
    request: { params: z.object({ id: z.string(), noticeId: z.string() }) },
    responses: { 200: { description: '件名と本文' }, ...errorResponses },
  }),
  async (c) => c.json(await getNotice(serviceContext(c), { applicantId: idParam(c), noticeId: idParam(c, 'noticeId') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/applicants/{id}/actions',
    summary: '内定・内定承諾・内定辞退・辞退(選考中) を理由つきで記録',
    request: { params: idPath, ...json(applicantActionInputSchema) },
    responses: { 200: { description: '新しい状態' }, ...errorResponses, 409: { description: '状態が変わった' } },
  }),
  async (c) => c.json(await actOnApplicant(serviceContext(c), { applicantId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/campaigns/{id}/sittings',
    summary: '試験の回 (日時・会場・グループ・応募者・評定者)',
    request: { params: idPath, query: z.object({ stageIndex: z.coerce.number().int().min(0).max(20).optional() }) },
    responses: { 200: { description: 'SittingView[]' }, ...errorResponses },
  }),
  async (c) => c.json(await listCampaignSittings(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('query') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/campaigns/{id}/sittings',
    summary: '試験の回を追加',
    request: { params: idPath, ...json(sittingInputSchema) },
    responses: { 201: { description: 'SittingView' }, ...errorResponses },
  }),
  async (c) => c.json(await createSitting(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json') }), 201),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/campaigns/{id}/sittings/groups',
    summary: '選考待ちで回が未定の応募者を N 人ずつのグループ(回)に分ける',
    request: { params: idPath, ...json(groupSittingsInputSchema) },
    responses: { 201: { description: 'SittingView[]' }, ...errorResponses },
  }),
  async (c) => c.json(await groupIntoSittings(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json') }), 201),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/sittings/{id}',
    summary: '試験の回の日時・会場・グループ名・定員を変更',
    request: { params: idPath, ...json(sittingUpdateSchema) },
    responses: { 200: { description: 'SittingView' }, ...errorResponses },
  }),
  async (c) => c.json(await updateSittingDetails(serviceContext(c), { sittingId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/sittings/{id}/raters',
    summary: '試験の回の評定者(面接官)を設定',
    request: { params: idPath, ...json(sittingRatersInputSchema) },
    responses: { 200: { description: 'SittingView' }, ...errorResponses },
  }),
  async (c) => c.json(await setSittingRaters(serviceContext(c), { sittingId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/sittings/{id}/applicants',
    summary: '試験の回の応募者を設定',
    request: { params: idPath, ...json(sittingApplicantsInputSchema) },
    responses: { 200: { description: 'SittingView' }, ...errorResponses },
  }),
  async (c) => c.json(await setSittingApplicants(serviceContext(c), { sittingId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/sittings/{id}/applicants/{applicantId}/move',
    summary: '応募者1人を同じ段階の別の回へ移す (両方の回の版を確認、移動先の定員、評定の入力前だけ)',
    request: { params: z.object({ id: z.string(), applicantId: z.string() }), ...json(sittingMoveInputSchema) },
    responses: { 200: { description: '移動元と移動先の SittingView' }, ...errorResponses, 409: { description: '先に更新された・定員に達している・合否が決まった・評定が入力済み' } },
  }),
  async (c) => c.json(await moveSittingApplicant(serviceContext(c), { sittingId: idParam(c), applicantId: idParam(c, 'applicantId'), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/sittings/{id}/absence',
    summary: '欠席の記録',
    request: { params: idPath, ...json(absenceInputSchema) },
    responses: { 200: { description: '記録した内容' }, ...errorResponses },
  }),
  async (c) => c.json(await setAbsence(serviceContext(c), { sittingId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/campaigns/{id}/stages/{stageIndex}/scores',
    summary: '筆記試験などの得点(0〜100)を入力',
    request: { params: stagePath, ...json(singleScoresInputSchema) },
    responses: { 200: { description: '保存した件数' }, ...errorResponses },
  }),
  async (c) => c.json(await enterSingleScores(serviceContext(c), { campaignId: idParam(c), stageIndex: stageParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/campaigns/{id}/stages/{stageIndex}/scores/import',
    summary: 'テストセンターの得点CSV (受付番号, 得点) の取込み。全件検証してから1トランザクションで登録',
    request: {
      params: stagePath,
      query: z.object({ encoding: z.enum(['utf-8', 'shift_jis', 'auto']).default('auto') }),
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, required: true },
    },
    responses: { 200: { description: 'ScoreImportResult' }, ...errorResponses, 413: { description: 'ファイルが大きすぎる(上限 2MB)' } },
    bodyLimit: { maxBytes: scoreCsvMaxBytes },
  }),
  async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await importStageScores(serviceContext(c), { campaignId: idParam(c), stageIndex: stageParam(c), bytes, encoding: c.req.valid('query').encoding }), 200);
  },
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/campaigns/{id}/stages/{stageIndex}/results',
    summary: '段階の選考待ちの応募者と、合格基準による提案 (同点の境界は人事が判断)',
    request: { params: stagePath },
    responses: { 200: { description: 'StageResults' }, ...errorResponses },
  }),
  async (c) => c.json(await getStageResults(serviceContext(c), { campaignId: idParam(c), stageIndex: stageParam(c) }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/campaigns/{id}/stages/{stageIndex}/decisions',
    summary: '合否の判定 (理由つき、全件かゼロか、応募者ごとに版を確認)',
    request: { params: stagePath, ...json(decisionsInputSchema) },
    responses: { 200: { description: '判定した件数' }, ...errorResponses, 409: { description: '先に更新された' } },
  }),
  async (c) => c.json(await decideStage(serviceContext(c), { campaignId: idParam(c), stageIndex: stageParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/campaigns/{id}/stages/{stageIndex}/calibration',
    summary: '評定者の甘辛(全体・項目別)と、評定者間の差が大きい応募者',
    request: { params: stagePath },
    responses: { 200: { description: 'CalibrationView' }, ...errorResponses },
  }),
  async (c) => c.json(await getCalibration(serviceContext(c), { campaignId: idParam(c), stageIndex: stageParam(c) }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/pipeline/campaigns/{id}/notices',
    summary: '合否通知・内定通知をテンプレートから作成 (SMTP 設定時だけメール、未設定なら印刷用)',
    request: { params: idPath, ...json(sendNoticesInputSchema) },
    responses: { 200: { description: 'NoticeResult' }, ...errorResponses },
  }),
  async (c) => c.json(await sendNotices(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json') }), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, exporting, {
    method: 'get',
    path: '/pipeline/campaigns/{id}/export',
    summary: '応募者一覧の出力 (CSV / Excel、数式として解釈される値は無害化)',
    request: {
      params: idPath,
      query: z.object({
        stageIndex: z.coerce.number().int().min(0).max(20).optional(),
        outcome: z.enum(['waiting', 'passed', 'failed', 'absent']).optional(),
        format: z.enum(['csv', 'xlsx']).default('xlsx'),
        encoding: z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom'),
        replaceUnencodable: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
      }),
    },
    responses: { 200: { description: 'ファイル' }, ...errorResponses },
  }),
  async (c) => sendFile(c, await exportStageApplicants(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('query') })),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/pipeline/settings',
    summary: '選考の設定 (評定者間の差の基準、通知テンプレート)',
    responses: { 200: { description: '設定' }, ...errorResponses },
  }),
  async (c) => c.json(await readPipelineSettings(serviceContext(c)), 200),
);

pipelineRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/pipeline/settings',
    summary: '選考の設定を保存 (reset: true で既定に戻す)',
    request: json(z.strictObject({ settings: z.unknown(), updatedAt: z.string().nullable(), reset: z.boolean().optional() })),
    responses: { 200: { description: '設定' }, ...errorResponses, 409: { description: '先に更新された' } },
  }),
  async (c) => c.json(await updatePipelineSettings(serviceContext(c), c.req.valid('json')), 200),
);
