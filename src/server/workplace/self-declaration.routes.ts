/**
 * /api/workplace/self-declaration…: the yearly self-declaration (自己申告書, policy III-4-(3)①, ADR 0019). HR opens
 * the campaign and sets the form; everyone writes their own (the owner is the actor); HR reads all, the supervisor
 * reads the fields the form allows — cut on the server per field.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { answersInputSchema, selfDeclarationFormSchema } from '../../domain/workplace/self-declaration-form.js';
import { openCampaignInputSchema } from '../../domain/workplace/self-declaration-campaign.js';
import {
  closeSelfDeclarationCampaign,
  listDeclarations,
  listSelfDeclarationCampaigns,
  listTeamDeclarations,
  openSelfDeclarationCampaign,
  readDeclaration,
  readMyDeclaration,
  readProgress,
  readSelfDeclarationForm,
  remindNotSubmitted,
  saveMyDeclaration,
  updateSelfDeclarationForm,
} from './self-declaration.service.js';

const prefix = '/api/workplace';
export const selfDeclarationRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'workplace.self-declaration.manage' } as const;
const readAll = { kind: 'permission', permission: 'workplace.self-declaration.read-all' } as const;
const readOne = {
  kind: 'permission',
  permission: 'workplace.self-declaration.read',
  object: (c: Parameters<typeof idParam>[0]) => ({ staffId: idParam(c, 'staffId') }),
} as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const campaignPath = z.object({ id: z.string() });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');
const saveBody = z.strictObject({ answers: answersInputSchema, version: version.nullable() });
const idQuery = z.coerce.number().int('所属は整数で指定してください').positive('所属が正しくありません');

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/self-declaration/form',
    summary: '自己申告書の様式 (項目と上司に見せる項目)。保存していなければ初期値',
    responses: { 200: { description: '様式' }, ...errorResponses },
  }),
  async (c) => c.json(await readSelfDeclarationForm(serviceContext(c)), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/self-declaration/form',
    summary: '自己申告書の様式の変更 (読み込んだときの updatedAt を添える。初期値のままなら null)。実施中の自己申告には影響しない',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), form: selfDeclarationFormSchema })),
    responses: { 200: { description: '変更後の様式' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateSelfDeclarationForm(serviceContext(c), c.req.valid('json')), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/self-declaration/campaigns',
    summary: '年度ごとの自己申告 (名称と期間のみ)',
    responses: { 200: { description: '自己申告の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listSelfDeclarationCampaigns(serviceContext(c)), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/self-declaration/campaigns',
    summary: '自己申告の開始 (年度に1回。その時点の様式を写して固定する)',
    request: json(openCampaignInputSchema),
    responses: { 201: { description: '開始した自己申告' }, 409: { description: 'その年度はすでに開始済み' }, ...errorResponses },
  }),
  async (c) => c.json(await openSelfDeclarationCampaign(serviceContext(c), c.req.valid('json')), 201),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/self-declaration/campaigns/{id}/close',
    summary: '自己申告の締切 (以後は閲覧のみ)',
    request: { params: campaignPath, ...json(z.strictObject({ version })) },
    responses: { 200: { description: '締め切った自己申告' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await closeSelfDeclarationCampaign(serviceContext(c), { campaignId: idParam(c), version: c.req.valid('json').version }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/self-declaration/campaigns/{id}/mine',
    summary: '自分の自己申告書 (過去の年度も閲覧できる)',
    request: { params: campaignPath },
    responses: { 200: { description: '自分の自己申告書' }, ...errorResponses },
  }),
  async (c) => c.json(await readMyDeclaration(serviceContext(c), { campaignId: idParam(c) }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/self-declaration/campaigns/{id}/mine',
    summary: '自分の自己申告書の一時保存 (初回は version null、以後は読み込んだ version)',
    request: { params: campaignPath, ...json(saveBody) },
    responses: { 200: { description: '保存した自己申告書' }, 409: { description: '別の画面で先に保存された' }, ...errorResponses },
  }),
  async (c) => c.json(await saveMyDeclaration(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json'), isSubmit: false }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/self-declaration/campaigns/{id}/mine/submit',
    summary: '自分の自己申告書の提出 (締切まで提出し直せる。異動希望は配置の希望として登録される)',
    request: { params: campaignPath, ...json(saveBody) },
    responses: { 200: { description: '提出した自己申告書' }, 409: { description: '別の画面で先に保存された' }, ...errorResponses },
  }),
  async (c) => c.json(await saveMyDeclaration(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('json'), isSubmit: true }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, readAll, {
    method: 'get',
    path: '/self-declaration/campaigns/{id}/declarations',
    summary: '自己申告書の一覧 (人事担当。所属・異動希望・キャリア志向・状況で絞り込み)',
    request: {
      params: campaignPath,
      query: z.object({
        unitId: idQuery.optional(),
        transferWish: z.enum(['yes', 'no']).optional(),
        careerIntention: z.string().max(40).optional(),
        status: z.enum(['not-started', 'draft', 'submitted']).optional(),
      }),
    },
    responses: { 200: { description: '自己申告書の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listDeclarations(serviceContext(c), { campaignId: idParam(c), ...c.req.valid('query') }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/self-declaration/campaigns/{id}/team',
    summary: '評価する職員・所属の職員の自己申告書の一覧 (上司に見せる項目だけ)',
    request: { params: campaignPath },
    responses: { 200: { description: '部下の自己申告書の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listTeamDeclarations(serviceContext(c), { campaignId: idParam(c) }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, readOne, {
    method: 'get',
    path: '/self-declaration/campaigns/{id}/declarations/{staffId}',
    summary: '職員の自己申告書 (人事担当は全項目、上司は様式で許された項目だけ。本人以外の閲覧は監査ログに記録)',
    request: { params: z.object({ id: z.string(), staffId: z.string() }) },
    responses: { 200: { description: '自己申告書' }, ...errorResponses },
  }),
  async (c) => c.json(await readDeclaration(serviceContext(c), { campaignId: idParam(c), staffId: idParam(c, 'staffId') }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/self-declaration/campaigns/{id}/progress',
    summary: '所属ごとの提出状況 (提出済み・下書き・未着手の人数のみ)',
    request: { params: campaignPath },
    responses: { 200: { description: '提出状況' }, ...errorResponses },
  }),
  async (c) => c.json(await readProgress(serviceContext(c), { campaignId: idParam(c) }), 200),
);

selfDeclarationRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/self-declaration/campaigns/{id}/reminders',
    summary: '未提出の職員へのお知らせ (件名とリンクのみ)',
    request: { params: campaignPath, ...json(z.strictObject({ unitId: z.int().positive().optional() })) },
    responses: { 200: { description: 'お知らせした人数' }, ...errorResponses },
  }),
  async (c) => c.json(await remindNotSubmitted(serviceContext(c), { campaignId: idParam(c), unitId: c.req.valid('json').unitId }), 200),
);
