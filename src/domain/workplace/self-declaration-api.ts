/** The JSON of /api/workplace/self-declaration…, shared by the server and the web client. */
import type { Answers, DeclarationViewer, FormField, SelfDeclarationForm } from './self-declaration-form.js';
import type { CampaignStatus, DeclarationStatus } from './self-declaration-campaign.js';

/** GET/PUT /api/workplace/self-declaration/form: the settings document (null token: the defaults stand). */
export type SelfDeclarationFormView = { form: SelfDeclarationForm; defaults: SelfDeclarationForm; isDefault: boolean; updatedAt: string | null };
export type SelfDeclarationFormUpdate = { form: SelfDeclarationForm; updatedAt: string | null };

export type CampaignSummary = {
  id: number;
  fiscalYear: number;
  title: string;
  opensOn: string;
  closesOn: string;
  status: CampaignStatus;
  /** open and within its period today */
  isAccepting: boolean;
  /** transfer wishes count for this 年度 (that of the next April 1 after opening) */
  wishFiscalYear: number;
  /** the organisation the wished units are picked from */
  wishEffectiveDate: string;
  version: number;
};

/** GET /api/workplace/self-declaration/campaigns */
export type CampaignList = { campaigns: CampaignSummary[]; canManage: boolean };

export type WishedUnitView = { rank: number; unitId: number; unitName: string; reason: string };

export type DeclarationView = {
  campaign: CampaignSummary;
  staff: { staffId: number; employeeNumber: string; name: string; unitName: string | null };
  /** how the reader stands: the owner, HR, or the supervisor (then only the allowed fields are here at all) */
  viewer: DeclarationViewer;
  /** the fields of the campaign's form this reader may see, in form order */
  fields: FormField[];
  status: DeclarationStatus;
  answers: Answers;
  /** names of the wished units (as of the wish date), when the transfer-wish field is visible */
  wishedUnits: WishedUnitView[];
  submittedAt: string | null;
  updatedAt: string | null;
  /** null until the person first saves */
  version: number | null;
  /** the owner may still write (campaign accepting) */
  isEditable: boolean;
};

/** PUT …/mine (draft) and POST …/mine/submit */
export type SaveDeclarationInput = { answers: Record<string, unknown>; version: number | null };
export type SaveDeclarationResult = DeclarationView & {
  /** on submit: what happened to the transfer wishes for placement */
  wishes?: { fiscalYear: number; outcome: 'written' | 'cleared' | 'kept-hr-entered' | 'none'; count: number };
};

export type DeclarationListItem = {
  staffId: number;
  employeeNumber: string;
  name: string;
  unitId: number | null;
  unitName: string | null;
  status: DeclarationStatus;
  submittedAt: string | null;
  /** 'yes' | 'no' | null (only for readers who may see the transfer-wish field) */
  transferWish: 'yes' | 'no' | null;
  careerIntention: string | null;
};

/** GET …/declarations (HR) and …/team (supervisor) */
export type DeclarationList = {
  campaign: CampaignSummary;
  items: DeclarationListItem[];
  total: number;
  careerIntentionOptions: Array<{ value: string; label: string }>;
};

export type ProgressRow = { unitId: number | null; unitName: string; submitted: number; draft: number; notStarted: number; total: number };
/** GET …/progress: counts only */
export type CampaignProgress = { campaign: CampaignSummary; asOf: string; rows: ProgressRow[]; totals: Omit<ProgressRow, 'unitId' | 'unitName'> };
