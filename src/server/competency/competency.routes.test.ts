import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultFramework, policyMatrix, policyRequiredAbilities } from '../../domain/competency/ability-items.js';
import type { FrameworkList, FrameworkUpdate, FrameworkView } from '../../domain/competency/competency-api.js';

type Detail = { path: string; code: string; message: string };
type ErrorBody = { error: { code: string; message: string; details?: Detail[] } };

// The harness's today is 2025-10-01: 令和7年度 (2025) is the current 年度.
const thisYear = 2025;
const nextYear = 2026;

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let staff: Session;

const readYear = (fy: number, session = hrAdmin) => h.callJson<FrameworkView>(session, 'GET', `/api/competency/frameworks/${fy}`, 200);
const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

/** The PUT body for the framework as read, with `change` applied. */
function bodyOf(view: FrameworkView, change: Partial<FrameworkUpdate> = {}): FrameworkUpdate {
  const { matrix, requiredAbilities, digitalSkills } = view.framework;
  return { updatedAt: view.updatedAt, matrix, requiredAbilities, digitalSkills: { isEnabled: digitalSkills.isEnabled }, ...change };
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  staff = await h.loginAs('staff');
});
afterAll(async () => {
  await h.close();
});

describe('GET /api/competency/frameworks', () => {
  it("gives the policy's framework for this 年度 when nothing is saved", async () => {
    const list = await h.callJson<FrameworkList>(hrAdmin, 'GET', '/api/competency/frameworks', 200);
    expect(list.currentFiscalYear).toBe(thisYear);
    expect(list.storedYears).toEqual([]);
    expect(list.effective.fiscalYear).toBe(thisYear);
    expect(list.effective.source).toBe('policy-default');
    expect(list.effective.updatedAt).toBeNull();
    expect(list.effective.isEditable).toBe(true);
    expect(list.effective.framework).toEqual(defaultFramework(thisYear));
    expect(list.effective.framework.matrix).toEqual(policyMatrix);
    expect(list.effective.framework.requiredAbilities).toEqual(policyRequiredAbilities);
  });

  it('is open to every signed-in staff member (the policy publishes the table), not to anonymous callers', async () => {
    const list = await h.callJson<FrameworkList>(staff, 'GET', `/api/competency/frameworks?fiscalYear=${thisYear - 1}`, 200);
    expect(list.effective.fiscalYear).toBe(thisYear - 1);
    expect(list.effective.isEditable).toBe(false);
    await readYear(thisYear, staff);
    await h.callJson(null, 'GET', '/api/competency/frameworks', 401);
  });

  it('refuses a year that is not four digits', async () => {
    const body = await h.callJson<ErrorBody>(hrAdmin, 'GET', '/api/competency/frameworks/R7', 400);
    expect(body.error.code).toBe('common.validation');
    await h.callJson(hrAdmin, 'GET', '/api/competency/frameworks?fiscalYear=1999', 400);
  });
});

