/**
 * 適用の取り消し (POST /api/placement/plans/{id}/undo-apply, ADR 0014): apply then undo leaves the organisation exactly
 * as before (every assignment and relation row, ids and creation times included); refused on and after the effective
 * date, after anything touched one of the affected people, for a plan that is not applied, and for anyone but
 * hr_admin; all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { testToday } from '../db/test-db.js';
import { loadPlacementFacts } from './facts.service.js';
import type { PlacementFacts, PlacementPerson, PlacementUnit } from '../../domain/placement/placement-model.js';
import type { PlanDetail, PlanView } from '../../domain/placement/plans-api.js';
import type { PlanApplyChanges } from '../../domain/placement/plan-apply-log.js';

type ErrorBody = { error: { code: string; message: string; details?: { reason?: string; staffIds?: number[] } } };
type UndoResult = { plan: PlanView; assignmentsReopened: number; assignmentsRemoved: number; relationsRestored: number; relationsRemoved: number };

// The harness's today is 2025-10-01; the plans take effect on the next April 1.
const effectiveDate = '2026-04-01';
const dayBefore = '2026-03-31';
const laterDate = '2026-10-01';

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let facts: PlacementFacts;

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  facts = await loadPlacementFacts(await h.contextOf('hrAdmin'), effectiveDate);
});
afterAll(async () => {
  await h.close();
});

/** Moves the clock to 10:00 in Tokyo on `date` and signs in again (a session does not survive months). */
async function setToday(date: string): Promise<void> {
  h.setNow(new Date(`${date}T10:00:00+09:00`));
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
}

/** Every assignment and every relation row of the municipality, every column: the organisation as stored. */
async function snapshot() {
  return {
    assignments: await h.queryRows(sql`select id, municipality_id, staff_id, unit_id, position_id, kind, dispatch_to, starts_on::text as starts_on,
      ends_on::text as ends_on from assignments order by id`),
    relations: await h.queryRows(sql`select id, municipality_id, kind, subject_staff_id, holder_staff_id, source, reason, starts_on::text as starts_on,
      ends_on::text as ends_on, created_at::text as created_at from staff_relations order by id`),
  };
}

/** People the rules let move freely: in the rotation period, with frontline experience, not dispatched. */
const freeMovers = () => facts.people.filter((p) => p.phase === 'rotation' && p.hasFrontlineExperience && !p.isDispatched);

/** Another unit without a 定数 at the person's level and with a head there. */
function otherUnit(p: PlacementPerson, inFacts: PlacementFacts = facts): number {
  const hasHead = (u: PlacementUnit) => Object.entries(u.headcount).some(([level, n]) => level !== p.currentPositionLevel && (n ?? 0) > 0);
  const unit = inFacts.units.find((u) => u.unitId !== p.currentUnitId && u.quotas[p.currentPositionLevel] === undefined && hasHead(u));
  if (!unit) throw new Error('no other unit');
  return unit.unitId;
}

/** A unit where a colleague of the same level has an evaluator by rule on the eve: moving there changes the mover's evaluator. */
async function unitWithPeer(p: PlacementPerson, exclude: readonly number[]): Promise<number> {
  const leafUnits = new Set(facts.units.filter((u) => u.quotas[p.currentPositionLevel] === undefined).map((u) => u.unitId));
  const rows = await h.queryRows<{ unit_id: number; staff_id: number }>(sql`
    select a.unit_id, a.staff_id from assignments a
    join positions pos on pos.id = a.position_id
    join staff_relations r on r.subject_staff_id = a.staff_id and r.kind = 'evaluator' and r.source = 'rule'
      and r.starts_on <= ${dayBefore} and (r.ends_on is null or r.ends_on >= ${dayBefore})
    where a.kind = 'regular' and a.starts_on <= ${dayBefore} and (a.ends_on is null or a.ends_on >= ${dayBefore})
      and pos.level = ${p.currentPositionLevel} and a.unit_id <> ${p.currentUnitId}
    order by a.unit_id, a.staff_id`);
  const found = rows.find((r) => leafUnits.has(Number(r.unit_id)) && !exclude.includes(Number(r.staff_id)));
  if (!found) throw new Error('no unit with a peer');
  return Number(found.unit_id);
}

