/**
 * Organisation settings of a municipality (positions, evaluator/confirmer rules, unit heads, career-phase
 * thresholds, placement guides): data that HR and the system administrator edit, with the policy's values as
 * defaults. Positions live in the `positions` table only (assignments reference them); the stored JSON document
 * holds the rest and is validated together with the positions, so no rule may name a level nobody holds.
 * That is why it is not saved through common/settings-document.service.ts: the document is read over the defaults
 * key by key with the positions rows, stored without them, validated against rows read under the lock it shares
 * with position edits, and a change of the relation rules re-derives relations in the same transaction.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { positionLevelLabels, type Position } from '../../domain/org/org-model.js';
import { defaultOrgSettings, orgSettingsSchema, type OrgSettings, type PositionSetting } from '../../domain/org/org-settings.js';
import type {
  OrgSettingsUpdate,
  OrgSettingsView,
  PositionChangeResult,
  PositionInput,
  PositionSettingItem,
  StoredOrgSettings,
} from '../../domain/org/org-api.js';
import { listPositions } from './org.repository.js';
import {
  insertPosition,
  listPositionsWithUse,
  lockSettings,
  updatePosition as updatePositionRow,
  type PositionRow,
} from './settings.repository.js';
import {
  deleteSetting,
  deleteSettingIfUnchanged,
  findSetting,
  isSettingUnchanged,
  insertSettingIfAbsent,
  updateSettingIfUnchanged,
} from '../common/settings-documents.repository.js';
import { rebuildRuleRelationsFrom } from './relations.service.js';
import { japaneseIssueMessage, validationError, toValidationDetails, type ValidationDetail } from '../http/validation-messages.js';

export const orgSettingsKey = 'org';

export const storedOrgSettingsKeys = ['relationRules', 'unitHeadLevels', 'careerPhaseRules', 'rotationYearsPerUnit', 'expertCycleYears'] as const;

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

function storedPartOf(settings: OrgSettings): StoredOrgSettings {
  const { positions: _positions, ...rest } = settings;
  return rest;
}

/** Only the known keys of a stored document: a `positions` key written before positions moved to their table is ignored. */
function knownStoredKeys(value: unknown): Partial<StoredOrgSettings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const picked: Record<string, unknown> = {};
  for (const key of storedOrgSettingsKeys) if (key in value) picked[key] = (value as Record<string, unknown>)[key];
  return picked as Partial<StoredOrgSettings>;
}

const toPositionSetting = (p: Omit<Position, 'id'>): PositionSetting => ({ code: p.code, name: p.name, rank: p.rank, level: p.level, isManagerial: p.isManagerial });

type LoadedSettings = { settings: OrgSettings; isStored: boolean; updatedAt: string | null };

async function loadOrgSettings(exec: Executor, municipalityId: number): Promise<LoadedSettings> {
  // One after the other: `exec` may be a transaction, i.e. a single connection.
  const row = await findSetting(exec, municipalityId, orgSettingsKey);
  const positions = (await listPositions(exec, municipalityId)).map(toPositionSetting);
  const stored = knownStoredKeys(row?.value);
  const parsed = orgSettingsSchema.safeParse({ ...storedPartOf(defaultOrgSettings), ...stored, positions });
  let settings: OrgSettings;
  if (parsed.success) {
    settings = parsed.data;
  } else {
    // A document that no longer validates (e.g. after an upgrade) gives way to the defaults rather than locking
    // HR out; it is logged so that someone fixes it on the settings screen.
    if (row !== undefined) {
      console.warn('org settings do not validate; using the defaults', {
        municipalityId,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
    settings = { ...defaultOrgSettings, positions };
  }
  return { settings, isStored: row !== undefined, updatedAt: row?.updatedAt ?? null };
}

/** The effective settings: the stored document over the policy's defaults, with the positions from their table (most senior first). */
export async function getOrgSettings(exec: Executor, municipalityId: number): Promise<OrgSettings> {
  return (await loadOrgSettings(exec, municipalityId)).settings;
}

function orgSettingsView(loaded: LoadedSettings): OrgSettingsView {
  return {
    settings: loaded.settings,
    defaults: defaultOrgSettings,
    isDefault: !loaded.isStored,
    updatedAt: loaded.updatedAt,
  };
}

/** GET /api/settings/org */
export async function readOrgSettings(ctx: ServiceContext): Promise<OrgSettingsView> {
  return orgSettingsView(await loadOrgSettings(ctx.database.db, ctx.actor.municipalityId));
}

/** JSON with sorted keys, so that equal settings compare equal whatever order their keys came in. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function changedKeys(before: StoredOrgSettings, after: StoredOrgSettings): string[] {
  return storedOrgSettingsKeys.filter((key) => stableJson(before[key]) !== stableJson(after[key]));
}

const staleSettings = () => new AppError('common.conflict', '他の人が先に設定を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

/**
 * PUT /api/settings/org: replaces the stored document. Validated with the positions as they are now (a rule
 * may only name a level some position has); refused with 409 if someone changed or reset the settings since
 * they were read. Only the names of the changed keys go to the audit log, in the same transaction.
 */
export async function updateOrgSettings(ctx: ServiceContext, input: OrgSettingsUpdate): Promise<OrgSettingsView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettings(tx, municipalityId);
    const current = await loadOrgSettings(tx, municipalityId);
    const { updatedAt, ...wanted } = input;
    if (current.isStored !== (updatedAt !== null)) throw staleSettings();
    if (updatedAt !== null && !(await isSettingUnchanged(tx, municipalityId, orgSettingsKey, updatedAt))) throw staleSettings();
    const parsed = orgSettingsSchema.safeParse({ ...wanted, positions: current.settings.positions }, { error: japaneseIssueMessage });
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
    const next = storedPartOf(parsed.data);
    const changed = changedKeys(storedPartOf(current.settings), next);
    if (changed.length === 0) return orgSettingsView(current);
    const written =
      updatedAt === null
        ? await insertSettingIfAbsent(tx, municipalityId, orgSettingsKey, next)
        : await updateSettingIfUnchanged(tx, municipalityId, orgSettingsKey, next, updatedAt);
    if (written === undefined) throw staleSettings();
    // Evaluator/confirmer relations are derived by these rules: they follow a change at once, in the same transaction.
    if (changed.includes('relationRules')) await rebuildRuleRelationsFrom(tx, municipalityId, ctx.today);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.settings-updated',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: orgSettingsKey,
      details: { changed },
    });
    return orgSettingsView(await loadOrgSettings(tx, municipalityId));
  });
}

