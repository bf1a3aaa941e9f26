/**
 * The placement rules page and HR's placement inputs (issue 5, policy III-2-(1)): the R1–R5 flags as of a date, the
 * placement settings, transfer wishes entered by HR (until the self-declaration of issue 6 exists), expertise fields
 * per person and 定数 per unit × position level × 年度. HR only (placement.rules.read / placement.inputs.manage).
 */
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { addDays, fiscalYearRange, isValidIsoDate, nextAprilFirst } from '../../domain/common/fiscal-year.js';
import { positionLevels, type PositionLevel } from '../../domain/org/org-model.js';
import { nameOfUnitOn, unitLineage } from '../../domain/org/org-tree.js';
import { ruleIds, type PlacementPerson, type RuleId } from '../../domain/placement/placement-model.js';
import { personFlags, personRuleIds } from '../../domain/placement/rules.js';
import { leafUnitsOn, movableEmploymentTypes, servedExpertiseFields } from '../../domain/placement/placement-facts.js';
import {
  rulesPageSize,
  type ExpertiseInput,
  type ExpertiseView,
  type PersonWishesView,
  type PlacementSettingsView,
  type QuotaCell,
  type QuotaGridView,
  type QuotasInput,
  type RuleFlagItem,
  type RuleFlagsView,
  type StaffBrief,
  type WishesInput,
  type WishListView,
  type WishView,
} from '../../domain/placement/rules-api.js';
import { listAssignmentsOfStaff, listUnitEvents, listUnitVersions } from '../org/org.repository.js';
import { getOrgSettings } from '../org/settings.service.js';
import { loadPlacementFacts } from './facts.service.js';
import { readPlacementSettingsDocument, updatePlacementSettingsDocument, type PlacementSettingsUpdate } from './placement-settings.service.js';
import { listQuotasInForce } from './facts.repository.js';
import {
  countPostsByUnitAndLevel,
  deleteQuota,
  listExpertiseOfStaff,
  listKnownExpertiseFields,
  listQuotasOfYear,
  listStaffBriefs,
  listWishesOfStaff,
  pageStaffWithWishes,
  replaceExpertise,
  replaceWishes,
  upsertQuota,
  type StaffBriefRow,
  type WishRow,
} from './rules.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

/** The default effective date of the rules page and of plans: the next April 1 after today. */
export const defaultEffectiveDate = (today: string): string => nextAprilFirst(today);

// ---------------------------------------------------------------------------------------------
// The rules page

export type RuleFlagsQuery = { date?: string | undefined; rule?: RuleId | undefined; unitId?: number | undefined; page?: number | undefined };

/**
 * GET /api/placement/rules: every person's R1–R5 flags as of the date (default the next April 1), filtered and paged.
 * One load of the facts per request; the rules are decided for everyone (the counts are city-wide) but the flags'
 * text is built only for the page shown.
 */
