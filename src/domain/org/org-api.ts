/**
 * The org area's API contract: the shapes of the JSON that /api/org, /api/staff, /api/relations, /api/imports,
 * /api/exports and /api/settings answer with, and of the bodies they take. Types only — the server's services
 * return them and the web client reads them, so neither side can drift from the other.
 */
import type { AssignmentKind, CareerPhase, EmploymentType, PositionLevel, RelationKind, StaffName, UnitEventKind, UnitKind } from './org-model.js';
import type { CareerPhaseResult, OrgSettings } from './org-settings.js';
import type { ImportErrorCode } from './staff-import.js';
import type { StaffLeave } from './leaves.js';

// ---------------------------------------------------------------------------------------------
// Organisation (/api/org)

export type UnitNode = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  /** 総務部 › 職員課 › 人事係 */
  path: string;
  isFrontline: boolean;
  expertiseField: string | null;
  authorisedHeadcount: number | null;
  memberCount: number;
};

/** GET /api/org/units */
export type UnitList = { asOf: string; units: UnitNode[] };

export type UnitEventItem = {
  unitId: number;
  unitCode: string;
  /** the unit's name at the event (the day before, for an abolition or merger) */
  unitName: string;
  kind: UnitEventKind;
  occurredOn: string;
  relatedUnitId: number | null;
  relatedUnitName: string | null;
  note: string | null;
};

export type PositionItem = { id: number; code: string; name: string; rank: number; level: PositionLevel; levelLabel: string };

export type CareerEntry = {
  unitId: number;
  /** the unit's name when the assignment began */
  unitName: string;
  /** every name the unit bore during the assignment, oldest first */
  unitNames: string[];
  unitPath: string;
  positionName: string | null;
  kind: AssignmentKind;
  dispatchTo: string | null;
  startsOn: string;
  endsOn: string | null;
  isFrontline: boolean;
  /** fiscal years spanned, e.g. "2019–2022" (one year alone: "2024") */
  fiscalYears: string;
};

export type UnitMember = {
  staffId: number;
  employeeNumber: string;
  name: string;
  kana: string;
  /** the unit of their regular post (a sub-unit when the page includes those) */
  unitId: number;
  unitName: string;
  positionName: string | null;
  employmentType: EmploymentType;
  employmentTypeLabel: string;
  startsOn: string;
  yearsInUnit: number;
  hasFrontlineExperience: boolean;
  careerPhase: CareerPhase | null;
  careerPhaseReason: string;
  career: CareerEntry[];
};

export type UnitHistoryItem = { name: string; startsOn: string; endsOn: string | null; parentName: string | null };

/** GET /api/org/units/:id */
export type UnitPage = {
  asOf: string;
  unit: UnitNode & { history: UnitHistoryItem[] };
  members: UnitMember[];
};

// ---------------------------------------------------------------------------------------------
// Staff (/api/staff)

export type StaffListItem = {
  id: number;
  employeeNumber: string;
  name: string;
  kana: string;
  unitId: number | null;
  unitName: string | null;
  unitPath: string | null;
  positionName: string | null;
  employmentType: EmploymentType;
  employmentTypeLabel: string;
  careerPhase: CareerPhase | null;
};

export type AssignmentSummary = {
  unitId: number;
  unitName: string;
  unitPath: string;
  positionName: string | null;
  startsOn: string;
  endsOn: string | null;
  isFrontline: boolean;
};

/** The evaluator and confirmer deciding access today (manual over rule). */
export type EffectiveRelations = {
  evaluator: { staffId: number; name: string } | null;
  confirmer: { staffId: number; name: string } | null;
};

/** GET /api/staff/:id */
export type StaffProfile = {
  staff: StaffName & {
    id: number;
    hireDate: string;
    employmentType: EmploymentType;
    employmentTypeLabel: string;
    jobCategory: string | null;
    separatedOn: string | null;
    version: number;
    careerPhase: CareerPhase | null;
    careerPhaseReason: string;
    careerPhaseSource: CareerPhaseResult['source'];
  };
  /** null unless the reader may see protected fields */
  protected: { birthDate: string; sex: string | null; leaves: StaffLeave[] } | null;
  current: AssignmentSummary | null;
  concurrent: AssignmentSummary[];
  dispatch: (AssignmentSummary & { dispatchTo: string | null }) | null;
  yearsInCurrentUnit: number | null;
  hasFrontlineExperience: boolean;
  qualifications: { name: string; acquiredOn: string | null }[];
  career: CareerEntry[];
  relations: EffectiveRelations;
};

/** PATCH /api/staff/:id: `version` as read; fields left out stay as they are. */
export type StaffUpdateInput = {
  version: number;
  familyName?: string;
  givenName?: string;
  familyNameKana?: string;
  givenNameKana?: string;
  jobCategory?: string | null;
  separatedOn?: string | null;
};

// ---------------------------------------------------------------------------------------------
// Evaluator and confirmer relations (/api/relations)