/**
 * POST /api/settings/org/reset: back to the policy's defaults by removing the stored document (the municipality
 * then follows the defaults, including later corrections of them). Positions are data and stay as they are.
 * With `updatedAt` the reset is refused (409) if the settings changed since they were read.
 */
export async function resetOrgSettings(ctx: ServiceContext, input: { updatedAt?: string | null }): Promise<OrgSettingsView> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettings(tx, municipalityId);
    const current = await loadOrgSettings(tx, municipalityId);
    if (!current.isStored) {
      if (input.updatedAt !== undefined && input.updatedAt !== null) throw staleSettings();
      return orgSettingsView(current);
    }
    if (input.updatedAt === null) throw staleSettings();
    if (input.updatedAt === undefined) await deleteSetting(tx, municipalityId, orgSettingsKey);
    else if (!(await deleteSettingIfUnchanged(tx, municipalityId, orgSettingsKey, input.updatedAt))) throw staleSettings();
    const changed = changedKeys(storedPartOf(current.settings), storedPartOf(defaultOrgSettings));
    if (changed.includes('relationRules')) await rebuildRuleRelationsFrom(tx, municipalityId, ctx.today);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.settings-reset',
      outcome: 'succeeded',
      objectType: 'settings',
      objectId: orgSettingsKey,
      details: { changed },
    });
    return orgSettingsView(await loadOrgSettings(tx, municipalityId));
  });
}

function positionView(p: PositionRow): PositionSettingItem {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    rank: p.rank,
    level: p.level,
    levelLabel: positionLevelLabels[p.level],
    isManagerial: p.isManagerial,
    isInUse: p.isInUse,
  };
}

/** GET /api/settings/positions: the positions, most senior first. */
export async function listPositionSettings(ctx: ServiceContext): Promise<{ positions: PositionSettingItem[] }> {
  const rows = await listPositionsWithUse(ctx.database.db, ctx.actor.municipalityId);
  return { positions: rows.map(positionView) };
}

type Placed = Omit<PositionRow, 'id'> & { id: number | null };

/**
 * Puts `item` at place `rank` (1 = most senior) among the others and numbers everyone 1, 2, 3 … in that order:
 * the rank says where a position stands, so the ones from that place down move one step down and no two share a rank.
 */
function placeAt(others: readonly PositionRow[], item: Placed, rank: number): Placed[] {
  const sorted = [...others].sort((a, b) => a.rank - b.rank || a.id - b.id);
  const index = Math.min(Math.max(rank - 1, 0), sorted.length);
  const list: Placed[] = [...sorted.slice(0, index), item, ...sorted.slice(index)];
  return list.map((p, i) => ({ ...p, rank: i + 1 }));
}

/**
 * Checks the positions as they would be against the whole settings document (unique codes and ranks, ranks in
 * level order, every level a rule names held by some position). Issues about a position are reported on the
 * field of the form (code, name, rank, level); issues elsewhere can only follow from a level change.
 */
