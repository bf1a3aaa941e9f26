/**
 * /api/workplace/fellows…: the fellow programme (フェロー制度, ADR 0021). HR (workplace.fellows.manage) keeps the
 * pool and settings, runs matching, confirms and ends pairs and reads the monitoring; the pair and meeting routes are
 * 'signed-in' and the service lets through only the pair's two people (and HR to read).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import {
  confirmPairsInputSchema,
  endPairInputSchema,
  fellowInputSchema,
  fellowSettingsSchema,
  fellowUpdateSchema,
  holdMeetingInputSchema,
  meetingFeedbackSchema,
  planMeetingInputSchema,
} from '../../domain/workplace/fellow-model.js';
import { addFellow, changeFellow, confirmFellowPairs, endFellowPair, listFellowPairs, listFellowPool, proposeFellowMatching, readFellowMonitoring } from './fellow.service.js';
import { readFellowSettings, updateFellowSettings } from './fellow-settings.service.js';
import { answerMeetingFeedback, cancelFellowMeeting, holdFellowMeeting, listMyFellowPairs, planFellowMeeting, readFellowPair } from './fellow-meetings.service.js';

const prefix = '/api/workplace';
export const fellowRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'workplace.fellows.manage' } as const;
const signedIn = { kind: 'signed-in' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idParams = z.object({ id: z.string() });
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/fellows/settings',
    summary: 'フェロー制度の設定 (対象職員の条件・部/課の分離・組織コミットメントで除く情報源・モニタリングの週数)',
    responses: { 200: { description: '設定' }, ...errorResponses },
  }),
  async (c) => c.json(await readFellowSettings(serviceContext(c)), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/fellows/settings',
    summary: 'フェロー制度の設定の変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), settings: fellowSettingsSchema })),
    responses: { 200: { description: '変更後の設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateFellowSettings(serviceContext(c), c.req.valid('json')), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/fellows/pool',
    summary: 'フェローのプール (受入れ人数・期間・組織コミットメントの情報源ごとの該当: 人事のフラグと自己申告書の指標・メモ・実施中の組合せ数)。自己申告書の指標は自己申告書をすべて読める人にだけ示し、その読み取りを監査する',
    responses: { 200: { description: 'プール' }, ...errorResponses },
  }),
  async (c) => c.json(await listFellowPool(serviceContext(c)), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/fellows/pool',
    summary: 'フェローの登録',
    request: json(fellowInputSchema),
    responses: { 201: { description: '登録した' }, 409: { description: '同じ期間に登録済み' }, ...errorResponses },
  }),
  async (c) => c.json(await addFellow(serviceContext(c), c.req.valid('json')), 201),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/fellows/pool/{id}',
    summary: 'フェローの登録の変更 (受入れ人数・期間・フラグ・メモ)',
    request: { params: idParams, ...json(fellowUpdateSchema) },
    responses: { 200: { description: '変更した' }, ...errorResponses },
  }),
  async (c) => c.json(await changeFellow(serviceContext(c), { fellowId: idParam(c), body: c.req.valid('json') }), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/fellows/matching',
    summary: '組合せの提案 (基準日、既定は今日): 対象職員ごとのフェローと理由、候補のいない職員とその理由。保存はしない',
    request: { query: z.object({ date: z.string().refine(isValidIsoDate, '基準日はYYYY-MM-DD形式で指定してください').optional() }) },
    responses: { 200: { description: '提案' }, ...errorResponses },
  }),
  async (c) => c.json(await proposeFellowMatching(serviceContext(c), c.req.valid('query')), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/fellows/pairs',
    summary: '提案の確定 (全部または一部)。規則を確定時に再確認し、双方にアプリ内で通知する (件名のみ)',
    request: json(confirmPairsInputSchema),
    responses: { 201: { description: '確定した組合せ' }, 422: { description: '規則に合わない組合せがある' }, ...errorResponses },
  }),
  async (c) => c.json(await confirmFellowPairs(serviceContext(c), c.req.valid('json')), 201),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/fellows/pairs',
    summary: '組合せの一覧 (実施中・終了)',
    request: { query: z.object({ status: z.enum(['active', 'ended', 'all']).optional() }) },
    responses: { 200: { description: '組合せ' }, ...errorResponses },
  }),
  async (c) => c.json(await listFellowPairs(serviceContext(c), c.req.valid('query')), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/fellows/pairs/{id}/end',
    summary: '組合せの終了 (終了日より後の予定の面談は中止になる)',
    request: { params: idParams, ...json(endPairInputSchema) },
    responses: { 200: { description: '終了した' }, ...errorResponses },
  }),
  async (c) => c.json(await endFellowPair(serviceContext(c), { pairId: idParam(c), body: c.req.valid('json') }), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/fellows/monitoring',
    summary: 'モニタリング: N週間面談のない組合せと、制度の状況 (組合せ数・直近3か月の面談・感想の平均。個別のひとことは含まない)',
    responses: { 200: { description: 'モニタリング' }, ...errorResponses },
  }),
  async (c) => c.json(await readFellowMonitoring(serviceContext(c)), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/fellows/my',
    summary: '自分の組合せ (フェローとして・対象職員として) と面談',
    responses: { 200: { description: '自分の組合せ' }, ...errorResponses },
  }),
  async (c) => c.json(await listMyFellowPairs(serviceContext(c)), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/fellows/pairs/{id}',
    summary: '組合せと面談 (組合せの2人と人事のみ。相手の感想は回答の有無だけ)',
    request: { params: idParams },
    responses: { 200: { description: '組合せ' }, ...errorResponses },
  }),
  async (c) => c.json(await readFellowPair(serviceContext(c), { pairId: idParam(c) }), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/fellows/pairs/{id}/meetings',
    summary: '面談の予定 (組合せの2人のどちらか)',
    request: { params: idParams, ...json(planMeetingInputSchema) },
    responses: { 201: { description: '予定した' }, ...errorResponses },
  }),
  async (c) => c.json(await planFellowMeeting(serviceContext(c), { pairId: idParam(c), body: c.req.valid('json') }), 201),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/fellows/meetings/{id}/held',
    summary: '面談の実施 (実施日)',
    request: { params: idParams, ...json(holdMeetingInputSchema) },
    responses: { 200: { description: '実施済みにした' }, 409: { description: '予定ではない' }, ...errorResponses },
  }),
  async (c) => c.json(await holdFellowMeeting(serviceContext(c), { meetingId: idParam(c), body: c.req.valid('json') }), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/fellows/meetings/{id}/cancel',
    summary: '面談の中止',
    responses: { 200: { description: '中止にした' }, 409: { description: '予定ではない' }, ...errorResponses },
    request: { params: idParams },
  }),
  async (c) => c.json(await cancelFellowMeeting(serviceContext(c), { meetingId: idParam(c) }), 200),
);

fellowRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'put',
    path: '/fellows/meetings/{id}/feedback',
    summary: '面談の感想 (自分の側の分: 役に立った度・話しやすさ 1〜5・ひとこと)',
    request: { params: idParams, ...json(meetingFeedbackSchema) },
    responses: { 200: { description: '保存した' }, ...errorResponses },
  }),
  async (c) => c.json(await answerMeetingFeedback(serviceContext(c), { meetingId: idParam(c), body: c.req.valid('json') }), 200),
);
