/**
 * The training area's API contract for the catalog and the annual plan (issue 4 items 1 and 2): the JSON that
 * /api/training answers with and the bodies it takes. Types only — the server returns them, the web reads them.
 */
import type { Paged } from '../common/paged.js';
import type { Course, CourseCategory, CourseMode, CourseProvider, SelectionMethod, TenureBandSettings } from './training-model.js';

/** A course of the catalog as stored, with its concurrency token. */
export type CourseView = Course & { id: number; version: number };

/** GET /api/training/courses */
export type CourseList = {
  items: CourseView[];
  /** the actor may import the policy catalog, edit and deactivate courses, and plan sessions */
  canManage: boolean;
  /** courses of the policy's catalog not yet in this municipality's catalog (the import adds them) */
  missingPolicyCourses: number;
};

/** POST /api/training/courses takes a Course; PUT /api/training/courses/{id} a Course with the version read. */
export type CourseUpdate = Course & { version: number };

/** POST /api/training/courses/import-policy-catalog */
export type PolicyCatalogImport = { inserted: number; alreadyPresent: number };

/** What a plan's row shows of its course. */
export type CourseSummary = {
  id: number;
  code: string;
  title: string;
  category: CourseCategory;
  provider: CourseProvider;
  mode: CourseMode;
  selectionMethods: SelectionMethod[];
  isActive: boolean;
};

/** A session of the annual plan. */
export type PlanSession = {
  id: number;
  fiscalYear: number;
  course: CourseSummary;
  startsOn: string;
  endsOn: string;
  place: string;
  capacity: number | null;
  lecturer: string;
  note: string;
  /** 研修時間 entered by HR; null: the days × the standard hours per day (training report settings); absent where not read */
  hours?: number | null;
  version: number;
  /** the course's selection methods include 'automatic': its target rule makes the must-attend list */
  hasAutomaticTargets: boolean;
  /** how many people the course's target rule selects on the start date; null when the actor may not see targets */
  targetCount: number | null;
};

/** GET /api/training/plans/{fiscalYear} (職員研修計画) */
export type AnnualPlan = {
  fiscalYear: number;
  /** the 年度 of the request's date (Asia/Tokyo) */
  currentFiscalYear: number;
  canManage: boolean;
  canReadTargets: boolean;
  sessions: PlanSession[];
};

/** POST /api/training/sessions; PUT /api/training/sessions/{id} adds `version`. */
export type SessionInput = {
  courseId: number;
  fiscalYear: number;
  startsOn: string;
  endsOn: string;
  place: string;
  capacity: number | null;
  lecturer: string;
  note: string;
  /** 研修時間 (hours for the whole session); omitted: unchanged on an update, none on a new session */
  hours?: number | null;
};
export type SessionUpdate = SessionInput & { version: number };

/** One person who must attend a session, with why. */
export type SessionTarget = {
  staffId: number;
  employeeNumber: string;
  name: string;
  unitName: string | null;
  positionName: string | null;
  reason: string;
};

/** GET /api/training/sessions/{id}/targets?page= */
export type SessionTargets = Paged<SessionTarget> & {
  session: PlanSession;
  /** the date the rule was applied on (the session's start date) */
  asOf: string;
};

/** GET /api/training/tenure-bands: the 年目 ranges in force (the policy defaults while none are stored). */
export type TenureBandsView = {
  bands: TenureBandSettings;
  defaults: TenureBandSettings;
  isDefault: boolean;
  /** the concurrency token; null while the defaults stand */
  updatedAt: string | null;
};

/** PUT /api/training/tenure-bands */
export type TenureBandsUpdate = { updatedAt: string | null; bands: TenureBandSettings };
