/**
 * Recruitment (人材確保, issue 7, policy III-3): campaigns (採用試験) with their stages, applicants from the public
 * form or an external e-application CSV, sittings with raters, rubric scores, decisions, notices, internships.
 * Applicant data is public input (hostile) and personal: visible to recruiters and the raters of their sittings,
 * anonymised after the retention period.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, orgUnits, staff } from './org.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/** 採用試験: one category of one 年度, its eligibility, stages (Stage[] of recruitment-model.ts) and schedule. */
export const recruitmentCampaigns = pgTable(
  'recruitment_campaigns',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    category: text('category').notNull(),
    /** 資格職: 保健師, 土木技師, 保育士 …; empty otherwise */
    profession: text('profession').notNull().default(''),
    title: text('title').notNull(),
    postsToFill: integer('posts_to_fill').notNull(),
    /** Eligibility of recruitment-model.ts */
    eligibility: jsonb('eligibility').notNull(),
    /** Stage[] */
    stages: jsonb('stages').notNull(),
    applicationOpensOn: date('application_opens_on', { mode: 'string' }).notNull(),
    applicationClosesOn: date('application_closes_on', { mode: 'string' }).notNull(),
    /** [{ label, date, note }] shown on the public page */
    schedule: jsonb('schedule').notNull().default(sql`'[]'::jsonb`),
    description: text('description').notNull().default(''),
    /** [{ question, answer }] */
    faq: jsonb('faq').notNull().default(sql`'[]'::jsonb`),
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    index('recruitment_campaigns_municipality_idx').on(t.municipalityId, t.fiscalYear),
    check('recruitment_campaigns_category_ck', sql`${t.category} in ('general-admin','mid-career','licensed','fiscal-year')`),
    check('recruitment_campaigns_status_ck', sql`${t.status} in ('draft','open','closed','finished')`),
    check('recruitment_campaigns_period_ck', sql`${t.applicationClosesOn} >= ${t.applicationOpensOn}`),
  ],
);

/**
 * 応募者. `submission_key` makes a repeated submission (double click, retry, the same CSV line twice) one row.
 * After the retention period an unsuccessful applicant's personal fields are blanked and `anonymised_at` set.
 */
export const recruitmentApplicants = pgTable(
  'recruitment_applicants',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => recruitmentCampaigns.id),
    receiptNumber: text('receipt_number').notNull(),
    submissionKey: text('submission_key').notNull(),
    familyName: text('family_name').notNull(),
    givenName: text('given_name').notNull(),
    familyNameKana: text('family_name_kana').notNull(),
    givenNameKana: text('given_name_kana').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    /** { education, workExperienceYears, qualifications: [{ name, status }], motivation } — free text is plain text */
    answers: jsonb('answers').notNull(),
    /** where they heard of the exam: web, fair, internship, school, other */
    source: text('source').notNull(),
    /** online (public form) or csv (external e-application service) */
    channel: text('channel').notNull(),
    internshipId: integer('internship_id'),
    /** ApplicantStatus of stages.ts */
    status: text('status').notNull().default('applied'),
    stageIndex: integer('stage_index').notNull().default(0),
    stageOutcome: text('stage_outcome').notNull().default('waiting'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }).notNull(),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('recruitment_applicants_receipt_uq').on(t.municipalityId, t.receiptNumber),
    uniqueIndex('recruitment_applicants_submission_uq').on(t.campaignId, t.submissionKey),
    index('recruitment_applicants_campaign_idx').on(t.campaignId, t.stageIndex, t.status),
    check('recruitment_applicants_channel_ck', sql`${t.channel} in ('online','csv')`),
    check('recruitment_applicants_status_ck', sql`${t.status} in ('applied','in-progress','rejected','offered','accepted','declined','withdrawn')`),
    check('recruitment_applicants_outcome_ck', sql`${t.stageOutcome} in ('waiting','passed','failed','absent')`),
  ],
);

/** An attachment of an application (履歴書 PDF, 資格証の写し), checked for size and type on arrival. */
export const recruitmentAttachments = pgTable(
  'recruitment_attachments',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    applicantId: integer('applicant_id').notNull().references(() => recruitmentApplicants.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    content: bytea('content'),
    createdAt: createdAt(),
  },
  (t) => [index('recruitment_attachments_applicant_idx').on(t.applicantId)],
);