export async function listRuleFlags(ctx: ServiceContext, query: RuleFlagsQuery): Promise<RuleFlagsView> {
  const effectiveDate = query.date ?? defaultEffectiveDate(ctx.today);
  if (!isValidIsoDate(effectiveDate)) throw new AppError('common.validation', `基準日「${effectiveDate}」は正しい日付ではありません。`);
  const facts = await loadPlacementFacts(ctx, effectiveDate);
  const orgSettings = await getOrgSettings(ctx.database.db, ctx.actor.municipalityId);
  const unitById = new Map(facts.units.map((u) => [u.unitId, u]));
  const countsByRule = Object.fromEntries(ruleIds.map((r) => [r, 0])) as Record<RuleId, number>;
  // counts stay city-wide; only the list is filtered
  const listed: Array<{ person: PlacementPerson; rule: RuleId }> = [];
  for (const person of facts.people) {
    const inUnit = query.unitId === undefined || person.currentUnitId === query.unitId;
    for (const rule of personRuleIds(person, facts)) {
      countsByRule[rule] += 1;
      if (inUnit && (query.rule === undefined || rule === query.rule)) listed.push({ person, rule });
    }
  }
  const toItem = ({ person, rule }: { person: PlacementPerson; rule: RuleId }): RuleFlagItem => {
    const f = personFlags(person, facts).find((flag) => flag.rule === rule)!;
    const unit = unitById.get(person.currentUnitId);
    return {
      ...f,
      employeeNumber: person.employeeNumber,
      name: person.name,
      phase: person.phase,
      unitId: person.currentUnitId,
      unitName: unit?.name ?? `所属#${person.currentUnitId}`,
      unitPath: unit?.path ?? '',
    };
  };
  const page = Math.max(1, query.page ?? 1);
  const start = (page - 1) * rulesPageSize;
  return {
    effectiveDate,
    defaultDate: defaultEffectiveDate(ctx.today),
    rule: query.rule ?? null,
    unitId: query.unitId ?? null,
    countsByRule,
    people: facts.people.length,
    total: listed.length,
    page,
    pageSize: rulesPageSize,
    items: listed.slice(start, start + rulesPageSize).map(toItem),
    units: facts.units.map((u) => ({ unitId: u.unitId, name: u.name, path: u.path })),
    thresholds: {
      rotationYearsPerUnit: facts.settings.rotationYearsPerUnit,
      expertCycleYears: facts.settings.expertCycleYears,
      rotationEndWindowYears: facts.settings.rotationEndWindowYears,
      rotationYears: orgSettings.careerPhaseRules.rotationYears,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Settings

async function withOrgThresholds(ctx: ServiceContext, view: Omit<PlacementSettingsView, 'orgThresholds'>): Promise<PlacementSettingsView> {
  const org = await getOrgSettings(ctx.database.db, ctx.actor.municipalityId);
  return {
    ...view,
    orgThresholds: { rotationYearsPerUnit: org.rotationYearsPerUnit, expertCycleYears: org.expertCycleYears, rotationYears: org.careerPhaseRules.rotationYears },
  };
}

/** GET /api/placement/settings */
export async function readPlacementSettings(ctx: ServiceContext): Promise<PlacementSettingsView> {
  return withOrgThresholds(ctx, await readPlacementSettingsDocument(ctx));
}

/** PUT /api/placement/settings */
export async function updatePlacementSettings(ctx: ServiceContext, input: PlacementSettingsUpdate): Promise<PlacementSettingsView> {
  return withOrgThresholds(ctx, await updatePlacementSettingsDocument(ctx, input));
}

// ---------------------------------------------------------------------------------------------
// People and units

async function staffBriefs(ctx: ServiceContext, staffIds: readonly number[], date: string): Promise<Map<number, StaffBrief>> {
  const rows = await listStaffBriefs(ctx.database.db, ctx.actor.municipalityId, staffIds, date);
  const versions = await listUnitVersions(ctx.database.db, ctx.actor.municipalityId);
  const toBrief = (r: StaffBriefRow): StaffBrief => ({
    staffId: r.staffId,
    employeeNumber: r.employeeNumber,
    name: `${r.familyName} ${r.givenName}`,
    unitName: r.unitId === null ? null : nameOfUnitOn(versions, r.unitId, date),
  });
  return new Map(rows.map((r) => [r.staffId, toBrief(r)]));
}

async function requireStaff(ctx: ServiceContext, staffId: number): Promise<StaffBrief> {
  const brief = (await staffBriefs(ctx, [staffId], ctx.today)).get(staffId);
  if (brief === undefined) throw new AppError('common.not-found', '職員が見つかりません。');
  return brief;
}

// ---------------------------------------------------------------------------------------------
// Transfer wishes

function wishViews(rows: readonly WishRow[], unitName: (unitId: number) => string): WishView[] {
  return rows.map((w) => ({ rank: w.rank, unitId: w.unitId, unitName: unitName(w.unitId), reason: w.reason, source: w.source, recordedAt: w.recordedAt }));
}

async function unitNamer(ctx: ServiceContext, fiscalYear: number): Promise<(unitId: number) => string> {
  const versions = await listUnitVersions(ctx.database.db, ctx.actor.municipalityId);
  const april = fiscalYearRange(fiscalYear).startsOn;
  return (unitId) => {
    const named = nameOfUnitOn(versions, unitId, april);
    if (named !== null) return named;
    const latest = versions.filter((v) => v.unitId === unitId).at(-1);
    return latest?.name ?? `所属#${unitId}`;
  };
}

/** GET /api/placement/wishes/{staffId}/{fiscalYear} */
export async function readPersonWishes(ctx: ServiceContext, input: { staffId: number; fiscalYear: number }): Promise<PersonWishesView> {
  const staff = await requireStaff(ctx, input.staffId);
  const rows = await listWishesOfStaff(ctx.database.db, ctx.actor.municipalityId, [input.staffId], input.fiscalYear);
  const versions = await listUnitVersions(ctx.database.db, ctx.actor.municipalityId);
  const name = await unitNamer(ctx, input.fiscalYear);
  return {
    staff,
    fiscalYear: input.fiscalYear,
    wishes: wishViews(rows, name),
    units: leafUnitsOn(versions, fiscalYearRange(input.fiscalYear).startsOn),
  };
}

/** PUT /api/placement/wishes/{staffId}/{fiscalYear}: replaces the person's wishes of the 年度 (empty list: none). */
export async function savePersonWishes(ctx: ServiceContext, input: { staffId: number; fiscalYear: number; body: WishesInput }): Promise<PersonWishesView> {
  await requireStaff(ctx, input.staffId);
  const municipalityId = ctx.actor.municipalityId;
  const versions = await listUnitVersions(ctx.database.db, municipalityId);
  const allowed = new Set(leafUnitsOn(versions, fiscalYearRange(input.fiscalYear).startsOn).map((u) => u.unitId));
  const details = input.body.wishes
    .map((w, i) => ({ w, i }))
    .filter(({ w }) => !allowed.has(w.unitId))
    .map(({ i }) => ({ path: `wishes.${i}.unitId`, code: 'custom', message: 'この所属は年度の4月1日に配置できる所属ではありません' }));
  if (details.length > 0) throw new AppError('common.validation', '希望の所属を確認してください。', details);
  const wishes = [...input.body.wishes].sort((a, b) => a.rank - b.rank);
  await ctx.database.db.transaction(async (tx) => {
    await replaceWishes(tx, municipalityId, input.staffId, input.fiscalYear, wishes, 'hr');
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.wishes-saved',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: String(input.staffId),
      details: { fiscalYear: input.fiscalYear, wishes: wishes.map((w) => ({ rank: w.rank, unitId: w.unitId })) },
    });
  });
  return readPersonWishes(ctx, { staffId: input.staffId, fiscalYear: input.fiscalYear });
}

/** GET /api/placement/wishes?fiscalYear=: the people with wishes for the 年度, paged. */
export async function listWishes(ctx: ServiceContext, input: { fiscalYear: number; page: number }): Promise<WishListView> {
  const pageSize = rulesPageSize;
  const { total, staffIds } = await pageStaffWithWishes(ctx.database.db, ctx.actor.municipalityId, input.fiscalYear, pageSize, (input.page - 1) * pageSize);
  const rows = await listWishesOfStaff(ctx.database.db, ctx.actor.municipalityId, staffIds, input.fiscalYear);
  const briefs = await staffBriefs(ctx, staffIds, addDays(fiscalYearRange(input.fiscalYear).startsOn, -1));
  const name = await unitNamer(ctx, input.fiscalYear);
  const items = staffIds.flatMap((id) => {
    const staff = briefs.get(id);
    return staff === undefined ? [] : [{ staff, wishes: wishViews(rows.filter((r) => r.staffId === id), name) }];
  });
  return { fiscalYear: input.fiscalYear, total, page: input.page, pageSize, items };
}

// ---------------------------------------------------------------------------------------------
// Expertise fields

/** GET /api/placement/expertise/{staffId} */
export async function readExpertise(ctx: ServiceContext, staffId: number): Promise<ExpertiseView> {
  const staff = await requireStaff(ctx, staffId);
  const municipalityId = ctx.actor.municipalityId;
  const exec = ctx.database.db;
  const fields = await listExpertiseOfStaff(exec, municipalityId, staffId);
  const versions = await listUnitVersions(exec, municipalityId);
  const events = await listUnitEvents(exec, municipalityId);
  const org = await getOrgSettings(exec, municipalityId);
  const assignments = await listAssignmentsOfStaff(exec, municipalityId, [staffId]);
  const servedFields = servedExpertiseFields(assignments, versions, unitLineage(versions, events), ctx.today, org.rotationYearsPerUnit).sort();
  return { staff, fields, servedFields, knownFields: await listKnownExpertiseFields(exec, municipalityId) };
}

/** PUT /api/placement/expertise/{staffId}: replaces the HR-recorded fields. */
export async function saveExpertise(ctx: ServiceContext, input: { staffId: number; body: ExpertiseInput }): Promise<ExpertiseView> {
  await requireStaff(ctx, input.staffId);
  await ctx.database.db.transaction(async (tx) => {
    await replaceExpertise(tx, ctx.actor.municipalityId, input.staffId, input.body.fields);
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.expertise-saved',
      outcome: 'succeeded',
      objectType: 'staff',
      objectId: String(input.staffId),
      details: { fields: input.body.fields.map((f) => f.field) },
    });
  });
  return readExpertise(ctx, input.staffId);
}

