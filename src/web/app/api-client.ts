/**
 * The one way the SPA talks to the server: same-origin JSON with the session cookie, the CSRF token on
 * unsafe methods, and `{ error: { code, message, details } }` turned into an ApiError with the server's
 * Japanese message. A 401 for a missing session sends the user to /login.
 */

export type ApiErrorBody = { error: { code: string; message: string; details?: unknown; requestId?: string } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The synchronizer token of the current session; memory only, never in storage a script could read later. */
let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone; the app navigates to /login. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

const fallbackMessages: Record<number, string> = {
  400: '入力内容に誤りがあります。',
  401: 'ログインしてください。',
  403: 'この操作を行う権限がありません。',
  404: '見つかりません。',
  409: '他の人が先に更新しました。',
  413: 'データが大きすぎます。',
  422: '処理できない内容です。',
  429: '試行回数が多すぎます。しばらく待ってから操作してください。',
  503: 'サーバーが一時的に利用できません。',
};

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';
}

/** Builds the ApiError for a failed response (its body is read here). */
export async function errorFromResponse(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  return errorFromBody(res.status, body, res.headers.get('x-request-id') ?? undefined);
}

export function errorFromBody(status: number, body: unknown, requestId?: string): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.details, body.error.requestId ?? requestId);
  }
  return new ApiError(status, `http.${status}`, fallbackMessages[status] ?? `サーバーでエラーが発生しました (${status})。`, undefined, requestId);
}

function handleUnauthorized(error: ApiError): void {
  // Wrong credentials on the login form are a 401 too, but they are an answer, not a lost session.
  if (error.status === 401 && error.code !== 'auth.invalid-credentials') unauthorizedHandler?.();
}

export type RequestOptions = { signal?: AbortSignal };

export type QueryValue = string | number | boolean | null | undefined;

/** '/api/staff' + { q: 'やま', page: 2, unitId: undefined } → '/api/staff?q=%E3...&page=2' (empty values left out). */
export function withQuery(path: string, query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function headersFor(method: string, hasBody: boolean, extra: Record<string, string> = {}): Headers {
  const headers = new Headers({ Accept: 'application/json', ...extra });
  if (hasBody && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  if (unsafeMethods.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);
  return headers;
}

/** Sends a request and returns the parsed JSON (undefined for 204). Throws ApiError. */
export async function apiRequest<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: headersFor(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', 'サーバーに接続できません。ネットワークの状態を確認してください。');
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    handleUnauthorized(error);
    throw error;
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => apiRequest<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>('PATCH', path, body ?? {}),
  delete: <T>(path: string) => apiRequest<T>('DELETE', path),
};

/**
 * Uploads raw bytes with XMLHttpRequest, because fetch cannot report upload progress.
 * `onProgress(loaded, total)` is called as the bytes leave the browser.
 */
export function uploadFile<T>(path: string, file: Blob, onProgress: (loaded: number, total: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    });
    xhr.addEventListener('load', () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve(body as T);
        return;
      }
      const error = errorFromBody(xhr.status, body, xhr.getResponseHeader('x-request-id') ?? undefined);
      handleUnauthorized(error);
      reject(error);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'network', 'アップロード中に通信が切れました。もう一度お試しください。')));
    xhr.addEventListener('abort', () => reject(new ApiError(0, 'aborted', 'アップロードを中止しました。')));
    xhr.send(file);
  });
}

/**
 * POSTs and reads an `application/x-ndjson` answer line by line, calling `onLine` for each parsed object.
 * A non-2xx status is an ApiError as usual (the body is then plain JSON).
 */
export async function postNdjson(path: string, onLine: (line: unknown) => void): Promise<void> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headersFor('POST', false, { Accept: 'application/x-ndjson' }),
    });
  } catch {
    throw new ApiError(0, 'network', 'サーバーに接続できません。ネットワークの状態を確認してください。');
  }
  if (!res.ok) {
    const error = await errorFromResponse(res);
    handleUnauthorized(error);
    throw error;
  }
  if (!res.body) throw new ApiError(res.status, 'stream', 'サーバーからの応答を読み取れませんでした。');
  const reader = res.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let buffered = '';
  const flush = (text: string) => {
    const trimmed = text.trim();
    if (trimmed) onLine(JSON.parse(trimmed));
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffered += decoder.decode(value, { stream: true });
      let newline = buffered.indexOf('\n');
      while (newline >= 0) {
        flush(buffered.slice(0, newline));
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
      }
    }
    buffered += decoder.decode();
    flush(buffered);
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    throw new ApiError(0, 'stream', '処理の途中で通信が切れました。結果はインポート履歴で確認してください。');
  }
}
