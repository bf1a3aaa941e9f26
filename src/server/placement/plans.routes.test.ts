import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createHarness, type Harness, type Session } from '../http/test-harness.js';
import { loadPlacementFacts } from './facts.service.js';
import type { PlacementFacts, PlacementPerson, PlacementUnit } from '../../domain/placement/placement-model.js';
import type { PlanComparison, PlanDetail, PlanEvaluationView, PlanList, PlanView, ViolationSummary } from '../../domain/placement/plans-api.js';

type ErrorBody = { error: { code: string; message: string; details?: { violations?: ViolationSummary[]; count?: number } } };

// The harness's today is 2025-10-01, so the next April 1 is 2026-04-01.
const effectiveDate = '2026-04-01';
const dayBefore = '2026-03-31';

let h: Harness;
let hrAdmin: Session;
let hrOfficer: Session;
let facts: PlacementFacts;

const auditCount = (action: string) => h.queryCount(sql`select count(*)::int as n from audit_log where action = ${action}`);
const isPastRotation = (p: PlacementPerson) => p.phase === 'core' || p.phase === 'expert';

/** People the rules let move freely: in the rotation period, with frontline experience, not dispatched, not an R3 case. */
function freeMovers(): PlacementPerson[] {
  return facts.people.filter((p) => p.phase === 'rotation' && p.hasFrontlineExperience && !p.isDispatched);
}
/** An R3 case: past the rotation period and fewer than 5 years in the unit. */
function r3Person(): PlacementPerson {
  const p = facts.people.find((x) => isPastRotation(x) && !x.isDispatched && x.yearsInUnit < facts.settings.expertCycleYears);
  if (!p) throw new Error('the demo city has no R3 case');
  return p;
}
/**
 * Another unit for the person, one without a 定数 at their level (so no quota is broken) and with members at another
 * level (a head, so the relation rules find an evaluator there).
 */
function otherUnit(p: PlacementPerson, skip: readonly number[] = []): number {
  const hasHead = (u: PlacementUnit) => Object.entries(u.headcount).some(([level, n]) => level !== p.currentPositionLevel && (n ?? 0) > 0);
  const unit = facts.units.find((u) => u.unitId !== p.currentUnitId && !skip.includes(u.unitId) && u.quotas[p.currentPositionLevel] === undefined && hasHead(u));
  if (!unit) throw new Error('no other unit');
  return unit.unitId;
}

async function createPlan(name: string): Promise<PlanView> {
  return h.callJson<PlanView>(hrOfficer, 'POST', '/api/placement/plans', 201, { name });
}
async function addMove(plan: { id: number; version: number }, staffId: number, toUnitId: number, extra: { specialReason?: string | null; reason?: string } = {}) {
  return h.callJson<PlanDetail>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/moves`, 201, {
    version: plan.version,
    staffId,
    toUnitId,
    toPositionId: null,
    reason: extra.reason ?? '人材育成のため',
    specialReason: extra.specialReason ?? null,
  });
}

beforeAll(async () => {
  h = await createHarness();
  hrAdmin = await h.loginAs('hrAdmin');
  hrOfficer = await h.loginAs('hrOfficer');
  facts = await loadPlacementFacts(await h.contextOf('hrAdmin'), effectiveDate);
});
afterAll(async () => {
  await h.close();
});

describe('walls', () => {
  it('refuses people outside HR, and approval to the HR officer', async () => {
    for (const key of ['staff', 'unitHead', 'evaluator', 'auditor'] as const) {
      const session = await h.loginAs(key);
      const res = await h.call(session, 'GET', '/api/placement/plans');
      expect(res.status, key).toBe(403);
      expect(((await res.json()) as ErrorBody).error.code).toBe('access.denied');
    }
    const plan = await createPlan('承認権限の確認');
    const res = await h.call(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/approve`, { version: plan.version });
    expect(res.status).toBe(403);
  });
});

