/**
 * Personnel evaluation (人事評価, issue 3, ADR 0011): cycles opened by HR, one sheet per person and cycle, the
 * unit's team goals, the actions applied to sheets (for idempotent submissions), hand-overs after transfers,
 * and in-app notifications.
 *
 * A sheet's content is the domain object of `src/domain/evaluation/sheet-workflow.ts` kept as one JSON document;
 * the columns beside it (state, completed steps, grades, people, unit) are copies kept in step by the service so
 * that progress dashboards, queues and analyses are plain indexed SQL over 120,000 sheets.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, orgUnits, positions, staff } from './org.js';

/** 評価期間: 前期/後期 業績評価 or 能力評価 of a 年度, opened once by HR. */
export const evaluationCycles = pgTable(
  'evaluation_cycles',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** 'first-half' | 'second-half' (performance) | 'year' (ability) */
    period: text('period').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    /** the SheetSettings (scale, overall rule, complaint period) in force when the cycle was opened */
    settings: jsonb('settings').notNull(),
    includesFiscalYearStaff: boolean('includes_fiscal_year_staff').notNull(),
    /** the date whose relations gave evaluator and confirmer */
    relationsAsOf: date('relations_as_of', { mode: 'string' }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    openedByAccountId: integer('opened_by_account_id').notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_cycles_municipality_period_uq').on(t.municipalityId, t.fiscalYear, t.period),
    check('evaluation_cycles_period_ck', sql`${t.period} in ('first-half','second-half','year')`),
  ],
);

export const evaluationSheets = pgTable(
  'evaluation_sheets',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    cycleId: integer('cycle_id').notNull().references(() => evaluationCycles.id),
    /** 'performance' | 'ability' */
    kind: text('kind').notNull(),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    evaluatorStaffId: integer('evaluator_staff_id').references(() => staff.id),
    confirmerStaffId: integer('confirmer_staff_id').references(() => staff.id),
    /** the evaluatee's unit and position for dashboards and analyses (at opening; kept current by re-syncs) */
    unitId: integer('unit_id').references(() => orgUnits.id),
    positionId: integer('position_id').references(() => positions.id),
    state: text('state').notNull(),
    /** the calendar milestones done (sheetProgress), for overdue lists */
    completedSteps: text('completed_steps').array().notNull().default(sql`'{}'::text[]`),
    /** the evaluator's overall grade once rated (for leniency) and the confirmed grade (after adjustment or complaint) */
    ratedGrade: text('rated_grade'),
    finalGrade: text('final_grade'),
    isHrProxy: boolean('is_hr_proxy').notNull().default(false),
    document: jsonb('document').notNull(),
    /** optimistic concurrency: every change adds one */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('evaluation_sheets_cycle_staff_uq').on(t.cycleId, t.staffId),
    index('evaluation_sheets_cycle_unit_idx').on(t.cycleId, t.unitId, t.state),
    index('evaluation_sheets_staff_idx').on(t.staffId),
    index('evaluation_sheets_evaluator_idx').on(t.evaluatorStaffId, t.cycleId),
    index('evaluation_sheets_confirmer_idx').on(t.confirmerStaffId, t.cycleId),
    check('evaluation_sheets_kind_ck', sql`${t.kind} in ('performance','ability')`),
  ],
);

/**
 * Every state change or save applied to a sheet, with the caller's request key: a repeated submission with the
 * same key finds its row and changes nothing (issue 3: "a repeated submit creates nothing twice").
 */
export const evaluationSheetActions = pgTable(
  'evaluation_sheet_actions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sheetId: integer('sheet_id').notNull().references(() => evaluationSheets.id),
    requestKey: text('request_key').notNull(),
    action: text('action').notNull(),
    relation: text('relation').notNull(),
    actorAccountId: integer('actor_account_id').notNull(),
    /** the sheet's version after the action */
    version: integer('version').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('evaluation_sheet_actions_key_uq').on(t.sheetId, t.requestKey)],
);

/**
 * A former evaluator or confirmer of a sheet (after a transfer or a reassignment): read-only access with the
 * hand-over note until the feedback interview (ADR 0011).
 */
export const evaluationHandovers = pgTable(
  'evaluation_handovers',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sheetId: integer('sheet_id').notNull().references(() => evaluationSheets.id),
    /** 'evaluator' | 'confirmer' */
    kind: text('kind').notNull(),
    formerStaffId: integer('former_staff_id').notNull().references(() => staff.id),
    newStaffId: integer('new_staff_id').references(() => staff.id),
    handedOverOn: date('handed_over_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('evaluation_handovers_sheet_idx').on(t.sheetId),
    index('evaluation_handovers_former_idx').on(t.formerStaffId),
    check('evaluation_handovers_kind_ck', sql`${t.kind} in ('evaluator','confirmer')`),
  ],
);

/** チーム目標: the unit's goals for a performance half, set by the unit head (or HR); individual goals link to them. */
export const teamGoals = pgTable(
  'team_goals',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    cycleId: integer('cycle_id').notNull().references(() => evaluationCycles.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdByStaffId: integer('created_by_staff_id'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('team_goals_cycle_unit_idx').on(t.cycleId, t.unitId)],
);

/**
 * In-app notifications (reminders of deadlines, a sheet waiting for someone). When SMTP is configured the same
 * message is mailed and the outcome kept here; otherwise nothing leaves the machine.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    recipientStaffId: integer('recipient_staff_id').notNull().references(() => staff.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** a path inside the app, e.g. /evaluation/sheets/12 */
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
    /** null: no mail (SMTP not configured or no address); 'pending' (set with the row, until the relay answers) | 'sent' | 'failed' */
    mailStatus: text('mail_status'),
    mailError: text('mail_error'),
  },
  (t) => [index('notifications_recipient_idx').on(t.recipientStaffId, t.createdAt)],
);
