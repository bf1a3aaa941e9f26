/**
 * Training (研修, issue 4, policy II-4-(3), III-1-(2)): the municipality's course catalog and the sessions of the
 * annual training plan (職員研修計画). Who must attend a session is computed from its course's target rule on
 * the session's start date, never stored, so that a transfer or a new hire changes the list without a re-sync.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, staff } from './org.js';

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
    /** 研修時間 in hours for the whole session (null: days × the standard hours per day, a training setting) */
    hours: doublePrecision('hours'),
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

/**
 * 受講: one person on one session, however they came (automatic target, 所属推薦, 指定, 希望, a supervisor's
 * push) and how far they got. A 希望 waits for the supervisor's approval; beyond the capacity people wait in order.
 */
export const trainingEnrolments = pgTable(
  'training_enrolments',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sessionId: integer('session_id').notNull().references(() => trainingSessions.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    /** 'automatic' | 'unit-recommendation' | 'designation' | 'application' | 'push' */
    route: text('route').notNull(),
    /** 'applied' (awaiting the supervisor) | 'enrolled' | 'waitlisted' | 'rejected' | 'cancelled' | 'attended' | 'completed' | 'absent' */
    status: text('status').notNull(),
    /** order on the waiting list (1 = next in), null when not waiting */
    waitlistPosition: integer('waitlist_position'),
    /** who recommended, designated, pushed or approved */
    decidedByStaffId: integer('decided_by_staff_id').references(() => staff.id),
    note: text('note').notNull().default(''),
    /** 受講報告 */
    report: text('report'),
    /** the short feedback survey: answers keyed by question id */
    survey: jsonb('survey'),
    /** external trainings: what the certificate says (issuer, number, date) */
    certificate: text('certificate'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('training_enrolments_session_staff_uq').on(t.sessionId, t.staffId),
    index('training_enrolments_staff_idx').on(t.staffId),
    check('training_enrolments_route_ck', sql`${t.route} in ('automatic','unit-recommendation','designation','application','push')`),
    check(
      'training_enrolments_status_ck',
      sql`${t.status} in ('applied','enrolled','waitlisted','rejected','cancelled','attended','completed','absent')`,
    ),
  ],
);

/**
 * プッシュ型の受講勧奨: a course recommended to a person because an ability item required for their position was rated
 * below standard, pushed by the supervisor with a note from the interview (policy III-1-(2), II-4).
 */
export const trainingPushes = pgTable(
  'training_pushes',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    courseId: integer('course_id').notNull().references(() => trainingCourses.id),
    /** the ability sheet whose ratings gave the reason */
    sheetId: integer('sheet_id'),
    abilityItemIds: text('ability_item_ids').array().notNull().default(sql`'{}'::text[]`),
    pushedByStaffId: integer('pushed_by_staff_id').notNull().references(() => staff.id),
    note: text('note').notNull().default(''),
    /** 'open' | 'enrolled' | 'dismissed' */
    status: text('status').notNull().default('open'),
    createdAt: createdAt(),
  },
  (t) => [index('training_pushes_staff_idx').on(t.staffId), check('training_pushes_status_ck', sql`${t.status} in ('open','enrolled','dismissed')`)],
);

/**
 * 合同研修の他自治体からの参加者: registered without accounts, exchanged with the co-host as a CSV roster.
 * Only names and the post are kept — what a roster needs, nothing more.
 */
export const trainingExternalParticipants = pgTable(
  'training_external_participants',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sessionId: integer('session_id').notNull().references(() => trainingSessions.id),
    /** the co-host, e.g. 富岡市 */
    fromMunicipality: text('from_municipality').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana').notNull().default(''),
    givenNameKana: text('given_name_kana').notNull().default(''),
    /** 所属 and 職名 in their own municipality */
    unitName: text('unit_name').notNull().default(''),
    positionName: text('position_name').notNull().default(''),
    /** 'registered' | 'attended' | 'completed' | 'absent' | 'cancelled' */
    status: text('status').notNull().default('registered'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('training_external_participants_session_idx').on(t.sessionId),
    check('training_external_participants_status_ck', sql`${t.status} in ('registered','attended','completed','absent','cancelled')`),
  ],
);

/** 自主研修グループ: a self-study group with its members and activities (policy II-4-(3) 自主研修). */
export const studyGroups = pgTable('study_groups', {
  id: idColumn(),
  municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  leaderStaffId: integer('leader_staff_id').references(() => staff.id),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }),
  version: integer('version').notNull().default(1),
  createdAt: createdAt(),
});

export const studyGroupMembers = pgTable(
  'study_group_members',
  {
    id: idColumn(),
    groupId: integer('group_id').notNull().references(() => studyGroups.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
  },
  (t) => [uniqueIndex('study_group_members_group_staff_uq').on(t.groupId, t.staffId), index('study_group_members_staff_idx').on(t.staffId)],
);

export const studyGroupActivities = pgTable(
  'study_group_activities',
  {
    id: idColumn(),
    groupId: integer('group_id').notNull().references(() => studyGroups.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    hours: integer('hours'),
    note: text('note').notNull().default(''),
    createdByStaffId: integer('created_by_staff_id').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('study_group_activities_group_idx').on(t.groupId, t.heldOn)],
);

/**
 * 自己啓発: e-learning, 通信教育, a study group's activities or other self-study a person records; the supervisor
 * (evaluator) confirms it, and confirmed records appear on the performance sheet of the period.
 */
export const selfDevelopmentRecords = pgTable(
  'self_development_records',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    /** 'e-learning' | 'correspondence' | 'study-group' | 'other' */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    hours: integer('hours'),
    note: text('note').notNull().default(''),
    groupId: integer('group_id').references(() => studyGroups.id),
    /** 'recorded' | 'confirmed' | 'returned' */
    status: text('status').notNull().default('recorded'),
    confirmedByStaffId: integer('confirmed_by_staff_id').references(() => staff.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    /** the supervisor's comment when confirming or returning (the last review) */
    reviewComment: text('review_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('self_development_records_staff_idx').on(t.staffId, t.startedOn),
    check('self_development_records_kind_ck', sql`${t.kind} in ('e-learning','correspondence','study-group','other')`),
    check('self_development_records_status_ck', sql`${t.status} in ('recorded','confirmed','returned')`),
  ],
);
