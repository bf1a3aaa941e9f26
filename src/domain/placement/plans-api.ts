/**
 * Transfer plans (異動案, issue 5): the request schemas the plan editor and the server validate alike, and the
 * views the API returns. Pure; the evaluation itself is plan-evaluation.ts's PlanEvaluation.
 */
import { z } from 'zod';
import { isValidIsoDate } from '../common/fiscal-year.js';
import type { PlanEvaluation, PlanFlag } from './plan-evaluation.js';

export const planStatuses = ['draft', 'approved', 'applied', 'archived'] as const;
export type PlanStatus = (typeof planStatuses)[number];
export const planStatusLabels: Record<PlanStatus, string> = {
  draft: '作成中',
  approved: '承認済み',
  applied: '発令済み',
  archived: 'アーカイブ',
};

export const planConstraintKinds = ['pin', 'forbid', 'stay'] as const;
export type PlanConstraintKind = (typeof planConstraintKinds)[number];
export const planConstraintLabels: Record<PlanConstraintKind, string> = {
  pin: '固定(この異動先に必ず)',
  forbid: '禁止(この異動先にしない)',
  stay: '留任(異動しない)',
};

const version = z.int('版は整数で指定してください').positive('版が正しくありません');
const planName = z.string('案の名前を入力してください').trim().min(1, '案の名前を入力してください').max(100, '案の名前は100文字以内で入力してください');
const note = z.string().trim().max(2000, '備考は2000文字以内で入力してください');
const id = (label: string) => z.int(`${label}を選んでください`).positive(`${label}を選んでください`);

export const createPlanInputSchema = z.strictObject({
  name: planName,
  /** default: the next April 1 after today */
  effectiveDate: z.string().refine(isValidIsoDate, '発令日はYYYY-MM-DD形式で指定してください').optional(),
  note: note.optional(),
});
export type CreatePlanInput = z.infer<typeof createPlanInputSchema>;

export const updatePlanInputSchema = z.strictObject({ version, name: planName, note: note.optional() });
export type UpdatePlanInput = z.infer<typeof updatePlanInputSchema>;

export const copyPlanInputSchema = z.strictObject({ name: planName });
export type CopyPlanInput = z.infer<typeof copyPlanInputSchema>;

export const planVersionInputSchema = z.strictObject({ version });
export type PlanVersionInput = z.infer<typeof planVersionInputSchema>;

const moveFields = {
  toUnitId: id('異動先'),
  toPositionId: id('新職位').nullable(),
  reason: z.string().trim().max(500, '理由は500文字以内で入力してください'),
  /** R3: why a person past the rotation period moves before 5 years; empty = none */
  specialReason: z.string().trim().max(500, '特別な理由は500文字以内で入力してください').nullable(),
};
export const addMoveInputSchema = z.strictObject({ version, staffId: id('職員'), ...moveFields });
export type AddMoveInput = z.infer<typeof addMoveInputSchema>;
export const updateMoveInputSchema = z.strictObject({ version, ...moveFields });
export type UpdateMoveInput = z.infer<typeof updateMoveInputSchema>;

export const addConstraintInputSchema = z
  .strictObject({ version, staffId: id('職員'), kind: z.enum(planConstraintKinds, '種類を選んでください'), unitId: id('所属').nullable() })
  .refine((c) => (c.kind === 'stay') === (c.unitId === null), { path: ['unitId'], message: '固定・禁止には所属を選び、留任には所属を選ばないでください' });
export type AddConstraintInput = z.infer<typeof addConstraintInputSchema>;

export type PlanView = {
  id: number;
  name: string;
  effectiveDate: string;
  status: PlanStatus;
  note: string;
  version: number;
  moveCount: number;
  createdAt: string;
  updatedAt: string;
  approvedAt: string | null;
  appliedAt: string | null;
};

export type MoveView = {
  id: number;
  staffId: number;
  employeeNumber: string;
  name: string;
  fromUnitId: number | null;
  fromUnitName: string | null;
  fromPositionId: number | null;
  fromPositionName: string | null;
  toUnitId: number;
  toUnitName: string;
  toPositionId: number | null;
  /** the new position, or the current one kept (null when the person has no post) */
  toPositionName: string | null;
  reason: string;
  specialReason: string | null;
  source: 'manual' | 'optimiser';
  /** the optimiser's Japanese reasons for a proposed move */
  explanation: string[];
};

export type ConstraintView = {
  id: number;
  staffId: number;
  name: string;
  kind: PlanConstraintKind;
  unitId: number | null;
  unitName: string | null;
};

export type PlanDetail = {
  plan: PlanView;
  moves: MoveView[];
  constraints: ConstraintView[];
  canApprove: boolean;
  /** 適用の取り消し: true when the actor may undo this applied plan's apply now */
  canUndoApply: boolean;
  /** for an applied plan that cannot be undone, why (Japanese); null otherwise */
  undoApplyRefusal: string | null;
};

export type PlanList = { items: PlanView[]; defaultEffectiveDate: string };

/** What the editor's selects offer: leaf units and positions valid on the effective date. */
export type PlanChoices = {
  units: Array<{ unitId: number; name: string; path: string; isFrontline: boolean }>;
  positions: Array<{ positionId: number; name: string; level: string }>;
};

export type PlanEvaluationView = {
  plan: PlanView;
  evaluation: PlanEvaluation;
  /** people named in the evaluation's flags (staffId → name), so flags can be read without another request */
  names: Record<number, string>;
  unitNames: Record<number, string>;
};

export type PlanComparison = {
  a: PlanEvaluationView;
  b: PlanEvaluationView;
  /** people whose move differs: only in a, only in b, or to different units/positions */
  differences: Array<{ staffId: number; name: string; inA: MoveView | null; inB: MoveView | null }>;
};

/** A violation listed in the refusal to approve or apply. */
export type ViolationSummary = Pick<PlanFlag, 'rule' | 'staffId' | 'unitId' | 'message' | 'clearedBy'> & { name: string };

/** The 異動案 layout of the Excel and CSV exports. */
export const planExportHeader = ['職員番号', '氏名', '現所属', '現職位', '異動先', '新職位', '理由', '特別な理由'] as const;
