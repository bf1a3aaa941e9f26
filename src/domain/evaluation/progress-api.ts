/**
 * The progress API contract (issue 3 item 9): HR's view of a cycle — every sheet's state by unit, the deadlines
 * of the cycle's period with how many sheets are past them, the overdue lists, and reminders. Types only.
 */
import type { EvaluationPeriod, MilestoneOwner, MilestoneStep } from './evaluation-calendar.js';
import type { SheetState } from './sheet-workflow.js';

/** Sheets counted per state (states with no sheet are absent). */
export type StateCounts = Partial<Record<SheetState, number>>;

export type ProgressMilestone = {
  step: MilestoneStep;
  /** e.g. 後期業績評価の目標の提出 */
  label: string;
  owner: MilestoneOwner;
  opensOn: string;
  /** inclusive: sheets are overdue from the next day */
  dueOn: string;
  /** sheets that have completed the step */
  done: number;
  /** sheets that have not completed it although the deadline has passed (0 before the deadline) */
  overdue: number;
  isPastDue: boolean;
};

export type UnitProgress = {
  /** null: sheets whose evaluatee had no unit when the cycle was opened */
  unitId: number | null;
  unitCode: string | null;
  unitName: string;
  /** 総務部 › 職員課 › 人事係 */
  unitPath: string;
  sheets: number;
  byState: StateCounts;
  /** sheets of the unit past at least one deadline (each sheet once) */
  overdue: number;
};

/** GET /api/evaluation/cycles/:id/progress */
export type CycleProgress = {
  cycle: { id: number; fiscalYear: number; period: EvaluationPeriod; periodLabel: string; kind: 'performance' | 'ability' };
  /** the date the deadlines are compared with (today) */
  asOf: string;
  /** the states a sheet of this kind passes, in order (columns of the table) */
  states: Array<{ state: SheetState; label: string }>;
  totals: { sheets: number; byState: StateCounts; overdue: number };
  /** sorted by unit code (部 → 課 → 係), the sheets without a unit last */
  units: UnitProgress[];
  milestones: ProgressMilestone[];
};

export type OverdueItem = {
  sheetId: number;
  staffId: number;
  employeeNumber: string;
  name: string;
  unitId: number | null;
  unitName: string;
  state: SheetState;
  stateLabel: string;
  step: MilestoneStep;
  stepLabel: string;
  /** who must act for the step */
  owner: MilestoneOwner;
  ownerStaffId: number | null;
  ownerName: string | null;
  dueOn: string;
  daysOverdue: number;
};

/** GET /api/evaluation/cycles/:id/overdue?step&unitId&page&pageSize: longest overdue first, then unit code and 職員番号. */
export type OverdueList = { total: number; page: number; pageSize: number; items: OverdueItem[] };

/** POST /api/evaluation/cycles/:id/reminders */
export type ReminderInput = {
  step: MilestoneStep;
  /** only the sheets of this unit (as the progress table counts them) */
  unitId?: number;
  /** only these sheets (of the cycle, still missing the step); default: every sheet missing the step */
  sheetIds?: number[];
};

export type ReminderResult = {
  /** sheets missing the step that were reminded about */
  sheets: number;
  /** people notified (one notification each, however many sheets they must act on) */
  notified: number;
  /** notifications mailed (SMTP configured and an address on the account) */
  mailed: number;
  mailFailed: number;
  /** sheets with nobody to remind (no evaluator or confirmer assigned) */
  skippedNoOwner: number;
};
