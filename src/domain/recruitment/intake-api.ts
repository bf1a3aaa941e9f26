/** Shapes of the recruitment intake API (/api/recruitment, /api/public/recruitment), shared by server and web. */
import type { CampaignCategory, Eligibility, Rubric, Stage } from './recruitment-model.js';
import type { CampaignStatus, InternshipKind, InternshipStatus, LocalTie, RecruitmentIntakeSettings, RecruitmentRubrics } from './intake.js';

export type CampaignView = {
  id: number;
  version: number;
  fiscalYear: number;
  category: CampaignCategory;
  profession: string;
  title: string;
  postsToFill: number;
  eligibility: Eligibility;
  /** the birth-date range the age limits admit, as notices print it */
  birthDateBounds: { bornOnOrAfter: string | null; bornOnOrBefore: string | null };
  stages: Stage[];
  applicationOpensOn: string;
  applicationClosesOn: string;
  schedule: Array<{ label: string; date: string; note: string }>;
  description: string;
  faq: Array<{ question: string; answer: string }>;
  status: CampaignStatus;
  updatedAt: string;
};
export type CampaignWithCount = CampaignView & { applicantCount: number };
export type CampaignList = { campaigns: CampaignWithCount[] };
export type CampaignDefaults = { eligibility: Eligibility; stages: Stage[] };

/** What the public sees of a campaign: no version, no rubric weights. */
export type PublicCampaign = Omit<CampaignView, 'version' | 'updatedAt' | 'stages'> & {
  stages: Array<{ kind: string; name: string; source: string }>;
  isAccepting: boolean;
};
export type PublicCampaignList = { municipalityName: string; campaigns: PublicCampaign[] };
export type PublicCampaignDetail = { municipalityName: string; campaign: PublicCampaign };
export type ApplicationReceipt = { receiptNumber: string; submittedAt: string; isNew: boolean; campaignTitle: string };

export type RecruitmentSettings = {
  rubrics: { value: RecruitmentRubrics; updatedAt: string | null };
  intake: { value: RecruitmentIntakeSettings; updatedAt: string | null };
};
export type { Rubric };

export type InternshipView = {
  id: number;
  version: number;
  kind: InternshipKind;
  studentName: string;
  studentNameKana: string;
  school: string;
  email: string;
  birthDate: string | null;
  localTie: LocalTie;
  hostUnitId: number | null;
  hostUnitName: string | null;
  startsOn: string;
  endsOn: string;
  status: InternshipStatus;
  studentFeedback: string;
  hostFeedback: string;
  isAnonymised: boolean;
  laterApplications: number;
};
export type InternshipList = { internships: InternshipView[] };

export type EApplicationImportResult = {
  sha256: string;
  lines: number;
  newCount: number;
  duplicateCount: number;
  problems: Array<{ line: number; column: string; message: string }>;
  committed: boolean;
  sample: Array<{ line: number; receiptNo: string; name: string; isDuplicate: boolean }>;
};
