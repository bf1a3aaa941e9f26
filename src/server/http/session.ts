/** Session cookie handling: read on every request, set at sign-in (rotated), cleared at sign-out. */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './context.js';
import { resolveSession } from '../access/auth.service.js';

export const sessionCookieName = 'jinzai_session';

function isSecureRequest(c: Context<AppEnv>): boolean {
  const { config } = c.get('deps');
  if (config.COOKIE_SECURE === 'always') return true;
  if (config.COOKIE_SECURE === 'never') return false;
  if (config.TRUST_PROXY && c.req.header('x-forwarded-proto') === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export function setSessionCookie(c: Context<AppEnv>, token: string) {
  const { config } = c.get('deps');
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    secure: isSecureRequest(c),
    sameSite: 'Strict',
    path: '/',
    maxAge: config.SESSION_ABSOLUTE_HOURS * 3600,
  });
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, sessionCookieName, { path: '/' });
}

export const loadSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, sessionCookieName);
  c.set('actor', token ? await resolveSession(c.get('deps'), token, c.get('now')) : null);
  return next();
};
