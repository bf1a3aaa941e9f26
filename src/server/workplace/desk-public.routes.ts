/**
 * /api/public/desks: filing and following a consultation or whistleblowing report without sign-in (ADR 0020). The
 * secret travels in POST bodies only (never in a URL that a proxy log would keep). Hostile input: strict schemas,
 * plain text, rate limits per address and per receipt code.
 */
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { createAreaApp, errorResponses } from '../http/openapi-app.js';
import { defineRoute } from '../http/route-guard.js';
import { tokyoDate, type AppEnv } from '../http/context.js';
import { fileReportInputSchema, followInputSchema, reporterMessageInputSchema } from '../../domain/workplace/desk-rules.js';
import { fileReportPublicly, followCase, sendReporterMessage, type PublicDeskContext } from './desk-public.service.js';

const prefix = '/api/public/desks';
export const publicDeskRoutes = createAreaApp();
const open = { kind: 'public' } as const;
const json = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const limited = { ...errorResponses, 429: { description: '試行が多すぎる' } };

function clientIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function publicContext(c: Context<AppEnv>): PublicDeskContext {
  const now = c.get('now');
  const { database, config } = c.get('deps');
  return { database, config, now, today: tokyoDate(now), requestId: c.get('requestId'), ip: clientIp(c) };
}

// A public filer states no identity beyond an optional name/contact; the anonymity flag is the signed-in form's.
const publicReportSchema = fileReportInputSchema.omit({ isAnonymous: true });

publicDeskRoutes.openapi(
  defineRoute(prefix, open, {
    method: 'post',
    path: '/reports',
    summary: '相談・通報の受付 (ログイン不要・匿名可)',
    request: json(publicReportSchema),
    responses: { 201: { description: '受付番号と確認用パスワード (一度だけ表示)' }, ...limited },
  }),
  async (c) => c.json(await fileReportPublicly(publicContext(c), { ...c.req.valid('json'), isAnonymous: true }), 201),
);

publicDeskRoutes.openapi(
  defineRoute(prefix, open, { method: 'post', path: '/follow', summary: '受付番号と確認用パスワードで経過を見る', request: json(followInputSchema), responses: { 200: { description: '経過' }, ...limited } }),
  async (c) => c.json(await followCase(publicContext(c), c.req.valid('json')), 200),
);

publicDeskRoutes.openapi(
  defineRoute(prefix, open, { method: 'post', path: '/messages', summary: '窓口へのメッセージ (受付番号と確認用パスワード)', request: json(reporterMessageInputSchema), responses: { 200: { description: '経過' }, ...limited } }),
  async (c) => c.json(await sendReporterMessage(publicContext(c), c.req.valid('json')), 200),
);
