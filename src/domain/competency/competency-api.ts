/**
 * The competency area's API contract: the JSON that /api/competency answers with and the bodies it takes.
 * Types only — the server's services return them and the web client reads them, so neither side can drift.
 */
import type { PositionLevel } from '../org/org-model.js';
import type { CompetencyFramework } from './ability-items.js';

/**
 * Where the framework in force for a year comes from: a version saved for that year, the latest earlier saved
 * version (`inheritedFromFiscalYear`), or the policy's framework because nothing was saved up to that year.
 */
export type FrameworkSource = 'stored' | 'inherited' | 'policy-default';

/** GET /api/competency/frameworks/{fy}: the framework in force for `fiscalYear`. */
export type FrameworkView = {
  fiscalYear: number;
  /** the 年度 of the request's date (Asia/Tokyo) */
  currentFiscalYear: number;
  source: FrameworkSource;
  /** the year of the inherited version (source 'inherited'), otherwise null */
  inheritedFromFiscalYear: number | null;
  /** the framework in force; its `fiscalYear` is the year given in the request */
  framework: CompetencyFramework;
  /** the concurrency token of the version saved for this year; null when none is (PUT then creates it) */
  updatedAt: string | null;
  /** false for a past 年度: sheets were opened under it, so it no longer changes */
  isEditable: boolean;
};

export type StoredFrameworkYear = { fiscalYear: number; updatedAt: string };

/** GET /api/competency/frameworks?fiscalYear=: the years with a saved version and the framework in force. */
export type FrameworkList = { currentFiscalYear: number; storedYears: StoredFrameworkYear[]; effective: FrameworkView };

/** PUT /api/competency/frameworks/{fy}: the editable parts; the items themselves are the policy's (and digital skills). */
export type FrameworkUpdate = {
  /** the token of the version edited (null: no version saved for this year yet) */
  updatedAt: string | null;
  matrix: Record<PositionLevel, string[]>;
  requiredAbilities: Record<PositionLevel, string>;
  digitalSkills: { isEnabled: boolean };
};
