/** Area sub-apps are OpenAPIHono instances whose validation failures use our error shape. */
import { OpenAPIHono } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from './context.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from './validation-messages.js';

// Server-wide: zod's default (English) messages become Japanese; messages written in a schema still win.
z.config({ customError: japaneseIssueMessage });

export function createAreaApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(toValidationDetails(result.error.issues));
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
