/**
 * The competency framework per fiscal year (policy II-4-(1)(2), ADR 0009): which ability items each position level
 * is evaluated on, the required ability per level, and whether digital skills are rated. A year without a saved
 * version inherits the latest earlier one, or the policy's framework; HR saves the current or a future 年度 only,
 * so the sheets of past years never change under their readers.
 */
import type { ServiceContext } from '../http/context.js';
import type { Executor } from '../db/client.js';
import { AppError } from '../http/app-error.js';
import { auditInTx } from '../access/audit.service.js';
import { japaneseIssueMessage, toValidationDetails, validationError } from '../http/validation-messages.js';
import { fiscalYearOf } from '../../domain/common/fiscal-year.js';
import { positionLevels } from '../../domain/org/org-model.js';
import {
  competencyFrameworkSchema,
  defaultFramework,
  frameworkForYear,
  type CompetencyFramework,
} from '../../domain/competency/ability-items.js';
import type { FrameworkList, FrameworkUpdate, FrameworkView } from '../../domain/competency/competency-api.js';
import {
  deleteFramework,
  deleteFrameworkIfUnchanged,
  insertFrameworkIfAbsent,
  listFrameworks,
  updateFrameworkIfUnchanged,
  type FrameworkRow,
} from './competency.repository.js';

const auditSource = (ctx: ServiceContext) => ({ municipalityId: ctx.actor.municipalityId, actor: ctx.actor, requestId: ctx.requestId, now: ctx.now });

const staleFramework = () =>
  new AppError('common.conflict', '他の人が先にこの年度の評価項目を更新しました。最新の内容を読み込んでから、もう一度変更してください。');

type Loaded = { frameworks: CompetencyFramework[]; rows: FrameworkRow[] };

