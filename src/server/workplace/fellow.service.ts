/**
 * The fellow programme (フェロー制度, policy III-4-(3)⑤, ADR 0021): HR's pool of fellows, matching proposals, HR's
 * confirmation into pairs (both notified in-app, title only), ending pairs, and monitoring. Meetings and feedback
 * are in fellow-meetings.service.ts.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { audit, auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { notify } from '../notifications/notifications.service.js';
import { getOrgSettings } from '../org/settings.service.js';
import { listUnitVersions } from '../org/org.repository.js';
import { listRelationsOfSubjectsOn } from '../org/relations.repository.js';
import { fullName } from '../org/org-views.js';
import { isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { isInForce } from '../../domain/org/org-model.js';
import { checkPairs, isJunior, listStandingPairProblems, lowCommitmentOf, proposeFellows, type FellowMatchingInput, type MatchPerson } from '../../domain/workplace/fellow-matching.js';
import { isPairActive, listStalePairs, programmeHealth } from '../../domain/workplace/fellow-monitoring.js';
import type { ConfirmPairsInput, EndPairInput, FellowInput, FellowSettings, FellowUpdate } from '../../domain/workplace/fellow-model.js';
import type { ConfirmPairsResult, FellowMonitoring, FellowPool, MatchingView, PairList, PairSummary, PersonBrief } from '../../domain/workplace/fellow-api.js';
import type { CommitmentReading } from '../../domain/workplace/self-declaration-commitment.js';
import { getFellowSettings } from './fellow-settings.service.js';
import { loadCommitmentReadings } from './self-declaration-commitment.service.js';
import {
  cancelPlannedMeetingsAfter,
  endPair,
  findFellow,
  findPair,
  insertFellow,
  insertPairs,
  listActivePairsOn,
  listFellows,
  listMeetings,
  listOverlappingFellows,
  listPairs,
  listRegularUnitsOn,
  listStaffFacts,
  listUnitNamesOn,
  lockFellowPairs,
  updateFellow,
  type MeetingRow,
  type PairRow,
} from './fellow.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

/** Notification kind and its one line: the title says only that a pair exists; details are behind the link. */
export const pairNotification = { kind: 'workplace.fellow-pair', title: 'フェロー制度の組合せが決まりました', link: '/workplace/fellows/my' } as const;

/** Is the actor HR for the programme (may see every pair)? */
export async function isFellowManager(ctx: ServiceContext): Promise<boolean> {
  return (await can(ctx.database, ctx.actor, 'workplace.fellows.manage', {}, ctx.today)).allowed;
}

/** Name, 職員番号 and the unit of the regular post on `date`, for the given people. */
export async function personBriefs(exec: Executor, municipalityId: number, staffIds: readonly number[], date: string): Promise<Map<number, PersonBrief>> {
  const ids = [...new Set(staffIds)];
  const [facts, posts] = [await listStaffFacts(exec, municipalityId, ids), await listRegularUnitsOn(exec, municipalityId, date, ids)];
  const unitOf = new Map<number, number>();
  for (const p of posts) if (!unitOf.has(p.staffId)) unitOf.set(p.staffId, p.unitId);
  const names = await listUnitNamesOn(exec, municipalityId, [...unitOf.values()], date);
  return new Map(
    facts.map((f) => {
      const unitId = unitOf.get(f.staffId);
      return [f.staffId, { staffId: f.staffId, employeeNumber: f.employeeNumber, name: fullName(f.familyName, f.givenName), unitName: unitId === undefined ? null : (names.get(unitId) ?? null) }];
    }),
  );
}

const unknownPerson = (staffId: number): PersonBrief => ({ staffId, employeeNumber: '', name: '', unitName: null });

