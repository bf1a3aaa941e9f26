/**
 * For the analysis and export tests: one performance sheet of the demo chain (staff A0005 → evaluator A0004 →
 * confirmer A0003) driven through the real API, so that exports read documents the workflow wrote. Tests only.
 */
import { randomUUID } from 'node:crypto';
import type { Harness, Session } from '../http/test-harness.js';
import type { OpenCycleResult, SheetView } from '../../domain/evaluation/evaluation-api.js';
import type { SheetAction } from '../../domain/evaluation/sheet-workflow.js';
import { findSheetIdOfEmployeeForTest } from './analysis-fixtures.repository.js';

export type Sessions = { hr: Session; staff: Session; evaluator: Session; unitHead: Session };

export async function loginChain(h: Harness): Promise<Sessions> {
  return {
    hr: await h.loginAs('hrAdmin'),
    staff: await h.loginAs('staff'),
    evaluator: await h.loginAs('evaluator'),
    unitHead: await h.loginAs('unitHead'),
  };
}

/**
 * Moves the harness clock and signs the chain in again (sessions expire after 30 idle minutes; a jump of days
 * would end them).
 */
export async function moveClock(h: Harness, s: Sessions, instant: Date): Promise<void> {
  h.setNow(instant);
  Object.assign(s, await loginChain(h));
}

export async function openCycle(h: Harness, hr: Session, fiscalYear: number, period: 'first-half' | 'second-half' | 'year'): Promise<OpenCycleResult> {
  return h.callJson<OpenCycleResult>(hr, 'POST', '/api/evaluation/cycles', 201, { fiscalYear, period });
}

/** The sheet of the demo staff member (A0005) in a cycle. */
export async function demoStaffSheetId(h: Harness, cycleId: number): Promise<number> {
  const id = await findSheetIdOfEmployeeForTest(h.database.db, cycleId, 'A0005');
  if (id === undefined) throw new Error(`no sheet of A0005 in cycle ${cycleId}`);
  return id;
}

/** Applies one action with the sheet's current version and a fresh request key; expects 200. */
export async function act(h: Harness, session: Session, sheetId: number, action: SheetAction): Promise<SheetView> {
  const view = await h.callJson<SheetView>(session, 'GET', `/api/evaluation/sheets/${sheetId}`, 200);
  return h.callJson<SheetView>(session, 'POST', `/api/evaluation/sheets/${sheetId}/actions`, 200, {
    version: view.version,
    requestKey: randomUUID(),
    action,
  });
}

export const journeyTexts = {
  goal1: '窓口の平均待ち時間を短縮する',
  target1: '平均待ち時間10分以内',
  selfComment: '繁忙期も目標を達成できた',
  ratingComment: '窓口改善に主体的に取り組んだ',
  confirmerNotes: '内部メモ：課内の均衡を考慮',
  adjustmentReason: '課内の評価の均衡を考慮',
  complaint: '調整の理由について説明を求めます',
  complaintNotes: '再確認の結果、評価を修正',
} as const;

/**
 * Goals → opening interview → agreement → self-evaluation → closing interview → rating A → the confirmer notes,
 * adjusts to B and confirms, at `confirmAt` (the clock stays there). Interview dates lie between the period's start
 * and the harness's today.
 */
export async function driveToConfirmed(h: Harness, s: Sessions, sheetId: number, dates: { openingOn: string; closingOn: string; confirmAt: Date }): Promise<SheetView> {
  await act(h, s.staff, sheetId, {
    type: 'save-goals',
    goals: [
      { id: 'g1', teamGoalId: null, title: journeyTexts.goal1, target: journeyTexts.target1, dueOn: null, weight: 60, difficulty: 'high' },
      { id: 'g2', teamGoalId: null, title: '申請書の記載例を整備する', target: '主要10様式', dueOn: null, weight: 40, difficulty: 'standard' },
    ],
  });
  await act(h, s.staff, sheetId, { type: 'submit-goals' });
  await act(h, s.evaluator, sheetId, { type: 'record-opening-interview', interview: { heldOn: dates.openingOn, notes: '目標の水準を確認' } });
  await act(h, s.evaluator, sheetId, { type: 'agree-goals', comment: '合意します' });
  await act(h, s.staff, sheetId, {
    type: 'save-self-evaluation',
    assessment: { entries: { g1: { grade: 'A', comment: '達成' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: journeyTexts.selfComment },
  });
  await act(h, s.staff, sheetId, { type: 'submit-self-evaluation' });
  await act(h, s.evaluator, sheetId, { type: 'record-closing-interview', interview: { heldOn: dates.closingOn, notes: '' } });
  await act(h, s.evaluator, sheetId, {
    type: 'save-rating',
    assessment: { entries: { g1: { grade: 'A', comment: '' }, g2: { grade: 'B', comment: '' } }, overallGrade: 'A', comment: journeyTexts.ratingComment },
  });
  await act(h, s.evaluator, sheetId, { type: 'submit-rating' });
  await act(h, s.unitHead, sheetId, { type: 'save-confirmer-notes', notes: journeyTexts.confirmerNotes });
  await act(h, s.unitHead, sheetId, { type: 'save-adjustment', adjustment: { overallGrade: 'B', reason: journeyTexts.adjustmentReason } });
  await moveClock(h, s, dates.confirmAt);
  return act(h, s.unitHead, sheetId, { type: 'confirm' });
}

/** Feedback, disclosure and a complaint that HR settles by revising the grade to `revisedGrade`, on `handledAt`. */
export async function driveComplaintRevision(h: Harness, s: Sessions, sheetId: number, dates: { feedbackOn: string; handledAt: Date }, revisedGrade: string): Promise<SheetView> {
  await act(h, s.evaluator, sheetId, { type: 'record-feedback', interview: { heldOn: dates.feedbackOn, notes: '' } });
  await act(h, s.hr, sheetId, { type: 'disclose-result' });
  await act(h, s.staff, sheetId, { type: 'consult-complaint', text: journeyTexts.complaint });
  await moveClock(h, s, dates.handledAt);
  return act(h, s.hr, sheetId, { type: 'handle-complaint', outcome: 'grade-revised', notes: journeyTexts.complaintNotes, revisedGrade });
}