// ---------------------------------------------------------------------------------------------
// 定数

/** GET /api/placement/quotas/{fiscalYear}: per placeable unit on April 1 and level, the 定数 in force and the headcount on the eve. */
export async function readQuotaGrid(ctx: ServiceContext, fiscalYear: number): Promise<QuotaGridView> {
  const exec = ctx.database.db;
  const municipalityId = ctx.actor.municipalityId;
  const april = fiscalYearRange(fiscalYear).startsOn;
  const versions = await listUnitVersions(exec, municipalityId);
  const inForce = await listQuotasInForce(exec, municipalityId, fiscalYear);
  const counts = await countPostsByUnitAndLevel(exec, municipalityId, addDays(april, -1), movableEmploymentTypes);
  const quotaOf = new Map(inForce.map((q) => [`${q.unitId}:${q.positionLevel}`, q]));
  const countOf = new Map(counts.map((c) => [`${c.unitId}:${c.level}`, c.n]));
  // The leaf units plus any unit people hold posts in directly (a 課 with its 課長), like the placement facts.
  const leaves = leafUnitsOn(versions, april);
  const leafIds = new Set(leaves.map((u) => u.unitId));
  const occupied = [...new Set(counts.map((c) => c.unitId))].filter((id) => !leafIds.has(id) && nameOfUnitOn(versions, id, april) !== null);
  const extra = occupied.map((unitId) => ({ unitId, name: nameOfUnitOn(versions, unitId, april) ?? '', path: '' }));
  const units = [...leaves, ...extra].map((u) => {
    const cells = {} as Record<PositionLevel, QuotaCell>;
    for (const level of positionLevels) {
      const q = quotaOf.get(`${u.unitId}:${level}`);
      cells[level] = { quota: q?.headcount ?? null, fromFiscalYear: q?.fiscalYear ?? null, headcount: countOf.get(`${u.unitId}:${level}`) ?? 0 };
    }
    return { ...u, cells };
  });
  return { fiscalYear, levels: [...positionLevels], units };
}

