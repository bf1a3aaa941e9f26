/**
 * From the closing interview to the lock: 期末面談, the confirmer's adjustment (調整) and confirmation, the confirmer's
 * internal notes (never shown to the evaluatee), the feedback interview, the result and its disclosure by HR, the
 * complaint (苦情相談 by the evaluatee within the complaint period, 苦情処理 by HR) and closing.
 */
import { useId, useState } from 'react';
import { useDates } from '../../app/dates.js';
import {
  complaintOutcomes,
  type Adjustment,
  type ComplaintOutcome,
  type PerformanceSheet,
} from '../../../domain/evaluation/sheet-workflow.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';
import { GradeSelect, InterviewForm, InterviewView, Prose, ProseFact, SheetSection, gradeText } from './sheet-fields.js';

type PerformanceView = Partial<PerformanceSheet> & SheetView['sheet'];

const stamp = (value: unknown) => JSON.stringify(value ?? null);

export const complaintOutcomeLabels: Record<ComplaintOutcome, string> = {
  'no-change': '説明により解決(評価は維持)',
  'grade-revised': '評価を修正',
  withdrawn: '取下げ',
};

/** 期末面談 (performance) */
export function ClosingInterviewSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const interview = sheet.closingInterview;
  if (!interview && !runner.can('record-closing-interview')) return null;
  return (
    <SheetSection title="期末面談" id="sheet-closing">
      {interview ? <InterviewView interview={interview} /> : <p>期末面談はまだ記録されていません。評価を確定する前に記録します。</p>}
      <InterviewForm runner={runner} type="record-closing-interview" legend="期末面談の記録(評価者)" periodStartsOn={sheet.periodStartsOn} recorded={interview} />
    </SheetSection>
  );
}

/** 確認者による調整・確認 */
export function AdjustmentSection({ runner }: { runner: SheetRunner }) {
  const { view } = runner;
  const isVisible = view.visibleFields.includes('adjustment') && view.sheet.adjustment !== undefined;
  const isEditable = view.editableFields.includes('adjustment');
  if (!isVisible && !isEditable && !runner.can('confirm')) return null;
  const scale = view.sheet.settings.scale;
  const saved = view.sheet.adjustment ?? null;
  const rated = view.visibleFields.includes('rating') ? (view.sheet.rating?.overallGrade ?? null) : null;
  return (
    <SheetSection title="確認者による調整" id="sheet-adjustment">
      {rated !== null ? <p>評価者の総合評価: {gradeText(scale, rated)}</p> : null}
      {isEditable ? (
        <AdjustmentDraft key={stamp(saved)} runner={runner} saved={saved} />
      ) : (
        <>
          {saved && saved.overallGrade !== null ? (
            <dl className="sheet-facts">
              <div>
                <dt>調整後の総合評価</dt>
                <dd className="sheet-grade">{gradeText(scale, saved.overallGrade)}</dd>
              </div>
              <ProseFact term="調整の理由" text={saved.reason} />
            </dl>
          ) : (
            <p>調整はありません(評価者の総合評価のとおり)。</p>
          )}
          <ActionFeedback runner={runner} form="adjustment" />
          <div className="form-actions">
            <ActionButton runner={runner} type="confirm" onClick={() => runner.run('adjustment', [{ type: 'confirm' }])} />
          </div>
        </>
      )}
    </SheetSection>
  );
}

function AdjustmentDraft({ runner, saved }: { runner: SheetRunner; saved: Adjustment | null }) {
  const id = useId();
  const initial: Adjustment = saved ?? { overallGrade: null, reason: '' };
  const [draft, setDraft] = useState<Adjustment>(initial);
  const isDirty = stamp(draft) !== stamp(initial);
  const save = { type: 'save-adjustment', adjustment: draft } as const;
  return (
    <form className="sheet-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>調整(確認者)</legend>
        <p className="hint">評価者の総合評価を変える場合だけ評語を選び、理由を書きます。変えない場合はそのまま「評価の確認」を押します。</p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-grade`}>調整後の総合評価</label>
            <GradeSelect
              id={`${id}-grade`}
              scale={runner.view.sheet.settings.scale}
              value={draft.overallGrade}
              emptyLabel="調整しない(評価者の総合評価のまま)"
              onChange={(overallGrade) => setDraft({ ...draft, overallGrade })}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-reason`}>調整の理由(調整する場合は必須)</label>
          <textarea id={`${id}-reason`} rows={3} maxLength={2000} value={draft.reason} onChange={(e) => setDraft({ ...draft, reason: e.target.value })} />
        </div>
        <ActionFeedback runner={runner} form="adjustment" />
        <div className="form-actions">
          <ActionButton runner={runner} type="save-adjustment" variant="secondary" onClick={() => runner.run('adjustment', [save])} />
          <ActionButton runner={runner} type="confirm" onClick={() => runner.run('adjustment', isDirty ? [save, { type: 'confirm' }] : [{ type: 'confirm' }])} />
        </div>
      </fieldset>
    </form>
  );
}

