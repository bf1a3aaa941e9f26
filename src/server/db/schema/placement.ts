/**
 * Placement (配置, issue 5, policy III-2-(1)): what the rotation rules need beyond the organisation — people's
 * expertise fields, transfer wishes (entered by HR until the self-declaration exists), 定数 per position level —
 * and the transfer plans (異動案): scenarios for an effective date, their moves, pinned/forbidden moves and the
 * optimiser's runs.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, orgUnits, positions, staff } from './org.js';

/** A field of expertise HR recorded for a person (R5 matches it to the unit's expertise field). */
export const staffExpertiseFields = pgTable(
  'staff_expertise_fields',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    field: text('field').notNull(),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('staff_expertise_fields_staff_field_uq').on(t.staffId, t.field)],
);

/**
 * 異動希望: up to three wished units, ranked, for the 年度 a transfer would take effect in. source says who
 * recorded it: HR (by hand) or the person's self-declaration (issue 6).
 */
export const transferWishes = pgTable(
  'transfer_wishes',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    fiscalYear: integer('fiscal_year').notNull(),
    rank: integer('rank').notNull(),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    reason: text('reason').notNull().default(''),
    source: text('source').notNull().default('hr'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('transfer_wishes_staff_year_rank_uq').on(t.staffId, t.fiscalYear, t.rank),
    index('transfer_wishes_municipality_year_idx').on(t.municipalityId, t.fiscalYear),
    check('transfer_wishes_rank_ck', sql`${t.rank} between 1 and 3`),
    check('transfer_wishes_source_ck', sql`${t.source} in ('hr','self-declaration')`),
  ],
);

/** 定数 of a unit per position level from a 年度 on (a later row replaces it; no row: no limit for that level). */
export const unitPositionQuotas = pgTable(
  'unit_position_quotas',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    positionLevel: text('position_level').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    headcount: integer('headcount').notNull(),
  },
  (t) => [
    uniqueIndex('unit_position_quotas_unit_level_year_uq').on(t.unitId, t.positionLevel, t.fiscalYear),
    check('unit_position_quotas_headcount_ck', sql`${t.headcount} >= 0`),
  ],
);

/** 異動案: one scenario of moves effective on a date. Only one plan per effective date can be applied. */
export const transferPlans = pgTable(
  'transfer_plans',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    name: text('name').notNull(),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('draft'),
    note: text('note').notNull().default(''),
    createdByAccountId: integer('created_by_account_id').notNull(),
    approvedByAccountId: integer('approved_by_account_id'),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'string' }),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('transfer_plans_municipality_idx').on(t.municipalityId, t.effectiveDate),
    uniqueIndex('transfer_plans_one_applied_uq').on(t.municipalityId, t.effectiveDate).where(sql`${t.status} = 'applied'`),
    check('transfer_plans_status_ck', sql`${t.status} in ('draft','approved','applied','archived')`),
  ],
);

/**
 * What applying a transfer plan wrote (ADR 0014, 適用の取り消し), so that the apply can be undone exactly: `changes`
 * holds the regular posts it ended (with their end before) and created, and the evaluator/confirmer rows the
 * re-derivation removed (whole rows), ended, reopened (with their end before) and created; `fingerprints` holds, per
 * affected person, a digest of all their assignments and relations right after the apply — a different digest later
 * means something else touched them. One row per apply; undoing stamps undone_at, so a plan has at most one open row.
 */
export const transferPlanApplyLogs = pgTable(
  'transfer_plan_apply_logs',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    planId: integer('plan_id').notNull().references(() => transferPlans.id),
    effectiveDate: date('effective_date', { mode: 'string' }).notNull(),
    changes: jsonb('changes').notNull(),
    fingerprints: jsonb('fingerprints').notNull(),
    appliedByAccountId: integer('applied_by_account_id').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true, mode: 'string' }).notNull(),
    undoneByAccountId: integer('undone_by_account_id'),
    undoneAt: timestamp('undone_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('transfer_plan_apply_logs_plan_idx').on(t.municipalityId, t.planId),
    uniqueIndex('transfer_plan_apply_logs_open_uq').on(t.planId).where(sql`${t.undoneAt} is null`),
  ],
);

/** A move in a plan: the person goes to a unit (and position, null = keeps theirs) on the plan's date. */
export const transferPlanMoves = pgTable(
  'transfer_plan_moves',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    planId: integer('plan_id').notNull().references(() => transferPlans.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    toUnitId: integer('to_unit_id').notNull().references(() => orgUnits.id),
    toPositionId: integer('to_position_id').references(() => positions.id),
    reason: text('reason').notNull().default(''),
    /** R3: the special reason that allows moving someone past the rotation period before 5 years */
    specialReason: text('special_reason'),
    source: text('source').notNull().default('manual'),
    /** the optimiser's explanation of why it proposed this move */
    explanation: jsonb('explanation'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('transfer_plan_moves_plan_staff_uq').on(t.planId, t.staffId),
    check('transfer_plan_moves_source_ck', sql`${t.source} in ('manual','optimiser')`),
  ],
);

/**
 * What the user fixed for the optimiser: pin (the person goes to unit_id), forbid (not to unit_id), stay
 * (unit_id null: the person is not moved).
 */
export const transferPlanConstraints = pgTable(
  'transfer_plan_constraints',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    planId: integer('plan_id').notNull().references(() => transferPlans.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    kind: text('kind').notNull(),
    unitId: integer('unit_id').references(() => orgUnits.id),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('transfer_plan_constraints_plan_idx').on(t.planId, t.staffId),
    check('transfer_plan_constraints_kind_ck', sql`${t.kind} in ('pin','forbid','stay')`),
    check('transfer_plan_constraints_unit_ck', sql`(${t.kind} = 'stay') = (${t.unitId} is null)`),
  ],
);

/**
 * An optimiser run of a plan: queued → running (progress 0–100, phase) → done (result: objective, bound, gap,
 * proposed moves with explanations) or failed. Any app server may pick up a queued run; progress is read from here.
 */
export const optimiserRuns = pgTable(
  'optimiser_runs',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    planId: integer('plan_id').notNull().references(() => transferPlans.id),
    status: text('status').notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    phase: text('phase').notNull().default(''),
    /** the input as the solver saw it (hash + sizes), for "same input, same plan" */
    inputDigest: text('input_digest'),
    result: jsonb('result'),
    error: text('error'),
    isApplied: boolean('is_applied').notNull().default(false),
    createdByAccountId: integer('created_by_account_id').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('optimiser_runs_plan_idx').on(t.planId, t.createdAt),
    check('optimiser_runs_status_ck', sql`${t.status} in ('queued','running','done','failed')`),
    check('optimiser_runs_progress_ck', sql`${t.progress} between 0 and 100`),
  ],
);
