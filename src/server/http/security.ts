/** Security headers and CSRF defence for every response and every unsafe request (security.md). */
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from './context.js';
import { AppError } from './app-error.js';
import { isSameToken } from '../access/auth.service.js';

export const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
});

/** API answers hold personal data: never cached by browsers or proxies. */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
};

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Unsafe methods must come from our own origin (Sec-Fetch-Site / Origin) and, once signed in, carry the
 * session's synchronizer token in X-CSRF-Token — whatever the body's content type, so JSON sent as
 * text/plain from a foreign form is refused too.
 */
export const csrfGuard: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!unsafeMethods.has(c.req.method)) return next();
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') throw new AppError('auth.csrf', '不正なリクエストです(別サイトからの送信)。');
  const origin = c.req.header('origin');
  if (origin) {
    const host = c.req.header('host');
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) throw new AppError('auth.csrf', '不正なリクエストです(送信元が一致しません)。');
  }
  const actor = c.get('actor');
  // Signing in again from /login while a session exists (switching user) carries no token: the origin checks above
  // are the defence against login CSRF, and the old session is ended by the sign-in (auth.routes.ts).
  const isSignIn = c.req.method === 'POST' && c.req.path === '/api/auth/login';
  if (actor && !isSignIn) {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!isSameToken(sent, actor.csrfToken)) throw new AppError('auth.csrf', 'セッションの確認に失敗しました。画面を再読み込みしてください。');
  }
  return next();
};
