/** Response shapes of /api/workplace/fellows… (the SPA and the server agree on these). */
import type { FellowSettings, FellowSide, LowCommitmentSource, MeetingFeedback, MeetingStatus, PairStatus } from './fellow-model.js';
import type { CommitmentReading } from './self-declaration-commitment.js';
import type { UnmatchedReason } from './fellow-matching.js';
import type { ProgrammeHealth } from './fellow-monitoring.js';

export type FellowSettingsView = { settings: FellowSettings; defaults: FellowSettings; isDefault: boolean; updatedAt: string | null };

export type PersonBrief = { staffId: number; employeeNumber: string; name: string; unitName: string | null };

export type FellowPoolItem = PersonBrief & {
  id: number;
  capacity: number;
  /** pairs in force today */
  activePairs: number;
  startsOn: string;
  endsOn: string | null;
  /** HR's flag (source 'hr-flag') */
  isLowCommitment: boolean;
  /**
   * What the latest submitted self-declaration in the window says (source 'self-declaration'): its state and campaign
   * ('none': no submitted declaration in the window). null: the reader may not read self-declarations.
   */
  selfDeclaration: CommitmentReading | { state: 'none' } | null;
  /** the sources that flag this fellow today, whether or not the settings use them */
  lowCommitment: LowCommitmentSource[];
  note: string;
  isInForce: boolean;
};
export type FellowPool = {
  today: string;
  /** the sources that exclude a flagged fellow from matching (the settings) */
  excludeLowCommitmentFrom: LowCommitmentSource[];
  items: FellowPoolItem[];
};

export type ProposalView = { junior: PersonBrief; fellow: PersonBrief; reason: string };
export type UnmatchedView = { junior: PersonBrief; reason: UnmatchedReason; message: string };
export type MatchingView = {
  date: string;
  settings: FellowSettings;
  juniorCount: number;
  alreadyPairedCount: number;
  fellowsWithRoom: number;
  /** fellows in force left out for very low commitment, in all and per source */
  lowCommitmentExcluded: { total: number; bySource: Record<LowCommitmentSource, number> };
  proposals: ProposalView[];
  unmatched: UnmatchedView[];
};

export type ConfirmPairsResult = { pairIds: number[] };

export type PairSummary = {
  id: number;
  status: PairStatus;
  isActive: boolean;
  startsOn: string;
  endsOn: string | null;
  reason: string;
  fellow: PersonBrief;
  junior: PersonBrief;
  lastHeldOn: string | null;
  meetingsHeld: number;
  nextPlannedOn: string | null;
};
export type PairList = { today: string; items: PairSummary[] };

/** One side's feedback: its content only for HR and for the side that wrote it; the other side sees whether it was given. */
export type FeedbackView = { isAnswered: boolean; answer: MeetingFeedback | null };
export type MeetingView = { id: number; plannedOn: string; heldOn: string | null; status: MeetingStatus; feedback: Record<FellowSide, FeedbackView> };
export type PairDetail = PairSummary & { meetings: MeetingView[]; /** the reader's side, null for HR */ mySide: FellowSide | null };
export type MyPairs = { today: string; asFellow: PairDetail[]; asJunior: PairDetail[] };

export type StalePairView = PairSummary & { since: string; weeksSince: number };
/** A pair in force that no longer meets the hard rules today (a transfer, a new relation, a flag). */
export type PairAgainstRulesView = PairSummary & { problem: string };
export type FellowMonitoring = { staleAfterWeeks: number; stalePairs: StalePairView[]; pairsAgainstRules: PairAgainstRulesView[]; health: ProgrammeHealth };
