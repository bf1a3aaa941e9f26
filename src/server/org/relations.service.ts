/**
 * Evaluator and confirmer relations (評価者・確認者): derived from the organisation in force on a date by the
 * municipality's rules, with HR's manual overrides winning. Access follows these rows (ADR 0004), so deriving
 * again after a reorganisation or transfer moves access with the people.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { addDays, isValidIsoDate } from '../../domain/common/fiscal-year.js';
import { isInForce, positionLevelLabels, type RelationKind, type UnitVersion } from '../../domain/org/org-model.js';
import { relationScopeLabels } from '../../domain/org/org-settings.js';
import { departmentOf, divisionOf, orgAsOf } from '../../domain/org/org-tree.js';
import { deriveRelations, type DerivedRelation, type PostAssignment, type UnresolvedRelation } from '../../domain/org/relation-rules.js';
import type { DeriveResult, EffectiveRelations, ManualRelationInput, RelationItem } from '../../domain/org/org-api.js';
import { getOrgSettings } from './settings.service.js';
import { listRegularPostsOn, listUnitVersions } from './org.repository.js';
import { findStaffRecord, listStaffNames } from './staff.repository.js';
import {
  deleteRelations,
  findRelation,
  insertRelation,
  insertRelations,
  listManualRelationsOn,
  listOverlappingManualRelations,
  listRelationChangeDatesAfter,
  listRelationsInvolving,
  listRuleRelationsFrom,
  setRelationsEndsOn,
  type NewRelation,
  type RelationRow,
} from './relations.repository.js';
import { fullName } from './org-views.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

/**
 * The relation rules look only at the subject's own unit, its 課 and its 部, so the city can be derived piece
 * by piece: one piece per 課 (with the posts held in its 部 itself, the candidates at department scope), one per
 * 部 for the units directly under it, one for units outside any 部. This keeps a 40,000-person city linear
 * instead of comparing every post with every other. Each person's result is taken from the piece that holds
 * the post the rules speak for (their most senior regular post, as in `deriveRelations`).
 */
function deriveByPieces(date: string, versions: readonly UnitVersion[], posts: readonly PostAssignment[], rules: Parameters<typeof deriveRelations>[0]['rules']) {
  const snapshot = orgAsOf(versions, date);
  const pieceOf = (unitId: number): string => {
    const division = divisionOf(unitId, snapshot);
    if (division !== null) return `k${division.unitId}`;
    const department = departmentOf(unitId, snapshot);
    return department !== null ? `d${department.unitId}` : 'none';
  };
  const pieces = new Map<string, PostAssignment[]>();
  const add = (key: string, post: PostAssignment) => {
    const list = pieces.get(key);
    if (list === undefined) pieces.set(key, [post]);
    else list.push(post);
  };
  const departmentUnitOfPiece = new Map<string, number | null>();
  for (const post of posts) {
    const key = pieceOf(post.unitId);
    add(key, post);
    if (key.startsWith('k') && !departmentUnitOfPiece.has(key)) departmentUnitOfPiece.set(key, departmentOf(post.unitId, snapshot)?.unitId ?? null);
  }
  // Posts held in a 部 itself are candidates for every 課 below it.
  for (const [key, departmentUnitId] of departmentUnitOfPiece) {
    if (departmentUnitId === null) continue;
    for (const post of posts) if (post.unitId === departmentUnitId) add(key, post);
  }
  const subjectPiece = new Map<number, string>();
  const bySeniority = (a: PostAssignment, b: PostAssignment) => a.positionRank - b.positionRank || a.unitId - b.unitId;
  for (const post of [...posts].sort(bySeniority)) if (!subjectPiece.has(post.staffId)) subjectPiece.set(post.staffId, pieceOf(post.unitId));

  const relations: DerivedRelation[] = [];
  const unresolved: UnresolvedRelation[] = [];
  for (const [key, piecePosts] of pieces) {
    const result = deriveRelations({ date, versions, assignments: piecePosts, rules });
    relations.push(...result.relations.filter((r) => subjectPiece.get(r.subjectStaffId) === key));
    unresolved.push(...result.unresolved.filter((u) => subjectPiece.get(u.subjectStaffId) === key));
  }
  return { relations, unresolved };
}