/** Everything the matching rules read, as of `date`. */
export async function loadMatchingInput(exec: Executor, municipalityId: number, date: string, settings: FellowSettings): Promise<FellowMatchingInput> {
  // One after the other: `exec` may be a transaction, i.e. a single connection.
  const facts = await listStaffFacts(exec, municipalityId);
  const posts = await listRegularUnitsOn(exec, municipalityId, date);
  const versions = await listUnitVersions(exec, municipalityId);
  const fellowRows = await listFellows(exec, municipalityId);
  // The self-declaration indicator of every pool entry at once, read only when the settings use it.
  const readings = settings.excludeLowCommitmentFrom.includes('self-declaration')
    ? await loadCommitmentReadings(exec, municipalityId, fellowRows.map((f) => f.staffId), date)
    : new Map<number, CommitmentReading>();
  const activePairs = await listActivePairsOn(exec, municipalityId, date);
  const { unitHeadLevels } = await getOrgSettings(exec, municipalityId);
  const unitOf = new Map<number, number>();
  for (const p of posts) if (!unitOf.has(p.staffId)) unitOf.set(p.staffId, p.unitId);
  const people: MatchPerson[] = facts.map((f) => ({
    staffId: f.staffId,
    hireDate: f.hireDate,
    birthDate: f.birthDate,
    employmentType: f.employmentType,
    unitId: unitOf.get(f.staffId) ?? null,
    isSeparated: f.separatedOn !== null && f.separatedOn < date,
  }));
  const juniorIds = people.filter((p) => isJunior(p, date, settings)).map((p) => p.staffId);
  const relations = await listRelationsOfSubjectsOn(exec, municipalityId, juniorIds, date);
  return {
    date,
    settings,
    people,
    fellows: fellowRows.map((f) => ({ staffId: f.staffId, capacity: f.capacity, startsOn: f.startsOn, endsOn: f.endsOn, lowCommitment: lowCommitmentOf(f, readings.get(f.staffId)) })),
    activePairs,
    versions,
    relations: relations.map((r) => ({ subjectStaffId: r.subjectStaffId, holderStaffId: r.holderStaffId })),
    unitHeadPosts: posts.filter((p) => unitHeadLevels.includes(p.positionLevel as never)).map((p) => ({ staffId: p.staffId, unitId: p.unitId })),
  };
}

function requireDate(date: string): void {
  if (!isValidIsoDate(date)) throw new AppError('common.validation', `日付「${date}」は正しい日付ではありません。`);
}

// ---------------------------------------------------------------------------------------------
// The pool

/**
 * GET /api/workplace/fellows/pool: every pool entry with the person, their unit today, the pairs in force and, per
 * low-commitment source, whether it flags them. The self-declaration indicator is shown only to a reader who may read
 * every self-declaration (HR does) and that read is audited like HR's list of declarations — the state and the
 * campaign only, never the answer.
 */
export async function listFellowPool(ctx: ServiceContext): Promise<FellowPool> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const settings = await getFellowSettings(exec, municipalityId);
  const rows = await listFellows(exec, municipalityId);
  const active = await listActivePairsOn(exec, municipalityId, ctx.today);
  const briefs = await personBriefs(exec, municipalityId, rows.map((r) => r.staffId), ctx.today);
  const mayReadDeclarations = (await can(ctx.database, ctx.actor, 'workplace.self-declaration.read-all', {}, ctx.today)).allowed;
  const readings = mayReadDeclarations ? await loadCommitmentReadings(exec, municipalityId, rows.map((r) => r.staffId), ctx.today) : new Map<number, CommitmentReading>();
  const pairsOf = new Map<number, number>();
  for (const p of active) pairsOf.set(p.fellowStaffId, (pairsOf.get(p.fellowStaffId) ?? 0) + 1);
  if (mayReadDeclarations && rows.length > 0) {
    await audit(ctx.database, auditSource(ctx), {
      action: 'workplace.self-declaration.indicator-read',
      outcome: 'allowed',
      objectType: 'fellow-pool',
      details: { purpose: 'fellow-pool', people: new Set(rows.map((r) => r.staffId)).size, veryLow: [...readings.values()].filter((r) => r.state === 'very-low').length },
    });
  }
  return {
    today: ctx.today,
    excludeLowCommitmentFrom: settings.excludeLowCommitmentFrom,
    items: rows.map((r) => {
      const reading = readings.get(r.staffId);
      return {
        ...(briefs.get(r.staffId) ?? unknownPerson(r.staffId)),
        id: r.id,
        capacity: r.capacity,
        activePairs: isInForce(r, ctx.today) ? (pairsOf.get(r.staffId) ?? 0) : 0,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        isLowCommitment: r.isLowCommitment,
        selfDeclaration: mayReadDeclarations ? (reading === undefined ? { state: 'none' as const } : reading) : null,
        lowCommitment: lowCommitmentOf(r, reading),
        note: r.note,
        isInForce: isInForce(r, ctx.today),
      };
    }),
  };
}

