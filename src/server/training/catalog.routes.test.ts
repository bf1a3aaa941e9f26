import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { policyCatalog } from '../../domain/training/policy-catalog.js';
import type { Course } from '../../domain/training/training-model.js';
import type { CourseList, CourseView, PolicyCatalogImport } from '../../domain/training/training-api.js';

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let staff: Session;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

const newCourse = (overrides: Partial<Course> = {}): Course => ({
  code: 'LOCAL-1',
  title: '窓口サービス向上研修',
  category: 'special',
  provider: 'external-lecturer',
  mode: 'classroom',
  coHosts: ['藤岡市'],
  targetRule: { positionLevels: ['staff'], tenureBands: [], employmentTypes: ['regular'], situations: [] },
  selectionMethods: ['unit-recommendation', 'application'],
  abilityItemIds: ['communication'],
  description: '',
  isActive: true,
  ...overrides,
});

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  staff = await h.loginAs('staff');
});
afterAll(async () => {
  await h.close();
});

describe('the policy catalog import', () => {
  it('starts empty, with every policy course missing', async () => {
    const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    expect(list.items).toEqual([]);
    expect(list.canManage).toBe(true);
    expect(list.missingPolicyCourses).toBe(policyCatalog.length);
  });

  it('is refused to staff and anonymous callers', async () => {
    expect((await h.callJson<ErrorBody>(staff, 'POST', '/api/training/courses/import-policy-catalog', 403)).error.code).toBe('access.denied');
    await h.callJson(null, 'POST', '/api/training/courses/import-policy-catalog', 401);
  });

  it('inserts the policy catalog once; pressing it again adds nothing; audited each time', async () => {
    const before = await auditCount('training.policy-catalog-imported');
    const first = await h.callJson<PolicyCatalogImport>(hrOfficer, 'POST', '/api/training/courses/import-policy-catalog', 200);
    expect(first).toEqual({ inserted: policyCatalog.length, alreadyPresent: 0 });
    const again = await h.callJson<PolicyCatalogImport>(hrAdmin, 'POST', '/api/training/courses/import-policy-catalog', 200);
    expect(again).toEqual({ inserted: 0, alreadyPresent: policyCatalog.length });
    expect(await auditCount('training.policy-catalog-imported')).toBe(before + 2);
    const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    expect(list.items).toHaveLength(policyCatalog.length);
    expect(list.missingPolicyCourses).toBe(0);
    const second = list.items.find((c) => c.code === 'GEN-2ND')!;
    expect(second.title).toBe('2年目職員研修');
    expect(second.targetRule.tenureBands).toEqual(['second-year']);
    expect(second.version).toBe(1);
  });

  it('lets every signed-in staff member browse, filtered by category, but not manage', async () => {
    const list = await h.callJson<CourseList>(staff, 'GET', '/api/training/courses?category=dispatch', 200);
    expect(list.canManage).toBe(false);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((c) => c.category === 'dispatch')).toBe(true);
    await h.callJson(null, 'GET', '/api/training/courses', 401);
    const bad = await h.callJson<ErrorBody>(staff, 'GET', '/api/training/courses?category=party', 400);
    expect(bad.error.code).toBe('common.validation');
  });
});

describe('adding, changing and deactivating courses', () => {
  it('adds a course, refuses its code twice (next to the field) and invalid input in Japanese', async () => {
    const created = await h.callJson<CourseView>(hrAdmin, 'POST', '/api/training/courses', 201, newCourse());
    expect(created).toMatchObject({ code: 'LOCAL-1', coHosts: ['藤岡市'], version: 1, isActive: true });
    const dup = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/courses', 400, newCourse({ title: '別の研修' }));
    expect(dup.error.code).toBe('common.validation');
    expect(dup.error.details).toEqual([expect.objectContaining({ path: 'code', message: 'このコードはすでにほかの研修で使われています' })]);
    const invalid = await h.callJson<ErrorBody>(hrAdmin, 'POST', '/api/training/courses', 400, newCourse({ code: 'X', title: ' ', selectionMethods: [] }));
    const messages = invalid.error.details!.map((d) => d.message);
    expect(messages).toContain('研修名を入力してください');
    expect(messages).toContain('対象者の決め方を1つ以上選んでください');
    await h.callJson(staff, 'POST', '/api/training/courses', 403, newCourse({ code: 'STAFF-1' }));
    expect(await auditCount('training.course-created')).toBe(1);
  });

  it('changes a course at its version, refuses a stale version with 409 common.conflict, and audits the changed fields', async () => {
    const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    const course = list.items.find((c) => c.code === 'LOCAL-1')!;
    const { id, version, ...body } = course;
    const saved = await h.callJson<CourseView>(hrAdmin, 'PUT', `/api/training/courses/${id}`, 200, { ...body, version, title: '窓口接遇研修' });
    expect(saved).toMatchObject({ title: '窓口接遇研修', version: version + 1 });
    const stale = await h.callJson<ErrorBody>(hrOfficer, 'PUT', `/api/training/courses/${id}`, 409, { ...body, version, title: '古い版' });
    expect(stale.error.code).toBe('common.conflict');
    const taken = await h.callJson<ErrorBody>(hrAdmin, 'PUT', `/api/training/courses/${id}`, 400, { ...body, version: saved.version, code: 'GEN-NEW' });
    expect(taken.error.details?.[0]?.path).toBe('code');
    const [row] = await h.queryRows<{ details: { changed: string[] } }>(
      sql`select details from audit_log where action = 'training.course-updated' and object_id = ${String(id)} order by seq desc limit 1`,
    );
    expect(row?.details.changed).toEqual(['title']);
    await h.callJson(hrAdmin, 'PUT', '/api/training/courses/999999', 404, { ...body, version: 1 });
  });

  it('deactivates instead of deleting: staff no longer see it, HR still does', async () => {
    const list = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    const course = list.items.find((c) => c.code === 'LOCAL-1')!;
    await h.callJson<ErrorBody>(hrAdmin, 'DELETE', `/api/training/courses/${course.id}?version=${course.version - 1}`, 409);
    const off = await h.callJson<CourseView>(hrAdmin, 'DELETE', `/api/training/courses/${course.id}?version=${course.version}`, 200);
    expect(off.isActive).toBe(false);
    const forStaff = await h.callJson<CourseList>(staff, 'GET', '/api/training/courses', 200);
    expect(forStaff.items.some((c) => c.code === 'LOCAL-1')).toBe(false);
    await h.callJson(staff, 'GET', `/api/training/courses/${course.id}`, 404);
    const forHr = await h.callJson<CourseList>(hrAdmin, 'GET', '/api/training/courses', 200);
    expect(forHr.items.at(-1)).toMatchObject({ code: 'LOCAL-1', isActive: false });
    expect(await auditCount('training.course-deactivated')).toBe(1);
  });
});
