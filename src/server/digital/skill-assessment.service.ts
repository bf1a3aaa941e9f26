/**
 * デジタルスキルの自己評価 (policy IV-2-(7)): the person saves and submits their levels for the current 年度; their
 * evaluator (the 'evaluator' relation in force, checked by the route guard) or HR confirms or returns it; HR lists a
 * year and sees the summary. The confirmed assessment is read by the ability-evaluation sheet of that 年度
 * (`digitalSkillsForSheet`). Every change is audited.
 */
import type { Executor } from '../db/client.js';
import type { ServiceContext } from '../http/context.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { can } from '../access/access.service.js';
import { notify } from '../notifications/notifications.service.js';
import { validationError } from '../http/validation-messages.js';
import { clampDate, fiscalYearOf, fiscalYearRange } from '../../domain/common/fiscal-year.js';
import { levelLabel, type SkillFramework } from '../../domain/digital/skill-framework.js';
import {
  checkLevels,
  isEditableByOwner,
  review,
  summarise,
  type AssessmentLevels,
  type AssessmentList,
  type AssessmentStatus,
  type AssessmentSummary,
  type AssessmentView,
  type MyAssessmentView,
  type ReviewAction,
  type SaveAssessmentInput,
  type SheetDigitalSkills,
} from '../../domain/digital/skill-assessment.js';
import type { UnitNode } from '../../domain/org/org-api.js';
import { listUnitsAsOf } from '../org/org.service.js';
import { auditSource, getSkillFramework } from './skill-framework.service.js';
import {
  findAssessment,
  insertAssessment,
  listAssessmentsInStatus,
  listAssessmentsOfYear,
  listRegularPostsOn,
  listStaffNames,
  updateAssessmentIfUnchanged,
  type AssessmentRow,
} from './digital.repository.js';

const notFound = () => new AppError('common.not-found', 'デジタルスキルの自己評価が見つかりません。');
const stale = () => new AppError('common.conflict', '他の人が先にこの自己評価を更新しました。最新の内容を読み込んでから、もう一度操作してください。');

function requireStaff(ctx: ServiceContext): number {
  if (ctx.actor.staffId === null) throw new AppError('access.denied', '職員として登録されたアカウントでのみ利用できます。');
  return ctx.actor.staffId;
}

/** The division (課) a unit belongs to in the snapshot (itself for a division; null above divisions). */
function divisionOf(units: ReadonlyMap<number, UnitNode>, unitId: number | undefined): UnitNode | null {
  let current = unitId === undefined ? undefined : units.get(unitId);
  const seen = new Set<number>();
  while (current && !seen.has(current.id)) {
    if (current.kind === 'division') return current;
    seen.add(current.id);
    current = current.parentId === null ? undefined : units.get(current.parentId);
  }
  return null;
}

/** Names and the division of each person's regular post on the year's reference date (today, kept inside the year). */
async function peopleOf(ctx: ServiceContext, fiscalYear: number, staffIds: readonly number[]) {
  const exec = ctx.database.db;
  const range = fiscalYearRange(fiscalYear);
  const asOf = clampDate(ctx.today, range.startsOn, range.endsOn);
  const [names, posts, unitList] = await Promise.all([
    listStaffNames(exec, ctx.actor.municipalityId, staffIds),
    listRegularPostsOn(exec, ctx.actor.municipalityId, staffIds, asOf),
    listUnitsAsOf(ctx, { asOf }),
  ]);
  const units = new Map(unitList.units.map((u) => [u.id, u]));
  const postOf = new Map<number, number>();
  for (const p of posts) if (!postOf.has(p.staffId)) postOf.set(p.staffId, p.unitId);
  const byId = new Map(names.map((n) => [n.staffId, n]));
  return {
    unitOrder: unitList.units.map((u) => u.id),
    nameOf: (id: number | null) => {
      const n = id === null ? undefined : byId.get(id);
      return n ? `${n.familyName} ${n.givenName}` : null;
    },
    employeeNumberOf: (id: number) => byId.get(id)?.employeeNumber ?? '',
    divisionOf: (id: number) => divisionOf(units, postOf.get(id)),
  };
}

