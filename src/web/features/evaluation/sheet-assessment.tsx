/**
 * Self-evaluation (自己評価) and the evaluator's rating (評価者による評価) — one grade and comment per goal (業績評価)
 * or per ability item (能力評価), an overall grade and a comment. While rating, the overall grade the sheet's rule
 * gives (grading.ts overallGrade) is shown as a hint; the grade itself stays the evaluator's decision.
 */
import { useId, useState } from 'react';
import { overallGrade, type GradeScale, type OverallRule } from '../../../domain/evaluation/grading.js';
import type { Assessment, EntryAssessment, SheetActionType } from '../../../domain/evaluation/sheet-workflow.js';
import { ActionButton, ActionFeedback, type SheetRunner } from './sheet-actions.js';
import { CommentActionForm, GradeSelect, Prose, ProseFact, SheetSection, SheetTable, gradeText } from './sheet-fields.js';

/** A goal or an ability item to assess. */
export type AssessedRow = { id: string; label: string; sub?: string; weight?: number | null };

const stamp = (value: unknown) => JSON.stringify(value ?? null);
const emptyEntry: EntryAssessment = { grade: null, comment: '' };

/** The two assessments of a sheet: what differs between 自己評価 and 評価者による評価. */
const assessmentKinds = {
  self: {
    title: '自己評価',
    who: '自己評価',
    commentLabel: '総合コメント',
    saveType: 'save-self-evaluation',
    submitType: 'submit-self-evaluation',
    isOverallRequired: false,
  },
  rating: {
    title: '評価者による評価',
    who: '評価',
    commentLabel: '評価コメント',
    saveType: 'save-rating',
    submitType: 'submit-rating',
    isOverallRequired: true,
  },
} as const satisfies Record<
  string,
  { title: string; who: string; commentLabel: string; saveType: SheetActionType; submitType: SheetActionType; isOverallRequired: boolean }
>;
type AssessmentKind = keyof typeof assessmentKinds;

const isBlank = (assessment: Assessment) => Object.keys(assessment.entries).length === 0 && assessment.overallGrade === null && assessment.comment === '';

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
      <SheetTable caption={caption} columns={[rowHeading, '評語', 'コメント']}>
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
      </SheetTable>
      <dl className="sheet-facts">
        <div>
          <dt>総合評価</dt>
          <dd className="sheet-grade">{gradeText(scale, assessment.overallGrade)}</dd>
        </div>
        <ProseFact term="総合コメント" text={assessment.comment} />
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
  kind,
  runner,
  saved,
  rows,
  rule,
  rowHeading,
  reference,
}: {
  kind: AssessmentKind;
  runner: SheetRunner;
  saved: Assessment | undefined;
  rows: readonly AssessedRow[];
  rule: OverallRule;
  rowHeading: string;
  /** the self-evaluation, shown beside the rating */
  reference: Assessment | undefined;
}) {
  const id = useId();
  const { title, who, commentLabel, saveType, submitType, isOverallRequired } = assessmentKinds[kind];
  const scale = runner.view.sheet.settings.scale;
  const [draft, setDraft] = useState<Assessment>(() => draftOf(saved, rows));
  const isDirty = stamp(draft) !== stamp(draftOf(saved, rows));
  const setEntry = (rowId: string, patch: Partial<EntryAssessment>) =>
    setDraft({ ...draft, entries: { ...draft.entries, [rowId]: { ...(draft.entries[rowId] ?? emptyEntry), ...patch } } });
  const save = { type: saveType, assessment: draft } as const;
  return (
    <form className="sheet-form" noValidate onSubmit={(e) => e.preventDefault()}>
      <SheetTable caption={`${title}(編集)`} columns={reference ? [rowHeading, '自己評価', '評語', 'コメント'] : [rowHeading, '評語', 'コメント']} isEditor>
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
      </SheetTable>
      <fieldset>
        <legend>総合{who}</legend>
        {kind === 'rating' ? <OverallHint draft={draft} rows={rows} scale={scale} rule={rule} rowHeading={rowHeading} /> : null}
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
            {commentLabel}
            {isOverallRequired ? <span className="required">必須</span> : null}
          </label>
          <textarea id={`${id}-comment`} rows={4} maxLength={4000} value={draft.comment} onChange={(e) => setDraft({ ...draft, comment: e.target.value })} />
        </div>
      </fieldset>
      <ActionFeedback runner={runner} form={kind} />
      <div className="form-actions">
        <ActionButton runner={runner} type={saveType} variant="secondary" onClick={() => runner.run(kind, [save])} />
        <ActionButton runner={runner} type={submitType} onClick={() => runner.run(kind, isDirty ? [save, { type: submitType }] : [{ type: submitType }])} />
      </div>
    </form>
  );
}

