import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { addDays, fiscalYearOf, fiscalYearStart } from '../../domain/common/fiscal-year.js';
import { rebuildRuleRelations, rebuildRuleRelationsFrom } from './relations.service.js';
import { deriveRelations } from '../../domain/org/relation-rules.js';
import { getOrgSettings } from './settings.service.js';
import { listRegularPostsOn, listUnitVersions } from './org.repository.js';
import type { RelationItem } from '../../domain/org/org-api.js';
import { demoMunicipalityId, endRegularAssignments, insertAssignment, positionIdByCode, staffIdByNumber, unitIdByCode } from './org-fixtures.repository.js';

let h: Harness;
let hr: Session;
let municipalityId: number;
const ids: Record<string, number> = {};

const relationsOf = async (staffId: number, session = hr) => (await h.callJson<{ relations: RelationItem[] }>(session, 'GET', `/api/relations?staffId=${staffId}`, 200)).relations;
const effective = (rows: RelationItem[], subject: number, kind: RelationItem['kind']) => rows.filter((r) => r.subjectStaffId === subject && r.kind === kind && r.isEffective);

beforeAll(async () => {
  h = await createHarness();
  hr = await h.loginAs('hrAdmin');
  municipalityId = await demoMunicipalityId(h.database.db);
  for (const n of ['A0001', 'A0002', 'A0003', 'A0004', 'A0005', 'A0006', 'A0009']) ids[n] = await staffIdByNumber(h.database.db, n);
});
afterAll(async () => {
  await h.close();
});

describe('relations derived by rule', () => {
  it('makes the 係長 the evaluator and the 課長 the confirmer of a 係員 (seeded by the demo)', async () => {
    const rows = await relationsOf(ids.A0005!);
    expect(effective(rows, ids.A0005!, 'evaluator').map((r) => r.holderStaffId)).toEqual([ids.A0004]);
    expect(effective(rows, ids.A0005!, 'confirmer').map((r) => r.holderStaffId)).toEqual([ids.A0003]);
    const evaluator = effective(rows, ids.A0005!, 'evaluator')[0]!;
    // The demo derives its relations from the start of the 年度 (ensure-demo.ts).
    expect(evaluator).toMatchObject({ source: 'rule', startsOn: fiscalYearStart(testToday), endsOn: null, subjectName: expect.stringContaining('小川') });
    expect(evaluator.reason).toContain('規則');
    // The holder's own list shows the relation from the other side.
    expect((await relationsOf(ids.A0004!)).some((r) => r.subjectStaffId === ids.A0005 && r.kind === 'evaluator')).toBe(true);
  });

  it('stores exactly what the pure rules derive for the whole city (the derivation runs piece by piece, per 課)', async () => {
    const db = h.database.db;
    const { relations } = deriveRelations({
      date: testToday,
      versions: await listUnitVersions(db, municipalityId),
      assignments: await listRegularPostsOn(db, municipalityId, testToday),
      rules: (await getOrgSettings(db, municipalityId)).relationRules,
    });
    const stored = await h.queryRows(sql`select subject_staff_id, kind, holder_staff_id from staff_relations
      where source = 'rule' and starts_on <= ${testToday} and (ends_on is null or ends_on >= ${testToday})`);
    const key = (s: unknown, k: unknown, h: unknown) => `${String(s)}:${String(k)}:${String(h)}`;
    expect(stored.map((r) => key(r.subject_staff_id, r.kind, r.holder_staff_id)).sort()).toEqual(
      relations.map((r) => key(r.subjectStaffId, r.kind, r.holderStaffId)).sort(),
    );
    expect(relations.length).toBeGreaterThan(150);
  });

  it('is idempotent: deriving again for the same day changes nothing', async () => {
    const before = await h.queryRows(sql`select count(*)::int as n from staff_relations`);
    const result = await h.callJson<{ created: number; unresolved: { subjectStaffId: number; name: string; kind: string; reason: string }[] }>(
      hr,
      'POST',
      '/api/relations/derive',
      200,
      { asOf: testToday },
    );
    expect(result.created).toBe(0);
    expect(result.unresolved.length).toBeGreaterThan(0);
    expect(result.unresolved.every((u) => u.name !== '' && u.reason !== '')).toBe(true);
    const after = await h.queryRows(sql`select count(*)::int as n from staff_relations`);
    expect(after[0]!.n).toBe(before[0]!.n);
    const audit = await h.queryRows(sql`select count(*)::int as n from audit_log where action = 'org.relations-derived'`);
    expect(Number(audit[0]!.n)).toBe(1);
  });

  it('lets the person and their unit head read relations, and only HR manage them', async () => {
    await relationsOf(ids.A0005!, await h.loginAs('staff'));
    await relationsOf(ids.A0005!, await h.loginAs('unitHead'));
    await h.callJson(await h.loginAs('staff'), 'GET', `/api/relations?staffId=${ids.A0009}`, 403);
    await h.callJson(await h.loginAs('evaluator'), 'POST', '/api/relations/derive', 403, { asOf: testToday });
    await h.callJson(hr, 'GET', '/api/relations', 400);
    await h.callJson(hr, 'GET', '/api/relations?staffId=abc', 400);
  });
});

