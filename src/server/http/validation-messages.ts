/**
 * Japanese messages for input that fails its schema, for every route: forms show each message next to its
 * field, so zod's English defaults must not reach people. Messages written in the schemas themselves win.
 */
import type { z } from 'zod';
import { AppError } from './app-error.js';

const expectedLabels: Record<string, string> = {
  int: '整数で入力してください',
  number: '数値で入力してください',
  string: '文字で入力してください',
  boolean: 'はい・いいえで指定してください',
  array: '一覧で指定してください',
  object: '項目の組で指定してください',
  record: '項目の組で指定してください',
};

/** A zod error map: the message for an issue the schema itself gives no message for. */
export const japaneseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '入力してください';
      return expectedLabels[issue.expected] ?? '形式が正しくありません';
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '入力してください' : `${min}文字以上で入力してください`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${min}件以上指定してください`;
      return issue.inclusive === false ? `${min}より大きい数を入力してください` : `${min}以上の数を入力してください`;
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `${max}文字以内で入力してください`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${max}件以内で指定してください`;
      return issue.inclusive === false ? `${max}より小さい数を入力してください` : `${max}以下の数を入力してください`;
    }
    case 'invalid_value':
      return `次のいずれかを指定してください: ${issue.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `指定できない項目があります: ${issue.keys.join('、')}`;
    case 'invalid_key':
      return '指定できない区分です';
    case 'invalid_format':
      return '形式が正しくありません';
    default:
      return '入力内容に誤りがあります';
  }
};

export type ValidationDetail = { path: string; code: string; message: string };

export function toValidationDetails(issues: readonly z.core.$ZodIssue[]): ValidationDetail[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), code: i.code, message: i.message }));
}

/** The one refusal for invalid input: 400 common.validation with the issues by field path. */
export function validationError(details: readonly ValidationDetail[]): AppError {
  return new AppError('common.validation', '入力内容に誤りがあります。', details);
}
