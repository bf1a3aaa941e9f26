/**
 * The server's validation messages by field (400 common.validation, details `[{ path, message }]`): read from a
 * failed request, picked out for one field, and summed up above a form. Each page keeps its own path → label words.
 */
import { ApiError } from '../app/api-client.js';

/** One message and the path of the field it is about ('scale.levels.2.code'; '' when the body as a whole). */
export type FieldError = { path: string; message: string };

/** The field messages of a validation refusal; none for any other error (or none at all). */
export function fieldErrorsOf(error: unknown): FieldError[] {
  if (!(error instanceof ApiError) || error.code !== 'common.validation' || !Array.isArray(error.details)) return [];
  return (error.details as unknown[]).flatMap((d) => {
    if (typeof d !== 'object' || d === null) return [];
    const { path, message } = d as { path?: unknown; message?: unknown };
    return typeof message === 'string' ? [{ path: typeof path === 'string' ? path : '', message }] : [];
  });
}

/** The messages for a field: its own path, or (with `nested`) anything below it too. */
export function messagesAt(errors: readonly FieldError[], path: string, nested = false): string[] {
  return errors.filter((e) => e.path === path || (nested && e.path.startsWith(`${path}.`))).map((e) => e.message);
}

/**
 * Every field message above the form, announced at once, each after the words `labelOf` gives its path (none when
 * it gives ''); nothing while there are none.
 */
export function FieldErrorSummary({
  errors,
  labelOf,
  title = '保存できませんでした。次の項目を確認してください。',
}: {
  errors: readonly FieldError[];
  labelOf: (path: string) => string;
  title?: string;
}) {
  if (errors.length === 0) return null;
  return (
    <div role="alert" className="alert alert--error">
      <p className="alert__title">{title}</p>
      <ul>
        {errors.map((e, i) => {
          const label = labelOf(e.path);
          return (
            <li key={`${i}-${e.path}`}>
              {label ? `${label}: ` : ''}
              {e.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