function ruleReason(r: DerivedRelation): string {
  return `規則: ${relationScopeLabels[r.basis.scope]}の${positionLevelLabels[r.basis.level]}`;
}

/**
 * The rows a derivation wrote, as they were before it (removed rows whole, ended and reopened rows with their old
 * end) and the ids it inserted: what undoing a transfer plan's apply puts back (ADR 0014).
 */
export type RuleRelationChanges = {
  removed: Array<RelationRow & { createdAt: string }>;
  ended: RelationRow[];
  reopened: RelationRow[];
  created: Array<{ id: number; subjectStaffId: number }>;
};

/**
 * Re-derives the rule relations from `from` on, keeping what the organisation already holds for later days: a
 * derivation replaces everything from its date on, so the days after `from` on which posts or units change (a
 * transfer plan applied for next April, posts that end with the 年度) are derived again, in order. For changes
 * made today — an import of assignments, new relation rules — which must not wipe a future plan's evaluators.
 */
export async function rebuildRuleRelationsFrom(exec: Executor, municipalityId: number, from: string): Promise<void> {
  await rebuildRuleRelations(exec, municipalityId, from);
  for (const later of await listRelationChangeDatesAfter(exec, municipalityId, from)) await rebuildRuleRelations(exec, municipalityId, later);
}

/**
 * Re-derives the rule relations for `asOf` from the organisation, positions and regular assignments in force
 * on that day. A rule row that still holds is kept (open-ended); one that no longer holds ends the day before
 * (or is removed if it began that very day); new rows start on `asOf`, open-ended. A derivation replaces
 * everything from its date on: rule rows that begin after `asOf` (derived for a later day) are removed.
 * Manual rows are never touched; they win over rule rows when access is decided. Relations that the rules
 * cannot settle and that no manual row covers are returned for HR's worklist. Runs in the caller's executor
 * (the demo seed calls it inside its transaction).
 */
export async function rebuildRuleRelations(
  exec: Executor,
  municipalityId: number,
  asOf: string,
): Promise<{ created: number; unresolved: { subjectStaffId: number; kind: string; reason: string }[]; changes: RuleRelationChanges }> {
  // One after the other: `exec` may be a transaction, i.e. a single connection.
  const versions = await listUnitVersions(exec, municipalityId);
  const posts = await listRegularPostsOn(exec, municipalityId, asOf);
  const settings = await getOrgSettings(exec, municipalityId);
  const existing = await listRuleRelationsFrom(exec, municipalityId, asOf);
  const manual = await listManualRelationsOn(exec, municipalityId, asOf);
  const derived = deriveByPieces(asOf, versions, posts, settings.relationRules);

  const key = (r: { subjectStaffId: number; kind: string; holderStaffId: number }) => `${r.subjectStaffId}:${r.kind}:${r.holderStaffId}`;
  const wanted = new Map(derived.relations.map((r) => [key(r), r]));
  const kept = new Set<string>();
  const toEnd: number[] = [];
  const toReopen: number[] = [];
  const toDelete: number[] = [];
  for (const row of existing) {
    if (row.startsOn > asOf) {
      toDelete.push(row.id);
      continue;
    }
    const k = key(row);
    if (wanted.has(k) && !kept.has(k)) {
      kept.add(k);
      // It was ended by a derivation for a later day, which this one replaces.
      if (row.endsOn !== null) toReopen.push(row.id);
      continue;
    }
    // ends_on must not precede starts_on: a row that began on asOf and no longer holds never applied.
    if (row.startsOn === asOf) toDelete.push(row.id);
    else toEnd.push(row.id);
  }
  const toInsert: NewRelation[] = derived.relations
    .filter((r) => !kept.has(key(r)))
    .map((r) => ({
      municipalityId,
      kind: r.kind,
      subjectStaffId: r.subjectStaffId,
      holderStaffId: r.holderStaffId,
      source: 'rule',
      reason: ruleReason(r),
      startsOn: asOf,
      endsOn: null,
    }));
  await deleteRelations(exec, toDelete);
  await setRelationsEndsOn(exec, toEnd, addDays(asOf, -1));
  await setRelationsEndsOn(exec, toReopen, null);
  const inserted = await insertRelations(exec, toInsert);
  const rowsOf = (ids: readonly number[]) => {
    const wantedIds = new Set(ids);
    return existing.filter((row) => wantedIds.has(row.id));
  };
  const changes: RuleRelationChanges = { removed: rowsOf(toDelete), ended: rowsOf(toEnd), reopened: rowsOf(toReopen), created: inserted };

  const settledByHand = new Set(manual.map((m) => `${m.subjectStaffId}:${m.kind}`));
  const unresolved = derived.unresolved
    .filter((u) => !settledByHand.has(`${u.subjectStaffId}:${u.kind}`))
    .sort((a, b) => a.subjectStaffId - b.subjectStaffId || a.kind.localeCompare(b.kind))
    .map((u) => ({ subjectStaffId: u.subjectStaffId, kind: u.kind, reason: u.message }));
  return { created: toInsert.length, unresolved, changes };
}