function checkPeriod(v: { startsOn: string; endsOn: string | null }): void {
  if (v.endsOn !== null && v.endsOn < v.startsOn) throw new AppError('common.validation', '終了日が開始日より前です。');
}

/** POST /api/workplace/fellows/pool: HR adds a staff member to the pool (one entry per person at a time). */
export async function addFellow(ctx: ServiceContext, input: FellowInput): Promise<{ id: number }> {
  const municipalityId = ctx.actor.municipalityId;
  checkPeriod(input);
  return ctx.database.db.transaction(async (tx) => {
    await lockFellowPairs(tx, municipalityId);
    const [person] = await listStaffFacts(tx, municipalityId, [input.staffId]);
    if (person === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
    if ((await listOverlappingFellows(tx, municipalityId, input)).length > 0) {
      throw new AppError('common.conflict', 'この職員は同じ期間に既にフェローとして登録されています。');
    }
    const id = await insertFellow(tx, { municipalityId, staffId: input.staffId, capacity: input.capacity, isLowCommitment: input.isLowCommitment, note: input.note.trim(), startsOn: input.startsOn, endsOn: input.endsOn });
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.fellow-added',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: input.staffId,
      details: { fellowId: id, capacity: input.capacity, isLowCommitment: input.isLowCommitment, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return { id };
  });
}

/** PUT /api/workplace/fellows/pool/:id: capacity, period, the low-commitment flag and the note. */
export async function changeFellow(ctx: ServiceContext, input: { fellowId: number; body: FellowUpdate }): Promise<{ id: number }> {
  const municipalityId = ctx.actor.municipalityId;
  checkPeriod(input.body);
  return ctx.database.db.transaction(async (tx) => {
    await lockFellowPairs(tx, municipalityId);
    const row = await findFellow(tx, municipalityId, input.fellowId);
    if (row === undefined) throw new AppError('common.not-found', 'フェローの登録が見つかりません。');
    if ((await listOverlappingFellows(tx, municipalityId, { staffId: row.staffId, startsOn: input.body.startsOn, endsOn: input.body.endsOn, exceptId: row.id })).length > 0) {
      throw new AppError('common.conflict', 'この職員は同じ期間に既にフェローとして登録されています。');
    }
    await updateFellow(tx, municipalityId, row.id, { ...input.body, note: input.body.note.trim() });
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.fellow-changed',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: row.staffId,
      details: { fellowId: row.id, capacity: input.body.capacity, isLowCommitment: input.body.isLowCommitment, startsOn: input.body.startsOn, endsOn: input.body.endsOn },
    });
    return { id: row.id };
  });
}

// ---------------------------------------------------------------------------------------------
// Matching and pairs

