/**
 * Small parts every section of the sheet screen uses: the grade select of the sheet's scale, text kept as typed,
 * the sheet's tables, the interview (面談) shown or recorded — 期首面談, 見直し面談, 期末面談 and フィードバック面談
 * share one form — and the comment that goes with a decision (目標の確認, 見直しの審査, 評価の差戻し).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { todayInJapan, useDates } from '../../app/dates.js';
import type { GradeScale } from '../../../domain/evaluation/grading.js';
import type { Interview, SheetAction, SheetActionType } from '../../../domain/evaluation/sheet-workflow.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';

/** 'A' → 'A(優秀)'; a code not on the scale is shown as it is. */
export function gradeText(scale: GradeScale, code: string | null | undefined): string {
  if (code === null || code === undefined || code === '') return '未評価';
  const level = scale.levels.find((l) => l.code === code);
  return level && level.label ? `${code}(${level.label})` : code;
}

export function GradeSelect({
  id,
  scale,
  value,
  onChange,
  label,
  emptyLabel = '選択してください',
}: {
  id?: string;
  scale: GradeScale;
  value: string | null;
  onChange: (grade: string | null) => void;
  /** the accessible name when there is no visible label (in a table cell) */
  label?: string;
  emptyLabel?: string;
}) {
  return (
    <select id={id} aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}>
      <option value="">{emptyLabel}</option>
      {scale.levels.map((level) => (
        <option key={level.code} value={level.code}>
          {gradeText(scale, level.code)}
        </option>
      ))}
    </select>
  );
}

/** Text as the person typed it (line breaks kept); a dash when empty. */
export function Prose({ text }: { text: string | null | undefined }) {
  return <p className="sheet-prose">{text && text.trim() !== '' ? text : '—'}</p>;
}

/** A line of typed text in a `sheet-facts` list (a reason, notes, a comment), across the whole width. */
export function ProseFact({ term, text }: { term: string; text: string | null | undefined }) {
  return (
    <div className="sheet-facts__wide">
      <dt>{term}</dt>
      <dd>
        <Prose text={text} />
      </dd>
    </div>
  );
}

/** A table of the sheet: a caption and a row of column headings over `children` (the body's rows). */
export function SheetTable({
  caption,
  columns,
  isEditor = false,
  children,
}: {
  caption: string;
  columns: readonly string[];
  /** inputs in the cells (wider fields) */
  isEditor?: boolean;
  children: ReactNode;
}) {
  return (
    <div className="table-wrap">
      <table className={isEditor ? 'sheet-table sheet-table--editor' : 'sheet-table'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A recorded interview: the day it was held and its notes. */
export function InterviewView({ interview }: { interview: Interview }) {
  const dates = useDates();
  return (
    <dl className="sheet-facts">
      <div>
        <dt>実施日</dt>
        <dd>{dates.date(interview.heldOn)}</dd>
      </div>
      <ProseFact term="記録" text={interview.notes} />
    </dl>
  );
}

/**
 * The form that records an interview for `type` (record-opening-interview …). The day lies between the start of
 * the period and today (the server checks the same); it starts at today.
 */
export function InterviewForm({
  runner,
  type,
  legend,
  periodStartsOn,
  recorded,
}: {
  runner: SheetRunner;
  type: Extract<SheetActionType, 'record-opening-interview' | 'record-revision-interview' | 'record-closing-interview' | 'record-feedback'>;
  legend: string;
  periodStartsOn: string;
  /** the interview already recorded, if any: the form then opens on request, to record it again */
  recorded: Interview | null | undefined;
}) {
  const id = useId();
  const today = todayInJapan();
  const [isOpen, setOpen] = useState(false);
  const [heldOn, setHeldOn] = useState(recorded?.heldOn ?? today);
  const [notes, setNotes] = useState(recorded?.notes ?? '');
  if (!runner.can(type)) return null;
  if (recorded && !isOpen) {
    return (
      <div className="form-actions">
        <button type="button" className="button--secondary" disabled={runner.isBusy} onClick={() => setOpen(true)}>
          面談の記録を修正する
        </button>
      </div>
    );
  }
  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const action = { type, interview: { heldOn, notes } } as SheetAction;
    runner.run(type, [action], () => setOpen(false));
  };
  return (
    <form onSubmit={send} noValidate className="sheet-form">
      <fieldset>
        <legend>{legend}</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-on`}>
              実施日<span className="required">必須</span>
            </label>
            <input id={`${id}-on`} type="date" min={periodStartsOn} max={today} value={heldOn} required onChange={(e) => setHeldOn(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-notes`}>面談の記録</label>
          <textarea id={`${id}-notes`} rows={4} maxLength={4000} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
        <ActionFeedback runner={runner} form={type} />
        <div className="form-actions">
          <ActionButton runner={runner} type={type} onClick={() => send()} />
        </div>
      </fieldset>
    </form>
  );
}

type CommentActionType = Extract<SheetActionType, 'agree-goals' | 'return-goals' | 'approve-revision' | 'reject-revision' | 'return-rating'>;

/**
 * A comment and the buttons that send it with one of `actions` (each button only when the reader may take that
 * action); nothing when they may take none.
 */
export function CommentActionForm({
  runner,
  form,
  legend,
  hint,
  label,
  isRequired = false,
  actions,
}: {
  runner: SheetRunner;
  form: string;
  legend: string;
  hint?: string;
  label: string;
  isRequired?: boolean;
  actions: readonly { type: CommentActionType; variant?: 'primary' | 'secondary' | 'danger' }[];
}) {
  const id = useId();
  const [comment, setComment] = useState('');
  if (!actions.some(({ type }) => runner.can(type))) return null;
  return (
    <form className="sheet-form subpanel" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>{legend}</legend>
        {hint ? <p className="hint">{hint}</p> : null}
        <div className="field">
          <label htmlFor={`${id}-comment`}>
            {label}
            {isRequired ? <span className="required">必須</span> : null}
          </label>
          <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <ActionFeedback runner={runner} form={form} />
        <div className="form-actions">
          {actions.map(({ type, variant }) => (
            <ActionButton key={type} runner={runner} type={type} variant={variant} onClick={() => runner.run(form, [{ type, comment }])} />
          ))}
        </div>
      </fieldset>
    </form>
  );
}

/** A section of the sheet: an h2 and its content, in a panel. */
export function SheetSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section className="panel sheet-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