describe('plans', () => {
  it('creates a plan for the next April 1 by default, lists, renames with the version and refuses a stale one', async () => {
    const before = await auditCount('placement.plan-created');
    const plan = await createPlan('令和8年度 A案');
    expect(plan).toMatchObject({ name: '令和8年度 A案', effectiveDate, status: 'draft', version: 1, moveCount: 0 });
    expect(await auditCount('placement.plan-created')).toBe(before + 1);

    const list = await h.callJson<PlanList>(hrOfficer, 'GET', '/api/placement/plans', 200);
    expect(list.defaultEffectiveDate).toBe(effectiveDate);
    expect(list.items.map((p) => p.id)).toContain(plan.id);

    const renamed = await h.callJson<PlanView>(hrOfficer, 'PUT', `/api/placement/plans/${plan.id}`, 200, { version: 1, name: '令和8年度 A案(修正)' });
    expect(renamed).toMatchObject({ name: '令和8年度 A案(修正)', version: 2 });
    const stale = await h.call(hrOfficer, 'PUT', `/api/placement/plans/${plan.id}`, { version: 1, name: '古い版' });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as ErrorBody).error.code).toBe('common.conflict');

    const archived = await h.callJson<PlanView>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/archive`, 200, { version: 2 });
    expect(archived.status).toBe('archived');
    const after = await h.callJson<PlanList>(hrOfficer, 'GET', '/api/placement/plans', 200);
    expect(after.items.map((p) => p.id)).not.toContain(plan.id);
    const all = await h.callJson<PlanList>(hrOfficer, 'GET', '/api/placement/plans?includeArchived=true', 200);
    expect(all.items.map((p) => p.id)).toContain(plan.id);
  });

  it('validates the name and the date in Japanese', async () => {
    const res = await h.call(hrOfficer, 'POST', '/api/placement/plans', { name: '', effectiveDate: '2026-02-30' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('common.validation');
  });
});

describe('moves and constraints', () => {
  it('adds, edits and removes moves; one move per person; shows from/to names', async () => {
    const plan = await createPlan('移動の確認');
    const [p] = freeMovers();
    const to = otherUnit(p!);
    const detail = await addMove(plan, p!.staffId, to);
    expect(detail.plan.version).toBe(2);
    expect(detail.moves).toHaveLength(1);
    expect(detail.moves[0]).toMatchObject({ staffId: p!.staffId, toUnitId: to, fromUnitId: p!.currentUnitId, source: 'manual' });
    expect(detail.moves[0]!.name).toBe(p!.name);
    expect(detail.moves[0]!.fromUnitName).toBeTruthy();
    expect(detail.moves[0]!.toPositionName).toBeTruthy();

    const duplicate = await h.call(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/moves`, {
      version: 2,
      staffId: p!.staffId,
      toUnitId: to,
      toPositionId: null,
      reason: '',
      specialReason: null,
    });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as ErrorBody).error.code).toBe('placement.plan-conflict');

    const staleMove = await h.call(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/moves`, {
      version: 1,
      staffId: freeMovers()[1]!.staffId,
      toUnitId: to,
      toPositionId: null,
      reason: '',
      specialReason: null,
    });
    expect(staleMove.status).toBe(409);
    expect(((await staleMove.json()) as ErrorBody).error.code).toBe('common.conflict');

    const moveId = detail.moves[0]!.id;
    const to2 = otherUnit(p!, [to]);
    // As if the optimiser had proposed it: editing makes it the user's, so a later adoption keeps it.
    await h.database.db.execute(sql`update transfer_plan_moves set source = 'optimiser' where id = ${moveId}`);
    const edited = await h.callJson<PlanDetail>(hrOfficer, 'PUT', `/api/placement/plans/${plan.id}/moves/${moveId}`, 200, {
      version: 2,
      toUnitId: to2,
      toPositionId: null,
      reason: '専門性の育成',
      specialReason: ' ',
    });
    expect(edited.moves[0]).toMatchObject({ toUnitId: to2, reason: '専門性の育成', specialReason: null, source: 'manual' });
    expect(edited.plan.version).toBe(3);

    const unknownUnit = await h.call(hrOfficer, 'PUT', `/api/placement/plans/${plan.id}/moves/${moveId}`, {
      version: 3,
      toUnitId: 999_999,
      toPositionId: null,
      reason: '',
      specialReason: null,
    });
    expect(unknownUnit.status).toBe(404);

    const removed = await h.callJson<PlanDetail>(hrOfficer, 'DELETE', `/api/placement/plans/${plan.id}/moves/${moveId}?version=3`, 200);
    expect(removed.moves).toHaveLength(0);
    expect(removed.plan.version).toBe(4);
  });

  it('records pin, forbid and stay, refusing contradictions', async () => {
    const plan = await createPlan('指定の確認');
    const [p, q] = freeMovers();
    const unit = otherUnit(p!);
    let detail = await h.callJson<PlanDetail>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/constraints`, 201, {
      version: 1,
      staffId: p!.staffId,
      kind: 'pin',
      unitId: unit,
    });
    expect(detail.constraints).toEqual([expect.objectContaining({ staffId: p!.staffId, kind: 'pin', unitId: unit, name: p!.name })]);
    const stay = await h.call(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/constraints`, { version: 2, staffId: p!.staffId, kind: 'stay', unitId: null });
    expect(stay.status).toBe(409);
    expect(((await stay.json()) as ErrorBody).error.code).toBe('placement.plan-conflict');
    const noUnit = await h.call(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/constraints`, { version: 2, staffId: p!.staffId, kind: 'forbid', unitId: null });
    expect(noUnit.status).toBe(400);
    detail = await h.callJson<PlanDetail>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/constraints`, 201, { version: 2, staffId: q!.staffId, kind: 'stay', unitId: null });
    expect(detail.constraints).toHaveLength(2);
    const pin = detail.constraints.find((c) => c.kind === 'pin')!;
    detail = await h.callJson<PlanDetail>(hrOfficer, 'DELETE', `/api/placement/plans/${plan.id}/constraints/${pin.id}?version=3`, 200);
    expect(detail.constraints.map((c) => c.kind)).toEqual(['stay']);
  });

  it('copies a plan with its moves and constraints as a new draft', async () => {
    const plan = await createPlan('複製元');
    const [p, q] = freeMovers();
    let detail = await addMove(plan, p!.staffId, otherUnit(p!));
    detail = await h.callJson<PlanDetail>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/constraints`, 201, {
      version: detail.plan.version,
      staffId: q!.staffId,
      kind: 'stay',
      unitId: null,
    });
    const copy = await h.callJson<PlanView>(hrOfficer, 'POST', `/api/placement/plans/${plan.id}/copy`, 201, { name: '複製先' });
    expect(copy).toMatchObject({ name: '複製先', effectiveDate, status: 'draft', moveCount: 1, version: 1 });
    const list = await h.callJson<PlanList>(hrOfficer, 'GET', '/api/placement/plans', 200);
    expect(list.items.find((p) => p.id === copy.id)?.moveCount).toBe(1);
    expect(list.items.find((p) => p.id === plan.id)?.moveCount).toBe(1);
    const copied = await h.callJson<PlanDetail>(hrOfficer, 'GET', `/api/placement/plans/${copy.id}`, 200);
    expect(copied.moves.map((m) => [m.staffId, m.toUnitId])).toEqual(detail.moves.map((m) => [m.staffId, m.toUnitId]));
    expect(copied.constraints.map((c) => [c.staffId, c.kind])).toEqual([[q!.staffId, 'stay']]);
  });
});

