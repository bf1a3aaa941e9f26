/**
 * Self-evaluation (自己評価) and the evaluator's rating (評価者による評価) — one grade and comment per goal (業績評価)
 * or per ability item (能力評価), an overall grade and a comment. While rating, the overall grade the sheet's rule
 * gives (grading.ts overallGrade) is shown as a hint; the grade itself stays the evaluator's decision.
 */
import { useId, useState } from 'react';
import { overallGrade, type GradeScale, type OverallRule } from '../../../domain/evaluation/grading.js';
import type { Assessment, EntryAssessment, SheetActionType } from '../../../domain/evaluation/sheet-workflow.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';
import { GradeSelect, Prose, SheetSection, gradeText } from './sheet-fields.js';

/** A goal or an ability item to assess. */
export type AssessedRow = { id: string; label: string; sub?: string; weight?: number | null };

const stamp = (value: unknown) => JSON.stringify(value ?? null);
const emptyEntry: EntryAssessment = { grade: null, comment: '' };

function draftOf(saved: Assessment | undefined, rows: readonly AssessedRow[]): Assessment {
  const entries: Record<string, EntryAssessment> = {};
  for (const row of rows) entries[row.id] = { ...(saved?.entries[row.id] ?? emptyEntry) };
  return { entries, overallGrade: saved?.overallGrade ?? null, comment: saved?.comment ?? '' };
}

function RowHeader({ row }: { row: AssessedRow }) {
  return (
    <th scope="row">
      {row.label}
      {row.sub ? <span className="cell-sub">{row.sub}</span> : null}
    </th>
  );
}

