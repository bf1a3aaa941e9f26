/** /api/settings: the municipality's organisation settings and positions — read by HR and the system administrator, changed by hr_admin and system_admin. */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { findControlCharacter, findPrivateUseCharacter } from '../../domain/common/japanese-text.js';
import { orgSettingsSchema, positionSettingSchema } from '../../domain/org/org-settings.js';
import { createPosition, listPositionSettings, readOrgSettings, resetOrgSettings, updateOrgSettings, updatePosition } from './settings.service.js';

const prefix = '/api/settings';
export const settingsRoutes = createAreaApp();
const read = { kind: 'permission', permission: 'org.settings.read' } as const;
const manage = { kind: 'permission', permission: 'org.settings.manage' } as const;
const json = <T extends z.ZodType>(schema: T, required = true) => ({ body: { content: { 'application/json': { schema } }, required } });

/** The concurrency token of GET /api/settings/org (an ISO instant with microseconds). */
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

// Positions are edited on their own (they are rows that assignments reference), so the document has none.
const { positions: _positions, ...storedShape } = orgSettingsSchema.shape;

/** Strict: the whole stored document, plus the token of the version it was edited from (null: the defaults). */
export const updateOrgSettingsInputSchema = z.strictObject({ updatedAt: updatedAtToken.nullable(), ...storedShape });
export const resetOrgSettingsInputSchema = z.strictObject({ updatedAt: updatedAtToken.nullable().optional() });

const positionName = positionSettingSchema.shape.name
  .refine((v) => findControlCharacter(v) === undefined, '制御文字は使えません')
  .refine((v) => findPrivateUseCharacter(v) === undefined, '外字(私用領域の文字)は使えません');
const positionFields = {
  code: positionSettingSchema.shape.code.max(30, '職位コードは30文字以内で入力してください'),
  name: positionName,
  level: positionSettingSchema.shape.level,
  /** the place in the order, 1 = most senior; the positions from there down move one place down */
  rank: positionSettingSchema.shape.rank,
  isManagerial: positionSettingSchema.shape.isManagerial,
};
export const createPositionInputSchema = z.strictObject(positionFields);
/** Code and level are accepted only while no assignment uses the position (checked by the service). */
export const updatePositionInputSchema = z.strictObject({
  code: positionFields.code.optional(),
  name: positionFields.name.optional(),
  level: positionFields.level.optional(),
  rank: positionFields.rank.optional(),
  isManagerial: positionFields.isManagerial.optional(),
});

settingsRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/org',
    summary: '組織の設定 (現在の値・方針の初期値・初期値のままか・更新日時)',
    responses: { 200: { description: '組織の設定' }, ...errorResponses },
  }),
  async (c) => c.json(await readOrgSettings(serviceContext(c)), 200),
);

settingsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/org',
    summary: '組織の設定の変更 (職位以外。読み込んだときの updatedAt を添える)',
    request: json(updateOrgSettingsInputSchema),
    responses: { 200: { description: '変更後の設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateOrgSettings(serviceContext(c), c.req.valid('json')), 200)
);

settingsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/org/reset',
    summary: '組織の設定を方針の初期値に戻す (職位はそのまま)',
    request: json(resetOrgSettingsInputSchema, false),
    responses: { 200: { description: '初期値に戻した設定' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await resetOrgSettings(serviceContext(c), c.req.valid('json')), 200)
);

settingsRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/positions',
    summary: '職位の一覧 (上位から、配属で使われているか)',
    responses: { 200: { description: '職位' }, ...errorResponses },
  }),
  async (c) => c.json(await listPositionSettings(serviceContext(c)), 200),
);

settingsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/positions',
    summary: '職位の追加 (指定した順位に入り、以下の職位は一つずつ下がる)',
    request: json(createPositionInputSchema),
    responses: { 201: { description: '追加した職位と職位の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await createPosition(serviceContext(c), c.req.valid('json')), 201)
);

settingsRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'patch',
    path: '/positions/{id}',
    summary: '職位の変更 (名称・順位・管理職。コードと区分は配属で使われていない間だけ)',
    request: { params: z.object({ id: z.string() }), ...json(updatePositionInputSchema) },
    responses: { 200: { description: '変更した職位と職位の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await updatePosition(serviceContext(c), { positionId: idParam(c), ...c.req.valid('json') }), 200)
);
