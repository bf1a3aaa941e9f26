/**
 * The evaluation area's API contract: the JSON that /api/evaluation answers with and the bodies it takes.
 * Types only — the server's services return them and the web client reads them, so neither side can drift.
 */
import type { CalendarSettings, EvaluationPeriod, Milestone, MilestoneStep } from './evaluation-calendar.js';
import type { GradeScale, OverallRule } from './grading.js';
import type {
  EditableField,
  EvaluationSheet,
  SheetAction,
  SheetActionType,
  SheetField,
  SheetRelation,
  SheetState,
} from './sheet-workflow.js';
import type { SheetTrainingRecord } from '../training/self-development.js';
import type { SheetDigitalSkills } from '../digital/skill-assessment.js';

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

// ---------------------------------------------------------------------------------------------------------
// Cycles, sheets, team goals and settings (issue 3 items 3–8; ADR 0011)

/** GET/PUT /api/evaluation/settings: the grade scale, the overall rule and who is in scope by default. */
export type EvaluationSettings = {
  scale: GradeScale;
  overallRule: OverallRule;
  /** 会計年度任用職員 get sheets when a cycle opens (can be overridden per cycle) */
  includeFiscalYearStaff: boolean;
};
export type EvaluationSettingsView = {
  settings: EvaluationSettings;
  defaults: EvaluationSettings;
  isDefault: boolean;
  updatedAt: string | null;
};
export type EvaluationSettingsUpdate = EvaluationSettings & { updatedAt: string | null };

export type CycleSummary = {
  id: number;
  fiscalYear: number;
  period: EvaluationPeriod;
  /** e.g. 令和7年度 前期業績評価 is formatted by the client; this is 前期業績評価 */
  periodLabel: string;
  kind: 'performance' | 'ability';
  startsOn: string;
  endsOn: string;
  relationsAsOf: string;
  includesFiscalYearStaff: boolean;
  openedAt: string;
  sheetCount: number;
};

/** POST /api/evaluation/cycles */
export type OpenCycleInput = {
  fiscalYear: number;
  period: EvaluationPeriod;
  /** default: the evaluation settings' includeFiscalYearStaff */
  includeFiscalYearStaff?: boolean;
  /** the date whose relations give evaluator and confirmer; default: the later of today and the period start */
  relationsAsOf?: string;
};
export type OpenCycleResult = {
  cycle: CycleSummary;
  created: number;
  /** people in scope with no evaluator or confirmer on that date (sheets are created; HR assigns by hand) */
  unassigned: Array<{ sheetId: number; staffId: number; name: string; missing: Array<'evaluator' | 'confirmer'> }>;
};

/** POST /api/evaluation/cycles/:id/sync: new people in scope get sheets; transfers move evaluator/confirmer (ADR 0011). */
export type SyncCycleResult = {
  created: number;
  reassigned: Array<{
    sheetId: number;
    staffId: number;
    name: string;
    kind: 'evaluator' | 'confirmer';
    fromStaffId: number | null;
    fromName: string | null;
    toStaffId: number | null;
    toName: string | null;
  }>;
  /** transfers found after the rating started: the former evaluator finishes (ADR 0011) */
  keptForRating: number;
};

export type PersonRef = { staffId: number; name: string };

/** One row of a sheet list (my sheets, my queue, HR lists). */
export type SheetListItem = {
  id: number;
  cycleId: number;
  fiscalYear: number;
  period: EvaluationPeriod;
  kind: 'performance' | 'ability';
  state: SheetState;
  stateLabel: string;
  evaluatee: PersonRef & { employeeNumber: string };
  evaluator: PersonRef | null;
  confirmer: PersonRef | null;
  unitName: string | null;
  positionName: string | null;
  /** how the reader stands to the sheet */
  relation: SheetRelation | 'former-evaluator' | 'former-confirmer';
  /** true when the next step is the reader's */
  isWaitingForMe: boolean;
  /** the reader's next deadline on this sheet, if any */
  nextDue: { step: MilestoneStep; label: string; dueOn: string; isOverdue: boolean } | null;
  version: number;
};

/** GET /api/evaluation/sheets/:id: the sheet as the reader may see it. */
export type SheetView = {
  id: number;
  cycle: CycleSummary;
  evaluatee: PersonRef & { employeeNumber: string; unitName: string | null; positionName: string | null };
  evaluator: PersonRef | null;
  confirmer: PersonRef | null;
  /** former evaluators/confirmers after a transfer, with the reason */
  handovers: Array<{ kind: 'evaluator' | 'confirmer'; former: PersonRef; handedOverOn: string; reason: string }>;
  relation: SheetRelation | 'former-evaluator' | 'former-confirmer';
  state: SheetState;
  stateLabel: string;
  version: number;
  updatedAt: string;
  /** the sheet with every field the reader may not see removed (absent keys) */
  sheet: Partial<EvaluationSheet> & Pick<EvaluationSheet, 'kind' | 'state' | 'period' | 'settings' | 'periodStartsOn' | 'periodEndsOn' | 'isHrProxy'>;
  visibleFields: SheetField[];
  editableFields: EditableField[];
  allowedActions: SheetActionType[];
  /** the unit's team goals of the cycle (performance) for linking goals */
  teamGoals: TeamGoal[];
  /** the reader's next deadline on this sheet */
  nextDue: SheetListItem['nextDue'];
  /** trainings attended and confirmed self-development in the period, from the training records (read-only; where `learning` is visible) */
  trainingRecords: SheetTrainingRecord[];
  /** ability sheets: the evaluatee's confirmed digital-skill self-assessment of the 年度 (read-only; where `items` is visible), else null */
  digitalSkills: SheetDigitalSkills | null;
};

/** POST /api/evaluation/sheets/:id/actions. `requestKey` makes a repeat harmless; `version` is the one read. */
export type SheetActionInput = { version: number; requestKey: string; action: SheetAction };

/** PUT /api/evaluation/sheets/:id/assignees (HR) */
export type ReassignInput = { version: number; evaluatorStaffId: number | null; confirmerStaffId: number | null; reason: string };

export type TeamGoal = { id: number; cycleId: number; unitId: number; title: string; description: string; sortOrder: number; version: number };
/** GET /api/evaluation/team-goals?cycleId&unitId */
export type TeamGoalList = { cycle: CycleSummary; unitId: number; unitName: string; canEdit: boolean; goals: TeamGoal[] };
export type TeamGoalInput = { cycleId: number; unitId: number; title: string; description: string; sortOrder: number };
export type TeamGoalUpdate = { title: string; description: string; sortOrder: number; version: number };
