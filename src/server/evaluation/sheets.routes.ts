/**
 * /api/evaluation: evaluation settings, cycles, sheets and team goals (issue 3, ADR 0011). The guard decides by
 * role and by the relation to the sheet (evaluatee, evaluator, confirmer named on it, former rater); the service
 * decides which of the reader's relations acts and what they see.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../http/context.js';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { evaluationSettingsSchema } from '../../domain/evaluation/evaluation-settings.js';
import { evaluationPeriods } from '../../domain/evaluation/evaluation-calendar.js';
import { abilityStates, performanceStates, sheetActionSchema } from '../../domain/evaluation/sheet-workflow.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { readEvaluationSettings, resetEvaluationSettings, updateEvaluationSettings } from './evaluation-settings.service.js';
import { listCycles, openCycle, syncCycle } from './cycles.service.js';
import { actOnSheet, listCycleSheets, listMyQueue, listMySheets, readSheet, reassignSheet } from './sheets.service.js';
import { createTeamGoal, listUnitTeamGoals, removeTeamGoal, updateTeamGoal } from './team-goals.service.js';

const prefix = '/api/evaluation';
export const sheetRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;
const manageSettings = { kind: 'permission', permission: 'evaluation.settings.manage' } as const;
const manageCycles = { kind: 'permission', permission: 'evaluation.cycles.manage' } as const;
const sheetRef = (c: Context<AppEnv>) => ({ sheetId: idParam(c) });
const unitRef = (c: Context<AppEnv>) => ({ unitId: idParam(c, 'unitId') });
const readSheetAccess = { kind: 'permission', permission: 'evaluation.sheets.read', object: sheetRef } as const;
const actSheetAccess = { kind: 'permission', permission: 'evaluation.sheets.act', object: sheetRef } as const;
const manageTeamGoals = { kind: 'permission', permission: 'evaluation.team-goals.manage', object: unitRef } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

const idPath = z.object({ id: z.string() });
const positiveInt = (label: string) => z.coerce.number().int(`${label}は整数で指定してください`).positive(`${label}が正しくありません`);
const fiscalYear = z.int('年度は西暦4桁で指定してください').min(2000, '年度は2000〜9998の範囲で指定してください').max(9998, '年度は2000〜9998の範囲で指定してください');
const isoDate = z.string().refine(isValidIsoDate, '日付はYYYY-MM-DD形式で指定してください');
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');
const reason = z.string().trim().min(1, '理由を入力してください').max(500, '理由は500文字以内で入力してください');

// ---------------------------------------------------------------------------------------------------------
// Settings

sheetRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/settings',
    summary: '評価の設定 (評語の段階・総合評価の決め方・会計年度任用職員の扱い)',
    responses: { 200: { description: '評価の設定' }, ...errorResponses },
  }),
  async (c) => c.json(await readEvaluationSettings(serviceContext(c)), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageSettings, {
    method: 'put',
    path: '/settings',
    summary: '評価の設定の変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: json(z.strictObject({ updatedAt: updatedAtToken.nullable(), ...evaluationSettingsSchema.shape })),
    responses: { 200: { description: '変更後の設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateEvaluationSettings(serviceContext(c), c.req.valid('json')), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageSettings, {
    method: 'post',
    path: '/settings/reset',
    summary: '評価の設定を初期値に戻す',
    request: { body: { content: { 'application/json': { schema: z.strictObject({ updatedAt: updatedAtToken.nullable().optional() }) } }, required: false } },
    responses: { 200: { description: '初期値の設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await resetEvaluationSettings(serviceContext(c), c.req.valid('json') ?? {}), 200),
);

// ---------------------------------------------------------------------------------------------------------
// Cycles

sheetRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/cycles',
    summary: '評価期間の一覧 (新しい順)',
    responses: { 200: { description: '評価期間' }, ...errorResponses },
  }),
  async (c) => c.json(await listCycles(serviceContext(c)), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageCycles, {
    method: 'post',
    path: '/cycles',
    summary: '評価期間の開始: 対象者全員の評価シートを作成する (評価者・確認者は基準日の関係から)',
    request: json(
      z.strictObject({
        fiscalYear,
        period: z.enum(evaluationPeriods, '評価期間は前期・後期・能力評価から選んでください'),
        includeFiscalYearStaff: z.boolean().optional(),
        relationsAsOf: isoDate.optional(),
      }),
    ),
    responses: { 201: { description: '作成した評価シートの数と、評価者・確認者が決まらない人' }, 409: { description: 'すでに開始されている' }, ...errorResponses },
  }),
  async (c) => c.json(await openCycle(serviceContext(c), c.req.valid('json')), 201),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageCycles, {
    method: 'post',
    path: '/cycles/{id}/sync',
    summary: '評価期間の再同期: 新たな対象者のシートを作り、異動した人の評価者・確認者を移す (ADR 0011)',
    request: { params: idPath },
    responses: { 200: { description: '作成・変更の件数' }, ...errorResponses },
  }),
  async (c) => c.json(await syncCycle(serviceContext(c), { cycleId: idParam(c) }), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageCycles, {
    method: 'get',
    path: '/cycles/{id}/sheets',
    summary: '評価期間の評価シート一覧 (所属・状態・氏名で絞り込み)',
    request: {
      params: idPath,
      query: z.object({
        unitId: positiveInt('所属').optional(),
        includeSubunits: z.enum(['true', 'false']).optional(),
        state: z.enum([...new Set<string>([...performanceStates, ...abilityStates])] as [string, ...string[]], '状態が正しくありません').optional(),
        q: z.string().max(100, '検索語は100文字以内で入力してください').optional(),
        page: positiveInt('ページ').default(1),
        pageSize: positiveInt('件数').max(200, '1ページの件数は200件以内にしてください').default(50),
      }),
    },
    responses: { 200: { description: '評価シート' }, ...errorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(
      await listCycleSheets(serviceContext(c), {
        cycleId: idParam(c),
        unitId: q.unitId,
        includeSubunits: q.includeSubunits !== 'false',
        state: q.state,
        q: q.q,
        page: q.page,
        pageSize: q.pageSize,
      }),
      200,
    );
  },
);

// ---------------------------------------------------------------------------------------------------------
// Sheets

sheetRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/my-sheets',
    summary: '自分の評価シート (次の期限つき)',
    responses: { 200: { description: '評価シート' }, ...errorResponses },
  }),
  async (c) => c.json(await listMySheets(serviceContext(c)), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/queue',
    summary: '評価者・確認者として担当する評価シート (自分の番のものが先)',
    request: { query: z.object({ cycleId: positiveInt('評価期間').optional() }) },
    responses: { 200: { description: '評価シート' }, ...errorResponses },
  }),
  async (c) => c.json(await listMyQueue(serviceContext(c), { cycleId: c.req.valid('query').cycleId }), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, readSheetAccess, {
    method: 'get',
    path: '/sheets/{id}',
    summary: '評価シート (閲覧者の立場で見てよい項目だけ。本人以外の閲覧は監査ログに記録)',
    request: { params: idPath },
    responses: { 200: { description: '評価シート' }, ...errorResponses },
  }),
  async (c) => c.json(await readSheet(serviceContext(c), { sheetId: idParam(c) }), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, actSheetAccess, {
    method: 'post',
    path: '/sheets/{id}/actions',
    summary: '評価シートの操作 (保存・提出・面談記録・評価・確認・開示・苦情 …)。同じ requestKey の再送は何も変えない',
    request: {
      params: idPath,
      ...json(
        z.strictObject({
          version: z.int('版は整数で指定してください').positive('版が正しくありません'),
          requestKey: z.string().min(8, '要求キーが短すぎます').max(100, '要求キーが長すぎます'),
          action: sheetActionSchema,
        }),
      ),
    },
    responses: { 200: { description: '操作後の評価シート' }, 409: { description: '他の人が先に更新した・この状態ではできない' }, 422: { description: '前提を満たさない' }, ...errorResponses },
  }),
  async (c) => c.json(await actOnSheet(serviceContext(c), { sheetId: idParam(c), ...c.req.valid('json') }), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageCycles, {
    method: 'put',
    path: '/sheets/{id}/assignees',
    summary: '評価者・確認者の変更 (理由を記録。前任者は面談・フィードバックまで閲覧のみ)',
    request: {
      params: idPath,
      ...json(
        z.strictObject({
          version: z.int().positive(),
          evaluatorStaffId: z.int().positive().nullable(),
          confirmerStaffId: z.int().positive().nullable(),
          reason,
        }),
      ),
    },
    responses: { 200: { description: '変更後の評価シート' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await reassignSheet(serviceContext(c), { sheetId: idParam(c), ...c.req.valid('json') }), 200),
);

// ---------------------------------------------------------------------------------------------------------
// Team goals

const teamGoalBody = {
  title: z.string().trim().min(1, 'チーム目標を入力してください').max(200, 'チーム目標は200文字以内で入力してください'),
  description: z.string().trim().max(2000, '説明は2000文字以内で入力してください').default(''),
  sortOrder: z.int().min(0).max(999).default(0),
};

sheetRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/team-goals',
    summary: '所属のチーム目標 (業績評価の期間ごと)',
    request: { query: z.object({ cycleId: positiveInt('評価期間'), unitId: positiveInt('所属') }) },
    responses: { 200: { description: 'チーム目標' }, ...errorResponses },
  }),
  async (c) => c.json(await listUnitTeamGoals(serviceContext(c), c.req.valid('query')), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageTeamGoals, {
    method: 'post',
    path: '/units/{unitId}/team-goals',
    summary: 'チーム目標の追加 (所属長・人事担当)',
    request: { params: z.object({ unitId: z.string() }), ...json(z.strictObject({ cycleId: z.int().positive(), ...teamGoalBody })) },
    responses: { 201: { description: '追加したチーム目標' }, ...errorResponses },
  }),
  async (c) => c.json(await createTeamGoal(serviceContext(c), { unitId: idParam(c, 'unitId'), ...c.req.valid('json') }), 201),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageTeamGoals, {
    method: 'put',
    path: '/units/{unitId}/team-goals/{id}',
    summary: 'チーム目標の変更',
    request: { params: z.object({ unitId: z.string(), id: z.string() }), ...json(z.strictObject({ version: z.int().positive(), ...teamGoalBody })) },
    responses: { 200: { description: '変更後のチーム目標' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateTeamGoal(serviceContext(c), { unitId: idParam(c, 'unitId'), goalId: idParam(c), ...c.req.valid('json') }), 200),
);

sheetRoutes.openapi(
  defineRoute(prefix, manageTeamGoals, {
    method: 'delete',
    path: '/units/{unitId}/team-goals/{id}',
    summary: 'チーム目標の削除 (個人目標が結び付いていないときだけ)',
    request: { params: z.object({ unitId: z.string(), id: z.string() }), query: z.object({ version: positiveInt('版').optional() }) },
    responses: { 204: { description: '削除した' }, 409: { description: '個人目標が結び付いている・他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => {
    await removeTeamGoal(serviceContext(c), { unitId: idParam(c, 'unitId'), goalId: idParam(c), version: c.req.valid('query').version });
    return c.body(null, 204);
  },
);