/** GET /api/workplace/fellows/matching?date: the proposal as of the date (default today); nothing is stored. */
export async function proposeFellowMatching(ctx: ServiceContext, input: { date?: string | undefined }): Promise<MatchingView> {
  const date = input.date ?? ctx.today;
  requireDate(date);
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const settings = await getFellowSettings(exec, municipalityId);
  const result = proposeFellows(await loadMatchingInput(exec, municipalityId, date, settings));
  const ids = [...result.proposals.flatMap((p) => [p.juniorStaffId, p.fellowStaffId]), ...result.unmatched.map((u) => u.juniorStaffId)];
  const briefs = await personBriefs(exec, municipalityId, ids, date);
  const brief = (id: number) => briefs.get(id) ?? unknownPerson(id);
  return {
    date,
    settings,
    juniorCount: result.juniorCount,
    alreadyPairedCount: result.alreadyPairedCount,
    fellowsWithRoom: result.fellowsWithRoom,
    lowCommitmentExcluded: result.lowCommitmentExcluded,
    proposals: result.proposals.map((p) => ({ junior: brief(p.juniorStaffId), fellow: brief(p.fellowStaffId), reason: p.reason })),
    unmatched: result.unmatched.map((u) => ({ junior: brief(u.juniorStaffId), reason: u.reason, message: u.message })),
  };
}

/**
 * POST /api/workplace/fellows/pairs: HR confirms proposals (all or some). Each pair is checked again against the
 * rules on the date, under the pool lock so capacity holds; all or nothing. Both people are notified in-app with the
 * title only.
 */
export async function confirmFellowPairs(ctx: ServiceContext, input: ConfirmPairsInput): Promise<ConfirmPairsResult> {
  requireDate(input.date);
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockFellowPairs(tx, municipalityId);
    const settings = await getFellowSettings(tx, municipalityId);
    const check = checkPairs(await loadMatchingInput(tx, municipalityId, input.date, settings), input.pairs);
    if (!check.ok) {
      throw new AppError('workplace.fellow-pair-refused', `確定できない組合せがあります: ${check.problems[0]!.message}`, {
        problems: check.problems.map((p) => ({ ...p, ...input.pairs[p.index] })),
      });
    }
    const pairIds = await insertPairs(
      tx,
      input.pairs.map((p, i) => ({ municipalityId, fellowStaffId: p.fellowStaffId, juniorStaffId: p.juniorStaffId, status: 'confirmed' as const, startsOn: input.date, endsOn: null, reason: check.reasons[i]! })),
    );
    await notify(tx, { municipalityId, recipientStaffIds: input.pairs.flatMap((p) => [p.fellowStaffId, p.juniorStaffId]), kind: pairNotification.kind, title: pairNotification.title, body: '', link: pairNotification.link });
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.fellow-pairs-confirmed',
      outcome: 'succeeded',
      details: { date: input.date, pairIds, pairs: input.pairs },
    });
    return { pairIds };
  });
}

export function toPairSummary(pair: PairRow, meetings: readonly MeetingRow[], briefs: ReadonlyMap<number, PersonBrief>, today: string): PairSummary {
  const own = meetings.filter((m) => m.pairId === pair.id);
  const held = own.filter((m) => m.status === 'held' && m.heldOn !== null).map((m) => m.heldOn!).sort();
  const planned = own.filter((m) => m.status === 'planned').map((m) => m.plannedOn).sort();
  return {
    id: pair.id,
    status: pair.status,
    isActive: isPairActive({ pairId: pair.id, status: pair.status, startsOn: pair.startsOn, endsOn: pair.endsOn }, today),
    startsOn: pair.startsOn,
    endsOn: pair.endsOn,
    reason: pair.reason,
    fellow: briefs.get(pair.fellowStaffId) ?? unknownPerson(pair.fellowStaffId),
    junior: briefs.get(pair.juniorStaffId) ?? unknownPerson(pair.juniorStaffId),
    lastHeldOn: held.at(-1) ?? null,
    meetingsHeld: held.length,
    nextPlannedOn: planned[0] ?? null,
  };
}

