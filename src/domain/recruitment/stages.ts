/**
 * The applicant's way through a campaign (ADR 0018): applied → (each stage: waiting → passed | failed | absent)
 * → offered → accepted | declined; withdrawn at any time before acceptance. Stage results become PROPOSALS by
 * the stage's pass rule; HR decides each applicant with a reason, and only then do they move on.
 */
import type { PassRule } from './recruitment-model.js';

export const applicantStatuses = ['applied', 'in-progress', 'rejected', 'offered', 'accepted', 'declined', 'withdrawn'] as const;
export type ApplicantStatus = (typeof applicantStatuses)[number];
export const applicantStatusLabels: Record<ApplicantStatus, string> = {
  applied: '受付',
  'in-progress': '選考中',
  rejected: '不合格',
  offered: '内定',
  accepted: '内定承諾',
  declined: '内定辞退',
  withdrawn: '辞退(選考中)',
};

export const stageOutcomes = ['waiting', 'passed', 'failed', 'absent'] as const;
export type StageOutcome = (typeof stageOutcomes)[number];
export const stageOutcomeLabels: Record<StageOutcome, string> = { waiting: '選考待ち', passed: '合格', failed: '不合格', absent: '欠席' };

export type ApplicantProgress = {
  status: ApplicantStatus;
  /** index of the stage the applicant is in (0-based); equals stages.length once all are passed */
  stageIndex: number;
  /** outcome at stageIndex */
  outcome: StageOutcome;
};

export type ProgressAction =
  | { kind: 'decide'; outcome: 'passed' | 'failed' | 'absent' }
  | { kind: 'offer' }
  | { kind: 'accept' }
  | { kind: 'decline' }
  | { kind: 'withdraw' };

export type TransitionResult = { ok: true; next: ApplicantProgress } | { ok: false; message: string };

const closed: readonly ApplicantStatus[] = ['rejected', 'accepted', 'declined', 'withdrawn'];

export function startProgress(): ApplicantProgress {
  return { status: 'applied', stageIndex: 0, outcome: 'waiting' };
}

export function transition(progress: ApplicantProgress, action: ProgressAction, stageCount: number): TransitionResult {
  if (closed.includes(progress.status)) return { ok: false, message: 'この応募者の選考は終了しています。' };
  switch (action.kind) {
    case 'withdraw':
      if (progress.status === 'offered') return { ok: true, next: { ...progress, status: 'declined' } };
      return { ok: true, next: { ...progress, status: 'withdrawn' } };
    case 'decide': {
      if (progress.status === 'offered') return { ok: false, message: '内定後は選考結果を変更できません。' };
      if (progress.stageIndex >= stageCount) return { ok: false, message: 'すべての試験を終えています。内定を出してください。' };
      if (action.outcome === 'passed') {
        return { ok: true, next: { status: 'in-progress', stageIndex: progress.stageIndex + 1, outcome: 'waiting' } };
      }
      return { ok: true, next: { status: 'rejected', stageIndex: progress.stageIndex, outcome: action.outcome } };
    }
    case 'offer':
      if (progress.stageIndex < stageCount) return { ok: false, message: 'すべての試験に合格した応募者にだけ内定を出せます。' };
      if (progress.status === 'offered') return { ok: false, message: 'すでに内定を出しています。' };
      return { ok: true, next: { ...progress, status: 'offered' } };
    case 'accept':
    case 'decline':
      if (progress.status !== 'offered') return { ok: false, message: '内定を出した応募者だけが承諾・辞退できます。' };
      return { ok: true, next: { ...progress, status: action.kind === 'accept' ? 'accepted' : 'declined' } };
  }
}

export type StageCandidate = { applicantId: number; score: number | null; isComplete: boolean; isAbsent: boolean };
export type StageProposal = {
  applicantId: number;
  proposal: 'pass' | 'fail' | 'absent' | 'undecided';
  rank: number | null;
  /** Japanese: why the rule proposes it */
  reason: string;
};

/**
 * Proposals of a stage's pass rule over its candidates. top-n: ranked by score (ties share a rank); those ranked
 * within n pass, unless a tie straddles the boundary — then the tied are 'undecided' for HR, and the proposal says
 * so. Candidates without a complete score are 'undecided'; absent ones are 'absent'.
 */
export function proposeStageResults(rule: PassRule, candidates: readonly StageCandidate[]): StageProposal[] {
  const scored = candidates.filter((c) => !c.isAbsent && c.isComplete && c.score !== null).sort((a, b) => b.score! - a.score! || a.applicantId - b.applicantId);
  const rankOf = new Map<number, number>();
  scored.forEach((c, i) => rankOf.set(c.applicantId, i > 0 && scored[i - 1]!.score === c.score ? rankOf.get(scored[i - 1]!.applicantId)! : i + 1));
  return [...candidates]
    .sort((a, b) => a.applicantId - b.applicantId)
    .map((c): StageProposal => {
      if (c.isAbsent) return { applicantId: c.applicantId, proposal: 'absent', rank: null, reason: '欠席' };
      if (!c.isComplete || c.score === null) return { applicantId: c.applicantId, proposal: 'undecided', rank: null, reason: '評定がそろっていません' };
      const rank = rankOf.get(c.applicantId)!;
      switch (rule.kind) {
        case 'manual':
          return { applicantId: c.applicantId, proposal: 'undecided', rank, reason: '人事担当が判断します' };
        case 'min-score':
          return c.score >= rule.minScore
            ? { applicantId: c.applicantId, proposal: 'pass', rank, reason: `${c.score}点で、基準点${rule.minScore}点以上` }
            : { applicantId: c.applicantId, proposal: 'fail', rank, reason: `${c.score}点で、基準点${rule.minScore}点未満` };
        case 'top-n': {
          const tied = scored.filter((s) => s.score === c.score).length;
          if (rank + tied - 1 <= rule.count) return { applicantId: c.applicantId, proposal: 'pass', rank, reason: `${rank}位(合格予定${rule.count}人)` };
          if (rank <= rule.count) return { applicantId: c.applicantId, proposal: 'undecided', rank, reason: `${rank}位に${tied}人が同点で、合格予定${rule.count}人の境界をまたいでいます` };
          return { applicantId: c.applicantId, proposal: 'fail', rank, reason: `${rank}位(合格予定${rule.count}人)` };
        }
      }
    });
}

/** A stage can be closed once every candidate has a decision — used to open the next stage's sittings. */
export function stageIsDecided(outcomes: readonly StageOutcome[]): boolean {
  return outcomes.every((o) => o !== 'waiting');
}
