/** The competency framework of a municipality, one version per fiscal year it starts in (ADR 0009). */
import { integer, jsonb, pgTable, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn } from './common.js';
import { municipalities } from './org.js';

/**
 * `document` is the framework without its fiscal year (items, matrix, required abilities, digital skills); a year
 * without a row inherits the latest earlier one, or the policy's framework. `updated_at` is the concurrency token.
 */
export const competencyFrameworks = pgTable(
  'competency_frameworks',
  {
    id: idColumn(),
    municipalityId: integer('municipality_id').notNull().references(() => municipalities.id),
    fiscalYear: integer('fiscal_year').notNull(),
    document: jsonb('document').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('competency_frameworks_municipality_year_uq').on(t.municipalityId, t.fiscalYear)],
);