function validatePositions(settings: OrgSettings, positions: readonly Placed[]): void {
  const parsed = orgSettingsSchema.safeParse({ ...settings, positions: positions.map(toPositionSetting) }, { error: japaneseIssueMessage });
  if (parsed.success) return;
  const details: ValidationDetail[] = [];
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const [head, , field] = issue.path;
    const path = head === 'positions' ? (typeof field === 'string' ? field : 'positions') : 'level';
    const key = `${path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    details.push({ path, code: issue.code, message: issue.message });
  }
  throw validationError(details);
}

/** Writes the ranks that the placement changed (the position itself aside). */
async function writeRanks(tx: Executor, municipalityId: number, before: readonly PositionRow[], after: readonly Placed[], exceptId: number | null) {
  const rankBefore = new Map(before.map((p) => [p.id, p.rank]));
  let moved = 0;
  for (const p of after) {
    if (p.id === null || p.id === exceptId || rankBefore.get(p.id) === p.rank) continue;
    await updatePositionRow(tx, municipalityId, p.id, { rank: p.rank });
    moved += 1;
  }
  return moved;
}

/** POST /api/settings/positions: a new position at the given place in the order (the ones below move down). */
export async function createPosition(ctx: ServiceContext, input: PositionInput): Promise<PositionChangeResult> {
  const municipalityId = ctx.actor.municipalityId;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettings(tx, municipalityId);
    const { settings } = await loadOrgSettings(tx, municipalityId);
    const rows = await listPositionsWithUse(tx, municipalityId);
    const placed = placeAt(rows, { id: null, ...input, isInUse: false }, input.rank);
    validatePositions(settings, placed);
    const rank = placed.find((p) => p.id === null)!.rank;
    const id = await insertPosition(tx, municipalityId, { ...input, rank });
    const moved = await writeRanks(tx, municipalityId, rows, placed, null);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.position-created',
      outcome: 'succeeded',
      objectType: 'position',
      objectId: id,
      details: { code: input.code, level: input.level, rank, movedPositions: moved },
    });
    const after = await listPositionsWithUse(tx, municipalityId);
    return { position: positionView(after.find((p) => p.id === id)!), positions: after.map(positionView) };
  });
}

export type PositionChanges = Partial<PositionInput>;

/**
 * PATCH /api/settings/positions/:id: name, place in the order and 管理職 may change; code and level only while
 * no assignment uses the position (imports name positions by code, and past careers were ranked by the level).
 */
export async function updatePosition(ctx: ServiceContext, input: PositionChanges & { positionId: number }): Promise<PositionChangeResult> {
  const municipalityId = ctx.actor.municipalityId;
  const { positionId, ...changes } = input;
  return ctx.database.db.transaction(async (tx) => {
    await lockSettings(tx, municipalityId);
    const { settings } = await loadOrgSettings(tx, municipalityId);
    const rows = await listPositionsWithUse(tx, municipalityId);
    const row = rows.find((p) => p.id === positionId);
    if (row === undefined) throw new AppError('common.not-found', '職位が見つかりません。');
    const changed = (Object.keys(changes) as (keyof PositionInput)[]).filter((k) => changes[k] !== undefined && changes[k] !== row[k]);
    if (changed.length === 0) return { position: positionView(row), positions: rows.map(positionView) };
    if (row.isInUse) {
      const locked: ValidationDetail[] = [];
      if (changed.includes('code')) locked.push({ path: 'code', code: 'custom', message: '配属で使われている職位のコードは変更できません' });
      if (changed.includes('level')) locked.push({ path: 'level', code: 'custom', message: '配属で使われている職位の区分は変更できません' });
      if (locked.length > 0) throw validationError(locked);
    }
    const next: PositionRow = { ...row, ...Object.fromEntries(changed.map((k) => [k, changes[k]])) };
    const placed: Placed[] = changed.includes('rank')
      ? placeAt(
          rows.filter((p) => p.id !== positionId),
          next,
          next.rank,
        )
      : rows.map((p) => (p.id === positionId ? next : p));
    validatePositions(settings, placed);
    const own = placed.find((p) => p.id === positionId)!;
    // A rank past the end places the position last, which may be where it already stood.
    const written = changed.filter((k) => k !== 'rank' || own.rank !== row.rank || placed.some((p, i) => p.id !== rows[i]?.id));
    if (written.length === 0) return { position: positionView(row), positions: rows.map(positionView) };
    const values: Partial<PositionInput> = {};
    for (const k of written) (values as Record<string, unknown>)[k] = k === 'rank' ? own.rank : changes[k];
    await updatePositionRow(tx, municipalityId, positionId, values);
    const moved = await writeRanks(tx, municipalityId, rows, placed, positionId);
    await auditInTx(tx, auditSource(ctx), {
      action: 'org.position-updated',
      outcome: 'succeeded',
      objectType: 'position',
      objectId: positionId,
      details: { code: row.code, changed: written, movedPositions: moved },
    });
    const after = await listPositionsWithUse(tx, municipalityId);
    return { position: positionView(after.find((p) => p.id === positionId)!), positions: after.map(positionView) };
  });
}
