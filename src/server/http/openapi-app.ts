/** Area sub-apps are OpenAPIHono instances whose validation failures use our error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { AppError } from './app-error.js';

export function createAreaApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new AppError(
          'common.validation',
          '入力内容に誤りがあります。',
          result.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code, message: i.message })),
        );
      }
    },
  });
}

/** Standard error response documentation for the OpenAPI document. */
export const errorResponses = {
  400: { description: '入力エラー' },
  401: { description: '未ログイン' },
  403: { description: '権限なし' },
  404: { description: '見つからない' },
} as const;