/** 確認者メモ: the confirmer's internal notes, which the evaluatee never sees. */
export function ConfirmerNotesSection({ runner }: { runner: SheetRunner }) {
  const { view } = runner;
  const saved = view.sheet.confirmerNotes;
  if (!view.visibleFields.includes('confirmerNotes') || saved === undefined) return null;
  const isEditable = view.editableFields.includes('confirmerNotes');
  if (!isEditable && saved.trim() === '') return null;
  return (
    <SheetSection title="確認者メモ(被評価者には表示されません)" id="sheet-notes">
      {isEditable ? <NotesDraft key={saved} runner={runner} saved={saved} /> : <Prose text={saved} />}
    </SheetSection>
  );
}

function NotesDraft({ runner, saved }: { runner: SheetRunner; saved: string }) {
  const id = useId();
  const [notes, setNotes] = useState(saved);
  return (
    <form className="sheet-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-notes`}>確認者メモ</label>
        <p className="hint">評価の経緯など確認者の覚えです。被評価者には表示されません(評価者にも表示されません)。</p>
        <textarea id={`${id}-notes`} rows={4} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <ActionFeedback runner={runner} form="notes" />
      <div className="form-actions">
        <ActionButton runner={runner} type="save-confirmer-notes" variant="secondary" onClick={() => runner.run('notes', [{ type: 'save-confirmer-notes', notes }])} />
      </div>
    </form>
  );
}

/** フィードバック面談 */
export function FeedbackSection({ runner }: { runner: SheetRunner }) {
  const { view } = runner;
  const interview = view.visibleFields.includes('feedbackInterview') ? (view.sheet.feedbackInterview ?? null) : null;
  if (!interview && !runner.can('record-feedback')) return null;
  return (
    <SheetSection title="フィードバック面談" id="sheet-feedback">
      {interview ? <InterviewView interview={interview} /> : <p>フィードバック面談はまだ記録されていません。</p>}
      <InterviewForm runner={runner} type="record-feedback" legend="フィードバック面談の記録(評価者)" periodStartsOn={view.sheet.periodStartsOn} recorded={interview} />
    </SheetSection>
  );
}

/** 評価結果: the final grade, its disclosure by HR and the close. */
export function ResultSection({ runner }: { runner: SheetRunner }) {
  const { view } = runner;
  const dates = useDates();
  const sheet = view.sheet;
  const finalGrade = view.visibleFields.includes('finalGrade') ? (sheet.finalGrade ?? null) : undefined;
  const disclosedOn = sheet.kind === 'performance' ? (sheet.disclosedOn ?? null) : null;
  const complaintUntil = sheet.kind === 'performance' ? (sheet.complaintUntil ?? null) : null;
  const canAct = runner.can('disclose-result') || runner.can('close');
  if (finalGrade === undefined && !canAct) return null;
  if (finalGrade === null && disclosedOn === null && !canAct) return null;
  return (
    <SheetSection title="評価結果" id="sheet-result">
      <dl className="sheet-facts">
        {finalGrade !== undefined ? (
          <div>
            <dt>最終評価</dt>
            <dd className="sheet-grade sheet-grade--final">{finalGrade === null ? '未確定' : gradeText(sheet.settings.scale, finalGrade)}</dd>
          </div>
        ) : null}
        {disclosedOn ? (
          <div>
            <dt>結果の開示日</dt>
            <dd>{dates.date(disclosedOn)}</dd>
          </div>
        ) : null}
        {complaintUntil ? (
          <div>
            <dt>苦情相談の期限</dt>
            <dd>{dates.date(complaintUntil)}まで</dd>
          </div>
        ) : null}
      </dl>
      <ActionFeedback runner={runner} form="result" />
      <div className="form-actions">
        <ActionButton runner={runner} type="disclose-result" onClick={() => runner.run('result', [{ type: 'disclose-result' }])} />
        <ActionButton runner={runner} type="close" onClick={() => runner.run('result', [{ type: 'close' }])} />
      </div>
      {runner.can('close') ? <p className="hint">完了すると評価シートは固定され、だれも変更できなくなります。</p> : null}
    </SheetSection>
  );
}

