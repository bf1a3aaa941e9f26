/**
 * Request body limits are declared per route (defineRoute's bodyLimit): a route that declares none takes small
 * JSON only and answers a larger body with the error shape, in Japanese, before reading it whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type Session } from './test-harness.js';
import { defaultBodyLimitBytes, formatByteLimit } from './route-guard.js';

type ErrorBody = { error: { code: string; message: string; details?: { maxBytes?: number } } };

let h: Harness;
let staff: Session;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.loginAs('staff');
});
afterAll(() => h.close());

const jsonOf = (bytes: number) => JSON.stringify({ loginId: 'x', password: 'y'.repeat(bytes) });

describe('the default body limit', () => {
  it('is 256 KB, written as people read it', () => {
    expect(defaultBodyLimitBytes).toBe(256 * 1024);
    expect(formatByteLimit(defaultBodyLimitBytes)).toBe('256KB');
    expect(formatByteLimit(24 * 1024 * 1024)).toBe('24MB');
    expect(formatByteLimit(1.5 * 1024 * 1024)).toBe('1.5MB');
  });

  it('refuses an oversized body on a public route with 413 and the error shape', async () => {
    const res = await h.call(null, 'POST', '/api/auth/login', jsonOf(defaultBodyLimitBytes), { 'content-type': 'application/json' });
    expect(res.status).toBe(413);
    expect((await res.json()) as ErrorBody).toEqual({
      error: { code: 'common.too-large', message: '送信されたデータが大きすぎます(上限 256KB)。', details: { maxBytes: defaultBodyLimitBytes } },
    });
  });

  it('refuses it on a signed-in route too, and lets a body just under the limit through to validation', async () => {
    const big = await h.call(staff, 'PATCH', '/api/auth/me/preferences', JSON.stringify({ dateStyle: 'wareki', pad: 'x'.repeat(defaultBodyLimitBytes) }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect(((await big.json()) as ErrorBody).error.code).toBe('common.too-large');
    const under = await h.call(staff, 'PATCH', '/api/auth/me/preferences', JSON.stringify({ dateStyle: 'wareki', pad: 'x'.repeat(defaultBodyLimitBytes - 100) }), { 'content-type': 'application/json' });
    expect(under.status).toBe(400);
  });

  it('refuses from the Content-Length header before reading the body', async () => {
    const res = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(defaultBodyLimitBytes + 1) },
      body: '{}',
    });
    expect(res.status).toBe(413);
  });

  it('documents a 413 on every route with a body in the OpenAPI document', async () => {
    const doc = (await (await h.call(null, 'GET', '/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    expect(doc.paths['/api/auth/login']!.post!.responses['413']!.description).toContain('256KB');
    expect(doc.paths['/api/auth/me']!.get!.responses['413']).toBeUndefined();
  });
});
