/** The shapes the /api/digital routes answer (DX推進体制, advisors, exchanges; the skill framework and assessments). */
import type { SkillFramework } from './skill-framework.js';
import type { CoverageRow, DxBodyKind, DxMemberRole, ExchangeDirection, advisorStatus } from './dx-structure.js';

type AdvisorStatusValue = ReturnType<typeof advisorStatus>;

/** GET /api/digital/framework */
export type SkillFrameworkView = { framework: SkillFramework; defaults: SkillFramework; isDefault: boolean; updatedAt: string | null };
/** PUT /api/digital/framework */
export type SkillFrameworkUpdate = { updatedAt: string | null; framework: SkillFramework };

export type DxMember = { id: number; staffId: number; employeeNumber: string; name: string; unitName: string | null; role: DxMemberRole; roleLabel: string; startsOn: string; endsOn: string | null; isCurrent: boolean };
export type DxBody = {
  id: number;
  kind: DxBodyKind;
  parentBodyId: number | null;
  name: string;
  theme: string;
  startsOn: string;
  endsOn: string | null;
  isCurrent: boolean;
  version: number;
  members: DxMember[];
};
/** GET /api/digital/structure?asOf: the HQ(s) and working groups, members in force on the date first */
export type DxStructure = { asOf: string; canManage: boolean; bodies: DxBody[] };

export type DxLeader = { id: number; unitId: number; unitName: string; staffId: number; employeeNumber: string; name: string; startsOn: string; endsOn: string | null; isCurrent: boolean };
/** GET /api/digital/leaders?asOf */
export type DxLeaderCoverage = {
  asOf: string;
  canManage: boolean;
  rows: CoverageRow[];
  gapCount: number;
  leaders: DxLeader[];
};

export type DxAdvisor = {
  id: number;
  name: string;
  organisation: string;
  expertise: string;
  contractStartsOn: string;
  contractEndsOn: string | null;
  contact: string;
  note: string;
  status: AdvisorStatusValue;
  version: number;
};
export type DxAdvisorList = { asOf: string; canManage: boolean; items: DxAdvisor[] };

export type ExchangeParticipant = { id: number; staffId: number | null; employeeNumber: string | null; name: string; isOurStaff: boolean; note: string };
export type ExchangeProgramme = {
  id: number;
  partnerMunicipality: string;
  title: string;
  direction: ExchangeDirection;
  startsOn: string;
  endsOn: string;
  summary: string;
  outcome: string;
  version: number;
  participants: ExchangeParticipant[];
};
export type ExchangeList = { canManage: boolean; items: ExchangeProgramme[] };
