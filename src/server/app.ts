/**
 * The Hono application: request context, security headers, session, CSRF, the area routers (each route guarded
 * by the access layer), the OpenAPI document and API page, health endpoints, and the built SPA.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import type { AppEnv, Deps } from './http/context.js';
import { toErrorResponse } from './http/errors.js';
import { csrfGuard, noStore, securityHeaders } from './http/security.js';
import { loadSession } from './http/session.js';
import { declaredAccess, routeKey } from './http/route-guard.js';
import { AppError } from './http/app-error.js';
import { renderApiPage } from './http/api-page.js';
import { authRoutes } from './access/auth.routes.js';
import { accountsRoutes } from './access/accounts.routes.js';
import { auditRoutes } from './access/audit.routes.js';
import { areaRouters } from './area-routers.js';

export const openApiPath = '/api/openapi.json';

export function createApp(deps: Deps, opts: { webRoot?: string } = {}) {
  const app = new OpenAPIHono<AppEnv>();

  app.use('*', async (c, next) => {
    const incoming = c.req.header('x-request-id');
    c.set('requestId', incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID());
    c.set('now', deps.clock());
    c.set('deps', deps);
    c.set('actor', null);
    c.set('grantedVia', null);
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  });
  app.use('*', securityHeaders);
  app.onError((err, c) => toErrorResponse(err, c));

  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await deps.database.ping();
      return c.json({ status: 'ready', database: deps.database.engine });
    } catch {
      return c.json({ error: { code: 'common.unavailable', message: 'データベースに接続できません。' } }, 503);
    }
  });

  app.use('/api/*', noStore);
  // Request bodies are limited per route (defineRoute's bodyLimit; small JSON unless the route declares more).
  app.use('/api/*', loadSession);
  app.use('/api/*', csrfGuard);

  app.route('/api/auth', authRoutes);
  app.route('/api/accounts', accountsRoutes);
  app.route('/api/audit', auditRoutes);
  for (const [prefix, router] of areaRouters) app.route(prefix, router);

  app.doc31(openApiPath, {
    openapi: '3.1.0',
    info: { title: 'Jinzai API', version: '0.1.0', description: '人材育成・確保基本方針を運用するためのAPI。エラーは { error: { code, message, details } } で返る。' },
  });
  declaredAccess.set(routeKey('GET', openApiPath), { kind: 'public' });
  app.get('/api/docs', (c) => c.html(renderApiPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'Jinzai API', version: '0.1.0' } }))));
  declaredAccess.set(routeKey('GET', '/api/docs'), { kind: 'public' });

  app.all('/api/*', () => {
    throw new AppError('common.not-found', 'APIが見つかりません。');
  });

  const webRoot = opts.webRoot ?? path.resolve('dist', 'web');
  if (existsSync(path.join(webRoot, 'index.html'))) {
    const indexHtml = readFileSync(path.join(webRoot, 'index.html'), 'utf8');
    app.use('/assets/*', serveStatic({ root: path.relative(process.cwd(), webRoot) || '.' }));
    app.use('/favicon.svg', serveStatic({ root: path.relative(process.cwd(), webRoot) || '.' }));
    // Client-side routes all answer the SPA shell.
    app.get('*', (c) => c.html(indexHtml));
  } else {
    app.get('/', (c) => c.text('Jinzai: the web client is not built. Run `npm run build`.', 503));
  }
  return app;
}
