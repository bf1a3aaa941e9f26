import { describe, expect, it } from 'vitest';
import {
  affectedPeople,
  canonicalPeopleRows,
  changeCounts,
  changedPeople,
  undoApplyRefusal,
  type AssignmentRecord,
  type PlanApplyChanges,
  type RelationRecord,
} from './plan-apply-log.js';

const post = (over: Partial<AssignmentRecord> = {}): AssignmentRecord => ({
  id: 1,
  staffId: 10,
  unitId: 100,
  positionId: 5,
  kind: 'regular',
  dispatchTo: null,
  startsOn: '2020-04-01',
  endsOn: null,
  ...over,
});
const relation = (over: Partial<RelationRecord> = {}): RelationRecord => ({
  id: 1,
  kind: 'evaluator',
  subjectStaffId: 10,
  holderStaffId: 20,
  source: 'rule',
  reason: '規則',
  startsOn: '2020-04-01',
  endsOn: null,
  ...over,
});

const changes: PlanApplyChanges = {
  assignmentsEnded: [{ id: 1, staffId: 10, endsOnBefore: null }],
  assignmentsCreated: [{ id: 2, staffId: 10 }],
  relationsRemoved: [{ ...relation({ id: 7, subjectStaffId: 40 }), createdAt: '2025-10-01 00:00:00+00' }],
  relationsEnded: [{ id: 3, subjectStaffId: 10, endsOnBefore: null }],
  relationsReopened: [{ id: 4, subjectStaffId: 30, endsOnBefore: '2026-09-30' }],
  relationsCreated: [
    { id: 5, subjectStaffId: 10 },
    { id: 6, subjectStaffId: 30 },
  ],
};

describe('affectedPeople and changeCounts', () => {
  it('takes the movers and every subject of a relation row the apply wrote, once each, sorted', () => {
    expect(affectedPeople(changes)).toEqual([10, 30, 40]);
  });

  it('counts each kind of change', () => {
    expect(changeCounts(changes)).toEqual({
      assignmentsEnded: 1,
      assignmentsCreated: 1,
      relationsRemoved: 1,
      relationsEnded: 1,
      relationsReopened: 1,
      relationsCreated: 2,
    });
  });
});

describe('canonicalPeopleRows', () => {
  const people = [10, 20];
  const base = canonicalPeopleRows(people, [post(), post({ id: 2, startsOn: '2026-04-01' })], [relation()]);

  it('does not depend on the order the rows were read in', () => {
    expect(canonicalPeopleRows(people, [post({ id: 2, startsOn: '2026-04-01' }), post()], [relation()])).toEqual(base);
  });

  it('puts a relation row in the subject’s and the holder’s text', () => {
    expect(base.get(10)).toContain('"subject":[[1');
    expect(base.get(20)).toContain('"holder":[[1');
    expect(base.get(20)).toContain('"assignments":[]');
  });

  // Each column a later change could touch changes the text of the person it belongs to, and only theirs.
  it.each([
    ['an end date', [post({ endsOn: '2027-03-31' }), post({ id: 2, startsOn: '2026-04-01' })], [relation()], [10]],
    ['a unit', [post({ unitId: 101 }), post({ id: 2, startsOn: '2026-04-01' })], [relation()], [10]],
    ['a new assignment (a dispatch)', [post(), post({ id: 2, startsOn: '2026-04-01' }), post({ id: 9, kind: 'dispatch', dispatchTo: '県' })], [relation()], [10]],
    ['an assignment rewritten with a new id (an import)', [post({ id: 11 }), post({ id: 2, startsOn: '2026-04-01' })], [relation()], [10]],
    ['a relation’s holder', [post(), post({ id: 2, startsOn: '2026-04-01' })], [relation({ holderStaffId: 21 })], [10, 20]],
    ['a manual relation added', [post(), post({ id: 2, startsOn: '2026-04-01' })], [relation(), relation({ id: 2, source: 'manual' })], [10, 20]],
    ['a relation removed', [post(), post({ id: 2, startsOn: '2026-04-01' })], [], [10, 20]],
    ['someone else’s row', [post(), post({ id: 2, startsOn: '2026-04-01' }), post({ id: 3, staffId: 99 })], [relation(), relation({ id: 4, subjectStaffId: 98, holderStaffId: 97 })], []],
  ] as const)('%s', (_label, assignments, relations, changed) => {
    const now = canonicalPeopleRows(people, assignments, relations);
    expect(people.filter((p) => now.get(p) !== base.get(p))).toEqual(changed);
  });
});

describe('changedPeople', () => {
  it('lists the people whose digest differs or is missing on either side', () => {
    expect(changedPeople({ '1': 'a', '2': 'b', '3': 'c' }, { '1': 'a', '2': 'x', '4': 'd' })).toEqual([2, 3, 4]);
    expect(changedPeople({ '1': 'a' }, { '1': 'a' })).toEqual([]);
  });
});

describe('undoApplyRefusal', () => {
  const base = { status: 'applied', hasApplyRecord: true, effectiveDate: '2026-04-01', today: '2026-03-31', changed: [], formatDate: (iso: string) => `[${iso}]` };

  it.each([
    ['the day before the effective date', {}, null],
    ['months before', { today: '2025-10-01' }, null],
    ['the effective date itself', { today: '2026-04-01' }, 'effective-date-reached'],
    ['after the effective date', { today: '2026-04-02' }, 'effective-date-reached'],
    ['a draft', { status: 'draft' }, 'not-applied'],
    ['an approved plan', { status: 'approved' }, 'not-applied'],
    ['an archived plan', { status: 'archived' }, 'not-applied'],
    ['an applied plan without its record', { hasApplyRecord: false }, 'no-apply-record'],
    ['people touched since', { changed: [{ staffId: 3, name: '試験 太郎' }] }, 'changed-since-apply'],
    // The earlier reason wins: the date is told before the touched people.
    ['touched and past the date', { today: '2026-04-01', changed: [{ staffId: 3, name: '試験 太郎' }] }, 'effective-date-reached'],
  ] as const)('%s', (_label, over, reason) => {
    expect(undoApplyRefusal({ ...base, ...over })?.reason ?? null).toBe(reason);
  });

  it('says why in Japanese, with the date and the people', () => {
    expect(undoApplyRefusal({ ...base, today: '2026-04-01' })?.message).toContain('発令日([2026-04-01])になった');
    const touched = undoApplyRefusal({
      ...base,
      changed: Array.from({ length: 7 }, (_, i) => ({ staffId: i + 1, name: i === 1 ? '' : `職員${i + 1}` })),
    });
    expect(touched?.message).toContain('職員1さん、職員#2、職員3さん、職員4さん、職員5さんほか2人の配属または評価者・確認者が変更されている');
    expect(touched?.staffIds).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});
