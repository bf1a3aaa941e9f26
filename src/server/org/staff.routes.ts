/** /api/staff: the staff directory, the staff profile and the versioned edit of a staff record. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { findControlCharacter, findPrivateUseCharacter, isKana, normalizeKana } from '../../domain/common/japanese-text.js';
import { careerPhases, employmentTypes } from '../../domain/org/org-model.js';
import { getStaffProfile, searchStaffDirectory, updateStaff } from './staff.service.js';
import { removeLeave, saveLeave } from './leaves.service.js';
import { leaveInputSchema } from '../../domain/org/leaves.js';

const prefix = '/api/staff';
export const staffRoutes = createAreaApp();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');
const idPath = z.object({ id: z.string() });
const staffObject = (c: Parameters<typeof idParam>[0]) => ({ staffId: idParam(c) });

const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((v) => findControlCharacter(v) === undefined, '制御文字は使えません')
    .refine((v) => findPrivateUseCharacter(v) === undefined, '外字(私用領域の文字)は使えません');
const nameText = plainText(50).refine((v) => v !== '', '入力してください');
const kanaText = z
  .string()
  .max(50)
  .refine((v) => isKana(normalizeKana(v)), 'カタカナまたはひらがなで入力してください');

/** Strict: unknown fields (status, ids, protected fields) are refused (security.md 4). */
export const updateStaffInputSchema = z.strictObject({
  version: z.number().int().positive(),
  familyName: nameText.optional(),
  givenName: nameText.optional(),
  familyNameKana: kanaText.optional(),
  givenNameKana: kanaText.optional(),
  jobCategory: plainText(50).nullable().optional(),
  separatedOn: isoDate.nullable().optional(),
});

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.list' }, {
    method: 'get',
    path: '/',
    summary: '職員検索 (氏名・カナ・職員番号、所属・職位・雇用形態・キャリア段階で絞り込み)',
    request: {
      query: z.object({
        q: z.string().max(100).optional(),
        unitId: z.coerce.number().int().positive().optional(),
        includeSubunits: queryBoolean.default(true),
        positionId: z.coerce.number().int().positive().optional(),
        employmentType: z.enum(employmentTypes).optional(),
        careerPhase: z.enum(careerPhases).optional(),
        asOf: isoDate.optional(),
        page: z.coerce.number().int().min(1).max(100_000).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(50),
      }),
    },
    responses: { 200: { description: '職員の一覧 (カナ順)' }, ...errorResponses },
  }),
  async (c) => c.json(await searchStaffDirectory(serviceContext(c), c.req.valid('query')), 200),
);

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.read', object: staffObject }, {
    method: 'get',
    path: '/{id}',
    summary: '職員の経歴・配属・資格 (保護項目は権限がある場合のみ、閲覧は監査記録)',
    request: { params: idPath },
    responses: { 200: { description: '職員プロフィール' }, ...errorResponses },
  }),
  async (c) => c.json(await getStaffProfile(serviceContext(c), { staffId: idParam(c) }), 200),
);

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.update', object: staffObject }, {
    method: 'patch',
    path: '/{id}',
    summary: '職員情報の更新 (version が古い場合は 409)',
    request: { params: idPath, body: { content: { 'application/json': { schema: updateStaffInputSchema } }, required: true } },
    responses: { 200: { description: '更新後の職員プロフィール' }, ...errorResponses, 409: { description: '他の更新と競合' } },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const changes = {
      ...body,
      ...(body.familyNameKana === undefined ? {} : { familyNameKana: normalizeKana(body.familyNameKana) }),
      ...(body.givenNameKana === undefined ? {} : { givenNameKana: normalizeKana(body.givenNameKana) }),
      ...(body.jobCategory === '' ? { jobCategory: null } : {}),
    };
    return c.json(await updateStaff(serviceContext(c), { staffId: idParam(c), changes }), 200);
  },
);

const leavePath = z.object({ id: z.string(), leaveId: z.string() });
const leaveIdOf = (c: Parameters<typeof idParam>[0]) => idParam(c, 'leaveId');

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.update', object: staffObject }, {
    method: 'post',
    path: '/{id}/leaves',
    summary: '休業・休職の期間を登録 (期間の重なりは不可)',
    request: { params: idPath, body: { content: { 'application/json': { schema: leaveInputSchema } }, required: true } },
    responses: { 201: { description: '登録した期間' }, ...errorResponses },
  }),
  async (c) => c.json(await saveLeave(serviceContext(c), { staffId: idParam(c), leaveId: null, leave: c.req.valid('json') }), 201),
);

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.update', object: staffObject }, {
    method: 'put',
    path: '/{id}/leaves/{leaveId}',
    summary: '休業・休職の期間を訂正 (終了日の登録など)',
    request: { params: leavePath, body: { content: { 'application/json': { schema: leaveInputSchema } }, required: true } },
    responses: { 200: { description: '訂正後の期間' }, ...errorResponses },
  }),
  async (c) => c.json(await saveLeave(serviceContext(c), { staffId: idParam(c), leaveId: leaveIdOf(c), leave: c.req.valid('json') }), 200),
);

staffRoutes.openapi(
  defineRoute(prefix, { kind: 'permission', permission: 'org.staff.update', object: staffObject }, {
    method: 'delete',
    path: '/{id}/leaves/{leaveId}',
    summary: '誤って登録した休業・休職の期間を削除',
    request: { params: leavePath },
    responses: { 204: { description: '削除しました' }, ...errorResponses },
  }),
  async (c) => {
    await removeLeave(serviceContext(c), { staffId: idParam(c), leaveId: leaveIdOf(c) });
    return c.body(null, 204);
  },
);
