/**
 * Placement (配置, issue 5): the facts the rotation rules and the optimiser read, as of a plan's effective date.
 * This file is the contract between the rules (rules.ts, plan-evaluation.ts), the optimiser (optimiser-*.ts) and
 * the server that loads the facts (src/server/placement/facts.*). Pure types and settings, no I/O.
 */
import { z } from 'zod';
import type { CareerPhase, PositionLevel } from '../org/org-model.js';
import { positionLevels } from '../org/org-model.js';
import type { OrgSettings } from '../org/org-settings.js';

/**
 * The placement settings (key `placement-rules`); defaults in ADR 0014. R1's 約3年 and R3's 5年以上 are the org
 * settings `rotationYearsPerUnit` and `expertCycleYears` (org-settings.ts), not repeated here.
 */
export const placementSettingsSchema = z.object({
  /** R4: "at the end of the rotation period" = in ① and within this many years of its end by years since hire */
  rotationEndWindowYears: z.number().int().min(0).max(5),
  /** continuity: warn when more than this share of a unit's members on the date leave it in one plan … */
  continuityMaxLeavingShare: z.number().min(0).max(1),
  /** … or more than this many people (whichever is hit first) */
  continuityMaxLeavingCount: z.number().int().min(1).max(100),
  /** the optimiser's objective weights (documented in ADR 0014); all ≥ 0 */
  weights: z.object({
    wish1: z.number().min(0).max(1000),
    wish2: z.number().min(0).max(1000),
    wish3: z.number().min(0).max(1000),
    expertiseFit: z.number().min(0).max(1000),
    rotationCandidateMoved: z.number().min(0).max(1000),
    /** cost per person leaving a unit beyond the continuity limit */
    continuityPenalty: z.number().min(0).max(1000),
  }),
});
export type PlacementSettings = z.infer<typeof placementSettingsSchema>;

export const defaultPlacementSettings: PlacementSettings = {
  rotationEndWindowYears: 1,
  continuityMaxLeavingShare: 0.5,
  continuityMaxLeavingCount: 3,
  weights: { wish1: 30, wish2: 20, wish3: 10, expertiseFit: 15, rotationCandidateMoved: 25, continuityPenalty: 40 },
};

export type WishRank = 1 | 2 | 3;

/** One person who could be moved on the effective date (regular / 定年延長 staff with a regular post). */
export type PlacementPerson = {
  staffId: number;
  employeeNumber: string;
  name: string;
  hireDate: string;
  /** career phase on the effective date (override applied), null = not phased (会計年度任用 etc.) */
  phase: CareerPhase | null;
  phaseReason: string;
  /** completed years since hire at the effective date */
  yearsSinceHire: number;
  /** the year ① ends by years since hire (careerPhaseRules.rotationYears), for R4 */
  rotationEndsAtYears: number;
  currentUnitId: number;
  currentPositionId: number;
  currentPositionLevel: PositionLevel;
  /** first day of the unbroken stay in the current unit (career.ts currentUnitTenure) */
  inUnitSince: string;
  /** completed years in the current unit at the effective date */
  yearsInUnit: number;
  hasFrontlineExperience: boolean;
  /** HR-recorded expertise fields plus the fields of units the person served 3+ years in */
  expertiseFields: string[];
  /** wished units for the 年度 of the effective date, by rank */
  wishes: Array<{ rank: WishRank; unitId: number }>;
  /** away on dispatch on the effective date: never moved by a plan */
  isDispatched: boolean;
};

/**
 * A unit a person can be placed in: the leaf units (係, or a 課 without 係) valid on the effective date, plus any unit
 * people hold a post in directly on the eve (a 課長 assigned to a 課 with 係), so every current unit is listed (ADR 0014).
 */
export type PlacementUnit = {
  unitId: number;
  name: string;
  /** the 課 / 部 above, for display and the fellow rule */
  path: string;
  isFrontline: boolean;
  expertiseField: string | null;
  /** 定数 per position level; a missing level has no limit */
  quotas: Partial<Record<PositionLevel, number>>;
  /** members with a regular post there on the day before the effective date, per level */
  headcount: Partial<Record<PositionLevel, number>>;
};

/** A position a plan may assign, with its level (for 定数 by level). */
export type PlacementPosition = { positionId: number; name: string; level: PositionLevel };

export type PlacementFacts = {
  effectiveDate: string;
  settings: PlacementSettings & Pick<OrgSettings, 'rotationYearsPerUnit' | 'expertCycleYears'>;
  people: PlacementPerson[];
  units: PlacementUnit[];
  /**
   * The municipality's positions (loadPlacementFacts fills it). Optional so generated facts may leave it out: then a
   * move's toPositionId keeps the person's level for 定数 purposes.
   */
  positions?: PlacementPosition[];
};

/** A move in a plan (or proposed by the optimiser). toPositionId null: the person keeps their position. */
export type PlannedMove = {
  staffId: number;
  toUnitId: number;
  toPositionId: number | null;
  specialReason: string | null;
  source: 'manual' | 'optimiser';
};

/** What the user fixed for the optimiser: pin = must go to unitId, forbid = must not go to unitId, stay = not moved. */
export type PlanConstraint =
  | { kind: 'pin'; staffId: number; unitId: number }
  | { kind: 'forbid'; staffId: number; unitId: number }
  | { kind: 'stay'; staffId: number };

export const ruleIds = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export type RuleId = (typeof ruleIds)[number];
export const ruleLabels: Record<RuleId, string> = {
  R1: 'R1 ジョブローテーション期間の在課3年以上(異動候補)',
  R2: 'R2 ジョブローテーション期間の窓口未経験(窓口部署へ)',
  R3: 'R3 ローテーション期間後の在課5年未満(特別な理由がなければ異動しない)',
  R4: 'R4 ローテーション期間の終わりの異動希望未提出',
  R5: 'R5 ローテーション期間後の専門性を活かす配置',
};

/**
 * A rule's finding about one person, as of the effective date and — for a plan — with the plan's moves applied.
 * violation: a hard rule is broken (the plan cannot be approved); warning: should be looked at; info: a candidate.
 */
export type RuleFlag = {
  rule: RuleId;
  staffId: number;
  severity: 'violation' | 'warning' | 'info';
  /** Japanese sentence with the facts, e.g. 「2019年4月1日から市民課に在籍し、2026年4月1日時点で7年です。」 */
  message: string;
  /** the facts as data: dates, years, unit names */
  facts: Record<string, string | number | boolean | null>;
  /** Japanese: what would clear the flag */
  clearedBy: string;
};

export const isPositionLevel = (v: string): v is PositionLevel => (positionLevels as readonly string[]).includes(v);
