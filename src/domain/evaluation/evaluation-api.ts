/**
 * The evaluation area's API contract: the JSON that /api/evaluation answers with and the bodies it takes.
 * Types only — the server's services return them and the web client reads them, so neither side can drift.
 */
import type { CalendarSettings, Milestone } from './evaluation-calendar.js';

/** GET /api/evaluation/calendar?fiscalYear=: the calendar settings and the schedule they give for `fiscalYear`. */
export type CalendarView = {
  /** the settings in force: the stored document, or the policy's defaults */
  settings: CalendarSettings;
  /** the policy's schedule (人事評価実施スケジュール) with its vague dates made concrete */
  defaults: CalendarSettings;
  /** true while nothing is stored (the municipality follows the defaults) */
  isDefault: boolean;
  /** the concurrency token of the stored document; null while nothing is stored (PUT then creates it) */
  updatedAt: string | null;
  /** the 年度 the milestones are dated for */
  fiscalYear: number;
  /** the 年度 of the request's date (Asia/Tokyo) */
  currentFiscalYear: number;
  /** every deadline of the 年度, dated: 前期, then 後期, then 能力評価, each in schedule order */
  milestones: Milestone[];
};

/** PUT /api/evaluation/calendar: the whole settings document with the token of the version edited (null: the defaults). */
export type CalendarUpdate = CalendarSettings & { updatedAt: string | null };