async function toViews(ctx: ServiceContext, fiscalYear: number, rows: readonly AssessmentRow[]): Promise<AssessmentView[]> {
  const people = await peopleOf(ctx, fiscalYear, rows.flatMap((r) => (r.confirmedByStaffId === null ? [r.staffId] : [r.staffId, r.confirmedByStaffId])));
  return rows.map((r) => ({
    id: r.id,
    staffId: r.staffId,
    employeeNumber: people.employeeNumberOf(r.staffId),
    name: people.nameOf(r.staffId) ?? '',
    unitName: people.divisionOf(r.staffId)?.name ?? null,
    fiscalYear: r.fiscalYear,
    levels: r.levels as AssessmentLevels,
    selfComment: r.selfComment,
    status: r.status as AssessmentStatus,
    submittedAt: r.submittedAt,
    confirmedByName: people.nameOf(r.confirmedByStaffId),
    confirmedAt: r.confirmedAt,
    supervisorComment: r.supervisorComment,
    version: r.version,
  }));
}

async function viewOf(ctx: ServiceContext, staffId: number, fiscalYear: number, row: AssessmentRow | undefined): Promise<AssessmentView> {
  if (row) return (await toViews(ctx, fiscalYear, [row]))[0]!;
  const people = await peopleOf(ctx, fiscalYear, [staffId]);
  return {
    id: null,
    staffId,
    employeeNumber: people.employeeNumberOf(staffId),
    name: people.nameOf(staffId) ?? '',
    unitName: people.divisionOf(staffId)?.name ?? null,
    fiscalYear,
    levels: {},
    selfComment: '',
    status: 'draft',
    submittedAt: null,
    confirmedByName: null,
    confirmedAt: null,
    supervisorComment: '',
    version: null,
  };
}

/** GET /assessments/mine/{fiscalYear}: the framework and one's assessment of the year (an empty draft if none). */
export async function readMyAssessment(ctx: ServiceContext, input: { fiscalYear: number }): Promise<MyAssessmentView> {
  const me = requireStaff(ctx);
  const exec = ctx.database.db;
  const [framework, row] = await Promise.all([getSkillFramework(exec, ctx.actor.municipalityId), findAssessment(exec, ctx.actor.municipalityId, me, input.fiscalYear)]);
  return { framework, assessment: await viewOf(ctx, me, input.fiscalYear, row), isCurrentYear: input.fiscalYear === fiscalYearOf(ctx.today) };
}

/**
 * PUT /assessments/mine/{fiscalYear} (save) and POST …/submit: the owner writes the current 年度 only (an assessment
 * describes the person now); a submitted or confirmed one is not the owner's to change.
 */
export async function saveMyAssessment(ctx: ServiceContext, input: SaveAssessmentInput & { fiscalYear: number; submit: boolean }): Promise<MyAssessmentView> {
  const me = requireStaff(ctx);
  const municipalityId = ctx.actor.municipalityId;
  if (input.fiscalYear !== fiscalYearOf(ctx.today)) throw new AppError('common.conflict', `自己評価を入力・提出できるのは今年度(${fiscalYearOf(ctx.today)}年度)だけです。`);
  await ctx.database.db.transaction(async (tx) => {
    const framework = await getSkillFramework(tx, municipalityId);
    const issues = checkLevels(framework, input.levels, { isSubmission: input.submit });
    if (issues.length > 0) throw validationError(issues.map((i) => ({ ...i, code: 'custom' })));
    const existing = await findAssessment(tx, municipalityId, me, input.fiscalYear);
    const status = input.submit ? 'submitted' : (existing?.status ?? 'draft');
    const submittedAt = input.submit ? ctx.now.toISOString() : (existing?.submittedAt ?? null);
    let row: AssessmentRow | undefined;
    if (!existing) {
      if (input.version !== null) throw stale();
      row = await insertAssessment(tx, { municipalityId, staffId: me, fiscalYear: input.fiscalYear, levels: input.levels, selfComment: input.selfComment, status, submittedAt });
    } else {
      if (!isEditableByOwner(existing.status as AssessmentStatus)) {
        throw new AppError('common.conflict', existing.status === 'confirmed' ? '確認済みの自己評価は変更できません。' : '提出した自己評価は、上司が確認するか差し戻すまで変更できません。');
      }
      if (input.version !== existing.version) throw stale();
      row = await updateAssessmentIfUnchanged(tx, municipalityId, existing.id, existing.version, { levels: input.levels, selfComment: input.selfComment, status, submittedAt });
    }
    if (!row) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: input.submit ? 'digital.assessment-submitted' : 'digital.assessment-saved',
      outcome: 'succeeded',
      objectType: 'digital-skill-assessment',
      objectId: row.id,
      details: { fiscalYear: input.fiscalYear, areas: Object.keys(input.levels).length },
    });
  });
  return readMyAssessment(ctx, { fiscalYear: input.fiscalYear });
}