describe('manual overrides', () => {
  it('wins over the rule: the new holder gains access and the former holder loses it', async () => {
    const evaluator = await h.loginAs('evaluator');
    const auditor = await h.loginAs('auditor');
    await h.callJson(evaluator, 'GET', `/api/staff/${ids.A0005}`, 200);
    await h.callJson(auditor, 'GET', `/api/staff/${ids.A0005}`, 403);

    const { id } = await h.callJson<{ id: number }>(hr, 'POST', '/api/relations', 201, {
      kind: 'evaluator',
      subjectStaffId: ids.A0005,
      holderStaffId: ids.A0006,
      startsOn: testToday,
      endsOn: null,
      reason: '係長の長期休暇中の代行',
    });
    const rows = await relationsOf(ids.A0005!);
    expect(effective(rows, ids.A0005!, 'evaluator')).toMatchObject([{ id, holderStaffId: ids.A0006, source: 'manual' }]);
    expect(rows.find((r) => r.kind === 'evaluator' && r.source === 'rule' && r.endsOn === null)?.isEffective).toBe(false);

    await h.callJson(evaluator, 'GET', `/api/staff/${ids.A0005}`, 403);
    await h.callJson(auditor, 'GET', `/api/staff/${ids.A0005}`, 200);
    const profile = await h.callJson<{ relations: { evaluator: { staffId: number } | null } }>(hr, 'GET', `/api/staff/${ids.A0005}`, 200);
    expect(profile.relations.evaluator?.staffId).toBe(ids.A0006);
    // A re-derivation never touches manual rows.
    await h.callJson(hr, 'POST', '/api/relations/derive', 200, { asOf: testToday });
    expect(effective(await relationsOf(ids.A0005!), ids.A0005!, 'evaluator')[0]?.id).toBe(id);

    // Removing an override that starts today deletes it; the rule applies again.
    await h.callJson(hr, 'DELETE', `/api/relations/${id}`, 204);
    await h.callJson(evaluator, 'GET', `/api/staff/${ids.A0005}`, 200);
    await h.callJson(auditor, 'GET', `/api/staff/${ids.A0005}`, 403);
    const actions = await h.queryRows(sql`select action from audit_log where action in ('org.relation-set', 'org.relation-removed') order by seq`);
    expect(actions.map((r) => r.action)).toEqual(['org.relation-set', 'org.relation-removed']);
  });

  it('settles what the rules leave open, so it leaves the worklist', async () => {
    const db = h.database.db;
    const first = await rebuildRuleRelations(db, municipalityId, testToday);
    const open = first.unresolved.find((u) => u.subjectStaffId === ids.A0003 && u.kind === 'confirmer');
    expect(open).toBeDefined();
    await h.callJson(hr, 'POST', '/api/relations', 201, {
      kind: 'confirmer',
      subjectStaffId: ids.A0003,
      holderStaffId: ids.A0001,
      startsOn: testToday,
      endsOn: `${fiscalYearOf(testToday) + 1}-03-31`,
      reason: '副市長に代わり人事係長が確認(デモ)',
    });
    const second = await rebuildRuleRelations(db, municipalityId, testToday);
    expect(second.unresolved.some((u) => u.subjectStaffId === ids.A0003 && u.kind === 'confirmer')).toBe(false);
    expect(second.created).toBe(0);
  });

  it('refuses overrides that make no sense', async () => {
    const base = { kind: 'evaluator', subjectStaffId: ids.A0005, holderStaffId: ids.A0002, startsOn: testToday, endsOn: null, reason: '理由' };
    const self = await h.callJson<{ error: { code: string } }>(hr, 'POST', '/api/relations', 400, { ...base, holderStaffId: ids.A0005 });
    expect(self.error.code).toBe('org.relation-invalid');
    await h.callJson(hr, 'POST', '/api/relations', 400, { ...base, endsOn: addDays(testToday, -1) });
    await h.callJson(hr, 'POST', '/api/relations', 400, { ...base, reason: '  ' });
    await h.callJson(hr, 'POST', '/api/relations', 400, { ...base, source: 'rule' });
    await h.callJson(hr, 'POST', '/api/relations', 404, { ...base, holderStaffId: 99999999 });
    const { id } = await h.callJson<{ id: number }>(hr, 'POST', '/api/relations', 201, base);
    const overlap = await h.callJson<{ error: { code: string } }>(hr, 'POST', '/api/relations', 400, { ...base, holderStaffId: ids.A0009 });
    expect(overlap.error.code).toBe('org.relation-invalid');
    await h.callJson(hr, 'DELETE', `/api/relations/${id}`, 204);
    const rule = (await relationsOf(ids.A0005!)).find((r) => r.source === 'rule')!;
    const notManual = await h.callJson<{ error: { code: string } }>(hr, 'DELETE', `/api/relations/${rule.id}`, 400);
    expect(notManual.error.code).toBe('org.relation-invalid');
    await h.callJson(hr, 'DELETE', '/api/relations/99999999', 404);
  });

  it('ends an override already in force yesterday instead of deleting it (history of who evaluated whom)', async () => {
    const { id } = await h.callJson<{ id: number }>(hr, 'POST', '/api/relations', 201, {
      kind: 'evaluator',
      subjectStaffId: ids.A0009,
      holderStaffId: ids.A0002,
      startsOn: addDays(testToday, -30),
      endsOn: null,
      reason: '臨時の体制',
    });
    await h.callJson(hr, 'DELETE', `/api/relations/${id}`, 204);
    const row = (await relationsOf(ids.A0009!)).find((r) => r.id === id);
    expect(row).toMatchObject({ endsOn: addDays(testToday, -1), isEffective: false });
    await h.callJson(hr, 'DELETE', `/api/relations/${id}`, 400);
  });
});

