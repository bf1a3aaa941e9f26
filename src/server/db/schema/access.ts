/** Accounts, role grants, sessions, sign-in throttling and the append-only audit log. */
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.js';
import { municipalities, staff } from './org.js';

export const accounts = pgTable(
  'accounts',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    staffId: integer('staff_id').references(() => staff.id),
    loginId: text('login_id').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isDisabled: boolean('is_disabled').notNull().default(false),
    dateStyle: text('date_style').notNull().default('wareki'),
    /** the work mail address reminders go to when SMTP is configured (optional) */
    email: text('email'),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_municipality_login_uq').on(t.municipalityId, t.loginId),
    uniqueIndex('accounts_staff_uq').on(t.staffId),
    check('accounts_date_style_ck', sql`${t.dateStyle} in ('wareki','seireki')`),
  ],
);

export const roleGrants = pgTable(
  'role_grants',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    role: text('role').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    grantedByAccountId: integer('granted_by_account_id'),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('role_grants_account_idx').on(t.accountId)],
);

/** Only a SHA-256 of the session token is stored, so a database read does not yield live sessions. */
export const sessions = pgTable(
  'sessions',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    tokenHash: text('token_hash').notNull().unique(),
    accountId: integer('account_id').notNull().references(() => accounts.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/** Failed sign-ins per login id, for throttling (kept in the database so several app servers agree). */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: idColumn(),
    loginKey: text('login_key').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [index('sign_in_failures_key_idx').on(t.loginKey, t.failedAt)],
);

/** Append-only (a trigger refuses UPDATE/DELETE/TRUNCATE) and hash-chained per municipality. Never holds content. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    municipalityId: integer('municipality_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'string' }).notNull(),
    actorAccountId: integer('actor_account_id'),
    actorLabel: text('actor_label'),
    actorRoles: text('actor_roles'),
    action: text('action').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    outcome: text('outcome').notNull(),
    requestId: text('request_id'),
    details: jsonb('details'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_municipality_seq_uq').on(t.municipalityId, t.seq),
    index('audit_log_action_idx').on(t.municipalityId, t.action, t.occurredAt),
    index('audit_log_actor_idx').on(t.municipalityId, t.actorAccountId, t.occurredAt),
  ],
);