describe('evaluation, approval and comparison', () => {
  it('evaluates, refuses approval with violations (listing them), approves once the special reason is recorded', async () => {
    const plan = await createPlan('R3の確認');
    const r3 = r3Person();
    let detail = await addMove(plan, r3.staffId, otherUnit(r3));
    const evaluation = await h.callJson<PlanEvaluationView>(hrOfficer, 'GET', `/api/placement/plans/${plan.id}/evaluation`, 200);
    expect(evaluation.plan.id).toBe(plan.id);
    expect(evaluation.evaluation.moves.flatMap((m) => m.flags).some((f) => f.rule === 'R3' && f.severity === 'violation' && f.staffId === r3.staffId)).toBe(true);
    expect(evaluation.names[r3.staffId]).toBe(r3.name);

    const refused = await h.call(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/approve`, { version: detail.plan.version });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('placement.plan-has-violations');
    expect(body.error.message).toContain('ルール違反');
    expect(body.error.details?.violations).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'R3', staffId: r3.staffId, name: r3.name })]));

    detail = await h.callJson<PlanDetail>(hrOfficer, 'PUT', `/api/placement/plans/${plan.id}/moves/${detail.moves[0]!.id}`, 200, {
      version: detail.plan.version,
      toUnitId: detail.moves[0]!.toUnitId,
      toPositionId: null,
      reason: '組織改編',
      specialReason: '新設部署の立ち上げに経験者が必要なため',
    });
    const approved = await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/approve`, 200, { version: detail.plan.version });
    expect(approved.status).toBe('approved');
    const locked = await h.call(hrOfficer, 'DELETE', `/api/placement/plans/${plan.id}/moves/${detail.moves[0]!.id}?version=${approved.version}`);
    expect(locked.status).toBe(409);
    expect(((await locked.json()) as ErrorBody).error.code).toBe('placement.plan-invalid-transition');
    const reopened = await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/reopen`, 200, { version: approved.version });
    expect(reopened.status).toBe('draft');
  });

  it('compares two plans: both evaluations and the people whose moves differ', async () => {
    const a = await createPlan('比較A');
    const [p, q] = freeMovers();
    const da = await addMove(a, p!.staffId, otherUnit(p!));
    await addMove(da.plan, q!.staffId, otherUnit(q!));
    const copy = await h.callJson<PlanView>(hrOfficer, 'POST', `/api/placement/plans/${a.id}/copy`, 201, { name: '比較B' });
    const db = await h.callJson<PlanDetail>(hrOfficer, 'GET', `/api/placement/plans/${copy.id}`, 200);
    const moveOfQ = db.moves.find((m) => m.staffId === q!.staffId)!;
    await h.callJson<PlanDetail>(hrOfficer, 'DELETE', `/api/placement/plans/${copy.id}/moves/${moveOfQ.id}?version=${db.plan.version}`, 200);
    const cmp = await h.callJson<PlanComparison>(hrOfficer, 'GET', `/api/placement/plans/compare?a=${a.id}&b=${copy.id}`, 200);
    expect(cmp.a.plan.id).toBe(a.id);
    expect(cmp.b.plan.id).toBe(copy.id);
    expect(cmp.differences).toEqual([expect.objectContaining({ staffId: q!.staffId, inB: null })]);
    expect(cmp.differences[0]!.inA?.staffId).toBe(q!.staffId);
    const missing = await h.call(hrOfficer, 'GET', `/api/placement/plans/compare?a=${a.id}`);
    expect(missing.status).toBe(400);
  });
});

describe('apply', () => {
  type AssignmentRow = { unit_id: number; position_id: number; starts_on: string; ends_on: string | null };
  const postsOf = (staffId: number) =>
    h.queryRows<AssignmentRow>(sql`select unit_id, position_id, starts_on::text, ends_on::text from assignments where staff_id = ${staffId} and kind = 'regular' order by starts_on, id`);
  const relationsCount = () => h.queryCount(sql`select count(*)::int as n from staff_relations`);

  async function approvedPlan(name: string, movers: PlacementPerson[]): Promise<{ plan: PlanView; targets: Map<number, number> }> {
    const plan = await createPlan(name);
    let current: { id: number; version: number } = plan;
    const targets = new Map<number, number>();
    for (const p of movers) {
      const to = otherUnit(p);
      targets.set(p.staffId, to);
      current = (await addMove(current, p.staffId, to)).plan;
    }
    const approved = await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/approve`, 200, { version: current.version });
    return { plan: approved, targets };
  }

  it('refuses a draft, and a plan of a past date', async () => {
    const plan = await createPlan('下書き');
    const res = await h.call(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/apply`, { version: plan.version });
    expect(res.status).toBe(409);
    expect(((await res.json()) as ErrorBody).error.code).toBe('placement.plan-invalid-transition');

    const past = await h.callJson<PlanView>(hrOfficer, 'POST', '/api/placement/plans', 201, { name: '過去の日付', effectiveDate: '2025-04-01' });
    const p = freeMovers()[0]!;
    const withMove = await addMove(past, p.staffId, otherUnit(p));
    const approved = await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${past.id}/approve`, 200, { version: withMove.plan.version });
    const late = await h.call(hrAdmin, 'POST', `/api/placement/plans/${past.id}/apply`, { version: approved.version });
    expect(late.status).toBe(409);
    expect(((await late.json()) as ErrorBody).error.message).toContain('過ぎている');
  });

  it('a failure at the last step leaves nothing written', async () => {
    const movers = freeMovers().slice(2, 4);
    const { plan } = await approvedPlan('失敗させる案', movers);
    const before = await Promise.all(movers.map((p) => postsOf(p.staffId)));
    const relationsBefore = await relationsCount();
    // The audit row is written last in the transaction: failing it must roll back the assignments and relations.
    await h.queryRows(sql`create or replace function placement_test_fail() returns trigger language plpgsql as $$
      begin if new.action = 'placement.plan-applied' then raise exception 'forced failure'; end if; return new; end $$`);
    await h.queryRows(sql`create trigger placement_test_fail before insert on audit_log for each row execute function placement_test_fail()`);
    try {
      const res = await h.call(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/apply`, { version: plan.version });
      expect(res.status).toBe(500);
    } finally {
      await h.queryRows(sql`drop trigger placement_test_fail on audit_log`);
      await h.queryRows(sql`drop function placement_test_fail()`);
    }
    expect(await Promise.all(movers.map((p) => postsOf(p.staffId)))).toEqual(before);
    expect(await relationsCount()).toBe(relationsBefore);
    const still = await h.callJson<PlanDetail>(hrAdmin, 'GET', `/api/placement/plans/${plan.id}`, 200);
    expect(still.plan).toMatchObject({ status: 'approved', version: plan.version, appliedAt: null });
    // Archived so that the next test can apply a plan of the same date.
    await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/archive`, 200, { version: plan.version });
  });

  /** Who evaluates `staffId` on `date` (rule or manual rows), sorted. */
  const evaluatorsOn = async (staffId: number, date: string) =>
    (
      await h.queryRows<{ holder: number }>(sql`select holder_staff_id as holder from staff_relations
        where subject_staff_id = ${staffId} and kind = 'evaluator' and starts_on <= ${date} and (ends_on is null or ends_on >= ${date})`)
    )
      .map((r) => Number(r.holder))
      .sort((a, b) => a - b);

  /**
   * A unit for `p` where a colleague of the same level (not moving) has an evaluator by rule on the eve: after the
   * move `p` must have the same evaluator as that colleague.
   */
  async function unitWithPeer(p: PlacementPerson, exclude: readonly number[]): Promise<{ unitId: number; peer: number }> {
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
    return { unitId: Number(found.unit_id), peer: Number(found.staff_id) };
  }

  it('ends the current posts the day before, starts the new ones, re-derives relations as of the date, once per date', async () => {
    const movers = freeMovers().slice(0, 2);
    const moverIds = movers.map((p) => p.staffId);
    const plan = await createPlan('発令する案');
    let current: { id: number; version: number } = plan;
    const targets = new Map<number, { unitId: number; peer: number }>();
    for (const p of movers) {
      const target = await unitWithPeer(p, moverIds);
      targets.set(p.staffId, target);
      current = (await addMove(current, p.staffId, target.unitId)).plan;
    }
    const approved = await h.callJson<PlanView>(hrAdmin, 'POST', `/api/placement/plans/${plan.id}/approve`, 200, { version: current.version });
    const res = await h.callJson<{ plan: PlanView; assignmentsEnded: number; assignmentsCreated: number }>(
      hrAdmin,
      'POST',
      `/api/placement/plans/${plan.id}/apply`,
      200,
      { version: approved.version },
    );
    expect(res).toMatchObject({ assignmentsEnded: 2, assignmentsCreated: 2 });
    expect(res.plan).toMatchObject({ status: 'applied' });
    expect(await auditCount('placement.plan-applied')).toBe(1);
    for (const p of movers) {
      const target = targets.get(p.staffId)!;
      const posts = await postsOf(p.staffId);
      expect(posts.at(-1)).toMatchObject({ unit_id: target.unitId, position_id: p.currentPositionId, starts_on: effectiveDate, ends_on: null });
      expect(posts.at(-2)).toMatchObject({ unit_id: p.currentUnitId, ends_on: dayBefore });
      // Relations follow the new organisation: from the date, the mover is evaluated like a colleague of the new unit.
      const peerEvaluators = await evaluatorsOn(target.peer, effectiveDate);
      expect(peerEvaluators.length).toBeGreaterThan(0);
      expect(await evaluatorsOn(p.staffId, effectiveDate)).toEqual(peerEvaluators);
    }

    const second = await approvedPlan('同じ日の別の案', freeMovers().slice(4, 5));
    const again = await h.call(hrAdmin, 'POST', `/api/placement/plans/${second.plan.id}/apply`, { version: second.plan.version });
    expect(again.status).toBe(409);
    expect(((await again.json()) as ErrorBody).error.message).toContain('すでに発令');
  });
});

describe('exports', () => {
  let planId: number;
  beforeAll(async () => {
    const plan = await createPlan('出力の確認');
    const movers = freeMovers().slice(5, 8);
    let current: { id: number; version: number } = plan;
    const reasons = ['=HYPERLINK("http://example.invalid")', '+1', '@SUM(A1)'];
    for (const [i, p] of movers.entries()) current = (await addMove(current, p.staffId, otherUnit(p), { reason: reasons[i]! })).plan;
    // A name CP932 cannot hold (𠮷, U+20BB7) and one starting with a formula prefix.
    await h.queryRows(sql`update staff set family_name = '𠮷田', given_name = '花子' where id = ${movers[0]!.staffId}`);
    await h.queryRows(sql`update staff set family_name = '-山', given_name = '太郎' where id = ${movers[1]!.staffId}`);
    planId = plan.id;
  });

  it('writes the 異動案 layout to Excel with formulas neutralised', async () => {
    const res = await h.call(hrOfficer, 'GET', `/api/placement/plans/${planId}/export?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: string[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    expect(rows[0]).toEqual(['職員番号', '氏名', '現所属', '現職位', '異動先', '新職位', '理由', '特別な理由']);
    expect(rows).toHaveLength(4);
    const reasons = rows.slice(1).map((r) => r[6]);
    expect(reasons).toEqual(expect.arrayContaining([`'=HYPERLINK("http://example.invalid")`, `'+1`, `'@SUM(A1)`]));
    expect(rows.map((r) => r[1])).toContain(`'-山 太郎`);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeFalsy()));
    expect(await auditCount('placement.plan-exported')).toBeGreaterThan(0);
  });

  it('writes CSV with BOM, refuses CP932 that would lose characters unless 〓 is accepted', async () => {
    const utf8 = await h.call(hrOfficer, 'GET', `/api/placement/plans/${planId}/export?format=csv`);
    expect(utf8.status).toBe(200);
    const bytes = Buffer.from(await utf8.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('"𠮷田 花子"');
    expect(text).toContain(`"'-山 太郎"`);
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);

    const check = await h.callJson<{ count: number }>(hrOfficer, 'GET', `/api/placement/plans/${planId}/export/check?encoding=cp932`, 200);
    expect(check.count).toBe(1);
    const refused = await h.call(hrOfficer, 'GET', `/api/placement/plans/${planId}/export?format=csv&encoding=cp932`);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.code).toBe('org.export-unencodable');
    const replaced = await h.call(hrOfficer, 'GET', `/api/placement/plans/${planId}/export?format=csv&encoding=cp932&replaceUnencodable=true`);
    expect(replaced.status).toBe(200);
    expect(replaced.headers.get('x-unencodable-count')).toBe('1');
    const sjis = iconv.decode(Buffer.from(await replaced.arrayBuffer()), 'cp932');
    expect(sjis).toContain('"〓田 花子"');
    expect(sjis).toContain('職員番号');
  });
});