async function approvedPlan(name: string, moves: ReadonlyArray<{ staffId: number; toUnitId: number }>, date = effectiveDate): Promise<PlanView> {
  const plan = await h.callJson<PlanView>(hrOfficer, 'POST', '/api/placement/plans', 201, { name, effectiveDate: date });
  let version = plan.version;
  for (const m of moves) {
    version = (
      await h.callJson<PlanDetail>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/moves`, 201, {
        version,
        staffId: m.staffId,
        toUnitId: m.toUnitId,
        toPositionId: null,
        reason: '人材育成のため',
        specialReason: null,
      })
    ).plan.version;
  }
  return h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/approve`, 200, { version });
}

const apply = async (plan: PlanView) => (await h.callJson<{ plan: PlanView }>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/apply`, 200, { version: plan.version })).plan;
const undo = (plan: PlanView, session = hrAdmin) => h.call(session, 'POST', `/api/placement/plans/${plan.id}/undo-apply`, { version: plan.version });
const readPlan = (plan: { id: number }, session = hrAdmin) => h.callJson<PlanDetail>(session, 'GET', `/api/placement/plans/${plan.id}`, 200);
const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);

async function expectRefused(res: Response, reason: string): Promise<ErrorBody['error']> {
  expect(res.status, await res.clone().text()).toBe(409);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe('placement.plan-undo-refused');
  expect(body.error.details?.reason).toBe(reason);
  return body.error;
}

/** The open apply record of the plan, as stored. */
async function applyLogOf(planId: number): Promise<{ changes: PlanApplyChanges; people: number[] }> {
  const [row] = await h.queryRows<{ changes: PlanApplyChanges | string; fingerprints: Record<string, string> | string }>(
    sql`select changes, fingerprints from transfer_plan_apply_logs where plan_id = ${planId} and undone_at is null`,
  );
  if (!row) throw new Error('no open apply record');
  const parse = <T,>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return { changes: parse(row.changes), people: Object.keys(parse(row.fingerprints)).map(Number) };
}

describe('undo an apply', () => {
  it('puts every assignment and relation back exactly — ids and creation times included — and the plan back to approved', async () => {
    const [a, b, y] = freeMovers();
    // A transfer of y already recorded for October and derived for that day: the April apply removes y's October
    // relations and reopens the ones they ended, so the undo has every kind of change to reverse.
    const [yPost] = await h.queryRows<{ id: number; position_id: number }>(
      sql`select id, position_id from assignments where staff_id = ${y!.staffId} and kind = 'regular' and ends_on is null`,
    );
    await h.queryRows(sql`update assignments set ends_on = '2026-09-30' where id = ${yPost!.id}`);
    await h.queryRows(sql`insert into assignments (municipality_id, staff_id, unit_id, position_id, kind, starts_on)
      select municipality_id, staff_id, ${await unitWithPeer(y!, [a!.staffId, b!.staffId])}, position_id, 'regular', ${laterDate} from assignments where id = ${yPost!.id}`);
    await h.callJson(hrAdmin, 'POST', '/api/relations/derive', 200, { asOf: laterDate });

    const before = await snapshot();
    const plan = await approvedPlan('取り消す案', [
      { staffId: a!.staffId, toUnitId: await unitWithPeer(a!, [a!.staffId, b!.staffId]) },
      { staffId: b!.staffId, toUnitId: await unitWithPeer(b!, [a!.staffId, b!.staffId]) },
    ]);
    const applied = await apply(plan);
    const afterApply = await snapshot();
    expect(afterApply).not.toEqual(before);

    const { changes, people } = await applyLogOf(plan.id);
    expect(changes.assignmentsEnded.map((x) => x.staffId).sort()).toEqual([a!.staffId, b!.staffId].sort());
    expect(changes.assignmentsCreated).toHaveLength(2);
    for (const kind of ['relationsRemoved', 'relationsEnded', 'relationsReopened', 'relationsCreated'] as const) expect(changes[kind].length, kind).toBeGreaterThan(0);
    expect(people).toEqual(expect.arrayContaining([a!.staffId, b!.staffId, y!.staffId]));

    const view = await readPlan(plan);
    expect(view).toMatchObject({ canUndoApply: true, undoApplyRefusal: null });

    const stale = await h.call(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/undo-apply`, { version: plan.version });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.code).toBe('common.conflict');

    const audits = await auditCount('placement.plan-apply-undone');
    const res = await undo(applied);
    expect(res.status, await res.clone().text()).toBe(200);
    const result = (await res.json()) as UndoResult;
    expect(result.plan).toMatchObject({ status: 'approved', appliedAt: null, version: applied.version + 1 });
    expect(result).toMatchObject({
      assignmentsReopened: 2,
      assignmentsRemoved: 2,
      relationsRemoved: changes.relationsCreated.length,
      relationsRestored: changes.relationsRemoved.length + changes.relationsEnded.length + changes.relationsReopened.length,
    });
    expect(await snapshot()).toEqual(before);
    expect(await auditCount('placement.plan-apply-undone')).toBe(audits + 1);
    const [auditRow] = await h.queryRows<{ details: unknown }>(
      sql`select details from audit_log where action = 'placement.plan-apply-undone' and object_id = ${String(plan.id)} order by id desc limit 1`,
    );
    expect(typeof auditRow!.details === 'string' ? JSON.parse(auditRow!.details) : auditRow!.details).toMatchObject({ assignmentsReopened: 2, assignmentsRemoved: 2 });
    expect(await h.queryCount(sql`select count(*)::int as n from transfer_plan_apply_logs where plan_id = ${plan.id} and undone_at is not null`)).toBe(1);
    const reread = await readPlan(plan);
    expect(reread).toMatchObject({ canUndoApply: false, undoApplyRefusal: null });

    // Undone, the plan is an approved plan again: it can be applied and undone once more, with the same result.
    const again = await apply(result.plan);
    expect(await snapshot()).not.toEqual(before);
    const second = await undo(again);
    expect(second.status, await second.clone().text()).toBe(200);
    expect(await snapshot()).toEqual(before);
  });

  it('a failure at the last step leaves the apply in place', async () => {
    const [, , , p] = freeMovers();
    const plan = await apply(await approvedPlan('失敗させる取り消し', [{ staffId: p!.staffId, toUnitId: otherUnit(p!) }]));
    const applied = await snapshot();
    await h.queryRows(sql`create or replace function placement_test_fail_undo() returns trigger language plpgsql as $$
      begin if new.action = 'placement.plan-apply-undone' then raise exception 'forced failure'; end if; return new; end $$`);
    await h.queryRows(sql`create trigger placement_test_fail_undo before insert on audit_log for each row execute function placement_test_fail_undo()`);
    try {
      expect((await undo(plan)).status).toBe(500);
    } finally {
      await h.queryRows(sql`drop trigger placement_test_fail_undo on audit_log`);
      await h.queryRows(sql`drop function placement_test_fail_undo()`);
    }
    expect(await snapshot()).toEqual(applied);
    expect((await readPlan(plan)).plan).toMatchObject({ status: 'applied', version: plan.version });
    expect((await undo(plan)).status).toBe(200);
  });
});