/** The stored versions that still validate; one that does not (e.g. after an upgrade) is logged and left out, so the years after it inherit from before it. */
async function loadFrameworks(exec: Executor, municipalityId: number): Promise<Loaded> {
  const rows = await listFrameworks(exec, municipalityId);
  const frameworks: CompetencyFramework[] = [];
  const valid: FrameworkRow[] = [];
  for (const row of rows) {
    const document = typeof row.document === 'object' && row.document !== null ? row.document : {};
    const parsed = competencyFrameworkSchema.safeParse({ ...document, fiscalYear: row.fiscalYear });
    if (parsed.success) {
      frameworks.push(parsed.data);
      valid.push(row);
    } else {
      console.warn('stored competency framework does not validate; ignored', {
        municipalityId,
        fiscalYear: row.fiscalYear,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
    }
  }
  return { frameworks, rows: valid };
}

function viewOf(loaded: Loaded, fiscalYear: number, currentFiscalYear: number): FrameworkView {
  const found = frameworkForYear(loaded.frameworks, fiscalYear);
  const row = loaded.rows.find((r) => r.fiscalYear === fiscalYear);
  const source = found === undefined ? 'policy-default' : found.fiscalYear === fiscalYear ? 'stored' : 'inherited';
  return {
    fiscalYear,
    currentFiscalYear,
    source,
    inheritedFromFiscalYear: source === 'inherited' ? found!.fiscalYear : null,
    framework: found === undefined ? defaultFramework(fiscalYear) : { ...found, fiscalYear },
    updatedAt: row?.updatedAt ?? null,
    isEditable: fiscalYear >= currentFiscalYear,
  };
}

/** The framework in force for a 年度 (stored, inherited or the policy's), for opening ability cycles. */
export async function getFrameworkForYear(exec: Executor, municipalityId: number, fiscalYear: number): Promise<CompetencyFramework> {
  return viewOf(await loadFrameworks(exec, municipalityId), fiscalYear, fiscalYear).framework;
}

const currentFiscalYearOf = (ctx: ServiceContext) => fiscalYearOf(ctx.today);

/** GET /api/competency/frameworks: the years with a saved version, and the framework in force for `fiscalYear` (default: this 年度). */
export async function listFrameworkYears(ctx: ServiceContext, input: { fiscalYear?: number }): Promise<FrameworkList> {
  const current = currentFiscalYearOf(ctx);
  const loaded = await loadFrameworks(ctx.database.db, ctx.actor.municipalityId);
  return {
    currentFiscalYear: current,
    storedYears: loaded.rows.map((r) => ({ fiscalYear: r.fiscalYear, updatedAt: r.updatedAt })),
    effective: viewOf(loaded, input.fiscalYear ?? current, current),
  };
}

/** GET /api/competency/frameworks/{fy}: the framework in force for the year and where it comes from. */
export async function readFramework(ctx: ServiceContext, input: { fiscalYear: number }): Promise<FrameworkView> {
  const loaded = await loadFrameworks(ctx.database.db, ctx.actor.municipalityId);
  return viewOf(loaded, input.fiscalYear, currentFiscalYearOf(ctx));
}

function refusePastYear(ctx: ServiceContext, fiscalYear: number, message: string): void {
  if (fiscalYear < currentFiscalYearOf(ctx)) throw new AppError('competency.past-year-locked', message);
}

/** The ids of each level in the items' order, so that the order of ticking does not show in the stored version. */
function inItemOrder(framework: CompetencyFramework): CompetencyFramework {
  const order = new Map(framework.items.map((item, index) => [item.id, index]));
  const sorted = (ids: readonly string[]) => [...ids].sort((a, b) => order.get(a)! - order.get(b)!);
  return {
    ...framework,
    matrix: Object.fromEntries(positionLevels.map((level) => [level, sorted(framework.matrix[level])])) as CompetencyFramework['matrix'],
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * PUT /api/competency/frameworks/{fy}: saves the version of the current or a future 年度 (a past one is refused,
 * 422). The items are those in force for the year (the policy's 15 and the digital-skills items); the body sets the
 * matrix, the required-ability texts and whether digital skills are rated. `updatedAt` is the token read (null: no
 * version saved for the year yet); a stale one is refused with 409. Audited with the names of the changed parts.
 */
export async function saveFramework(ctx: ServiceContext, input: FrameworkUpdate & { fiscalYear: number }): Promise<FrameworkView> {
  const municipalityId = ctx.actor.municipalityId;
  const { fiscalYear, updatedAt } = input;
  refusePastYear(ctx, fiscalYear, '過去の年度の評価項目は変更できません(その年度の評価シートが変わらないようにするため)。');
  return ctx.database.db.transaction(async (tx) => {
    const before = viewOf(await loadFrameworks(tx, municipalityId), fiscalYear, currentFiscalYearOf(ctx));
    if ((before.updatedAt === null) !== (updatedAt === null)) throw staleFramework();
    const base = before.framework;
    const parsed = competencyFrameworkSchema.safeParse(
      {
        fiscalYear,
        items: base.items,
        matrix: input.matrix,
        requiredAbilities: input.requiredAbilities,
        digitalSkills: { isEnabled: input.digitalSkills.isEnabled, itemIds: base.digitalSkills.itemIds },
      },
      { error: japaneseIssueMessage },
    );
    if (!parsed.success) throw validationError(toValidationDetails(parsed.error.issues));
    const next = inItemOrder(parsed.data);
    const { fiscalYear: _year, ...document } = next;
    const written =
      updatedAt === null
        ? await insertFrameworkIfAbsent(tx, municipalityId, fiscalYear, document)
        : await updateFrameworkIfUnchanged(tx, municipalityId, fiscalYear, document, updatedAt);
    if (written === undefined) throw staleFramework();
    const changed = (['matrix', 'requiredAbilities', 'digitalSkills'] as const).filter((key) => !sameJson(base[key], next[key]));
    await auditInTx(tx, auditSource(ctx), {
      action: 'competency.framework-saved',
      outcome: 'succeeded',
      objectType: 'competency-framework',
      objectId: fiscalYear,
      details: { fiscalYear, previousSource: before.source, changed },
    });
    return viewOf(await loadFrameworks(tx, municipalityId), fiscalYear, currentFiscalYearOf(ctx));
  });
}

/**
 * DELETE /api/competency/frameworks/{fy}: withdraws the version saved for a future 年度, which then inherits again.
 * The current year is refused like a past one: its sheets may already be open. With `updatedAt`, refused (409) if
 * the version changed since it was read.
 */
export async function withdrawFramework(ctx: ServiceContext, input: { fiscalYear: number; updatedAt?: string }): Promise<FrameworkView> {
  const municipalityId = ctx.actor.municipalityId;
  const { fiscalYear, updatedAt } = input;
  if (fiscalYear <= currentFiscalYearOf(ctx)) {
    throw new AppError('competency.past-year-locked', '今年度以前の評価項目は取り消せません。取り消せるのは来年度以降に保存した評価項目です。');
  }
  return ctx.database.db.transaction(async (tx) => {
    const removed =
      updatedAt === undefined
        ? await deleteFramework(tx, municipalityId, fiscalYear)
        : await deleteFrameworkIfUnchanged(tx, municipalityId, fiscalYear, updatedAt);
    if (!removed) {
      if (updatedAt !== undefined) throw staleFramework();
      throw new AppError('common.not-found', 'この年度に保存された評価項目はありません。');
    }
    await auditInTx(tx, auditSource(ctx), {
      action: 'competency.framework-withdrawn',
      outcome: 'succeeded',
      objectType: 'competency-framework',
      objectId: fiscalYear,
      details: { fiscalYear },
    });
    return viewOf(await loadFrameworks(tx, municipalityId), fiscalYear, currentFiscalYearOf(ctx));
  });
}
