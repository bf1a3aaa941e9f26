/**
 * /api/evaluation/cycles/:id/{progress,overdue,reminders}: HR's progress view of a cycle (issue 3 item 9) — sheets
 * by unit and state, the deadlines with overdue counts, the overdue lists, and reminders to the people who must act.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { milestoneSteps } from '../../domain/evaluation/evaluation-calendar.js';
import { getCycleProgress, listOverdue, sendReminders } from './progress.service.js';

const prefix = '/api/evaluation';
export const progressRoutes = createAreaApp();
const progress = { kind: 'permission', permission: 'evaluation.progress.read' } as const;
const idPath = z.object({ id: z.string() });

const stepSchema = z.enum(milestoneSteps, { error: '期限の種類が正しくありません' });

const overdueQuery = z.object({
  step: stepSchema.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/** Strict: the step and, optionally, the sheets chosen from an overdue list. */
export const reminderInputSchema = z.strictObject({
  step: stepSchema,
  unitId: z.int().positive().optional(),
  sheetIds: z.array(z.int().positive()).min(1, '対象の評価シートを選んでください').max(5000, '一度に督促できるのは5,000件までです').optional(),
});

progressRoutes.openapi(
  defineRoute(prefix, progress, {
    method: 'get',
    path: '/cycles/{id}/progress',
    summary: '評価期間の進捗 (所属×状態の件数、期限ごとの完了・期限超過の件数)',
    request: { params: idPath },
    responses: { 200: { description: '進捗' }, ...errorResponses },
  }),
  async (c) => c.json(await getCycleProgress(serviceContext(c), { cycleId: idParam(c) }), 200),
);

progressRoutes.openapi(
  defineRoute(prefix, progress, {
    method: 'get',
    path: '/cycles/{id}/overdue',
    summary: '期限を過ぎた評価シートの一覧 (期限・所属で絞り込み。対応すべき人つき)',
    request: { params: idPath, query: overdueQuery },
    responses: { 200: { description: '期限超過の一覧' }, ...errorResponses },
  }),
  async (c) => c.json(await listOverdue(serviceContext(c), { cycleId: idParam(c), ...c.req.valid('query') }), 200),
);

progressRoutes.openapi(
  defineRoute(prefix, progress, {
    method: 'post',
    path: '/cycles/{id}/reminders',
    summary: '督促を送る (対応すべき人ごとに1件のお知らせ。SMTP 設定時はメールも)',
    request: { params: idPath, body: { content: { 'application/json': { schema: reminderInputSchema } }, required: true } },
    responses: { 200: { description: '送った件数' }, ...errorResponses },
  }),
  async (c) => c.json(await sendReminders(serviceContext(c), { cycleId: idParam(c), ...c.req.valid('json') }), 200),
);