export type RelationItem = {
  id: number;
  kind: RelationKind;
  subjectStaffId: number;
  subjectName: string;
  holderStaffId: number;
  holderName: string;
  source: 'rule' | 'manual';
  reason: string | null;
  startsOn: string;
  endsOn: string | null;
  /** in force today and, for a rule row, not overridden by a manual one */
  isEffective: boolean;
};

/** POST /api/relations */
export type ManualRelationInput = {
  kind: RelationKind;
  subjectStaffId: number;
  holderStaffId: number;
  startsOn: string;
  endsOn: string | null;
  reason: string;
};

/** POST /api/relations/derive */
export type DeriveResult = { created: number; unresolved: { subjectStaffId: number; name: string; kind: string; reason: string }[] };

// ---------------------------------------------------------------------------------------------
// Imports (/api/imports) and exports (/api/exports)

export type ImportKind = 'staff' | 'assignments';

/** How a commit treats what is already stored (see import.service.ts). */
export type ImportMode = 'upsert' | 'replace';

export type ImportIssueCode =
  | ImportErrorCode
  /** the bytes are not valid in the chosen encoding */
  | 'invalid-bytes'
  /** Shift_JIS was chosen for a file with a UTF-8 BOM */
  | 'bom-mismatch'
  /** no data at all */
  | 'empty'
  /** a header line and nothing else */
  | 'header-only'
  /** a quote opened and never closed */
  | 'unbalanced-quote'
  /** quotes used in a way CSV does not allow */
  | 'malformed'
  /** more rows than an import accepts */
  | 'too-many-rows'
  /** staff: a registered employee number with a different birth date */
  | 'probable-duplicate'
  /** 〓, the mark a CP932 export writes for a character it could not hold, in a text field */
  | 'substitution-mark';

export type ImportIssue = { line: number; column: string; code: ImportIssueCode; message: string };

/** POST /api/imports */
export type ImportPreview = {
  importId: number;
  kind: ImportKind;
  /** staff: add or update by employee number; assignments: replace the histories of the people in the file */
  mode: ImportMode;
  encoding: 'utf-8' | 'shift_jis';
  fileName: string;
  totalRows: number;
  errorCount: number;
  errors: ImportIssue[];
  /** the header as written in the file */
  header: string[];
  /** the first rows' cells as written */
  sample: string[][];
  canCommit: boolean;
};

/** One NDJSON line of POST /api/imports/:id/commit. */
export type ImportCommitEvent =
  | { type: 'progress'; processed: number; total: number }
  | {
      type: 'done';
      /** staff: people added; assignments: assignment rows written */
      inserted: number;
      /** staff: people updated; assignments: 0 (histories are replaced, see `replacedStaff`) */
      updated: number;
      /** assignments: stored rows removed because the file replaces those histories */
      deleted: number;
      /** assignments: employees whose history was replaced */
      replacedStaff: number;
    }
  | { type: 'error'; code: string; message: string; details?: unknown };

export type ExportKind = 'staff' | 'assignments';

/** One character CP932 cannot hold, located as the user will look for it. */
export type ExportUnencodable = {
  /** line in the CSV file (the header is line 1) */
  row: number;
  /** 1-based column */
  column: number;
  columnLabel: string;
  /** the employee the line belongs to */
  employeeNumber: string;
  char: string;
  codePoint: string;
};

/** GET /api/exports/:kind/check (and the details of org.export-unencodable): `count` is exact, the list may be capped. */
export type UnencodableReport = { count: number; unencodable: ExportUnencodable[] };

// ---------------------------------------------------------------------------------------------
// Settings (/api/settings)

/** The part of OrgSettings edited and stored as one document (positions are edited one by one). */
export type StoredOrgSettings = Omit<OrgSettings, 'positions'>;

/** GET /api/settings/org */
export type OrgSettingsView = {
  settings: OrgSettings;
  /** the policy's values; `positions` is the seed list for a new municipality (a reset does not touch positions) */
  defaults: OrgSettings;
  /** true while the municipality follows the policy's defaults (nothing stored) */
  isDefault: boolean;
  /** the concurrency token to send back with a change; null while nothing is stored */
  updatedAt: string | null;
};

/** PUT /api/settings/org */
export type OrgSettingsUpdate = StoredOrgSettings & {
  /** `updatedAt` of the settings as read (null: they were the defaults) */
  updatedAt: string | null;
};

export type PositionSettingItem = {
  id: number;
  code: string;
  name: string;
  rank: number;
  level: PositionLevel;
  levelLabel: string;
  isManagerial: boolean;
  /** an assignment (of any period) holds it: its code and level can no longer change */
  isInUse: boolean;
};

/** POST /api/settings/positions (PATCH takes any part of it) */
export type PositionInput = { code: string; name: string; rank: number; level: PositionLevel; isManagerial: boolean };

/** The answer to a position change: the position and the whole list after it. */
export type PositionChangeResult = { position: PositionSettingItem; positions: PositionSettingItem[] };
