/**
 * Every API route is declared through `defineRoute`, which attaches its access rule (public, signed-in, or a
 * permission of the access matrix with the object it concerns) and records it in `declaredAccess`. A test walks
 * the router and fails for any route not recorded here (ADR 0004).
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.js';
import { tokyoDate } from './context.js';
import { AppError } from './app-error.js';
import { authorize, type ObjectRef } from '../access/access.service.js';
import type { Permission } from '../../domain/access/access-matrix.js';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission; object?: (c: Context<AppEnv>) => ObjectRef };

/** `METHOD /path` (Hono path syntax) → access rule, filled as routes are defined. */
export const declaredAccess = new Map<string, RouteAccess>();

/** Trailing slashes are dropped: Hono mounts '/' of a sub-app at the prefix itself. */
export const routeKey = (method: string, honoPath: string) => `${method.toUpperCase()} ${honoPath.length > 1 ? honoPath.replace(/\/+$/, '') : honoPath}`;
export const toHonoPath = (openApiPath: string) => openApiPath.replace(/\{([^}]+)\}/g, ':$1');

export function requireAccess(access: RouteAccess): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (access.kind === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('auth.unauthenticated', 'ログインしてください。');
    if (access.kind === 'permission') {
      const { database } = c.get('deps');
      const now = c.get('now');
      const ref = access.object ? access.object(c) : {};
      const via = await authorize(
        database,
        { municipalityId: actor.municipalityId, actor, requestId: c.get('requestId'), now },
        access.permission,
        ref,
        tokyoDate(now),
      );
      c.set('grantedVia', via);
    }
    return next();
  };
}

/**
 * createRoute plus an access rule. `prefix` is where the area's sub-app is mounted, so the recorded key is the
 * full path the walker sees.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(prefix: string, access: RouteAccess, config: R) {
  declaredAccess.set(routeKey(config.method, toHonoPath(prefix + config.path)), access);
  return createRoute({ ...config, middleware: [requireAccess(access)] as const });
}

/** Path parameter as a positive integer, or a 404 (ids are not guessable evidence of existence). */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('common.not-found', '対象が見つかりません。');
  return n;
}