/** A sitting (試験の回) of a stage: time, room, group (集団討論のグループ); applicants and raters are assigned to it. */
export const recruitmentSittings = pgTable(
  'recruitment_sittings',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => recruitmentCampaigns.id),
    stageIndex: integer('stage_index').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    room: text('room').notNull().default(''),
    groupLabel: text('group_label').notNull().default(''),
    capacity: integer('capacity'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('recruitment_sittings_campaign_idx').on(t.campaignId, t.stageIndex, t.startsAt)],
);

export const recruitmentSittingApplicants = pgTable(
  'recruitment_sitting_applicants',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sittingId: integer('sitting_id').notNull().references(() => recruitmentSittings.id),
    applicantId: integer('applicant_id').notNull().references(() => recruitmentApplicants.id),
    isAbsent: boolean('is_absent').notNull().default(false),
  },
  (t) => [uniqueIndex('recruitment_sitting_applicants_uq').on(t.sittingId, t.applicantId), index('recruitment_sitting_applicants_applicant_idx').on(t.applicantId)],
);

/** 面接官・評定者: staff assigned to rate the applicants of a sitting (they see only those applicants). */
export const recruitmentSittingRaters = pgTable(
  'recruitment_sitting_raters',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    sittingId: integer('sitting_id').notNull().references(() => recruitmentSittings.id),
    raterStaffId: integer('rater_staff_id').notNull().references(() => staff.id),
  },
  (t) => [uniqueIndex('recruitment_sitting_raters_uq').on(t.sittingId, t.raterStaffId), index('recruitment_sitting_raters_staff_idx').on(t.raterStaffId)],
);

/**
 * A score of an applicant at a stage: a rater's rubric scores (scores = { itemId: n }) or one imported/entered score
 * (written test, test centre: rater null, total 0–100).
 */
export const recruitmentScores = pgTable(
  'recruitment_scores',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    applicantId: integer('applicant_id').notNull().references(() => recruitmentApplicants.id),
    stageIndex: integer('stage_index').notNull(),
    raterStaffId: integer('rater_staff_id').references(() => staff.id),
    scores: jsonb('scores'),
    total: doublePrecision('total').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recruitment_scores_rater_uq').on(t.applicantId, t.stageIndex, t.raterStaffId).where(sql`${t.raterStaffId} is not null`),
    uniqueIndex('recruitment_scores_single_uq').on(t.applicantId, t.stageIndex).where(sql`${t.raterStaffId} is null`),
  ],
);

/** Every decision on an applicant (stage pass/fail/absent, offer, accept, decline, withdraw) with its reason. */
export const recruitmentDecisions = pgTable(
  'recruitment_decisions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    applicantId: integer('applicant_id').notNull().references(() => recruitmentApplicants.id),
    stageIndex: integer('stage_index'),
    action: text('action').notNull(),
    outcome: text('outcome'),
    reason: text('reason').notNull().default(''),
    decidedByAccountId: integer('decided_by_account_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('recruitment_decisions_applicant_idx').on(t.applicantId, t.decidedAt)],
);

/** A notice to an applicant from a template; mailed only through the configured SMTP relay, else kept for print. */
export const recruitmentNotices = pgTable(
  'recruitment_notices',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    applicantId: integer('applicant_id').notNull().references(() => recruitmentApplicants.id),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    delivery: text('delivery').notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('recruitment_notices_applicant_idx').on(t.applicantId), check('recruitment_notices_delivery_ck', sql`${t.delivery} in ('mail','print','failed')`)],
);

/** インターン・職場体験: a request from a local student, the host unit, dates, acceptance and feedback. */
export const internships = pgTable(
  'internships',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    kind: text('kind').notNull(),
    studentName: text('student_name').notNull(),
    studentNameKana: text('student_name_kana').notNull(),
    school: text('school').notNull(),
    email: text('email').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    /** 市内在学 / 市内在住 / 市出身 */
    localTie: text('local_tie').notNull(),
    hostUnitId: integer('host_unit_id').references(() => orgUnits.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('requested'),
    studentFeedback: text('student_feedback').notNull().default(''),
    hostFeedback: text('host_feedback').notNull().default(''),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index('internships_municipality_idx').on(t.municipalityId, t.startsOn),
    check('internships_kind_ck', sql`${t.kind} in ('internship','workplace-experience')`),
    check('internships_status_ck', sql`${t.status} in ('requested','accepted','declined','done','cancelled')`),
    check('internships_local_tie_ck', sql`${t.localTie} in ('school','residence','hometown')`),
    check('internships_period_ck', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);