/** 苦情相談・苦情処理 (performance; only the evaluatee and HR see it). */
export function ComplaintSection({ runner, sheet }: { runner: SheetRunner; sheet: PerformanceView }) {
  const { view } = runner;
  const dates = useDates();
  if (!view.visibleFields.includes('complaint') || sheet.complaint === undefined) return null;
  const complaint = sheet.complaint;
  const canConsult = runner.can('consult-complaint');
  if (!complaint && !canConsult) return null;
  const scale = sheet.settings.scale;
  return (
    <SheetSection title="苦情相談" id="sheet-complaint">
      <p className="hint">苦情相談の内容は被評価者と職員課だけが読めます。評価者・確認者には表示されません。</p>
      {complaint ? (
        <>
          <dl className="sheet-facts">
            <div>
              <dt>相談日</dt>
              <dd>{dates.date(complaint.consultedOn)}</dd>
            </div>
            <ProseFact term="相談内容" text={complaint.text} />
          </dl>
          {complaint.handling ? (
            <div className="subpanel">
              <h3>苦情処理の結果</h3>
              <dl className="sheet-facts">
                <div>
                  <dt>結果</dt>
                  <dd>{complaintOutcomeLabels[complaint.handling.outcome]}</dd>
                </div>
                <div>
                  <dt>処理日</dt>
                  <dd>{dates.date(complaint.handling.handledOn)}</dd>
                </div>
                {complaint.handling.revisedGrade ? (
                  <div>
                    <dt>評価の修正</dt>
                    <dd>
                      {gradeText(scale, complaint.handling.previousGrade)} → {gradeText(scale, complaint.handling.revisedGrade)}
                    </dd>
                  </div>
                ) : null}
                <ProseFact term="処理の内容" text={complaint.handling.notes} />
              </dl>
            </div>
          ) : (
            <p>職員課が処理しています。</p>
          )}
        </>
      ) : null}
      {canConsult ? <ConsultForm runner={runner} complaintUntil={sheet.complaintUntil ?? null} /> : null}
      <HandleForm runner={runner} />
    </SheetSection>
  );
}

function ConsultForm({ runner, complaintUntil }: { runner: SheetRunner; complaintUntil: string | null }) {
  const id = useId();
  const dates = useDates();
  const [text, setText] = useState('');
  return (
    <form className="sheet-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>苦情相談(被評価者)</legend>
        <p>
          評価結果に納得できない場合は、{complaintUntil ? `${dates.date(complaintUntil)}まで` : '苦情相談の期間内'}に職員課へ相談できます。
        </p>
        <div className="field">
          <label htmlFor={`${id}-text`}>
            相談内容<span className="required">必須</span>
          </label>
          <textarea id={`${id}-text`} rows={5} maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <ActionFeedback runner={runner} form="consult" />
        <div className="form-actions">
          <ActionButton runner={runner} type="consult-complaint" onClick={() => runner.run('consult', [{ type: 'consult-complaint', text }])} />
        </div>
      </fieldset>
    </form>
  );
}

function HandleForm({ runner }: { runner: SheetRunner }) {
  const id = useId();
  const [outcome, setOutcome] = useState<ComplaintOutcome>('no-change');
  const [notes, setNotes] = useState('');
  const [revisedGrade, setRevisedGrade] = useState<string | null>(null);
  if (!runner.can('handle-complaint')) return null;
  const send = () =>
    runner.run('handle', [{ type: 'handle-complaint', outcome, notes, revisedGrade: outcome === 'grade-revised' ? revisedGrade : null }]);
  return (
    <form className="sheet-form subpanel" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>苦情処理(職員課)</legend>
        <fieldset className="radio-group">
          <legend>処理の結果</legend>
          {complaintOutcomes.map((o) => (
            <label key={o} className="radio">
              <input type="radio" name={`${id}-outcome`} value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
              {complaintOutcomeLabels[o]}
            </label>
          ))}
        </fieldset>
        {outcome === 'grade-revised' ? (
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-grade`}>
                修正後の評語<span className="required">必須</span>
              </label>
              <GradeSelect id={`${id}-grade`} scale={runner.view.sheet.settings.scale} value={revisedGrade} onChange={setRevisedGrade} />
            </div>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-notes`}>
            処理の内容<span className="required">必須</span>
          </label>
          <textarea id={`${id}-notes`} rows={4} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <ActionFeedback runner={runner} form="handle" />
        <div className="form-actions">
          <ActionButton runner={runner} type="handle-complaint" onClick={send} />
        </div>
      </fieldset>
    </form>
  );
}
