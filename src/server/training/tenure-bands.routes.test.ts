import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { defaultTenureBands } from '../../domain/training/training-targets.js';
import type { CourseList, PlanSession, SessionTargets, TenureBandsView } from '../../domain/training/training-api.js';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

let h: Harness;
let hrAdmin: Session;
let staff: Session;

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  staff = await h.loginAs('staff');
});
afterAll(async () => {
  await h.close();
});

describe('/api/training/tenure-bands', () => {
  it('gives the defaults while nothing is stored, to everyone signed in', async () => {
    const view = await h.callJson<TenureBandsView>(staff, 'GET', '/api/training/tenure-bands', 200);
    expect(view).toEqual({ bands: defaultTenureBands, defaults: defaultTenureBands, isDefault: true, updatedAt: null });
    await h.callJson(staff, 'PUT', '/api/training/tenure-bands', 403, { updatedAt: null, bands: defaultTenureBands });
  });

  it('refuses a band that ends before it starts, next to the field', async () => {
    const bad = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/training/tenure-bands', 400, {
      updatedAt: null,
      bands: { ...defaultTenureBands, junior: { fromYear: 5, toYear: 3 } },
    });
    expect(bad.error.details).toEqual([expect.objectContaining({ path: 'bands.junior.toYear', message: '初級職員の終了年目は開始年目以降にしてください' })]);
  });

  it('saves the bands (409 when stale), audits, and the must-attend lists follow them', async () => {
    await h.callJson(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
    const courses = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    const junior = courses.items.find((c) => c.code === 'GEN-JUNIOR')!;
    const session = await h.callJson<PlanSession>(hrAdmin, 'POST', '/api/training/sessions', 201, {
      courseId: junior.id,
      fiscalYear: 2025,
      startsOn: '2025-11-10',
      endsOn: '2025-11-10',
      place: '',
      capacity: null,
      lecturer: '',
      note: '',
    });
    const before = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${session.id}/targets`, 200);
    expect(before.items.some((t) => t.employeeNumber === 'A0005')).toBe(true);

    // 初級 becomes 3年目 only: the demo staff member (4年目) drops out of the list.
    const saved = await h.callJson<TenureBandsView>(hrAdmin, 'PUT', '/api/training/tenure-bands', 200, {
      updatedAt: null,
      bands: { ...defaultTenureBands, junior: { fromYear: 3, toYear: 3 } },
    });
    expect(saved.isDefault).toBe(false);
    expect(saved.bands.junior).toEqual({ fromYear: 3, toYear: 3 });
    const after = await h.callJson<SessionTargets>(hrAdmin, 'GET', `/api/training/sessions/${session.id}/targets`, 200);
    expect(after.items.some((t) => t.employeeNumber === 'A0005')).toBe(false);
    expect(after.total).toBeLessThan(before.total);

    const stale = await h.callJson<ErrorBody>(hrAdmin, 'PUT', '/api/training/tenure-bands', 409, { updatedAt: null, bands: defaultTenureBands });
    expect(stale.error.code).toBe('common.conflict');
    await h.callJson(hrAdmin, 'PUT', '/api/training/tenure-bands', 200, { updatedAt: saved.updatedAt, bands: defaultTenureBands });
    expect(await h.queryCount(sql`select count(*)::int as n from audit_log where action = 'training.tenure-bands-saved'`)).toBe(2);
  });
});