type SectionProps = { runner: SheetRunner; rows: readonly AssessedRow[]; rowHeading: string; rule: OverallRule };

/** An assessment as its editor (while the reader may edit it) or as a table to read. */
function AssessmentBody({
  kind,
  saved,
  isEditable,
  reference,
  runner,
  rows,
  rowHeading,
  rule,
}: SectionProps & { kind: AssessmentKind; saved: Assessment; isEditable: boolean; reference: Assessment | undefined }) {
  if (!isEditable) {
    const { title } = assessmentKinds[kind];
    return <AssessmentTable assessment={saved} rows={rows} scale={runner.view.sheet.settings.scale} caption={title} rowHeading={rowHeading} />;
  }
  return (
    <AssessmentEditor
      key={`${stamp(saved)}-${stamp(rows)}`}
      kind={kind}
      runner={runner}
      saved={saved}
      rows={rows}
      rule={rule}
      rowHeading={rowHeading}
      reference={reference}
    />
  );
}

/** 自己評価 */
export function SelfEvaluationSection(props: SectionProps) {
  const { view } = props.runner;
  const saved = view.sheet.selfEvaluation;
  if (!view.visibleFields.includes('selfEvaluation') || saved === undefined) return null;
  const isEditable = view.editableFields.includes('selfEvaluation');
  if (!isEditable && isBlank(saved)) return null;
  return (
    <SheetSection title={assessmentKinds.self.title} id="sheet-self">
      {isEditable ? <p className="hint">{props.rowHeading}ごとに評語を選び、取組の結果をコメントに書きます。提出すると評価者が読めるようになります。</p> : null}
      <AssessmentBody {...props} kind="self" saved={saved} isEditable={isEditable} reference={undefined} />
    </SheetSection>
  );
}

/** 評価者による評価, with the confirmer's return comment and the form to return the rating. */
export function RatingSection(props: SectionProps) {
  const { runner } = props;
  const { view } = runner;
  const saved = view.sheet.rating;
  const review = view.visibleFields.includes('ratingReview') ? (view.sheet.ratingReview ?? null) : null;
  if (!view.visibleFields.includes('rating') || saved === undefined) return null;
  const isEditable = view.editableFields.includes('rating');
  if (!isEditable && isBlank(saved) && !review) return null;
  const self = view.visibleFields.includes('selfEvaluation') ? view.sheet.selfEvaluation : undefined;
  return (
    <SheetSection title={assessmentKinds.rating.title} id="sheet-rating">
      {review ? (
        <div role="note" className="alert alert--warning">
          <p className="alert__title">確認者からの差戻し</p>
          <Prose text={review} />
        </div>
      ) : null}
      <AssessmentBody {...props} kind="rating" saved={saved} isEditable={isEditable} reference={self} />
      <CommentActionForm
        runner={runner}
        form="return-rating"
        legend="評価の差戻し(確認者)"
        hint="評価者に評価のやり直しを求めます。このコメントは被評価者には表示されません。"
        label="評価者へのコメント"
        isRequired
        actions={[{ type: 'return-rating', variant: 'secondary' }]}
      />
    </SheetSection>
  );
}
