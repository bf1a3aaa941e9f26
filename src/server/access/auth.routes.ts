/** /api/auth: sign in, sign out, who am I, preferences, own password. */
import { z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { clearSessionCookie, setSessionCookie } from '../http/session.js';
import { AppError } from '../http/app-error.js';
import { changePasswordInputSchema, preferencesInputSchema, signInInputSchema } from '../../domain/access/access.schemas.js';
import { signIn, signOut } from './auth.service.js';
import { changeOwnPassword, describeMe, setDateStyle } from './accounts.service.js';
import { serviceContext } from '../http/service-context.js';

const prefix = '/api/auth';
export const authRoutes = createAreaApp();

const meSchema = z.object({
  account: z.object({
    id: z.number(),
    loginId: z.string(),
    displayName: z.string(),
    staffId: z.number().nullable(),
    roles: z.array(z.string()),
    dateStyle: z.enum(['wareki', 'seireki']),
    headsUnits: z.boolean(),
    headedUnitIds: z.array(z.number()),
    ratesSittings: z.boolean(),
  }),
  csrfToken: z.string(),
});

function clientIp(c: Parameters<typeof getConnInfo>[0]): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

authRoutes.openapi(
  defineRoute(prefix, { kind: 'public' }, {
    method: 'post',
    path: '/login',
    summary: 'ログイン (職員番号とパスワード)',
    request: { body: { content: { 'application/json': { schema: signInInputSchema } }, required: true } },
    responses: { 200: { description: 'ログイン成功', content: { 'application/json': { schema: z.object({ csrfToken: z.string() }) } } }, ...errorResponses, 429: { description: '試行回数超過' } },
  }),
  async (c) => {
    const input = c.req.valid('json');
    const { token, csrfToken } = await signIn(c.get('deps'), input, { requestId: c.get('requestId'), now: c.get('now'), ip: clientIp(c) });
    // Signing in over an existing session (another user at the same desk) ends that session first.
    const previous = c.get('actor');
    if (previous) await signOut(c.get('deps'), previous, { requestId: c.get('requestId'), now: c.get('now') });
    setSessionCookie(c, token);
    return c.json({ csrfToken }, 200);
  },
);

authRoutes.openapi(
  defineRoute(prefix, { kind: 'signed-in' }, {
    method: 'post',
    path: '/logout',
    summary: 'ログアウト',
    responses: { 204: { description: 'ログアウトした' }, ...errorResponses },
  }),
  async (c) => {
    const actor = c.get('actor');
    if (!actor) throw new AppError('auth.unauthenticated', 'ログインしてください。');
    await signOut(c.get('deps'), actor, { requestId: c.get('requestId'), now: c.get('now') });
    clearSessionCookie(c);
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  defineRoute(prefix, { kind: 'signed-in' }, {
    method: 'get',
    path: '/me',
    summary: 'ログイン中のアカウント',
    responses: { 200: { description: 'アカウント', content: { 'application/json': { schema: meSchema } } }, ...errorResponses },
  }),
  async (c) => c.json(await describeMe(serviceContext(c)), 200),
);

authRoutes.openapi(
  defineRoute(prefix, { kind: 'signed-in' }, {
    method: 'patch',
    path: '/me/preferences',
    summary: '表示設定 (和暦・西暦)',
    request: { body: { content: { 'application/json': { schema: preferencesInputSchema } }, required: true } },
    responses: { 204: { description: '保存した' }, ...errorResponses },
  }),
  async (c) => {
    await setDateStyle(serviceContext(c), c.req.valid('json').dateStyle);
    return c.body(null, 204);
  },
);

authRoutes.openapi(
  defineRoute(prefix, { kind: 'signed-in' }, {
    method: 'post',
    path: '/me/password',
    summary: '自分のパスワード変更',
    request: { body: { content: { 'application/json': { schema: changePasswordInputSchema } }, required: true } },
    responses: { 204: { description: '変更した' }, ...errorResponses },
  }),
  async (c) => {
    await changeOwnPassword(serviceContext(c), c.req.valid('json'));
    return c.body(null, 204);
  },
);