/** GET /api/workplace/fellows/pairs: every pair (HR), active first. */
export async function listFellowPairs(ctx: ServiceContext, input: { status?: 'active' | 'ended' | 'all' | undefined }): Promise<PairList> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const pairs = await listPairs(exec, municipalityId);
  const meetings = await listMeetings(exec, municipalityId, pairs.map((p) => p.id));
  const briefs = await personBriefs(exec, municipalityId, pairs.flatMap((p) => [p.fellowStaffId, p.juniorStaffId]), ctx.today);
  const items = pairs
    .map((p) => toPairSummary(p, meetings, briefs, ctx.today))
    .filter((p) => (input.status ?? 'all') === 'all' || (input.status === 'active' ? p.isActive : !p.isActive))
    .sort((a, b) => Number(b.isActive) - Number(a.isActive));
  return { today: ctx.today, items };
}

/** POST /api/workplace/fellows/pairs/:id/end: HR ends a pair; its planned meetings after the end are cancelled. */
export async function endFellowPair(ctx: ServiceContext, input: { pairId: number; body: EndPairInput }): Promise<{ id: number }> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    const pair = await findPair(tx, municipalityId, input.pairId);
    if (pair === undefined) throw new AppError('common.not-found', '組合せが見つかりません。');
    if (input.body.endsOn < pair.startsOn) throw new AppError('common.validation', '終了日が組合せの開始日より前です。');
    if (!(await endPair(tx, municipalityId, pair.id, input.body.endsOn))) throw new AppError('common.conflict', 'この組合せは既に終了しています。');
    const cancelled = await cancelPlannedMeetingsAfter(tx, municipalityId, pair.id, input.body.endsOn);
    await auditInTx(tx, auditSource(ctx), {
      action: 'workplace.fellow-pair-ended',
      outcome: 'succeeded',
      objectType: 'fellow-pair',
      objectId: pair.id,
      details: { endsOn: input.body.endsOn, cancelledMeetings: cancelled },
    });
    return { id: pair.id };
  });
}

/** GET /api/workplace/fellows/monitoring: pairs without a held meeting for N weeks and the programme's health. */
export async function readFellowMonitoring(ctx: ServiceContext): Promise<FellowMonitoring> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const settings = await getFellowSettings(exec, municipalityId);
  const pairs = await listPairs(exec, municipalityId);
  const meetings = await listMeetings(exec, municipalityId);
  const monitorPairs = pairs.map((p) => ({ pairId: p.id, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn }));
  const stale = listStalePairs(monitorPairs, meetings, ctx.today, settings.staleAfterWeeks);
  const byId = new Map(pairs.map((p) => [p.id, p]));
  const stalePairRows = stale.map((s) => byId.get(s.pairId)!);
  // Pairs in force re-checked against today's organisation, relations and flags.
  const activeByKey = new Map(pairs.filter((p) => isPairActive({ pairId: p.id, status: p.status, startsOn: p.startsOn, endsOn: p.endsOn }, ctx.today)).map((p) => [`${p.fellowStaffId}:${p.juniorStaffId}`, p]));
  const problems = listStandingPairProblems(await loadMatchingInput(exec, municipalityId, ctx.today, settings)).flatMap((problem) => {
    const pair = activeByKey.get(`${problem.fellowStaffId}:${problem.juniorStaffId}`);
    return pair === undefined ? [] : [{ pair, message: problem.message }];
  });
  const briefs = await personBriefs(exec, municipalityId, [...stalePairRows, ...problems.map((p) => p.pair)].flatMap((p) => [p.fellowStaffId, p.juniorStaffId]), ctx.today);
  return {
    staleAfterWeeks: settings.staleAfterWeeks,
    stalePairs: stale.map((s) => ({ ...toPairSummary(byId.get(s.pairId)!, meetings, briefs, ctx.today), since: s.since, weeksSince: s.weeksSince })),
    pairsAgainstRules: problems.map((p) => ({ ...toPairSummary(p.pair, meetings, briefs, ctx.today), problem: p.message })),
    health: programmeHealth(monitorPairs, meetings, ctx.today),
  };
}
