/**
 * Training (研修, issue 4, policy II-4-(3), III-1-(2)): the municipality's course catalog and the sessions of the
 * annual training plan (職員研修計画). Who must attend a session is computed from its course's target rule on
 * the session's start date, never stored, so that a transfer or a new hire changes the list without a re-sync.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn } from './common.js';
import { municipalities } from './org.js';

/** A course of the catalog (研修体系). Courses are deactivated, never deleted: sessions of past years name them. */
export const trainingCourses = pgTable(
  'training_courses',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    code: text('code').notNull(),
    title: text('title').notNull(),
    /** CourseCategory of training-model.ts */
    category: text('category').notNull(),
    /** CourseProvider */
    provider: text('provider').notNull(),
    /** CourseMode */
    mode: text('mode').notNull(),
    /** 合同実施の自治体 */
    coHosts: text('co_hosts').array().notNull().default(sql`'{}'::text[]`),
    /** TargetRule: position levels, tenure bands, employment types, situations */
    targetRule: jsonb('target_rule').notNull(),
    selectionMethods: text('selection_methods').array().notNull().default(sql`'{}'::text[]`),
    /** ids of the competency framework's ability items (incl. digital skills) the course develops */
    abilityItemIds: text('ability_item_ids').array().notNull().default(sql`'{}'::text[]`),
    description: text('description').notNull().default(''),
    isActive: boolean('is_active').notNull().default(true),
    /** optimistic concurrency: every change adds one */
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_courses_municipality_code_uq').on(t.municipalityId, t.code),
    check('training_courses_category_ck', sql`${t.category} in ('general','special','self-directed','workplace','dispatch')`),
    check('training_courses_mode_ck', sql`${t.mode} in ('classroom','e-learning','correspondence','on-the-job')`),
  ],
);

/** A session of a course in a 年度's plan: dates, place, capacity (null: no limit), lecturer. */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    courseId: integer('course_id').notNull().references(() => trainingCourses.id),
    fiscalYear: integer('fiscal_year').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    place: text('place').notNull().default(''),
    capacity: integer('capacity'),
    lecturer: text('lecturer').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('training_sessions_municipality_year_idx').on(t.municipalityId, t.fiscalYear, t.startsOn),
    index('training_sessions_course_idx').on(t.courseId),
    check('training_sessions_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
    check('training_sessions_capacity_ck', sql`${t.capacity} is null or ${t.capacity} >= 1`),
  ],
);
