/** Builds the (ctx) every service function takes from a request that passed the access layer. */
import type { Context } from 'hono';
import type { AppEnv, ServiceContext } from './context.js';
import { tokyoDate } from './context.js';
import { AppError } from './app-error.js';

export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const actor = c.get('actor');
  if (!actor) throw new AppError('auth.unauthenticated', 'ログインしてください。');
  const { database, config } = c.get('deps');
  const now = c.get('now');
  return { database, actor, now, today: tokyoDate(now), requestId: c.get('requestId'), config };
}