/** POST /api/relations/derive: derive for a date, in one transaction with its audit row; the worklist gets names. */
export async function deriveRelationsFor(ctx: ServiceContext, input: { asOf: string }): Promise<DeriveResult> {
  if (!isValidIsoDate(input.asOf)) throw new AppError('org.invalid-date', `日付「${input.asOf}」を読み取れません。`);
  const municipalityId = ctx.actor.municipalityId;
  const result = await ctx.database.db.transaction(async (tx) => {
    const r = await rebuildRuleRelations(tx, municipalityId, input.asOf);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.relations-derived',
      outcome: 'succeeded',
      details: { asOf: input.asOf, created: r.created, unresolved: r.unresolved.length },
    });
    return r;
  });
  const names = await listStaffNames(ctx.database.db, municipalityId, result.unresolved.map((u) => u.subjectStaffId));
  return {
    created: result.created,
    unresolved: result.unresolved.map((u) => {
      const n = names.get(u.subjectStaffId);
      return { subjectStaffId: u.subjectStaffId, name: n ? fullName(n.familyName, n.givenName) : '', kind: u.kind, reason: u.reason };
    }),
  };
}

/**
 * GET /api/relations?staffId: the person's relations as subject and as holder, history included. `isEffective`
 * says whether the row decides access today (in force, and for a rule row not overridden by a manual one).
 */
export async function listRelationsOfStaff(ctx: ServiceContext, input: { staffId: number }): Promise<{ relations: RelationItem[] }> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const person = await findStaffRecord(exec, municipalityId, input.staffId);
  if (person === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  const rows = await listRelationsInvolving(exec, municipalityId, input.staffId);
  const overridden = new Set(
    rows.filter((r) => r.source === 'manual' && isInForce(r, ctx.today)).map((r) => `${r.subjectStaffId}:${r.kind}`),
  );
  return {
    relations: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subjectStaffId: r.subjectStaffId,
      subjectName: fullName(r.subjectFamilyName, r.subjectGivenName),
      holderStaffId: r.holderStaffId,
      holderName: fullName(r.holderFamilyName, r.holderGivenName),
      source: r.source,
      reason: r.reason,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      isEffective: isInForce(r, ctx.today) && (r.source === 'manual' || !overridden.has(`${r.subjectStaffId}:${r.kind}`)),
    })),
  };
}

/**
 * POST /api/relations: HR sets an evaluator or confirmer by hand (an absent 係長, the deputy mayor, a special
 * assignment). It wins over the rule row for its period. Two manual rows for the same person and kind may not
 * overlap: which one would decide access would be a guess.
 */