describe('refusals', () => {
  it('is refused on the effective date and after it, allowed the day before', async () => {
    const [, , , , p] = freeMovers();
    const plan = await apply(await approvedPlan('発令日の確認', [{ staffId: p!.staffId, toUnitId: otherUnit(p!) }]));
    try {
      for (const date of [effectiveDate, '2026-04-02']) {
        await setToday(date);
        const view = await readPlan(plan);
        expect(view.canUndoApply, date).toBe(false);
        expect(view.undoApplyRefusal).toContain('発令日');
        const error = await expectRefused(await undo(plan), 'effective-date-reached');
        expect(error.message).toContain('取り消せるのは発令日の前日まで');
      }
      await setToday(dayBefore);
      expect((await readPlan(plan)).canUndoApply).toBe(true);
      expect((await undo(plan)).status).toBe(200);
    } finally {
      await setToday(testToday);
    }
  });

  it('is refused for a plan that is not applied, or applied without a record', async () => {
    const [, , , , , p] = freeMovers();
    const approved = await approvedPlan('承認済みの案', [{ staffId: p!.staffId, toUnitId: otherUnit(p!) }]);
    await expectRefused(await undo(approved), 'not-applied');
    expect(await readPlan(approved)).toMatchObject({ canUndoApply: false, undoApplyRefusal: null });
    const draft = await h.callJson<PlanView>(hrOfficer, 'POST', '/api/placement/plans', 201, { name: '作成中の案' });
    const refused = await expectRefused(await undo(draft), 'not-applied');
    expect(refused.message).toContain('発令(適用)されていない');

    // As a plan applied before the apply record existed: nothing says what to put back.
    const legacy = await approvedPlan('記録のない案', [{ staffId: p!.staffId, toUnitId: otherUnit(p!) }], '2027-04-01');
    await h.queryRows(sql`update transfer_plans set status = 'applied', applied_at = now() where id = ${legacy.id}`);
    const view = await readPlan(legacy);
    expect(view.canUndoApply).toBe(false);
    expect(view.undoApplyRefusal).toContain('適用の記録');
    await expectRefused(await undo(view.plan), 'no-apply-record');
  });

  it('is for hr_admin only, like the apply', async () => {
    const [, , , , , , p] = freeMovers();
    const plan = await apply(await approvedPlan('権限の確認', [{ staffId: p!.staffId, toUnitId: otherUnit(p!) }]));
    for (const key of ['hrOfficer', 'staff', 'unitHead', 'evaluator', 'auditor'] as const) {
      const res = await undo(plan, await h.loginAs(key));
      expect(res.status, key).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('access.denied');
    }
    expect(await readPlan(plan, hrOfficer)).toMatchObject({ canUndoApply: false, undoApplyRefusal: '適用の取り消しは人事管理者が行います。' });
    expect((await undo(plan)).status).toBe(200);
  });

  it('is refused once anything touched one of the affected people, and only then', async () => {
    const [, , , , , , , m, n] = freeMovers();
    const plan = await apply(
      await approvedPlan('変更後の確認', [
        { staffId: m!.staffId, toUnitId: await unitWithPeer(m!, [m!.staffId, n!.staffId]) },
        { staffId: n!.staffId, toUnitId: await unitWithPeer(n!, [m!.staffId, n!.staffId]) },
      ]),
    );
    const { people } = await applyLogOf(plan.id);
    const outsiders = facts.people.filter((p) => !people.includes(p.staffId)).map((p) => p.staffId);
    const refusedFor = async (staffId: number) => {
      const view = await readPlan(plan);
      expect(view.canUndoApply).toBe(false);
      expect(view.undoApplyRefusal).toContain('変更されている');
      const error = await expectRefused(await undo(plan), 'changed-since-apply');
      expect(error.details?.staffIds).toContain(staffId);
    };
    const allowed = async () => expect(await readPlan(plan)).toMatchObject({ canUndoApply: true, undoApplyRefusal: null });
    const manual = (subjectStaffId: number, holderStaffId: number) =>
      h.callJson<{ id: number }>(hrAdmin, 'POST', '/api/relations', 201, {
        kind: 'evaluator',
        subjectStaffId,
        holderStaffId,
        startsOn: effectiveDate,
        endsOn: null,
        reason: '特命のため',
      });

    // Someone else's change does not block it.
    await manual(outsiders[0]!, outsiders[1]!);
    await allowed();

    // A manual edit of a mover's relations blocks it, and removing that edit (the rows as the apply left them) frees it.
    const set = await manual(m!.staffId, outsiders[2]!);
    await refusedFor(m!.staffId);
    expect((await h.call(hrAdmin, 'DELETE', `/api/relations/${set.id}`)).status).toBe(204);
    await allowed();

    // A changed post (as a hand edit of the table would) blocks it until it is as the apply left it.
    await h.queryRows(sql`update assignments set ends_on = '2027-03-31' where staff_id = ${n!.staffId} and starts_on = ${effectiveDate}`);
    await refusedFor(n!.staffId);
    await h.queryRows(sql`update assignments set ends_on = null where staff_id = ${n!.staffId} and starts_on = ${effectiveDate}`);
    await allowed();

    // Another plan moving one of them again (October) blocks it; undoing that one first frees it again.
    const october = await loadPlacementFacts(await h.contextOf('hrAdmin'), laterDate);
    const mInOctober = october.people.find((p) => p.staffId === m!.staffId)!;
    const later = await apply(await approvedPlan('10月の案', [{ staffId: m!.staffId, toUnitId: otherUnit(mInOctober, october) }], laterDate));
    await refusedFor(m!.staffId);
    expect((await undo(later)).status).toBe(200);
    await allowed();

    // A derivation for today (as an assignment import does) replaces the relations the apply derived for April.
    await h.callJson(hrAdmin, 'POST', '/api/relations/derive', 200, { asOf: testToday });
    const view = await readPlan(plan);
    expect(view.canUndoApply).toBe(false);
    await expectRefused(await undo(plan), 'changed-since-apply');
    expect((await readPlan(plan)).plan.status).toBe('applied');
  });
});