/** GET /assessments/pending: submitted assessments the actor may confirm (as evaluator; HR: everyone's), never their own. */
export async function readPendingAssessments(ctx: ServiceContext): Promise<AssessmentList> {
  const exec = ctx.database.db;
  const rows = await listAssessmentsInStatus(exec, ctx.actor.municipalityId, 'submitted');
  const decided = new Map<number, boolean>();
  const mine: AssessmentRow[] = [];
  for (const r of rows) {
    if (r.staffId === ctx.actor.staffId) continue;
    let allowed = decided.get(r.staffId);
    if (allowed === undefined) {
      allowed = (await can(ctx.database, ctx.actor, 'digital.assessment.confirm', { staffId: r.staffId }, ctx.today)).allowed;
      decided.set(r.staffId, allowed);
    }
    if (allowed) mine.push(r);
  }
  const framework = await getSkillFramework(exec, ctx.actor.municipalityId);
  const items: AssessmentView[] = [];
  for (const year of [...new Set(mine.map((r) => r.fiscalYear))]) items.push(...(await toViews(ctx, year, mine.filter((r) => r.fiscalYear === year))));
  return { framework, items };
}

/** GET /staff/{staffId}/assessments/{fiscalYear} — the evaluator or HR (the guard checks). */
export async function readAssessmentOf(ctx: ServiceContext, input: { staffId: number; fiscalYear: number }): Promise<MyAssessmentView> {
  const exec = ctx.database.db;
  const [framework, row] = await Promise.all([getSkillFramework(exec, ctx.actor.municipalityId), findAssessment(exec, ctx.actor.municipalityId, input.staffId, input.fiscalYear)]);
  if (!row) throw notFound();
  return { framework, assessment: await viewOf(ctx, input.staffId, input.fiscalYear, row), isCurrentYear: input.fiscalYear === fiscalYearOf(ctx.today) };
}

/** POST /staff/{staffId}/assessments/{fiscalYear}/confirm|return — the guard has checked the relation to staffId. */
export async function reviewAssessment(
  ctx: ServiceContext,
  input: { staffId: number; fiscalYear: number; action: ReviewAction; version: number; comment: string },
): Promise<MyAssessmentView> {
  await ctx.database.db.transaction(async (tx) => {
    const row = await findAssessment(tx, ctx.actor.municipalityId, input.staffId, input.fiscalYear);
    if (!row) throw notFound();
    if (row.version !== input.version) throw stale();
    const outcome = review({ status: row.status as AssessmentStatus, ownerStaffId: row.staffId, reviewerStaffId: ctx.actor.staffId, action: input.action, comment: input.comment });
    if (!outcome.ok) {
      if (outcome.reason === 'own-assessment') throw new AppError('access.denied', '自分の自己評価は確認できません。');
      if (outcome.reason === 'comment-required') throw validationError([{ path: 'comment', code: 'custom', message: '差し戻す理由をコメントに入力してください' }]);
      throw new AppError('common.conflict', 'この自己評価は確認を待っていません。');
    }
    const updated = await updateAssessmentIfUnchanged(
      tx,
      ctx.actor.municipalityId,
      row.id,
      row.version,
      outcome.to === 'confirmed'
        ? { status: 'confirmed', confirmedByStaffId: ctx.actor.staffId, confirmedAt: ctx.now.toISOString(), supervisorComment: input.comment }
        : { status: 'returned', supervisorComment: input.comment },
    );
    if (!updated) throw stale();
    await auditInTx(tx, auditSource(ctx), {
      action: `digital.assessment-${outcome.to}`,
      outcome: 'succeeded',
      objectType: 'digital-skill-assessment',
      objectId: row.id,
      details: { staffId: row.staffId, fiscalYear: row.fiscalYear },
    });
    await notify(tx, {
      municipalityId: ctx.actor.municipalityId,
      recipientStaffIds: [row.staffId],
      kind: 'digital.assessment',
      title: outcome.to === 'confirmed' ? `${row.fiscalYear}年度のデジタルスキルの自己評価が確認されました` : `${row.fiscalYear}年度のデジタルスキルの自己評価が差し戻されました`,
      body: input.comment,
      link: '/digital/assessment',
    });
  });
  return readAssessmentOf(ctx, { staffId: input.staffId, fiscalYear: input.fiscalYear });
}

