import { describe, expect, it } from 'vitest';
import { proposeStageResults, startProgress, stageIsDecided, transition, type ApplicantProgress, type ProgressAction } from './stages.js';

const stages = 3;
const at = (status: ApplicantProgress['status'], stageIndex: number, outcome: ApplicantProgress['outcome'] = 'waiting'): ApplicantProgress => ({ status, stageIndex, outcome });

describe('transitions', () => {
  it.each<[string, ApplicantProgress, ProgressAction, ApplicantProgress | string]>([
    ['pass the first stage', startProgress(), { kind: 'decide', outcome: 'passed' }, at('in-progress', 1)],
    ['fail a stage', at('in-progress', 1), { kind: 'decide', outcome: 'failed' }, at('rejected', 1, 'failed')],
    ['absent from a stage', at('in-progress', 2), { kind: 'decide', outcome: 'absent' }, at('rejected', 2, 'absent')],
    ['pass the last stage', at('in-progress', 2), { kind: 'decide', outcome: 'passed' }, at('in-progress', 3)],
    ['offer after all stages', at('in-progress', 3), { kind: 'offer' }, at('offered', 3)],
    ['accept', at('offered', 3), { kind: 'accept' }, at('accepted', 3)],
    ['decline', at('offered', 3), { kind: 'decline' }, at('declined', 3)],
    ['withdraw while in progress', at('in-progress', 1), { kind: 'withdraw' }, at('withdrawn', 1)],
    ['withdraw after the offer = decline', at('offered', 3), { kind: 'withdraw' }, at('declined', 3)],
    ['no offer before the last stage', at('in-progress', 2), { kind: 'offer' }, 'すべての試験に合格した応募者にだけ内定を出せます。'],
    ['no second offer', at('offered', 3), { kind: 'offer' }, 'すでに内定を出しています。'],
    ['no decision after all stages', at('in-progress', 3), { kind: 'decide', outcome: 'passed' }, 'すべての試験を終えています。内定を出してください。'],
    ['no decision after the offer', at('offered', 3), { kind: 'decide', outcome: 'failed' }, '内定後は選考結果を変更できません。'],
    ['accept needs an offer', at('in-progress', 3), { kind: 'accept' }, '内定を出した応募者だけが承諾・辞退できます。'],
    ['nothing after rejection', at('rejected', 1, 'failed'), { kind: 'withdraw' }, 'この応募者の選考は終了しています。'],
    ['nothing after acceptance', at('accepted', 3), { kind: 'decline' }, 'この応募者の選考は終了しています。'],
  ])('%s', (_, from, action, expected) => {
    const result = transition(from, action, stages);
    if (typeof expected === 'string') expect(result).toEqual({ ok: false, message: expected });
    else expect(result).toEqual({ ok: true, next: expected });
  });

  it('a stage is decided when nobody waits', () => {
    expect(stageIsDecided(['passed', 'failed', 'absent'])).toBe(true);
    expect(stageIsDecided(['passed', 'waiting'])).toBe(false);
  });
});

describe('stage proposals', () => {
  const c = (applicantId: number, score: number | null, more: { isComplete?: boolean; isAbsent?: boolean } = {}) => ({ applicantId, score, isComplete: more.isComplete ?? true, isAbsent: more.isAbsent ?? false });

  it('top-n passes the best n and leaves a tie on the boundary to HR', () => {
    const proposals = proposeStageResults({ kind: 'top-n', count: 2 }, [c(1, 80), c(2, 70), c(3, 70), c(4, 60), c(5, null, { isComplete: false }), c(6, null, { isAbsent: true })]);
    expect(proposals.map((p) => [p.applicantId, p.proposal, p.rank])).toEqual([
      [1, 'pass', 1],
      [2, 'undecided', 2],
      [3, 'undecided', 2],
      [4, 'fail', 4],
      [5, 'undecided', null],
      [6, 'absent', null],
    ]);
    expect(proposals[1]!.reason).toBe('2位に2人が同点で、合格予定2人の境界をまたいでいます');
  });

  it('top-n passes a tie that fits entirely', () => {
    expect(proposeStageResults({ kind: 'top-n', count: 3 }, [c(1, 80), c(2, 70), c(3, 70), c(4, 60)]).map((p) => p.proposal)).toEqual(['pass', 'pass', 'pass', 'fail']);
  });

  it('min-score and manual', () => {
    expect(proposeStageResults({ kind: 'min-score', minScore: 60 }, [c(1, 60), c(2, 59.9)]).map((p) => [p.proposal, p.reason])).toEqual([
      ['pass', '60点で、基準点60点以上'],
      ['fail', '59.9点で、基準点60点未満'],
    ]);
    expect(proposeStageResults({ kind: 'manual' }, [c(1, 90)]).map((p) => p.proposal)).toEqual(['undecided']);
  });
});
