/** Organisation and people: municipalities, units valid per period, positions, staff, assignments. */
import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, check } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';

export const municipalities = pgTable('municipalities', {
  id: idColumn(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

/** Per-municipality settings as JSON documents keyed by name; defaults come from the policy (src/domain/org/org-settings.ts). */
export const settings = pgTable(
  'settings',
  {
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('settings_municipality_key_uq').on(t.municipalityId, t.key)],
);

/** 職位: ordered list (rank 1 = most senior). level groups positions for the competency matrix. */
export const positions = pgTable(
  'positions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    rank: integer('rank').notNull(),
    level: text('level').notNull(),
    isManagerial: boolean('is_managerial').notNull().default(false),
  },
  (t) => [uniqueIndex('positions_municipality_code_uq').on(t.municipalityId, t.code)],
);

/** A unit's stable identity; its names, parent and attributes live in org_unit_versions. */
export const orgUnits = pgTable(
  'org_units',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    code: text('code').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('org_units_municipality_code_uq').on(t.municipalityId, t.code)],
);

/** One period of a unit: a rename or move starts a new version; abolition ends the last one. ends_on is inclusive. */
export const orgUnitVersions = pgTable(
  'org_unit_versions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    parentUnitId: integer('parent_unit_id').references(() => orgUnits.id),
    isFrontline: boolean('is_frontline').notNull().default(false),
    expertiseField: text('expertise_field'),
    authorisedHeadcount: integer('authorised_headcount'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('org_unit_versions_unit_idx').on(t.unitId, t.startsOn),
    index('org_unit_versions_municipality_idx').on(t.municipalityId, t.startsOn),
    check('org_unit_versions_kind_ck', sql`${t.kind} in ('department','division','section')`),
    check('org_unit_versions_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** Reorganisation history as HR speaks of it: created, renamed, moved, merged, abolished on a date. */
export const orgUnitEvents = pgTable(
  'org_unit_events',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    relatedUnitId: integer('related_unit_id').references(() => orgUnits.id),
    note: text('note'),
  },
  (t) => [
    index('org_unit_events_municipality_idx').on(t.municipalityId, t.occurredOn),
    check('org_unit_events_kind_ck', sql`${t.kind} in ('created','renamed','moved','merged','abolished')`),
  ],
);

export const staff = pgTable(
  'staff',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    employeeNumber: text('employee_number').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana').notNull(),
    givenNameKana: text('given_name_kana').notNull(),
    /** normalised name + kana + number, see japanese-text.ts normalizeForSearch */
    searchKey: text('search_key').notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    sex: text('sex'),
    hireDate: date('hire_date', { mode: 'string' }).notNull(),
    employmentType: text('employment_type').notNull(),
    jobCategory: text('job_category'),
    separatedOn: date('separated_on', { mode: 'string' }),
    careerPhaseOverride: text('career_phase_override'),
    careerPhaseOverrideReason: text('career_phase_override_reason'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('staff_municipality_number_uq').on(t.municipalityId, t.employeeNumber),
    index('staff_municipality_kana_idx').on(t.municipalityId, t.familyNameKana, t.givenNameKana),
    check(
      'staff_employment_type_ck',
      sql`${t.employmentType} in ('regular','fiscal_full','fiscal_part','reappointed','extended','fixed_term')`,
    ),
  ],
);

export const qualifications = pgTable(
  'qualifications',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    name: text('name').notNull(),
    acquiredOn: date('acquired_on', { mode: 'string' }),
  },
  (t) => [index('qualifications_staff_idx').on(t.staffId)],
);

/**
 * 休業・休職: a period away (育児休業, 介護休業, 病気休職, other) [starts_on, ends_on] inclusive; ends_on null while
 * away. The training target 「休業からの復帰」 and the placement facts read it.
 */
export const staffLeaves = pgTable(
  'staff_leaves',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    kind: text('kind').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    note: text('note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_leaves_staff_idx').on(t.staffId, t.startsOn),
    index('staff_leaves_municipality_idx').on(t.municipalityId, t.endsOn),
    check('staff_leaves_kind_ck', sql`${t.kind} in ('childcare','family-care','sickness','other')`),
    check('staff_leaves_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** 配属: staff × unit × position for [starts_on, ends_on] (inclusive; null = open). Dispatches are assignments too. */
export const assignments = pgTable(
  'assignments',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    positionId: integer('position_id').notNull().references(() => positions.id),
    kind: text('kind').notNull().default('regular'),
    dispatchTo: text('dispatch_to'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('assignments_staff_idx').on(t.staffId, t.startsOn),
    index('assignments_unit_idx').on(t.unitId, t.startsOn),
    // Regular posts only, covering what the directory reads, so that its queries are index-only at 600,000 rows:
    // the units a person has experienced (career-phase filter) and who holds a post in a set of units on a date.
    index('assignments_staff_regular_idx').on(t.staffId, t.startsOn, t.unitId).where(sql`${t.kind} = 'regular'`),
    index('assignments_unit_regular_idx').on(t.unitId, t.startsOn, t.endsOn, t.staffId, t.positionId).where(sql`${t.kind} = 'regular'`),
    check('assignments_kind_ck', sql`${t.kind} in ('regular','concurrent','dispatch')`),
    check('assignments_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** 評価者・確認者: who evaluates / confirms whom, for a period; derived by rule or set by hand (manual wins). */
export const staffRelations = pgTable(
  'staff_relations',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    kind: text('kind').notNull(),
    subjectStaffId: integer('subject_staff_id').notNull().references(() => staff.id),
    holderStaffId: integer('holder_staff_id').notNull().references(() => staff.id),
    source: text('source').notNull(),
    reason: text('reason'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('staff_relations_subject_idx').on(t.subjectStaffId, t.kind, t.startsOn),
    index('staff_relations_holder_idx').on(t.holderStaffId, t.kind, t.startsOn),
    check('staff_relations_kind_ck', sql`${t.kind} in ('evaluator','confirmer')`),
    check('staff_relations_source_ck', sql`${t.source} in ('rule','manual')`),
  ],
);

/** Upload → preview → commit. The file is kept until committed so the preview and the commit see the same bytes. */
export const importJobs = pgTable('import_jobs', {
  id: idColumn(),
  municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  fileName: text('file_name').notNull(),
  encoding: text('encoding').notNull(),
  content: text('content'),
  totalRows: integer('total_rows').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  errors: jsonb('errors'),
  createdByAccountId: integer('created_by_account_id').notNull(),
  createdAt: createdAt(),
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
});