/** GET /assessments?fiscalYear — HR: every assessment of the year. */
export async function readAssessmentsOfYear(ctx: ServiceContext, input: { fiscalYear: number }): Promise<AssessmentList> {
  const exec = ctx.database.db;
  const [framework, rows] = await Promise.all([getSkillFramework(exec, ctx.actor.municipalityId), listAssessmentsOfYear(exec, ctx.actor.municipalityId, input.fiscalYear)]);
  return { framework, items: await toViews(ctx, input.fiscalYear, rows) };
}

/** GET /assessments/summary?fiscalYear — HR: per area the count per level (confirmed), per division the statuses and averages. */
export async function readAssessmentSummary(ctx: ServiceContext, input: { fiscalYear: number }): Promise<AssessmentSummary> {
  const exec = ctx.database.db;
  const [framework, rows] = await Promise.all([getSkillFramework(exec, ctx.actor.municipalityId), listAssessmentsOfYear(exec, ctx.actor.municipalityId, input.fiscalYear)]);
  const people = await peopleOf(ctx, input.fiscalYear, rows.map((r) => r.staffId));
  return summarise(
    input.fiscalYear,
    framework,
    rows.map((r) => {
      const division = people.divisionOf(r.staffId);
      return { status: r.status as AssessmentStatus, levels: r.levels as AssessmentLevels, unitId: division?.id ?? null, unitName: division?.name ?? null };
    }),
    people.unitOrder,
  );
}

/**
 * For the ability-evaluation sheet (evaluation area): the person's confirmed self-assessment of the 年度, grouped by
 * the digital ability item each area feeds, or null when there is none.
 */
export async function digitalSkillsForSheet(exec: Executor, municipalityId: number, staffId: number, fiscalYear: number): Promise<SheetDigitalSkills | null> {
  const row = await findAssessment(exec, municipalityId, staffId, fiscalYear);
  if (!row || row.status !== 'confirmed') return null;
  const framework: SkillFramework = await getSkillFramework(exec, municipalityId);
  const levels = row.levels as AssessmentLevels;
  const [confirmer] = row.confirmedByStaffId === null ? [] : await listStaffNames(exec, municipalityId, [row.confirmedByStaffId]);
  const items = new Map<string, SheetDigitalSkills['items'][number]>();
  for (const area of framework.areas) {
    const value = levels[area.id];
    if (!value) continue;
    const item = items.get(area.abilityItemId) ?? { abilityItemId: area.abilityItemId, areas: [] };
    item.areas.push({ areaId: area.id, label: area.label, level: value.level, levelLabel: levelLabel(framework, value.level), note: value.note });
    items.set(area.abilityItemId, item);
  }
  return {
    fiscalYear,
    confirmedAt: row.confirmedAt,
    confirmedByName: confirmer ? `${confirmer.familyName} ${confirmer.givenName}` : null,
    items: [...items.values()],
  };
}