export async function createManualRelation(ctx: ServiceContext, input: ManualRelationInput) {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  if (!isValidIsoDate(input.startsOn) || (input.endsOn !== null && !isValidIsoDate(input.endsOn))) {
    throw new AppError('org.invalid-date', '日付を読み取れません。YYYY-MM-DD で指定してください。');
  }
  if (input.endsOn !== null && input.endsOn < input.startsOn) {
    throw new AppError('org.relation-invalid', '終了日が開始日より前です。');
  }
  if (input.subjectStaffId === input.holderStaffId) {
    throw new AppError('org.relation-invalid', '本人を自分の評価者・確認者にすることはできません。');
  }
  const [subject, holder] = await Promise.all([
    findStaffRecord(exec, municipalityId, input.subjectStaffId),
    findStaffRecord(exec, municipalityId, input.holderStaffId),
  ]);
  if (subject === undefined || holder === undefined) throw new AppError('org.staff-not-found', '職員が見つかりません。');
  const reason = input.reason.trim();
  if (reason === '') throw new AppError('org.relation-invalid', '手動で設定する理由を入力してください。');
  return exec.transaction(async (tx) => {
    const overlapping = await listOverlappingManualRelations(tx, municipalityId, input);
    if (overlapping.length > 0) {
      throw new AppError('org.relation-invalid', '同じ期間に手動で設定した評価者・確認者が既にあります。先にそちらを削除してください。', {
        overlappingIds: overlapping.map((o) => o.id),
      });
    }
    const id = await insertRelation(tx, {
      municipalityId,
      kind: input.kind,
      subjectStaffId: input.subjectStaffId,
      holderStaffId: input.holderStaffId,
      source: 'manual',
      reason,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
    });
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.relation-set',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: input.subjectStaffId,
      details: { relationId: id, kind: input.kind, holderStaffId: input.holderStaffId, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return { id };
  });
}

/**
 * DELETE /api/relations/:id: removes a manual override. One that has not begun is deleted; one in force ends
 * yesterday, so the record of who evaluated whom stays true; one that has already ended is history and stays.
 * Rule rows are not deleted by hand: derive again, or override them.
 */
export async function removeManualRelation(ctx: ServiceContext, input: { relationId: number }) {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const row = await findRelation(exec, municipalityId, input.relationId);
  if (row === undefined) throw new AppError('common.not-found', '評価者・確認者の設定が見つかりません。');
  if (row.source !== 'manual') {
    throw new AppError('org.relation-invalid', '規則で導出された関係は削除できません。手動で上書きするか、再導出してください。');
  }
  const yesterday = addDays(ctx.today, -1);
  if (row.endsOn !== null && row.endsOn <= yesterday) {
    throw new AppError('org.relation-invalid', '既に終了した設定は履歴として残るため削除できません。');
  }
  await exec.transaction(async (tx) => {
    if (row.startsOn >= ctx.today) await deleteRelations(tx, [row.id]);
    else await setRelationsEndsOn(tx, [row.id], yesterday);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.relation-removed',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: row.subjectStaffId,
      details: { relationId: row.id, kind: row.kind, holderStaffId: row.holderStaffId, ended: row.startsOn < ctx.today },
    });
  });
}

/** The evaluator and confirmer deciding access on `date` (manual over rule), for the profile. */
export async function effectiveRelationsOf(
  ctx: ServiceContext,
  rows: readonly { kind: RelationKind; source: 'rule' | 'manual'; holderStaffId: number }[],
): Promise<EffectiveRelations> {
  const pick = (kind: RelationKind) =>
    rows.find((r) => r.kind === kind && r.source === 'manual') ?? rows.find((r) => r.kind === kind && r.source === 'rule') ?? null;
  const evaluator = pick('evaluator');
  const confirmer = pick('confirmer');
  const names = await listStaffNames(
    ctx.database.db,
    ctx.actor.municipalityId,
    [evaluator, confirmer].flatMap((r) => (r === null ? [] : [r.holderStaffId])),
  );
  const describe = (r: typeof evaluator) => {
    if (r === null) return null;
    const n = names.get(r.holderStaffId);
    return { staffId: r.holderStaffId, name: n ? fullName(n.familyName, n.givenName) : '' };
  };
  return { evaluator: describe(evaluator), confirmer: describe(confirmer) };
}
