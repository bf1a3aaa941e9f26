/**
 * Digital talent (デジタル人材, issue 4 item 7, policy IV): digital-skill self-assessments confirmed by the
 * supervisor, the DX promotion structure (DX推進本部, its working groups, one DX推進リーダー per unit), the register
 * of external DX advisors, the knowledge base and Q&A board of the staff community, and exchange programmes.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, orgUnits, staff } from './org.js';

/**
 * One person's digital-skill self-assessment for a 年度: a level per area of the digital-skill framework setting,
 * submitted by the person and confirmed (or returned) by their evaluator. Confirmed levels are shown on the
 * person's ability-evaluation sheet of that 年度.
 */
export const digitalSkillAssessments = pgTable(
  'digital_skill_assessments',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    fiscalYear: integer('fiscal_year').notNull(),
    /** { [areaId]: { level: number, note: string } } — the areas of the framework in force when submitted */
    levels: jsonb('levels').notNull(),
    selfComment: text('self_comment').notNull().default(''),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    confirmedByStaffId: integer('confirmed_by_staff_id').references(() => staff.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    supervisorComment: text('supervisor_comment').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('digital_skill_assessments_staff_year_uq').on(t.staffId, t.fiscalYear),
    index('digital_skill_assessments_municipality_year_idx').on(t.municipalityId, t.fiscalYear, t.status),
    check('digital_skill_assessments_status_ck', sql`${t.status} in ('draft','submitted','confirmed','returned')`),
  ],
);

/** DX推進本部 (kind hq) and its working groups (kind working_group, parent = the HQ), each for a period. */
export const dxBodies = pgTable(
  'dx_bodies',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    kind: text('kind').notNull(),
    parentBodyId: integer('parent_body_id'),
    name: text('name').notNull(),
    theme: text('theme').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('dx_bodies_municipality_idx').on(t.municipalityId, t.kind),
    check('dx_bodies_kind_ck', sql`${t.kind} in ('hq','working_group')`),
    check('dx_bodies_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A member of the HQ or a working group for a period, with a role (本部長, 副本部長, 構成員, リーダー, メンバー). */
export const dxBodyMembers = pgTable(
  'dx_body_members',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    bodyId: integer('body_id').notNull().references(() => dxBodies.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    role: text('role').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
  },
  (t) => [
    index('dx_body_members_body_idx').on(t.bodyId, t.startsOn),
    index('dx_body_members_staff_idx').on(t.staffId),
    check('dx_body_members_role_ck', sql`${t.role} in ('chief','deputy','member','leader')`),
    check('dx_body_members_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** DX推進リーダー: one person per unit (課) for a period; the coverage check lists units without one on a date. */
export const dxLeaders = pgTable(
  'dx_leaders',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('dx_leaders_unit_idx').on(t.unitId, t.startsOn),
    index('dx_leaders_municipality_idx').on(t.municipalityId, t.startsOn),
    check('dx_leaders_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** DX推進アドバイザー: external experts advising the HQ, with their contract period. No accounts. */
export const dxAdvisors = pgTable(
  'dx_advisors',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    name: text('name').notNull(),
    organisation: text('organisation').notNull().default(''),
    expertise: text('expertise').notNull().default(''),
    contractStartsOn: date('contract_starts_on', { mode: 'string' }).notNull(),
    contractEndsOn: date('contract_ends_on', { mode: 'string' }),
    contact: text('contact').notNull().default(''),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('dx_advisors_municipality_idx').on(t.municipalityId),
    check('dx_advisors_period_ck', sql`${t.contractEndsOn} is null or ${t.contractEndsOn} >= ${t.contractStartsOn}`),
  ],
);

/**
 * Knowledge base (IV-2-(5)): FAQs and operation guides for the municipality's tools, written in Markdown and
 * rendered safely (no raw HTML). `search_key` is title + tool + tags + body, normalised (normalizeForSearch).
 */
export const knowledgeArticles = pgTable(
  'knowledge_articles',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    tool: text('tool').notNull().default(''),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    bodyMarkdown: text('body_markdown').notNull(),
    searchKey: text('search_key').notNull(),
    status: text('status').notNull().default('published'),
    authorStaffId: integer('author_staff_id').references(() => staff.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('knowledge_articles_municipality_idx').on(t.municipalityId, t.status, t.updatedAt),
    check('knowledge_articles_kind_ck', sql`${t.kind} in ('faq','guide')`),
    check('knowledge_articles_status_ck', sql`${t.status} in ('draft','published')`),
  ],
);

/** Q&A board of the staff community (IV-2-(6)): a question, its answers, and the answer the asker accepted. */
export const qaQuestions = pgTable(
  'qa_questions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    title: text('title').notNull(),
    bodyMarkdown: text('body_markdown').notNull(),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    searchKey: text('search_key').notNull(),
    authorStaffId: integer('author_staff_id').notNull().references(() => staff.id),
    acceptedAnswerId: integer('accepted_answer_id'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [index('qa_questions_municipality_idx').on(t.municipalityId, t.updatedAt)],
);

export const qaAnswers = pgTable(
  'qa_answers',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    questionId: integer('question_id').notNull().references(() => qaQuestions.id),
    bodyMarkdown: text('body_markdown').notNull(),
    authorStaffId: integer('author_staff_id').notNull().references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [index('qa_answers_question_idx').on(t.questionId, t.createdAt)],
);

/** デジタル人材の交流プログラム (IV-2-(10)): exchanges with other municipalities and who took part. */
export const exchangeProgrammes = pgTable(
  'exchange_programmes',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    partnerMunicipality: text('partner_municipality').notNull(),
    title: text('title').notNull(),
    /** outgoing: our staff visit; incoming: theirs visit us; mutual */
    direction: text('direction').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    summary: text('summary').notNull().default(''),
    outcome: text('outcome').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('exchange_programmes_municipality_idx').on(t.municipalityId, t.startsOn),
    check('exchange_programmes_direction_ck', sql`${t.direction} in ('outgoing','incoming','mutual')`),
    check('exchange_programmes_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

/** A participant of an exchange: one of our staff, or a named visitor from the partner (no account). */
export const exchangeParticipants = pgTable(
  'exchange_participants',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    programmeId: integer('programme_id').notNull().references(() => exchangeProgrammes.id),
    staffId: integer('staff_id').references(() => staff.id),
    externalName: text('external_name'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    index('exchange_participants_programme_idx').on(t.programmeId),
    check('exchange_participants_who_ck', sql`(${t.staffId} is null) <> (${t.externalName} is null)`),
  ],
);
