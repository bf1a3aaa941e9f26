/**
 * /api/placement/plans: transfer plans (異動案, issue 5) for HR — scenarios, moves, pin/forbid/stay constraints,
 * the live evaluation, comparison, exports; approving, applying and undoing an apply need placement.plans.approve
 * (hr_admin).
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import {
  addConstraintInputSchema,
  addMoveInputSchema,
  copyPlanInputSchema,
  createPlanInputSchema,
  planVersionInputSchema,
  updateMoveInputSchema,
  updatePlanInputSchema,
} from '../../domain/placement/plans-api.js';
import {
  addPlanConstraint,
  addPlanMove,
  applyTransferPlan,
  approveTransferPlan,
  archiveTransferPlan,
  checkTransferPlanExport,
  compareTransferPlans,
  copyTransferPlan,
  createTransferPlan,
  evaluateTransferPlan,
  exportTransferPlan,
  listTransferPlans,
  readPlanChoices,
  readTransferPlan,
  removePlanConstraint,
  removePlanMove,
  reopenTransferPlan,
  undoTransferPlanApply,
  updatePlanMove,
  updateTransferPlan,
} from './plans.service.js';

const prefix = '/api/placement';
export const plansRoutes = createAreaApp();
const manage = { kind: 'permission', permission: 'placement.plans.manage' } as const;
const approve = { kind: 'permission', permission: 'placement.plans.approve' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const idPath = z.object({ id: z.string() });
const versionQuery = z.object({ version: z.coerce.number().int('版は整数で指定してください').positive('版が正しくありません') });
const planIdQuery = (label: string) => z.coerce.number(`${label}を指定してください`).int(`${label}を指定してください`).positive(`${label}を指定してください`);
const encodingQuery = z.enum(['utf-8-bom', 'cp932']).default('utf-8-bom');
const booleanQuery = (fallback: 'true' | 'false') =>
  z.enum(['true', 'false', '1', '0']).default(fallback).transform((value) => value === 'true' || value === '1');
const conflict = { 409: { description: '他の人が先に更新した、または案の状態・内容と矛盾する' } };

/** RFC 6266: an ASCII fallback plus the UTF-8 name. */
function contentDisposition(asciiFileName: string, fileName: string): string {
  return `attachment; filename="${asciiFileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans',
    summary: '異動案の一覧 (includeArchived=true でアーカイブも) と既定の発令日 (次の4月1日)',
    request: { query: z.object({ includeArchived: booleanQuery('false') }) },
    responses: { 200: { description: '異動案の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listTransferPlans(serviceContext(c), c.req.valid('query')), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans',
    summary: '異動案の作成 (発令日を省くと次の4月1日)',
    request: json(createPlanInputSchema),
    responses: { 201: { description: '作成した異動案' }, ...errorResponses },
  }),
  async (c) => c.json(await createTransferPlan(serviceContext(c), c.req.valid('json')), 201),
);

// Before /plans/{id}: "compare" is not an id.
plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/compare',
    summary: '2つの異動案の比較: 両方の評価と、異動が異なる職員',
    request: { query: z.object({ a: planIdQuery('比較する案A'), b: planIdQuery('比較する案B') }) },
    responses: { 200: { description: '比較' }, ...errorResponses },
  }),
  async (c) => c.json(await compareTransferPlans(serviceContext(c), c.req.valid('query')), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/{id}',
    summary: '異動案: 異動 (現所属・異動先・職位つき) と固定・禁止・留任の指定',
    request: { params: idPath },
    responses: { 200: { description: '異動案' }, ...errorResponses },
  }),
  async (c) => c.json(await readTransferPlan(serviceContext(c), { planId: idParam(c) }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/plans/{id}',
    summary: '異動案の名前・備考の変更 (読み込んだときの version を添える)',
    request: { params: idPath, ...json(updatePlanInputSchema) },
    responses: { 200: { description: '変更後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updateTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans/{id}/copy',
    summary: '異動案の複製 (別の案として、異動と指定ごと。作成中になる)',
    request: { params: idPath, ...json(copyPlanInputSchema) },
    responses: { 201: { description: '複製した異動案' }, ...errorResponses },
  }),
  async (c) => c.json(await copyTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 201),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans/{id}/archive',
    summary: '異動案のアーカイブ (発令済みの案は不可)',
    request: { params: idPath, ...json(planVersionInputSchema) },
    responses: { 200: { description: 'アーカイブした異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await archiveTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/{id}/choices',
    summary: '異動先に選べる所属 (発令日に存在する末端の所属) と職位',
    request: { params: idPath },
    responses: { 200: { description: '選択肢' }, ...errorResponses },
  }),
  async (c) => c.json(await readPlanChoices(serviceContext(c), { planId: idParam(c) }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans/{id}/moves',
    summary: '異動の追加 (1つの案に1人1件。作成中の案だけ)',
    request: { params: idPath, ...json(addMoveInputSchema) },
    responses: { 201: { description: '追加後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await addPlanMove(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 201),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/plans/{id}/moves/{moveId}',
    summary: '異動の変更 (異動先・職位・理由・特別な理由)',
    request: { params: z.object({ id: z.string(), moveId: z.string() }), ...json(updateMoveInputSchema) },
    responses: { 200: { description: '変更後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await updatePlanMove(serviceContext(c), { planId: idParam(c), moveId: idParam(c, 'moveId'), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/plans/{id}/moves/{moveId}',
    summary: '異動の削除 (?version= 案の版)',
    request: { params: z.object({ id: z.string(), moveId: z.string() }), query: versionQuery },
    responses: { 200: { description: '削除後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await removePlanMove(serviceContext(c), { planId: idParam(c), moveId: idParam(c, 'moveId'), version: c.req.valid('query').version }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/plans/{id}/constraints',
    summary: '固定・禁止・留任の指定 (最適化で守られる)',
    request: { params: idPath, ...json(addConstraintInputSchema) },
    responses: { 201: { description: '指定後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await addPlanConstraint(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 201),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'delete',
    path: '/plans/{id}/constraints/{constraintId}',
    summary: '固定・禁止・留任の指定の取消し (?version= 案の版)',
    request: { params: z.object({ id: z.string(), constraintId: z.string() }), query: versionQuery },
    responses: { 200: { description: '取消し後の異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) =>
    c.json(await removePlanConstraint(serviceContext(c), { planId: idParam(c), constraintId: idParam(c, 'constraintId'), version: c.req.valid('query').version }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/{id}/evaluation',
    summary: '異動案の評価: 発令日時点のルール (R1〜R5)、所属ごとの職位別人数と定数、希望の充足、継続性の警告',
    request: { params: idPath },
    responses: { 200: { description: '評価' }, ...errorResponses },
  }),
  async (c) => c.json(await evaluateTransferPlan(serviceContext(c), { planId: idParam(c) }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, approve, {
    method: 'post',
    path: '/plans/{id}/approve',
    summary: '異動案の承認 (ルール違反があれば拒否し、違反を一覧で返す)',
    request: { params: idPath, ...json(planVersionInputSchema) },
    responses: { 200: { description: '承認した異動案' }, ...conflict, 422: { description: 'ルール違反あり' }, ...errorResponses },
  }),
  async (c) => c.json(await approveTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, approve, {
    method: 'post',
    path: '/plans/{id}/reopen',
    summary: '承認の取消し (承認済みの案を作成中に戻す)',
    request: { params: idPath, ...json(planVersionInputSchema) },
    responses: { 200: { description: '作成中に戻した異動案' }, ...conflict, ...errorResponses },
  }),
  async (c) => c.json(await reopenTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, approve, {
    method: 'post',
    path: '/plans/{id}/apply',
    summary: '異動案の発令 (適用): 1つのトランザクションで配属を切り替え、評価者・確認者を発令日で導き直す',
    request: { params: idPath, ...json(planVersionInputSchema) },
    responses: { 200: { description: '適用の結果' }, ...conflict, 422: { description: 'ルール違反あり' }, ...errorResponses },
  }),
  async (c) => c.json(await applyTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, approve, {
    method: 'post',
    path: '/plans/{id}/undo-apply',
    summary:
      '適用の取り消し: 発令日の前日まで、適用後に対象職員の配属・評価者・確認者が変わっていなければ、1つのトランザクションで適用前に戻し、案を承認済みに戻す',
    request: { params: idPath, ...json(planVersionInputSchema) },
    responses: {
      200: { description: '取り消しの結果 (戻した配属・関係の件数)' },
      409: { description: '他の人が先に更新した (common.conflict)、または取り消せない (placement.plan-undo-refused、details.reason に理由)' },
      ...errorResponses,
    },
  }),
  async (c) => c.json(await undoTransferPlanApply(serviceContext(c), { planId: idParam(c), ...c.req.valid('json') }), 200),
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/{id}/export',
    summary: '異動案の出力 (format=xlsx|csv; CSV は UTF-8 BOM または CP932、表せない文字は replaceUnencodable=true で〓)',
    request: {
      params: idPath,
      query: z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx'), encoding: encodingQuery, replaceUnencodable: booleanQuery('false') }),
    },
    responses: { 200: { description: 'Excel または CSV' }, 422: { description: 'CP932 で表せない文字がある' }, ...errorResponses },
  }),
  async (c) => {
    const file = await exportTransferPlan(serviceContext(c), { planId: idParam(c), ...c.req.valid('query') });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': contentDisposition(file.asciiFileName, file.fileName),
      'X-Unencodable-Count': String(file.unencodableCount),
    });
  },
);

plansRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'get',
    path: '/plans/{id}/export/check',
    summary: '異動案の CSV を指定の文字コードで出力できるかの確認',
    request: { params: idPath, query: z.object({ encoding: encodingQuery }) },
    responses: { 200: { description: '{ count, unencodable }' }, ...errorResponses },
  }),
  async (c) => c.json(await checkTransferPlanExport(serviceContext(c), { planId: idParam(c), encoding: c.req.valid('query').encoding }), 200),
);
