/**
 * Every API route is declared through `defineRoute`, which attaches its access rule (public, signed-in, or a
 * permission of the access matrix with the object it concerns) and records it in `declaredAccess`. A test walks
 * the router and fails for any route not recorded here (ADR 0004). The route also declares the largest request
 * body it accepts (`bodyLimit`, small JSON unless it says otherwise), enforced before its body is read.
 */
import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as honoBodyLimit } from 'hono/body-limit';
import type { Config } from '../config.js';
import type { AppEnv } from './context.js';
import { tokyoDate } from './context.js';
import { AppError, type ErrorCode, type errorStatus } from './app-error.js';
import { authorize, type ObjectRef } from '../access/access.service.js';
import type { Permission } from '../../domain/access/access-matrix.js';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'permission'; permission: Permission; object?: (c: Context<AppEnv>) => ObjectRef };

/** `METHOD /path` (Hono path syntax) → access rule, filled as routes are defined. */
export const declaredAccess = new Map<string, RouteAccess>();

/** The body limit of every route that declares none: small JSON. */
export const defaultBodyLimitBytes = 256 * 1024;

type TooLargeCode = { [K in ErrorCode]: (typeof errorStatus)[K] extends 413 ? K : never }[ErrorCode];

/** The largest request body a route accepts. */
export type BodyLimit = {
  /** bytes, or bytes taken from the server configuration at request time (e.g. IMPORT_MAX_MB) */
  maxBytes: number | ((config: Config) => number);
  /** the 413's code when the area has its own; `common.too-large` otherwise */
  code?: TooLargeCode;
};

const MiB = 1024 * 1024;
/** 24 MB, 256 KB: whole megabytes and kilobytes as people read them (1 MB = 1,048,576 bytes here). */
export function formatByteLimit(bytes: number): string {
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))}MB`;
  return `${Math.max(1, Math.round(bytes / 1024))}KB`;
}

/**
 * Refuses a body above the limit with 413 `{ error: { code, message, details: { maxBytes } } }` — from the
 * Content-Length before anything is read, or while reading a body sent without one.
 */
function limitBody(limit: BodyLimit | undefined, isFileUpload: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const declared = limit?.maxBytes ?? defaultBodyLimitBytes;
    const maxBytes = typeof declared === 'function' ? declared(c.get('deps').config) : declared;
    return honoBodyLimit({
      maxSize: maxBytes,
      onError: () => {
        const what = isFileUpload ? 'ファイル' : '送信されたデータ';
        throw new AppError(limit?.code ?? 'common.too-large', `${what}が大きすぎます(上限 ${formatByteLimit(maxBytes)})。`, { maxBytes });
      },
    })(c, next);
  };
}

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
 * createRoute plus an access rule and a body limit. `prefix` is where the area's sub-app is mounted, so the
 * recorded key is the full path the walker sees. `bodyLimit` is left out of the OpenAPI route; a route with a
 * body documents its 413 unless it does so itself. The access rule is checked first, so nobody without access
 * makes the server read a large body.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(prefix: string, access: RouteAccess, config: R & { bodyLimit?: BodyLimit }) {
  const { bodyLimit, ...route } = config;
  declaredAccess.set(routeKey(route.method, toHonoPath(prefix + route.path)), access);
  const bodyTypes = Object.keys(route.request?.body?.content ?? {});
  const limitText = typeof bodyLimit?.maxBytes === 'function' ? 'サーバーの設定' : formatByteLimit(bodyLimit?.maxBytes ?? defaultBodyLimitBytes);
  const responses = route.request?.body && !(413 in route.responses) ? { ...route.responses, 413: { description: `大きすぎる(上限 ${limitText})` } } : route.responses;
  const isFileUpload = bodyTypes.length > 0 && bodyTypes.every((t) => t !== 'application/json');
  return createRoute({ ...(route as unknown as R), responses, middleware: [requireAccess(access), limitBody(bodyLimit, isFileUpload)] as const });
}

/** Path parameter as a positive integer, or a 404 (ids are not guessable evidence of existence). */
export function idParam(c: Context<AppEnv>, name = 'id'): number {
  const raw = c.req.param(name);
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new AppError('common.not-found', '対象が見つかりません。');
  return n;
}
