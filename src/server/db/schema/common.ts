/** Columns every tenant-owned table shares: each row belongs to one municipality (ADR 0003). */
import { integer, timestamp } from 'drizzle-orm/pg-core';

export const idColumn = () => integer('id').primaryKey().generatedAlwaysAsIdentity();
export const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow();
