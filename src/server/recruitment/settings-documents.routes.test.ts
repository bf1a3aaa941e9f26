/**
 * The recruitment settings documents (rubric defaults, intake, the pipeline's settings): what their reads, saves
 * and resets answer and audit in the cases the other route tests leave out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultRecruitmentIntakeSettings, defaultRecruitmentRubrics } from '../../domain/recruitment/intake.js';
import { defaultPipelineSettings } from '../../domain/recruitment/pipeline-settings.js';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[] } };
type AuditRow = { object_type: string; object_id: string; details: unknown };
type Stored<T> = { value: T; updatedAt: string | null };

let h: Harness;
let hr: Session;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);
const lastAudit = async (action: string) =>
  (await h.queryRows<AuditRow>(sql`select object_type, object_id, details from audit_log where action = ${action} order by id desc limit 1`))[0];

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
});
afterAll(async () => {
  await h.close();
});

describe('rubric defaults and intake settings', () => {
  const read = () =>
    h.callJson<{ rubrics: Stored<typeof defaultRecruitmentRubrics>; intake: Stored<typeof defaultRecruitmentIntakeSettings> }>(hr, 'GET', '/api/recruitment/settings', 200);
  const put = <T>(key: string, status: number, body: { value: unknown; updatedAt: string | null }) =>
    h.callJson<Stored<T> & ErrorBody>(hr, 'PUT', `/api/recruitment/settings/${key}`, status, body);

  it('reads both documents with their tokens, the defaults while nothing is stored', async () => {
    expect(await read()).toEqual({ rubrics: { value: defaultRecruitmentRubrics, updatedAt: null }, intake: { value: defaultRecruitmentIntakeSettings, updatedAt: null } });
  });

  it('saves one document by the token read: the value and its token back, a worded conflict, audited without details', async () => {
    const value = { ...defaultRecruitmentIntakeSettings, retentionMonths: 24 };
    const saved = await put<typeof value>('recruitment-intake', 200, { value, updatedAt: null });
    expect(Object.keys(saved)).toEqual(['value', 'updatedAt']);
    expect(saved.value).toEqual(value);
    expect(saved.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect((await read()).intake).toEqual(saved);
    expect(await lastAudit('recruitment.settings.update')).toEqual({ object_type: 'setting', object_id: 'recruitment-intake', details: null });

    const again = await put('recruitment-intake', 409, { value, updatedAt: null });
    expect(again.error).toMatchObject({ code: 'common.conflict', message: '他の人が先に設定を変更しました。読み込み直してください。' });
    const next = await put<typeof value>('recruitment-intake', 200, { value: { ...value, retentionMonths: 36 }, updatedAt: saved.updatedAt });
    expect(next.value.retentionMonths).toBe(36);
    await put('recruitment-intake', 409, { value, updatedAt: saved.updatedAt });
    // The rubrics are a document of their own with a token of their own.
    const rubrics = await put<typeof defaultRecruitmentRubrics>('recruitment-rubrics', 200, { value: defaultRecruitmentRubrics, updatedAt: null });
    expect(rubrics.value).toEqual(defaultRecruitmentRubrics);
    expect(await lastAudit('recruitment.settings.update')).toEqual({ object_type: 'setting', object_id: 'recruitment-rubrics', details: null });
  });

  it('refuses a value that does not validate, in Japanese, with paths inside the value', async () => {
    const before = await auditCount('recruitment.settings.update');
    const { intake } = await read();
    const bad = await put('recruitment-intake', 400, { value: { ...intake.value, retentionMonths: 0, rateLimitBurst: 'x' }, updatedAt: intake.updatedAt });
    expect(bad.error.code).toBe('common.validation');
    expect(bad.error.details).toEqual([
      { path: 'retentionMonths', code: 'too_small', message: '1以上の数を入力してください' },
      { path: 'rateLimitBurst', code: 'invalid_type', message: '数値で入力してください' },
    ]);
    // Invalid and stale: the value is refused first.
    expect((await put('recruitment-intake', 400, { value: { retentionMonths: 0 }, updatedAt: null })).error.code).toBe('common.validation');
    expect(await auditCount('recruitment.settings.update')).toBe(before);
  });
});

describe('pipeline settings', () => {
  type View = { settings: typeof defaultPipelineSettings; updatedAt: string | null; defaults: typeof defaultPipelineSettings };
  const path = '/api/recruitment/pipeline/settings';
  const read = () => h.callJson<View>(hr, 'GET', path, 200);
  const put = (status: number, body: { settings: unknown; updatedAt: string | null; reset?: boolean }) => h.callJson<View & ErrorBody>(hr, 'PUT', path, status, body);
  const stale = 'ほかの人が先に更新しました。画面を読み込み直してから、もう一度操作してください。';

  it('reads and saves the whole document by its token, audited without details', async () => {
    const view = await read();
    expect(view).toEqual({ settings: defaultPipelineSettings, updatedAt: null, defaults: defaultPipelineSettings });
    expect(Object.keys(view)).toEqual(['settings', 'updatedAt', 'defaults']);
    const saved = await put(200, { settings: { ...defaultPipelineSettings, spreadThreshold: 30 }, updatedAt: null });
    expect(Object.keys(saved)).toEqual(['settings', 'updatedAt', 'defaults']);
    expect(saved.settings.spreadThreshold).toBe(30);
    expect(await lastAudit('recruitment.pipeline-settings-saved')).toEqual({ object_type: 'settings', object_id: 'recruitment.pipeline', details: null });
    const conflict = await put(409, { settings: defaultPipelineSettings, updatedAt: null });
    expect(conflict.error).toMatchObject({ code: 'common.conflict', message: stale });

    const bad = await put(400, { settings: { ...defaultPipelineSettings, spreadThreshold: 0, templates: { ...defaultPipelineSettings.templates, pass: { subject: ' ', body: 'x' } } }, updatedAt: saved.updatedAt });
    expect(bad.error.details).toEqual([
      { path: 'spreadThreshold', code: 'too_small', message: '1以上の数を入力してください' },
      { path: 'templates.pass.subject', code: 'too_small', message: '件名を入力してください' },
    ]);
  });

  it('resets with the token read (the settings sent are not looked at); a stale token is refused', async () => {
    const view = await read();
    expect(view.updatedAt).not.toBeNull();
    const saves = await auditCount('recruitment.pipeline-settings-saved');
    expect((await put(409, { settings: null, updatedAt: null, reset: true })).error.message).toBe(stale);
    const reset = await put(200, { settings: null, updatedAt: view.updatedAt, reset: true });
    expect(reset).toEqual({ settings: defaultPipelineSettings, updatedAt: null, defaults: defaultPipelineSettings });
    expect(await auditCount('recruitment.pipeline-settings-saved')).toBe(saves + 1);
    expect((await put(409, { settings: null, updatedAt: view.updatedAt, reset: true })).error.code).toBe('common.conflict');
  });
});
