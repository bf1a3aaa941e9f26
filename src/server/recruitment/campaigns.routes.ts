/**
 * /api/recruitment (intake): campaigns (採用試験), their e-application CSV imports, internship requests and the
 * recruitment settings — for recruitment staff (hr_admin, hr_officer, recruiter). The pipeline after intake has
 * its own routes (pipeline.routes.ts).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { campaignCategories } from '../../domain/recruitment/recruitment-model.js';
import { campaignInputSchema, campaignStatuses, campaignUpdateSchema, internshipUpdateSchema } from '../../domain/recruitment/intake.js';
import {
  campaignDefaults,
  createCampaign,
  intakeSettingKey,
  listCampaignsOfYear,
  moveCampaign,
  readCampaign,
  readRecruitmentSettings,
  rubricsSettingKey,
  saveRecruitmentSetting,
  updateCampaign,
} from './campaigns.service.js';
import { importEApplications } from './applications-import.service.js';
import { eApplicationCsvMaxBytes } from '../../domain/recruitment/upload-limits.js';
import { listInternshipRequests, readInternship, updateInternship } from './internships.service.js';

const prefix = '/api/recruitment';
export const campaignsRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'recruitment.campaigns.manage' } as const;
const interns = { kind: 'permission', permission: 'recruitment.internships.manage' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/campaigns',
    summary: '採用試験の一覧 (年度ごと)',
    request: { query: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: { 200: { description: '採用試験と応募者数' }, ...errorResponses },
  }),
  async (c) => c.json(await listCampaignsOfYear(serviceContext(c), c.req.valid('query')), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/campaigns/defaults',
    summary: '新しい採用試験の初期値 (区分ごとの受験資格と試験の段階。評定項目は設定から)',
    request: { query: z.object({ category: z.enum(campaignCategories), fiscalYear: z.coerce.number().int().min(2000).max(2100), postsToFill: z.coerce.number().int().min(1).max(1000).default(1) }) },
    responses: { 200: { description: '受験資格と段階' }, ...errorResponses },
  }),
  async (c) => c.json(await campaignDefaults(serviceContext(c), c.req.valid('query')), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/campaigns/{id}',
    summary: '採用試験',
    request: { params: idPath },
    responses: { 200: { description: '採用試験' }, ...errorResponses },
  }),
  async (c) => c.json(await readCampaign(serviceContext(c), idParam(c)), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/campaigns',
    summary: '採用試験の作成 (準備中で作られる)',
    request: json(campaignInputSchema),
    responses: { 201: { description: '作成した採用試験' }, ...errorResponses },
  }),
  async (c) => c.json(await createCampaign(serviceContext(c), c.req.valid('json')), 201),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/campaigns/{id}',
    summary: '採用試験の変更 (読み込んだときの version を添える)',
    request: { params: idPath, ...json(campaignUpdateSchema) },
    responses: { 200: { description: '変更後' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateCampaign(serviceContext(c), { ...c.req.valid('json'), campaignId: idParam(c) }), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/campaigns/{id}/status',
    summary: '受付開始・受付終了・終了 (draft → open → closed → finished)',
    request: { params: idPath, ...json(z.object({ status: z.enum(campaignStatuses), version }).strict()) },
    responses: { 200: { description: '変更後' }, 409: { description: 'この状態からは変更できない、または他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await moveCampaign(serviceContext(c), { ...c.req.valid('json'), campaignId: idParam(c) }), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/campaigns/{id}/e-application-imports',
    summary: '電子申請サービスのCSV取込み。commit=false でプレビュー (全行の誤り)、commit=true と sha256 で一括登録 (誤りが1件でもあれば何も登録しない)',
    request: {
      params: idPath,
      query: z.object({
        encoding: z.enum(['utf-8', 'shift_jis', 'auto']).default('auto'),
        commit: z.enum(['true', 'false']).default('false'),
        sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
      }),
      body: { content: { 'application/octet-stream': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } }, required: true },
    },
    responses: { 200: { description: 'プレビューまたは登録結果' }, 422: { description: '誤りがある (何も登録していない)' }, ...errorResponses },
    bodyLimit: { maxBytes: eApplicationCsvMaxBytes },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await importEApplications(serviceContext(c), { campaignId: idParam(c), bytes, encoding: q.encoding, commit: q.commit === 'true', sha256: q.sha256 }), 200);
  },
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/settings',
    summary: '採用の設定 (評定項目の初期値、添付ファイルの上限、送信回数の制限、保存期間)',
    responses: { 200: { description: '設定と更新時刻 (未設定は null)' }, ...errorResponses },
  }),
  async (c) => c.json(await readRecruitmentSettings(serviceContext(c)), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/settings/{key}',
    summary: '採用の設定の保存 (読み込んだときの updatedAt を添える)',
    request: { params: z.object({ key: z.enum([rubricsSettingKey, intakeSettingKey]) }), ...json(z.object({ value: z.unknown(), updatedAt: z.string().nullable() }).strict()) },
    responses: { 200: { description: '保存した設定' }, 409: { description: '他の人が先に変更した' }, ...errorResponses },
  }),
  async (c) => c.json(await saveRecruitmentSetting(serviceContext(c), { key: c.req.valid('param').key, ...c.req.valid('json') }), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, interns, {
    method: 'get',
    path: '/internships',
    summary: 'インターン・職場体験の申込み一覧',
    responses: { 200: { description: '申込み' }, ...errorResponses },
  }),
  async (c) => c.json(await listInternshipRequests(serviceContext(c)), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, interns, {
    method: 'get',
    path: '/internships/{id}',
    summary: 'インターン・職場体験の申込みと、その後の応募',
    request: { params: idPath },
    responses: { 200: { description: '申込み' }, ...errorResponses },
  }),
  async (c) => c.json(await readInternship(serviceContext(c), idParam(c)), 200),
);

campaignsRoutes.openapi(
  defineRoute(prefix, interns, {
    method: 'put',
    path: '/internships/{id}',
    summary: '受入れ所属・日程・受入れ可否・感想の記録',
    request: { params: idPath, ...json(internshipUpdateSchema) },
    responses: { 200: { description: '変更後' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateInternship(serviceContext(c), { ...c.req.valid('json'), internshipId: idParam(c) }), 200),
);
