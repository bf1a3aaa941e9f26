/**
 * The organisation-and-career vocabulary shared by every area: plain data, no I/O.
 * Dates are ISO strings 'YYYY-MM-DD'; every period is [startsOn, endsOn] with endsOn inclusive and null = open.
 */

export const unitKinds = ['department', 'division', 'section'] as const;
/** 部 → 課 → 係 */
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Record<UnitKind, string> = { department: '部', division: '課', section: '係' };

export const positionLevels = ['director', 'manager', 'chief', 'supervisor', 'staff'] as const;
/** 部長級 / 参事・課長級 / 主幹 / 課長補佐・係長級 / 係員 — the rows of the policy's competency matrix (II-4-(2)). */
export type PositionLevel = (typeof positionLevels)[number];
export const positionLevelLabels: Record<PositionLevel, string> = {
  director: '部長級',
  manager: '参事・課長級',
  chief: '主幹',
  supervisor: '課長補佐・係長級',
  staff: '係員',
};

export const employmentTypes = ['regular', 'fiscal_full', 'fiscal_part', 'reappointed', 'extended', 'fixed_term'] as const;
export type EmploymentType = (typeof employmentTypes)[number];
export const employmentTypeLabels: Record<EmploymentType, string> = {
  regular: '正規',
  fiscal_full: '会計年度任用(フルタイム)',
  fiscal_part: '会計年度任用(パートタイム)',
  reappointed: '再任用',
  extended: '定年延長',
  fixed_term: '任期付',
};

export const assignmentKinds = ['regular', 'concurrent', 'dispatch'] as const;
/** 通常 / 兼務 / 派遣・出向 */
export type AssignmentKind = (typeof assignmentKinds)[number];
export const assignmentKindLabels: Record<AssignmentKind, string> = { regular: '通常', concurrent: '兼務', dispatch: '派遣' };

export const careerPhases = ['rotation', 'core', 'expert'] as const;
/** ① ジョブローテーション期間 / ② 中核職員 / ③ ジョブローテーション期間後 (policy III-2-(1)) */
export type CareerPhase = (typeof careerPhases)[number];
export const careerPhaseLabels: Record<CareerPhase, string> = {
  rotation: '①ジョブローテーション期間',
  core: '②中核職員',
  expert: '③ローテーション期間後',
};

export const unitEventKinds = ['created', 'renamed', 'moved', 'merged', 'abolished'] as const;
export type UnitEventKind = (typeof unitEventKinds)[number];

export type Position = { id: number; code: string; name: string; rank: number; level: PositionLevel; isManagerial: boolean };

/** One period of a unit (org_unit_versions). */
export type UnitVersion = {
  unitId: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentUnitId: number | null;
  isFrontline: boolean;
  expertiseField: string | null;
  authorisedHeadcount: number | null;
  startsOn: string;
  endsOn: string | null;
};

export type UnitEvent = { unitId: number; kind: UnitEventKind; occurredOn: string; relatedUnitId: number | null; note: string | null };

/** A person's employee number and names as recorded: names exactly as written, kana in full-width katakana. */
export type StaffName = {
  employeeNumber: string;
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
};

export type Assignment = {
  id: number;
  staffId: number;
  unitId: number;
  positionId: number;
  kind: AssignmentKind;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
};

export const relationKinds = ['evaluator', 'confirmer'] as const;
/** 評価者 (一次評価者) / 確認者 */
export type RelationKind = (typeof relationKinds)[number];

export type StaffRelation = {
  kind: RelationKind;
  subjectStaffId: number;
  holderStaffId: number;
  source: 'rule' | 'manual';
  startsOn: string;
  endsOn: string | null;
};

/** Is the inclusive period [startsOn, endsOn] in force on `date`? */
export function isInForce(period: { startsOn: string; endsOn: string | null }, date: string): boolean {
  return period.startsOn <= date && (period.endsOn === null || period.endsOn >= date);
}