/** PUT /api/placement/quotas/{fiscalYear}: sets (or with null removes) this 年度's 定数 of the cells sent. */
export async function saveQuotaGrid(ctx: ServiceContext, input: { fiscalYear: number; body: QuotasInput }): Promise<QuotaGridView> {
  const municipalityId = ctx.actor.municipalityId;
  const versions = await listUnitVersions(ctx.database.db, municipalityId);
  const known = new Set(versions.map((v) => v.unitId));
  const details = input.body.cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !known.has(c.unitId))
    .map(({ i }) => ({ path: `cells.${i}.unitId`, code: 'custom', message: '所属が見つかりません' }));
  if (details.length > 0) throw new AppError('common.validation', '所属を確認してください。', details);
  await ctx.database.db.transaction(async (tx) => {
    const before = new Map((await listQuotasOfYear(tx, municipalityId, input.fiscalYear)).map((q) => [`${q.unitId}:${q.positionLevel}`, q.headcount]));
    let changed = 0;
    for (const cell of input.body.cells) {
      const key = `${cell.unitId}:${cell.level}`;
      if ((before.get(key) ?? null) === cell.headcount) continue;
      changed += 1;
      if (cell.headcount === null) await deleteQuota(tx, municipalityId, input.fiscalYear, cell.unitId, cell.level);
      else await upsertQuota(tx, municipalityId, input.fiscalYear, cell.unitId, cell.level, cell.headcount);
    }
    await auditInTx(tx, auditSource(ctx), {
      action: 'placement.quotas-saved',
      outcome: 'succeeded',
      objectType: 'unit-position-quotas',
      objectId: String(input.fiscalYear),
      details: { fiscalYear: input.fiscalYear, changed },
    });
  });
  return readQuotaGrid(ctx, input.fiscalYear);
}
