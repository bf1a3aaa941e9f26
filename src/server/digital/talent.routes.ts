/**
 * /api/digital — digital talent (policy IV, issue 4 item 7) except the knowledge base and Q&A board: the skill
 * framework setting, self-assessments (the person is in the path of the supervisor's routes so that the guard
 * checks the evaluator relation or HR's role), the DX推進体制 with the leader coverage, advisors and exchanges.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam, type RouteAccess } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { skillFrameworkSchema } from '../../domain/digital/skill-framework.js';
import { saveAssessmentInputSchema } from '../../domain/digital/skill-assessment.js';
import {
  dxAdvisorInputSchema,
  dxAdvisorUpdateSchema,
  dxBodyInputSchema,
  dxLeaderEndInputSchema,
  dxLeaderInputSchema,
  dxMemberInputSchema,
  exchangeInputSchema,
  exchangeUpdateSchema,
} from '../../domain/digital/dx-structure.js';
import { readSkillFramework, updateSkillFramework } from './skill-framework.service.js';
import {
  readAssessmentOf,
  readAssessmentsOfYear,
  readAssessmentSummary,
  readMyAssessment,
  readPendingAssessments,
  reviewAssessment,
  saveMyAssessment,
} from './skill-assessment.service.js';
import {
  addDxMember,
  appointDxLeader,
  createDxAdvisor,
  createDxBody,
  createExchange,
  endDxLeader,
  endDxMember,
  readDxAdvisors,
  readDxLeaderCoverage,
  readDxStructure,
  readExchanges,
  updateDxAdvisor,
  updateDxBody,
  updateExchange,
} from './dx-structure.service.js';

const prefix = '/api/digital';
export const digitalTalentRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'digital.manage' } as const;
const readAll = { kind: 'permission', permission: 'digital.assessment.read-all' } as const;
const confirm = { kind: 'permission', permission: 'digital.assessment.confirm', object: (c) => ({ staffId: idParam(c, 'staffId') }) } as const satisfies RouteAccess;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const conflict = { 409: { description: '他の人が先に更新した、またはその状態ではできない' } };
const fiscalYearMessage = '年度は2000〜9998の西暦4桁で指定してください';
const fiscalYearParam = z.string().regex(/^\d{4}$/, fiscalYearMessage).transform(Number).pipe(z.int().min(2000, fiscalYearMessage).max(9998, fiscalYearMessage));
const asOfQuery = z.object({ asOf: z.string().refine(isValidIsoDate, '基準日はYYYY-MM-DD形式で指定してください').optional() });
const yearQuery = z.object({ fiscalYear: fiscalYearParam });
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');
const idPath = z.object({ id: z.string() });

// デジタルスキルの枠組み

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/framework',
    summary: 'デジタルスキルの枠組み (分野と段階)。保存していなければ初期値',
    responses: { 200: { description: '枠組み' }, ...errorResponses },
  }),
  async (c) => c.json(await readSkillFramework(serviceContext(c)), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/framework',
    summary: 'デジタルスキルの枠組みの変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), framework: skillFrameworkSchema })),
    responses: { 200: { description: '変更後の枠組み' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateSkillFramework(serviceContext(c), c.req.valid('json')), 200),
);

// 自己評価

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/assessments/mine/{fiscalYear}',
    summary: '自分のデジタルスキルの自己評価 (その年度。なければ空の下書き)',
    request: { params: z.object({ fiscalYear: fiscalYearParam }) },
    responses: { 200: { description: '枠組みと自己評価' }, ...errorResponses },
  }),
  async (c) => c.json(await readMyAssessment(serviceContext(c), { fiscalYear: c.req.valid('param').fiscalYear }), 200),
);

for (const [submit, method, path, summary] of [
  [false, 'put', '/assessments/mine/{fiscalYear}', '自己評価の下書き保存 (今年度。下書き・差戻しのとき)'],
  [true, 'post', '/assessments/mine/{fiscalYear}/submit', '自己評価の提出 (全分野の段階が必要。上司の確認を待つ)'],
] as const) {
  digitalTalentRoutes.openapi(
    defineRoute(prefix, signedIn, {
      method,
      path,
      summary,
      request: { params: z.object({ fiscalYear: fiscalYearParam }), ...json(saveAssessmentInputSchema) },
      responses: { 200: { description: '枠組みと自己評価' }, ...conflict, ...errorResponses },
    }),
    async (c) => c.json(await saveMyAssessment(serviceContext(c), { fiscalYear: c.req.valid('param').fiscalYear, submit, ...c.req.valid('json') }), 200),
  );
}

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/assessments/pending',
    summary: '確認待ちの自己評価 (評価者として担当する職員の分、人事は全員)',
    responses: { 200: { description: '確認待ちの自己評価' }, ...errorResponses },
  }),
  async (c) => c.json(await readPendingAssessments(serviceContext(c)), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, readAll, {
    method: 'get',
    path: '/assessments',
    summary: '年度の全職員の自己評価 (人事)',
    request: { query: yearQuery },
    responses: { 200: { description: '自己評価の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await readAssessmentsOfYear(serviceContext(c), { fiscalYear: c.req.valid('query').fiscalYear }), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, readAll, {
    method: 'get',
    path: '/assessments/summary',
    summary: '年度の自己評価の集計: 分野ごとの段階別人数 (確認済み)、課ごとの状況と平均 (人事)',
    request: { query: yearQuery },
    responses: { 200: { description: '集計' }, ...errorResponses },
  }),
  async (c) => c.json(await readAssessmentSummary(serviceContext(c), { fiscalYear: c.req.valid('query').fiscalYear }), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, confirm, {
    method: 'get',
    path: '/staff/{staffId}/assessments/{fiscalYear}',
    summary: '職員の自己評価 (評価者・人事)',
    request: { params: z.object({ staffId: z.string(), fiscalYear: fiscalYearParam }) },
    responses: { 200: { description: '枠組みと自己評価' }, ...errorResponses },
  }),
  async (c) => c.json(await readAssessmentOf(serviceContext(c), { staffId: idParam(c, 'staffId'), fiscalYear: c.req.valid('param').fiscalYear }), 200),
);

for (const [action, summary] of [
  ['confirm', '自己評価の確認 (評価者・人事)'],
  ['return', '自己評価の差戻し (評価者・人事、理由のコメントが必要。本人に通知)'],
] as const) {
  digitalTalentRoutes.openapi(
    defineRoute(prefix, confirm, {
      method: 'post',
      path: `/staff/{staffId}/assessments/{fiscalYear}/${action}`,
      summary,
      request: {
        params: z.object({ staffId: z.string(), fiscalYear: fiscalYearParam }),
        ...json(z.strictObject({ version, comment: z.string().trim().max(1000, 'コメントは1000文字以内で入力してください').default('') })),
      },
      responses: { 200: { description: '自己評価' }, ...conflict, ...errorResponses },
    }),
    async (c) =>
      c.json(await reviewAssessment(serviceContext(c), { staffId: idParam(c, 'staffId'), fiscalYear: c.req.valid('param').fiscalYear, action, ...c.req.valid('json') }), 200),
  );
}

// DX推進本部・ワーキンググループ

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/structure',
    summary: 'DX推進本部とワーキンググループ、メンバーと役割 (基準日の所属つき)',
    request: { query: asOfQuery },
    responses: { 200: { description: '推進体制' }, ...errorResponses },
  }),
  async (c) => c.json(await readDxStructure(serviceContext(c), { asOf: c.req.valid('query').asOf }), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/bodies',
    summary: '推進本部またはワーキンググループの登録 (人事)',
    request: json(dxBodyInputSchema),
    responses: { 201: { description: '登録した' }, ...errorResponses },
  }),
  async (c) => c.json(await createDxBody(serviceContext(c), c.req.valid('json')), 201),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/bodies/{id}',
    summary: '推進本部・ワーキンググループの名称・テーマ・期間の変更 (人事)',
    request: {
      params: idPath,
      ...json(
        z
          .strictObject({
            name: z.string().trim().min(1, '名称を入力してください').max(100, '名称は100文字以内で入力してください'),
            theme: z.string().trim().max(500, 'テーマは500文字以内で入力してください').default(''),
            startsOn: z.string().refine(isValidIsoDate, '開始日はYYYY-MM-DD形式で入力してください'),
            endsOn: z.string().refine(isValidIsoDate, '終了日はYYYY-MM-DD形式で入力してください').nullable(),
            version,
          })
          .refine((v) => v.endsOn === null || v.endsOn >= v.startsOn, { path: ['endsOn'], message: '終了日は開始日以降にしてください' }),
      ),
    },
    responses: { 200: { description: '変更した' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateDxBody(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/bodies/{id}/members',
    summary: 'メンバーの追加 (役割と期間。本部長は同時に1人)',
    request: { params: idPath, ...json(dxMemberInputSchema) },
    responses: { 201: { description: '追加した' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await addDxMember(serviceContext(c), { bodyId: idParam(c), ...c.req.valid('json') }), 201),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/members/{id}/end',
    summary: 'メンバーの終了日の登録 (人事)',
    request: { params: idPath, ...json(dxLeaderEndInputSchema) },
    responses: { 200: { description: '登録した' }, ...errorResponses },
  }),
  async (c) => c.json(await endDxMember(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

// DX推進リーダー

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/leaders',
    summary: 'DX推進リーダーの配置状況: 基準日の課ごとのリーダーと、未配置・異動で不在の課',
    request: { query: asOfQuery },
    responses: { 200: { description: '配置状況' }, ...errorResponses },
  }),
  async (c) => c.json(await readDxLeaderCoverage(serviceContext(c), { asOf: c.req.valid('query').asOf }), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/leaders',
    summary: 'DX推進リーダーの指名 (課ごとに同時に1人)',
    request: json(dxLeaderInputSchema),
    responses: { 201: { description: '指名した' }, 409: { description: 'その課に期間の重なるリーダーがいる' }, ...errorResponses },
  }),
  async (c) => c.json(await appointDxLeader(serviceContext(c), c.req.valid('json')), 201),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/leaders/{id}/end',
    summary: 'DX推進リーダーの終了日の登録 (交代・異動)',
    request: { params: idPath, ...json(dxLeaderEndInputSchema) },
    responses: { 200: { description: '登録した' }, ...errorResponses },
  }),
  async (c) => c.json(await endDxLeader(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

// DX推進アドバイザー

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/advisors',
    summary: 'DX推進アドバイザーの名簿 (契約中・契約予定・契約終了。連絡先は人事のみ)',
    responses: { 200: { description: '名簿' }, ...errorResponses },
  }),
  async (c) => c.json(await readDxAdvisors(serviceContext(c)), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/advisors',
    summary: 'DX推進アドバイザーの登録 (人事)',
    request: json(dxAdvisorInputSchema),
    responses: { 201: { description: '登録した' }, ...errorResponses },
  }),
  async (c) => c.json(await createDxAdvisor(serviceContext(c), c.req.valid('json')), 201),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/advisors/{id}',
    summary: 'DX推進アドバイザーの変更 (契約期間の更新など)',
    request: { params: idPath, ...json(dxAdvisorUpdateSchema) },
    responses: { 200: { description: '変更した' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateDxAdvisor(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);

// 交流プログラム

digitalTalentRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/exchanges',
    summary: '他自治体とのデジタル人材の交流プログラム (参加者つき)',
    responses: { 200: { description: '交流プログラム' }, ...errorResponses },
  }),
  async (c) => c.json(await readExchanges(serviceContext(c)), 200),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/exchanges',
    summary: '交流プログラムの記録 (人事)',
    request: json(exchangeInputSchema),
    responses: { 201: { description: '記録した' }, ...errorResponses },
  }),
  async (c) => c.json(await createExchange(serviceContext(c), c.req.valid('json')), 201),
);

digitalTalentRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/exchanges/{id}',
    summary: '交流プログラムの変更 (参加者は一覧ごと置き換え)',
    request: { params: idPath, ...json(exchangeUpdateSchema) },
    responses: { 200: { description: '変更した' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateExchange(serviceContext(c), { id: idParam(c), ...c.req.valid('json') }), 200),
);