/** An assessment to read. */
function AssessmentTable({
  assessment,
  rows,
  scale,
  caption,
  rowHeading,
}: {
  assessment: Assessment;
  rows: readonly AssessedRow[];
  scale: GradeScale;
  caption: string;
  rowHeading: string;
}) {
  return (
    <>
      <div className="table-wrap">
        <table className="sheet-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              <th scope="col">評語</th>
              <th scope="col">コメント</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const entry = assessment.entries[row.id];
              return (
                <tr key={row.id}>
                  <RowHeader row={row} />
                  <td className="sheet-grade">{gradeText(scale, entry?.grade)}</td>
                  <td className="sheet-prose">{entry?.comment || '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <dl className="sheet-facts">
        <div>
          <dt>総合評価</dt>
          <dd className="sheet-grade">{gradeText(scale, assessment.overallGrade)}</dd>
        </div>
        <div className="sheet-facts__wide">
          <dt>総合コメント</dt>
          <dd>
            <Prose text={assessment.comment} />
          </dd>
        </div>
      </dl>
    </>
  );
}

/** The grade the overall rule suggests once every row is graded. */
function OverallHint({
  draft,
  rows,
  scale,
  rule,
  rowHeading,
}: {
  draft: Assessment;
  rows: readonly AssessedRow[];
  scale: GradeScale;
  rule: OverallRule;
  rowHeading: string;
}) {
  const graded = rows.flatMap((row) => {
    const grade = draft.entries[row.id]?.grade ?? null;
    return grade === null ? [] : [{ grade, weight: row.weight ?? null }];
  });
  if (rows.length === 0 || graded.length < rows.length) {
    return <p className="hint">すべての{rowHeading}を評価すると、評語から計算した総合評価の目安を表示します。</p>;
  }
  const result = overallGrade(graded, scale, rule);
  if (!result.ok) return <p className="hint">総合評価の目安を計算できません: {result.message}</p>;
  return (
    <p className="sheet-hint-grade">
      評語から計算した総合評価の目安: <strong>{gradeText(scale, result.grade)}</strong>(平均 {result.meanPoints.toFixed(2)} 点
      {rule.weighting === 'weight' ? '・ウエイトで加重' : ''})
    </p>
  );
}

function AssessmentEditor({
  runner,
  form,
  saved,
  rows,
  scale,
  rule,
  caption,
  rowHeading,
  reference,
  saveType,
  submitType,
  isOverallRequired,
}: {
  runner: SheetRunner;
  form: string;
  saved: Assessment | undefined;
  rows: readonly AssessedRow[];
  scale: GradeScale;
  rule: OverallRule;
  caption: string;
  rowHeading: string;
  /** the self-evaluation, shown beside the rating */
  reference: Assessment | undefined;
  saveType: Extract<SheetActionType, 'save-self-evaluation' | 'save-rating'>;
  submitType: Extract<SheetActionType, 'submit-self-evaluation' | 'submit-rating'>;
  isOverallRequired: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState<Assessment>(() => draftOf(saved, rows));
  const isDirty = stamp(draft) !== stamp(draftOf(saved, rows));
  const setEntry = (rowId: string, patch: Partial<EntryAssessment>) =>
    setDraft({ ...draft, entries: { ...draft.entries, [rowId]: { ...(draft.entries[rowId] ?? emptyEntry), ...patch } } });
  const save = { type: saveType, assessment: draft } as const;
  const who = saveType === 'save-rating' ? '評価' : '自己評価';
  return (
    <form className="sheet-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <div className="table-wrap">
        <table className="sheet-table sheet-table--editor">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{rowHeading}</th>
              {reference ? <th scope="col">自己評価</th> : null}
              <th scope="col">評語</th>
              <th scope="col">コメント</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const entry = draft.entries[row.id] ?? emptyEntry;
              const self = reference?.entries[row.id];
              return (
                <tr key={row.id}>
                  <RowHeader row={row} />
                  {reference ? (
                    <td>
                      <span className="sheet-grade">{gradeText(scale, self?.grade)}</span>
                      {self?.comment ? <span className="cell-sub sheet-prose">{self.comment}</span> : null}
                    </td>
                  ) : null}
                  <td>
                    <GradeSelect scale={scale} label={`${row.label}の${who}(評語)`} value={entry.grade} onChange={(grade) => setEntry(row.id, { grade })} />
                  </td>
                  <td>
                    <textarea
                      aria-label={`${row.label}の${who}コメント`}
                      rows={2}
                      maxLength={2000}
                      value={entry.comment}
                      onChange={(e) => setEntry(row.id, { comment: e.target.value })}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <fieldset>
        <legend>総合{who}</legend>
        {saveType === 'save-rating' ? <OverallHint draft={draft} rows={rows} scale={scale} rule={rule} rowHeading={rowHeading} /> : null}
        {reference ? <p>自己評価の総合評価: {gradeText(scale, reference.overallGrade)}</p> : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-overall`}>
              総合評価{isOverallRequired ? <span className="required">必須</span> : null}
            </label>
            <GradeSelect id={`${id}-overall`} scale={scale} value={draft.overallGrade} onChange={(overall) => setDraft({ ...draft, overallGrade: overall })} />
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-comment`}>
            {saveType === 'save-rating' ? '評価コメント' : '総合コメント'}
            {isOverallRequired ? <span className="required">必須</span> : null}
          </label>
          <textarea id={`${id}-comment`} rows={4} maxLength={4000} value={draft.comment} onChange={(e) => setDraft({ ...draft, comment: e.target.value })} />
        </div>
      </fieldset>
      <ActionFeedback runner={runner} form={form} />
      <div className="form-actions">
        <ActionButton runner={runner} type={saveType} variant="secondary" onClick={() => runner.run(form, [save])} />
        <ActionButton runner={runner} type={submitType} onClick={() => runner.run(form, isDirty ? [save, { type: submitType }] : [{ type: submitType }])} />
      </div>
    </form>
  );
}

type SectionProps = { runner: SheetRunner; rows: readonly AssessedRow[]; rowHeading: string; rule: OverallRule };

/** 自己評価 */
export function SelfEvaluationSection({ runner, rows, rowHeading, rule }: SectionProps) {
  const { view } = runner;
  const saved = view.sheet.selfEvaluation;
  if (!view.visibleFields.includes('selfEvaluation') || saved === undefined) return null;
  const isEditable = view.editableFields.includes('selfEvaluation');
  const isEmpty = Object.keys(saved.entries).length === 0 && saved.overallGrade === null && saved.comment === '';
  if (!isEditable && isEmpty) return null;
  const scale = view.sheet.settings.scale;
  return (
    <SheetSection title="自己評価" id="sheet-self">
      {isEditable ? (
        <>
          <p className="hint">{rowHeading}ごとに評語を選び、取組の結果をコメントに書きます。提出すると評価者が読めるようになります。</p>
          <AssessmentEditor
            key={`${stamp(saved)}-${stamp(rows)}`}
            runner={runner}
            form="self"
            saved={saved}
            rows={rows}
            scale={scale}
            rule={rule}
            caption="自己評価(編集)"
            rowHeading={rowHeading}
            reference={undefined}
            saveType="save-self-evaluation"
            submitType="submit-self-evaluation"
            isOverallRequired={false}
          />
        </>
      ) : (
        <AssessmentTable assessment={saved} rows={rows} scale={scale} caption="自己評価" rowHeading={rowHeading} />
      )}
    </SheetSection>
  );
}

/** 評価者による評価, with the confirmer's return comment and the form to return the rating. */
export function RatingSection({ runner, rows, rowHeading, rule }: SectionProps) {
  const { view } = runner;
  const saved = view.sheet.rating;
  const review = view.visibleFields.includes('ratingReview') ? (view.sheet.ratingReview ?? null) : null;
  if (!view.visibleFields.includes('rating') || saved === undefined) return null;
  const isEditable = view.editableFields.includes('rating');
  const isEmpty = Object.keys(saved.entries).length === 0 && saved.overallGrade === null && saved.comment === '';
  if (!isEditable && isEmpty && !review) return null;
  const scale = view.sheet.settings.scale;
  const self = view.visibleFields.includes('selfEvaluation') ? view.sheet.selfEvaluation : undefined;
  return (
    <SheetSection title="評価者による評価" id="sheet-rating">
      {review ? (
        <div role="note" className="alert alert--warning">
          <p className="alert__title">確認者からの差戻し</p>
          <Prose text={review} />
        </div>
      ) : null}
      {isEditable ? (
        <AssessmentEditor
          key={`${stamp(saved)}-${stamp(rows)}`}
          runner={runner}
          form="rating"
          saved={saved}
          rows={rows}
          scale={scale}
          rule={rule}
          caption="評価者による評価(編集)"
          rowHeading={rowHeading}
          reference={self}
          saveType="save-rating"
          submitType="submit-rating"
          isOverallRequired
        />
      ) : (
        <AssessmentTable assessment={saved} rows={rows} scale={scale} caption="評価者による評価" rowHeading={rowHeading} />
      )}
      <ReturnRating runner={runner} />
    </SheetSection>
  );
}

function ReturnRating({ runner }: { runner: SheetRunner }) {
  const id = useId();
  const [comment, setComment] = useState('');
  if (!runner.can('return-rating')) return null;
  return (
    <form className="sheet-form subpanel" noValidate onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>評価の差戻し(確認者)</legend>
        <p className="hint">評価者に評価のやり直しを求めます。このコメントは被評価者には表示されません。</p>
        <div className="field">
          <label htmlFor={`${id}-comment`}>
            評価者へのコメント<span className="required">必須</span>
          </label>
          <textarea id={`${id}-comment`} rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
        </div>
        <ActionFeedback runner={runner} form="return-rating" />
        <div className="form-actions">
          <ActionButton runner={runner} type="return-rating" variant="secondary" onClick={() => runner.run('return-rating', [{ type: 'return-rating', comment }])} />
        </div>
      </fieldset>
    </form>
  );
}
