/**
 * Workplace (職場環境, issue 6, policy III-4-(3)): self-declarations (自己申告書), the consultation and
 * whistleblowing desks (相談窓口・公益通報窓口) and the fellow programme (フェロー制度). The stress check has its own
 * file (stress-check.ts). Desk cases carry legal walls: contents only for the handlers assigned to the case, the
 * reporter's identity in a table of its own, no administrator role reads either.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, staff } from './org.js';

/** A yearly self-declaration campaign with the form fixed for it (fields and who besides HR sees which). */
export const selfDeclarationCampaigns = pgTable(
  'self_declaration_campaigns',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    title: text('title').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    /** the form definition: sections, fields, and per field whether the supervisor may see it */
    form: jsonb('form').notNull(),
    status: text('status').notNull().default('open'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('self_declaration_campaigns_year_uq').on(t.municipalityId, t.fiscalYear),
    check('self_declaration_campaigns_status_ck', sql`${t.status} in ('open','closed')`),
    check('self_declaration_campaigns_period_ck', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/** One person's declaration in a campaign: answers as a document (draft until submitted). */
export const selfDeclarations = pgTable(
  'self_declarations',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    campaignId: integer('campaign_id').notNull().references(() => selfDeclarationCampaigns.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    answers: jsonb('answers').notNull(),
    status: text('status').notNull().default('draft'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('self_declarations_campaign_staff_uq').on(t.campaignId, t.staffId),
    index('self_declarations_staff_idx').on(t.staffId),
    check('self_declarations_status_ck', sql`${t.status} in ('draft','submitted')`),
  ],
);

/**
 * 相談員 / 公益通報対応業務従事者: a designation (in writing, with dates) of a staff member to handle cases of a desk.
 * Only designated people can be assigned to cases.
 */
export const deskHandlerDesignations = pgTable(
  'desk_handler_designations',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    /** harassment: 相談員; whistleblowing: 公益通報対応業務従事者 */
    desk: text('desk').notNull(),
    designatedOn: date('designated_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    documentRef: text('document_ref').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('desk_handler_designations_staff_idx').on(t.staffId, t.desk),
    check('desk_handler_designations_desk_ck', sql`${t.desk} in ('harassment','whistleblowing')`),
    check('desk_handler_designations_period_ck', sql`${t.endsOn} is null or ${t.endsOn} >= ${t.designatedOn}`),
  ],
);

/**
 * A case at a desk. Contents (category, summary, messages) are visible only to the handlers assigned to it; the
 * reporter is never named here — see desk_reporter_identities. `receipt_code` + a hashed secret let an anonymous
 * reporter follow the case. `pseudonym` is how the reporter is called everywhere outside the identity table.
 */
export const deskCases = pgTable(
  'desk_cases',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    desk: text('desk').notNull(),
    /** harassment: power, sexual, maternity (maternity/childcare/care), customer, other; whistleblowing: the report's subject */
    category: text('category').notNull(),
    receiptCode: text('receipt_code').notNull(),
    secretHash: text('secret_hash').notNull(),
    pseudonym: text('pseudonym').notNull(),
    isAnonymous: boolean('is_anonymous').notNull(),
    summary: text('summary').notNull(),
    status: text('status').notNull().default('received'),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'string' }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('desk_cases_receipt_uq').on(t.municipalityId, t.receiptCode),
    index('desk_cases_municipality_idx').on(t.municipalityId, t.desk, t.status),
    check('desk_cases_desk_ck', sql`${t.desk} in ('harassment','whistleblowing')`),
    check('desk_cases_status_ck', sql`${t.status} in ('received','investigating','corrective-action','outcome-notified','closed')`),
  ],
);

/** Who reported, stored apart; read only by handlers assigned to the case, every read audited. */
export const deskReporterIdentities = pgTable(
  'desk_reporter_identities',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    caseId: integer('case_id').notNull().references(() => deskCases.id),
    staffId: integer('staff_id').references(() => staff.id),
    name: text('name').notNull().default(''),
    contact: text('contact').notNull().default(''),
  },
  (t) => [uniqueIndex('desk_reporter_identities_case_uq').on(t.caseId)],
);

/** Handlers assigned to a case (each must hold a designation for the desk in force). */
export const deskCaseHandlers = pgTable(
  'desk_case_handlers',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    caseId: integer('case_id').notNull().references(() => deskCases.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true, mode: 'string' }).notNull(),
    unassignedAt: timestamp('unassigned_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('desk_case_handlers_case_idx').on(t.caseId), index('desk_case_handlers_staff_idx').on(t.staffId)],
);

/**
 * The case's timeline: messages between reporter and handlers, status changes, investigation notes, and people who
 * cooperated with the investigation (named only here, protected like the reporter).
 */
export const deskCaseEvents = pgTable(
  'desk_case_events',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    caseId: integer('case_id').notNull().references(() => deskCases.id),
    kind: text('kind').notNull(),
    /** 'reporter' or a handler's staff id as text; never the reporter's name */
    author: text('author').notNull(),
    body: text('body').notNull().default(''),
    statusTo: text('status_to'),
    cooperatorStaffId: integer('cooperator_staff_id').references(() => staff.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('desk_case_events_case_idx').on(t.caseId, t.createdAt),
    check('desk_case_events_kind_ck', sql`${t.kind} in ('message','status','note','cooperator')`),
  ],
);

/** フェロー: a staff member in HR's pool, with the number of juniors they can take. */
export const fellows = pgTable(
  'fellows',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').notNull().references(() => staff.id),
    capacity: integer('capacity').notNull().default(2),
    /** HR's flag that organisational commitment is very low (excludes from matching) */
    isLowCommitment: boolean('is_low_commitment').notNull().default(false),
    note: text('note').notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    createdAt: createdAt(),
  },
  (t) => [index('fellows_municipality_idx').on(t.municipalityId), index('fellows_staff_idx').on(t.staffId)],
);

/** A fellow ↔ junior pair: proposed by matching, confirmed by HR, ended. */
export const fellowPairs = pgTable(
  'fellow_pairs',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    fellowStaffId: integer('fellow_staff_id').notNull().references(() => staff.id),
    juniorStaffId: integer('junior_staff_id').notNull().references(() => staff.id),
    status: text('status').notNull().default('confirmed'),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    reason: text('reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    index('fellow_pairs_fellow_idx').on(t.fellowStaffId),
    index('fellow_pairs_junior_idx').on(t.juniorStaffId),
    check('fellow_pairs_status_ck', sql`${t.status} in ('confirmed','ended')`),
  ],
);

/** A meeting of a pair (planned → held or cancelled) and each side's short feedback. */
export const fellowMeetings = pgTable(
  'fellow_meetings',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    pairId: integer('pair_id').notNull().references(() => fellowPairs.id),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    heldOn: date('held_on', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    fellowFeedback: jsonb('fellow_feedback'),
    juniorFeedback: jsonb('junior_feedback'),
    createdAt: createdAt(),
  },
  (t) => [
    index('fellow_meetings_pair_idx').on(t.pairId, t.plannedOn),
    check('fellow_meetings_status_ck', sql`${t.status} in ('planned','held','cancelled')`),
  ],
);