describe('PUT and DELETE /api/competency/frameworks/{fy}', () => {
  it('saves next year only: this year stays, the year after inherits, and the save is audited', async () => {
    const auditsBefore = await auditCount('competency.framework-saved');
    const next = await readYear(nextYear);
    expect(next.source).toBe('policy-default');
    const staffRow = [...next.framework.matrix.staff, 'judgement'];
    const saved = await h.callJson<FrameworkView>(
      hrAdmin,
      'PUT',
      `/api/competency/frameworks/${nextYear}`,
      200,
      bodyOf(next, { matrix: { ...next.framework.matrix, staff: staffRow }, digitalSkills: { isEnabled: false } }),
    );
    expect(saved.source).toBe('stored');
    expect(saved.updatedAt).not.toBeNull();
    // Stored in the items' order, whatever order the cells were ticked in.
    expect(saved.framework.matrix.staff).toEqual(['ethics', 'knowledge-skill', 'task-execution', 'communication', 'judgement']);
    expect(saved.framework.digitalSkills).toEqual({ isEnabled: false, itemIds: ['data-literacy', 'digital-tools', 'digital-ethics'] });

    const current = await readYear(thisYear);
    expect(current.source).toBe('policy-default');
    expect(current.framework.matrix.staff).toEqual(policyMatrix.staff);

    const after = await readYear(nextYear + 1);
    expect(after.source).toBe('inherited');
    expect(after.inheritedFromFiscalYear).toBe(nextYear);
    expect(after.updatedAt).toBeNull();
    expect(after.framework.fiscalYear).toBe(nextYear + 1);
    expect(after.framework.matrix.staff).toContain('judgement');

    const list = await h.callJson<FrameworkList>(hrAdmin, 'GET', `/api/competency/frameworks?fiscalYear=${nextYear}`, 200);
    expect(list.storedYears.map((y) => y.fiscalYear)).toEqual([nextYear]);
    expect(list.effective.source).toBe('stored');

    expect(await auditCount('competency.framework-saved')).toBe(auditsBefore + 1);
    const [row] = await h.queryRows<{ object_id: string; details: { changed: string[] } }>(
      sql`select object_id, details from audit_log where action = 'competency.framework-saved' order by id desc limit 1`,
    );
    expect(row?.object_id).toBe(String(nextYear));
    expect(row?.details.changed).toEqual(['matrix', 'digitalSkills']);

    // Withdrawn: next year inherits again (here from the policy).
    const withdrawn = await h.callJson<FrameworkView>(hrAdmin, 'DELETE', `/api/competency/frameworks/${nextYear}?updatedAt=${encodeURIComponent(saved.updatedAt!)}`, 200);
    expect(withdrawn.source).toBe('policy-default');
    expect(await auditCount('competency.framework-withdrawn')).toBe(1);
    await h.callJson(hrAdmin, 'DELETE', `/api/competency/frameworks/${nextYear}`, 404);
  });

  it('refuses a past 年度 (422), and withdrawing this one', async () => {
    const past = await readYear(thisYear - 1);
    const body = await h.callJson<ErrorBody>(hrAdmin, 'PUT', `/api/competency/frameworks/${thisYear - 1}`, 422, bodyOf(past));
    expect(body.error.code).toBe('competency.past-year-locked');
    expect(body.error.message).toMatch(/過去の年度/);
    const withdraw = await h.callJson<ErrorBody>(hrAdmin, 'DELETE', `/api/competency/frameworks/${thisYear}`, 422);
    expect(withdraw.error.code).toBe('competency.past-year-locked');
  });

  it('refuses a stale save with 409 common.conflict, and a create over an existing version', async () => {
    const first = await readYear(nextYear);
    const saved = await h.callJson<FrameworkView>(hrAdmin, 'PUT', `/api/competency/frameworks/${nextYear}`, 200, bodyOf(first));
    // `first` still says "nothing saved": creating again is stale.
    const again = await h.callJson<ErrorBody>(hrAdmin, 'PUT', `/api/competency/frameworks/${nextYear}`, 409, bodyOf(first));
    expect(again.error.code).toBe('common.conflict');
    const changed = await h.callJson<FrameworkView>(
      hrAdmin,
      'PUT',
      `/api/competency/frameworks/${nextYear}`,
      200,
      bodyOf(saved, { requiredAbilities: { ...saved.framework.requiredAbilities, staff: '変更した求める能力' } }),
    );
    expect(changed.framework.requiredAbilities.staff).toBe('変更した求める能力');
    expect(changed.updatedAt).not.toBe(saved.updatedAt);
    await h.callJson(hrAdmin, 'PUT', `/api/competency/frameworks/${nextYear}`, 409, bodyOf(saved));
    await h.callJson(hrAdmin, 'DELETE', `/api/competency/frameworks/${nextYear}?updatedAt=${encodeURIComponent(saved.updatedAt!)}`, 409);
    await h.callJson(hrAdmin, 'DELETE', `/api/competency/frameworks/${nextYear}?updatedAt=${encodeURIComponent(changed.updatedAt!)}`, 200);
  });

  it('is for hr_admin only', async () => {
    const view = await readYear(nextYear);
    await h.callJson(hrOfficer, 'PUT', `/api/competency/frameworks/${nextYear}`, 403, bodyOf(view));
    await h.callJson(staff, 'PUT', `/api/competency/frameworks/${nextYear}`, 403, bodyOf(view));
    await h.callJson(hrOfficer, 'DELETE', `/api/competency/frameworks/${nextYear}`, 403);
  });

  it('refuses a level without items, an unknown item id, blank text and unknown keys, in Japanese', async () => {
    const view = await readYear(nextYear);
    const auditsBefore = await auditCount('competency.framework-saved');
    const empty = await h.callJson<ErrorBody>(
      hrAdmin,
      'PUT',
      `/api/competency/frameworks/${nextYear}`,
      400,
      bodyOf(view, {
        matrix: { ...view.framework.matrix, chief: [], staff: [...view.framework.matrix.staff, 'flying'] },
        requiredAbilities: { ...view.framework.requiredAbilities, manager: '  ' },
      }),
    );
    expect(empty.error.code).toBe('common.validation');
    expect(empty.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'matrix.chief', message: '主幹の評価項目を1つ以上選んでください' }),
        expect.objectContaining({ path: 'matrix.staff.4', message: '評価項目「flying」は登録されていません' }),
        expect.objectContaining({ path: 'requiredAbilities.manager', message: '求める能力を入力してください' }),
      ]),
    );
    const unknownKey = await h.callJson<ErrorBody>(hrAdmin, 'PUT', `/api/competency/frameworks/${nextYear}`, 400, { ...bodyOf(view), items: [] });
    expect(unknownKey.error.details?.[0]?.message).toMatch(/指定できない項目があります/);
    expect(await auditCount('competency.framework-saved')).toBe(auditsBefore);
    expect((await readYear(nextYear)).source).toBe('policy-default');
  });
});
