/**
 * /api/notifications: the signed-in person's own notifications (reminders and the like). Everyone signed in has
 * them; the recipient is always the actor's staff record, never a parameter.
 */
import { z } from '@hono/zod-openapi';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute, idParam } from '../http/route-guard.js';
import { serviceContext } from '../http/service-context.js';
import { listMyNotifications, markAllRead, markRead } from './notifications.service.js';

const prefix = '/api/notifications';
export const notificationsRoutes = createAreaApp();
const signedIn = { kind: 'signed-in' } as const;

const listQuery = z.object({
  unreadOnly: z.enum(['true', 'false']).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

notificationsRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'get',
    path: '/',
    summary: '自分へのお知らせ (新しい順。unreadOnly=true で未読のみ)',
    request: { query: listQuery },
    responses: { 200: { description: 'お知らせと未読件数' }, ...errorResponses },
  }),
  async (c) => {
    const q = c.req.valid('query');
    return c.json(await listMyNotifications(serviceContext(c), { unreadOnly: q.unreadOnly === 'true', page: q.page, pageSize: q.pageSize }), 200);
  },
);

notificationsRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/read-all',
    summary: '自分へのお知らせをすべて既読にする',
    responses: { 204: { description: '既読にした' }, ...errorResponses },
  }),
  async (c) => {
    await markAllRead(serviceContext(c));
    return c.body(null, 204);
  },
);

notificationsRoutes.openapi(
  defineRoute(prefix, signedIn, {
    method: 'post',
    path: '/{id}/read',
    summary: 'お知らせを既読にする (自分宛てのもののみ。他人宛ては 404)',
    request: { params: z.object({ id: z.string() }) },
    responses: { 204: { description: '既読にした' }, ...errorResponses },
  }),
  async (c) => {
    await markRead(serviceContext(c), { id: idParam(c) });
    return c.body(null, 204);
  },
);
