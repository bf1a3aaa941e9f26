/** One map from thrown errors to the JSON error shape; unknown errors become 500 with the request id only. */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from './context.js';
import { AppError, type ErrorBody } from './app-error.js';

const connectionErrorCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08006', '08001', '08003'];
// node-postgres reports a dropped connection by message only; Drizzle wraps driver errors in `cause`.
const connectionErrorMessage = /Connection terminated|connection timeout|Client has encountered a connection error/i;

function isDatabaseDown(err: unknown): boolean {
  for (let e = err as { code?: string; message?: string; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (connectionErrorCodes.includes(e.code ?? '') || connectionErrorMessage.test(e.message ?? '')) return true;
  }
  return false;
}

export function toErrorResponse(err: unknown, c: Context<AppEnv>) {
  const requestId = c.get('requestId');
  if (err instanceof AppError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
    return c.json(body, err.status);
  }
  if (err instanceof HTTPException && err.status === 413) {
    return c.json({ error: { code: 'common.too-large', message: '送信されたデータが大きすぎます。' } } satisfies ErrorBody, 413);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json({ error: { code: 'common.bad-request', message: 'リクエストを処理できません。' } } satisfies ErrorBody, err.status);
  }
  if (isDatabaseDown(err)) {
    console.error(JSON.stringify({ level: 'error', requestId, msg: 'database unavailable' }));
    return c.json({ error: { code: 'common.unavailable', message: 'データベースに接続できません。しばらくしてから再度お試しください。', requestId } } satisfies ErrorBody, 503);
  }
  console.error(JSON.stringify({ level: 'error', requestId, msg: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined }));
  return c.json({ error: { code: 'common.internal', message: 'システムエラーが発生しました。', requestId } } satisfies ErrorBody, 500);
}
