/**
 * /api/evaluation: the evaluation calendar (人事評価実施スケジュール, policy III-2-(2)). Everyone signed in reads it
 * — staff need to see their deadlines; hr_admin changes it or resets it to the policy's schedule.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { calendarSettingsSchema } from '../../domain/evaluation/evaluation-calendar.js';
import { readCalendar, resetCalendar, updateCalendar } from './calendar.service.js';

const prefix = '/api/evaluation';
export const calendarRoutes = createAreaApp();
const read = { kind: 'signed-in' } as const;
const manage = { kind: 'permission', permission: 'evaluation.calendar.manage' } as const;
const json = <T extends z.ZodType>(schema: T, required = true) => ({ body: { content: { 'application/json': { schema } }, required } });

/** A 年度 as four digits (2000–9998). */
const fiscalYearText = z
  .string()
  .regex(/^\d{4}$/, '年度は西暦4桁で指定してください')
  .refine((v) => Number(v) >= 2000 && Number(v) <= 9998, '年度は2000〜9998の範囲で指定してください');
const fiscalYearQuery = z.object({ fiscalYear: fiscalYearText.optional() });

/** The concurrency token of GET /api/evaluation/calendar (an ISO instant with microseconds). */
const updatedAtToken = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/, '更新日時の形式が正しくありません');

/** Strict: the whole settings document plus the token of the version edited (null: the defaults); the order of the deadlines is checked by the service. */
export const updateCalendarInputSchema = z.strictObject({ updatedAt: updatedAtToken.nullable(), ...calendarSettingsSchema.shape });
export const resetCalendarInputSchema = z.strictObject({ updatedAt: updatedAtToken.nullable().optional() });

const yearOf = (q: { fiscalYear?: string | undefined }) => (q.fiscalYear === undefined ? undefined : Number(q.fiscalYear));

calendarRoutes.openapi(
  defineRoute(prefix, read, {
    method: 'get',
    path: '/calendar',
    summary: '評価スケジュール (設定・方針の初期値・指定年度(既定は今年度)の期限)',
    request: { query: fiscalYearQuery },
    responses: { 200: { description: '評価スケジュール' }, ...errorResponses },
  }),
  async (c) => c.json(await readCalendar(serviceContext(c), { fiscalYear: yearOf(c.req.valid('query')) }), 200),
);

calendarRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'put',
    path: '/calendar',
    summary: '評価スケジュールの変更 (読み込んだときの updatedAt を添える。初期値のままなら null)',
    request: { query: fiscalYearQuery, ...json(updateCalendarInputSchema) },
    responses: { 200: { description: '変更後の評価スケジュール' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await updateCalendar(serviceContext(c), { ...c.req.valid('json'), fiscalYear: yearOf(c.req.valid('query')) }), 200),
);

calendarRoutes.openapi(
  defineRoute(prefix, manage, {
    method: 'post',
    path: '/calendar/reset',
    summary: '評価スケジュールを方針の初期値に戻す',
    request: json(resetCalendarInputSchema, false),
    responses: { 200: { description: '初期値に戻した評価スケジュール' }, 409: { description: '他の人が先に更新した' }, ...errorResponses },
  }),
  async (c) => c.json(await resetCalendar(serviceContext(c), c.req.valid('json') ?? {}), 200),
);
