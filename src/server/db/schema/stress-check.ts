/**
 * Stress check (ストレスチェック, 労働安全衛生法第66条の10; issue 6 item 2, ADR 0017). Health data (要配慮個人情報):
 * only the person and the implementer side read individual rows; HR reads a result only with the person's
 * consent. Identity and group data are stored apart: `stress_check_group_entries` carries the unit, sex and the
 * scores a group analysis needs, with no staff id and no timestamp, so group queries never touch identities.
 * Every row hangs off its campaign with ON DELETE CASCADE: the retention job deletes a campaign 5 years after it
 * closed and everything of it goes at once.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, orgUnits, staff } from './org.js';
import { accounts } from './access.js';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** 実施: one run of the check with the method, thresholds and questionnaire version fixed when it opens. */
export const stressCheckCampaigns = pgTable(
  'stress_check_campaigns',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    name: text('name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** draft → open → closed */
    status: text('status').notNull().default('draft'),
    /** ScoringMethod of stress-scoring.ts */
    method: text('method').notNull().default('simple-sum'),
    /** HighStressThresholds */
    thresholds: jsonb('thresholds').notNull(),
    questionnaireVersion: text('questionnaire_version').notNull(),
    /** group cells under this are suppressed; never below 10 */
    minGroupSize: integer('min_group_size').notNull().default(10),
    /** 総合健康リスク from which a unit is listed for workplace improvement */
    highRiskThreshold: integer('high_risk_threshold').notNull().default(120),
    createdByAccountId: integer('created_by_account_id').references(() => accounts.id),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('stress_check_campaigns_name_uq').on(t.municipalityId, t.name),
    index('stress_check_campaigns_year_idx').on(t.municipalityId, t.fiscalYear),
    check('stress_check_campaigns_status_ck', sql`${t.status} in ('draft','open','closed')`),
    check('stress_check_campaigns_method_ck', sql`${t.method} in ('simple-sum')`),
    check('stress_check_campaigns_period_ck', sql`${t.closesOn} >= ${t.opensOn}`),
    check('stress_check_campaigns_min_group_ck', sql`${t.minGroupSize} >= 10`),
  ],
);

/** One person's answers, autosaved per section (jsonb: running number → 1–4); locked once submitted. */
export const stressCheckResponses = pgTable(
  'stress_check_responses',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    answers: jsonb('answers').notNull().default(sql`'{}'::jsonb`),
    startedAt: instant('started_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
    submittedAt: instant('submitted_at'),
  },
  (t) => [uniqueIndex('stress_check_responses_person_uq').on(t.campaignId, t.staffId), index('stress_check_responses_staff_idx').on(t.staffId)],
);

/** The individual result, computed at submission by the campaign's method; shown_at is when the person first saw it. */
export const stressCheckResults = pgTable(
  'stress_check_results',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    /** StressScore of stress-scoring.ts */
    score: jsonb('score').notNull(),
    isHighStress: boolean('is_high_stress').notNull(),
    computedAt: instant('computed_at').notNull(),
    shownAt: instant('shown_at'),
  },
  (t) => [uniqueIndex('stress_check_results_person_uq').on(t.campaignId, t.staffId)],
);

/**
 * Group-analysis facts of one submission, kept apart from identity: no staff id, no timestamp. unit_id is the
 * person's unit on the day they submitted; sex as recorded then (null: not recorded).
 */
export const stressCheckGroupEntries = pgTable(
  'stress_check_group_entries',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').references(() => orgUnits.id),
    sex: text('sex'),
    /** { areaTotals, scales: {key: perItem}, judgement } */
    scores: jsonb('scores').notNull(),
  },
  (t) => [index('stress_check_group_entries_campaign_idx').on(t.campaignId, t.unitId), check('stress_check_group_entries_sex_ck', sql`${t.sex} is null or ${t.sex} in ('male','female')`)],
);

/** Consent to pass the result to the employer: asked only after the result was shown, refusable, timestamped. */
export const stressCheckConsents = pgTable(
  'stress_check_consents',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    resultId: integer('result_id').notNull().references(() => stressCheckResults.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    /** 'given' | 'refused' — there is no default: only the person's explicit answer creates the row */
    decision: text('decision').notNull(),
    decidedAt: instant('decided_at').notNull(),
    /** the result's shown_at when the decision was made: evidence that consent followed the notification */
    resultShownAt: instant('result_shown_at').notNull(),
  },
  (t) => [
    uniqueIndex('stress_check_consents_result_uq').on(t.resultId),
    check('stress_check_consents_decision_ck', sql`${t.decision} in ('given','refused')`),
    check('stress_check_consents_after_shown_ck', sql`${t.decidedAt} >= ${t.resultShownAt}`),
  ],
);

/** 面接指導の申出 by the person. */
export const stressCheckInterviewRequests = pgTable(
  'stress_check_interview_requests',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    resultId: integer('result_id').notNull().references(() => stressCheckResults.id, { onDelete: 'cascade' }),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    requestedAt: instant('requested_at').notNull(),
    status: text('status').notNull().default('requested'),
  },
  (t) => [uniqueIndex('stress_check_interview_requests_result_uq').on(t.resultId), check('stress_check_interview_requests_status_ck', sql`${t.status} in ('requested','held','withdrawn')`)],
);

/** 面接指導の記録 by the implementer side (the physician's opinion on work measures). */
export const stressCheckInterviews = pgTable(
  'stress_check_interviews',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    requestId: integer('request_id').notNull().references(() => stressCheckInterviewRequests.id, { onDelete: 'cascade' }),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    physicianName: text('physician_name').notNull(),
    /** InterviewOpinion */
    opinion: text('opinion').notNull(),
    note: text('note').notNull().default(''),
    recordedByAccountId: integer('recorded_by_account_id').references(() => accounts.id),
    recordedAt: createdAt(),
  },
  (t) => [uniqueIndex('stress_check_interviews_request_uq').on(t.requestId), check('stress_check_interviews_opinion_ck', sql`${t.opinion} in ('normal','restricted','leave')`)],
);

/** Follow-up actions (職場環境改善) for units the group analysis lists as high-risk. */
export const stressCheckUnitActions = pgTable(
  'stress_check_unit_actions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => stressCheckCampaigns.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull().references(() => orgUnits.id),
    action: text('action').notNull(),
    status: text('status').notNull().default('planned'),
    dueOn: date('due_on', { mode: 'string' }),
    recordedByAccountId: integer('recorded_by_account_id').references(() => accounts.id),
    recordedAt: createdAt(),
  },
  (t) => [index('stress_check_unit_actions_campaign_idx').on(t.campaignId, t.unitId), check('stress_check_unit_actions_status_ck', sql`${t.status} in ('planned','in-progress','done')`)],
);