describe('rebuildRuleRelations after a transfer', () => {
  it('moves the evaluator relation (and access) with the person', async () => {
    const db = h.database.db;
    const nextApril = `${fiscalYearOf(testToday) + 1}-04-01`;
    // 小川 (A0005) moves from 窓口係 to 人事係 on April 1; the 人事係長 is A0001.
    await endRegularAssignments(db, ids.A0005!, addDays(nextApril, -1));
    await insertAssignment(db, municipalityId, {
      staffId: ids.A0005!,
      unitId: await unitIdByCode(db, 'D01-K02-S01'),
      positionId: await positionIdByCode(db, 'shuji'),
      startsOn: nextApril,
    });
    const result = await rebuildRuleRelations(db, municipalityId, nextApril);
    expect(result.created).toBeGreaterThanOrEqual(2);

    const rows = (await relationsOf(ids.A0005!)).filter((r) => r.subjectStaffId === ids.A0005 && r.source === 'rule');
    const evaluators = rows.filter((r) => r.kind === 'evaluator').sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    expect(evaluators.map((r) => [r.holderStaffId, r.startsOn, r.endsOn])).toEqual([
      [ids.A0004, fiscalYearStart(testToday), addDays(nextApril, -1)],
      [ids.A0001, nextApril, null],
    ]);
    expect(rows.filter((r) => r.kind === 'confirmer' && r.startsOn === nextApril).map((r) => r.holderStaffId)).not.toContain(ids.A0003);

    // Access follows: the former evaluator reads the profile until March 31 and not from April 1.
    h.setNow(new Date(`${addDays(nextApril, -1)}T10:00:00+09:00`));
    await h.callJson(await h.loginAs('evaluator'), 'GET', `/api/staff/${ids.A0005}`, 200);
    h.setNow(new Date(`${nextApril}T10:00:00+09:00`));
    await h.callJson(await h.loginAs('evaluator'), 'GET', `/api/staff/${ids.A0005}`, 403);
    await h.callJson(await h.loginAs('unitHead'), 'GET', `/api/staff/${ids.A0005}`, 403);
    h.setNow(new Date(`${testToday}T10:00:00+09:00`));

    // Deriving again for the same day is a no-op; deriving for an earlier day replaces the later derivation.
    expect((await rebuildRuleRelations(db, municipalityId, nextApril)).created).toBe(0);
    await rebuildRuleRelations(db, municipalityId, testToday);
    const later = await h.queryRows(sql`select count(*)::int as n from staff_relations where source = 'rule' and starts_on > ${testToday}`);
    expect(Number(later[0]!.n)).toBe(0);
  });

  it('keeps a later day’s relations when re-deriving from today (an import or new rules must not undo next April’s transfer)', async () => {
    const db = h.database.db;
    const nextApril = `${fiscalYearOf(testToday) + 1}-04-01`;
    // The transfer of the test above is still in the data; its April derivation was replaced by today's.
    await rebuildRuleRelations(db, municipalityId, nextApril);
    await rebuildRuleRelationsFrom(db, municipalityId, testToday);
    const evaluators = (await relationsOf(ids.A0005!))
      .filter((r) => r.subjectStaffId === ids.A0005 && r.source === 'rule' && r.kind === 'evaluator')
      .sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    expect(evaluators.map((r) => [r.holderStaffId, r.endsOn])).toEqual([
      [ids.A0004, addDays(nextApril, -1)],
      [ids.A0001, null],
    ]);
    expect(evaluators[1]!.startsOn).toBe(nextApril);
    // Stable: doing it again gives the same relations.
    await rebuildRuleRelationsFrom(db, municipalityId, testToday);
    const again = (await relationsOf(ids.A0005!)).filter((r) => r.subjectStaffId === ids.A0005 && r.source === 'rule' && r.kind === 'evaluator');
    expect(again.map((r) => [r.holderStaffId, r.startsOn, r.endsOn]).sort()).toEqual(evaluators.map((r) => [r.holderStaffId, r.startsOn, r.endsOn]).sort());
  });
});
