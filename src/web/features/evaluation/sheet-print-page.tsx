/**
 * 評価シートの印刷 /evaluation/sheets/:id/print (issue 3 item 11): the sheet on one A4 form in the usual Japanese
 * layout — title, a bordered header (所属・職名・氏名・評価者・確認者), the goals (or ability items) with the
 * self-evaluation and the rating per line, the overall grades, the interviews and the seal boxes (被評価者・評価者・
 * 確認者 印). It reads GET /api/evaluation/sheets/:id, so it prints only what the reader may see; the confirmer's
 * internal notes and complaints never go on paper (a printed sheet circulates for seals), even for HR.
 * The app's chrome is hidden in print by app.css; sheet-print.css sets the A4 page.
 */
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useDates, type DateFormatter } from '../../app/dates.js';
import { ErrorAlert, Loading, usePageTitle } from '../../components/page.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import type { Assessment, Goal, Interview, LearningRecord } from '../../../domain/evaluation/sheet-workflow.js';
import type { AbilityItem } from '../../../domain/competency/ability-items.js';
import { useSheet } from './sheets.queries.js';
import './sheet-print.css';

/* Labels (sheet-workflow.ts; kept here so the page does not load the schemas). */
const difficultyLabels: Record<string, string> = { high: '高', standard: '中', low: '低' };
const learningKindLabels: Record<string, string> = { training: '研修', 'self-directed': '自己啓発' };

export function SheetPrintPage() {
  const { id } = useParams();
  const sheetId = Number(id);
  const valid = Number.isSafeInteger(sheetId) && sheetId > 0;
  const sheet = useSheet(valid ? sheetId : 0);
  const dates = useDates();
  usePageTitle(sheet.data ? `${titleOf(sheet.data, dates)}(印刷)` : '評価シートの印刷');

  return (
    <div className="sheet-print">
      <div className="sheet-print__tools no-print">
        <Link to={valid ? `/evaluation/sheets/${sheetId}` : '/'}>評価シートに戻る</Link>
        <button type="button" className="button--primary" onClick={() => window.print()} disabled={!sheet.data}>
          印刷
        </button>
      </div>
      {!valid ? (
        <>
          <h1 tabIndex={-1}>評価シートの印刷</h1>
          <p role="alert" className="alert alert--error">
            評価シートが見つかりません。
          </p>
        </>
      ) : null}
      {sheet.isPending && valid ? <Loading /> : null}
      {sheet.error ? (
        <>
          <h1 tabIndex={-1}>評価シートの印刷</h1>
          <ErrorAlert error={sheet.error} title="評価シートを読み込めませんでした。" />
        </>
      ) : null}
      {sheet.data ? <PrintedSheet view={sheet.data} /> : null}
    </div>
  );
}

/** 令和7年度 前期業績評価シート */
function titleOf(view: SheetView, dates: DateFormatter): string {
  return `${dates.fiscalYear(view.cycle.fiscalYear)} ${view.cycle.periodLabel}シート`;
}

function PrintedSheet({ view }: { view: SheetView }) {
  const dates = useDates();
  const sheet = view.sheet;
  const scale = sheet.settings.scale;
  return (
    <article className="print-sheet" aria-labelledby="print-sheet-title">
      <h1 id="print-sheet-title" tabIndex={-1} className="print-sheet__title">
        {titleOf(view, dates)}
      </h1>
      <p className="print-sheet__period">
        評価期間 {dates.date(sheet.periodStartsOn)} 〜 {dates.date(sheet.periodEndsOn)}
        <span className="print-sheet__state">(状態: {view.stateLabel})</span>
      </p>

      <table className="print-sheet__grid print-sheet__people">
        <caption className="visually-hidden">被評価者・評価者・確認者</caption>
        <tbody>
          <tr>
            <th scope="row">所属</th>
            <td>{view.evaluatee.unitName ?? ''}</td>
            <th scope="row">職名</th>
            <td>{view.evaluatee.positionName ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">氏名</th>
            <td>
              {view.evaluatee.name}
              <span className="print-sheet__sub">(職員番号 {view.evaluatee.employeeNumber})</span>
            </td>
            <th scope="row">評価者</th>
            <td>{view.evaluator?.name ?? ''}</td>
          </tr>
          <tr>
            <th scope="row">確認者</th>
            <td colSpan={3}>{view.confirmer?.name ?? ''}</td>
          </tr>
        </tbody>
      </table>

      {sheet.kind === 'performance' ? (
        <GoalsTable goals={sheet.goals} self={sheet.selfEvaluation} rating={sheet.rating} dates={dates} />
      ) : (
        <ItemsTable items={(sheet as { items?: AbilityItem[] }).items} self={sheet.selfEvaluation} rating={sheet.rating} />
      )}

      <table className="print-sheet__grid print-sheet__overall">
        <caption>総合評価</caption>
        <thead>
          <tr>
            <th scope="col">区分</th>
            <th scope="col" className="print-sheet__grade">
              評語
            </th>
            <th scope="col">コメント・理由</th>
          </tr>
        </thead>
        <tbody>
          <OverallRow label="自己評価" grade={sheet.selfEvaluation?.overallGrade} text={sheet.selfEvaluation?.comment} />
          <OverallRow label="評価者の評価" grade={sheet.rating?.overallGrade} text={sheet.rating?.comment} />
          <OverallRow
            label="確認者の調整"
            grade={sheet.adjustment === undefined ? undefined : (sheet.adjustment?.overallGrade ?? (sheet.adjustment ? '調整なし' : null))}
            text={sheet.adjustment?.reason}
          />
          <tr className="print-sheet__final">
            <th scope="row">最終評語</th>
            <td className="print-sheet__grade">{sheet.finalGrade ?? ''}</td>
            <td>
              {sheet.finalGrade ? `評語の段階: ${scale.levels.map((l) => (l.label ? `${l.code}(${l.label})` : l.code)).join('・')}` : ''}
            </td>
          </tr>
        </tbody>
      </table>

      {sheet.kind === 'performance' && sheet.learning !== undefined && sheet.learning.length > 0 ? <LearningTable records={sheet.learning} dates={dates} /> : null}

      <table className="print-sheet__grid print-sheet__interviews">
        <caption>面談</caption>
        <thead>
          <tr>
            <th scope="col">面談</th>
            <th scope="col" className="print-sheet__date">
              実施日
            </th>
            <th scope="col">記録</th>
          </tr>
        </thead>
        <tbody>
          {sheet.kind === 'performance' ? (
            <>
              <InterviewRow label="期首面談" interview={sheet.openingInterview} dates={dates} />
              <InterviewRow label="期末面談" interview={sheet.closingInterview} dates={dates} />
            </>
          ) : null}
          <InterviewRow label="フィードバック面談" interview={sheet.feedbackInterview} dates={dates} />
        </tbody>
      </table>

      <table className="print-sheet__grid print-sheet__seals">
        <caption>確認欄</caption>
        <thead>
          <tr>
            <th scope="col">被評価者</th>
            <th scope="col">評価者</th>
            <th scope="col">確認者</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <SealBox name={view.evaluatee.name} />
            <SealBox name={view.evaluator?.name ?? ''} />
            <SealBox name={view.confirmer?.name ?? ''} />
          </tr>
        </tbody>
      </table>
    </article>
  );
}

function GoalsTable({ goals, self, rating, dates }: { goals: Goal[] | undefined; self: Assessment | undefined; rating: Assessment | undefined; dates: DateFormatter }) {
  const list = goals ?? [];
  return (
    <table className="print-sheet__grid print-sheet__goals">
      <caption>個人目標と評価</caption>
      <thead>
        <tr>
          <th scope="col" className="print-sheet__no">
            No.
          </th>
          <th scope="col">目標(何を)</th>
          <th scope="col">目標水準・指標</th>
          <th scope="col" className="print-sheet__date">
            期限
          </th>
          <th scope="col" className="print-sheet__narrow">
            ウエイト
          </th>
          <th scope="col" className="print-sheet__narrow">
            難易度
          </th>
          <GradeHeadings />
        </tr>
      </thead>
      <tbody>
        {list.length === 0 ? (
          <tr>
            <td colSpan={8} className="print-sheet__empty">
              {goals === undefined ? '' : '目標は未設定です。'}
            </td>
          </tr>
        ) : (
          list.map((goal, index) => (
            <tr key={goal.id}>
              <th scope="row" className="print-sheet__no">
                {index + 1}
              </th>
              <td>{goal.title}</td>
              <td>
                {goal.target}
                <EntryComments entryId={goal.id} self={self} rating={rating} />
              </td>
              <td className="print-sheet__date">{dates.short(goal.dueOn)}</td>
              <td className="print-sheet__narrow">{goal.weight === null ? '' : `${goal.weight}%`}</td>
              <td className="print-sheet__narrow">{difficultyLabels[goal.difficulty] ?? goal.difficulty}</td>
              <GradeCells entryId={goal.id} self={self} rating={rating} />
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function ItemsTable({ items, self, rating }: { items: AbilityItem[] | undefined; self: Assessment | undefined; rating: Assessment | undefined }) {
  const list = items ?? [];
  return (
    <table className="print-sheet__grid print-sheet__goals">
      <caption>能力評価項目と評価</caption>
      <thead>
        <tr>
          <th scope="col" className="print-sheet__no">
            No.
          </th>
          <th scope="col">評価項目</th>
          <th scope="col">コメント</th>
          <GradeHeadings />
        </tr>
      </thead>
      <tbody>
        {list.map((item, index) => (
          <tr key={item.id}>
            <th scope="row" className="print-sheet__no">
              {index + 1}
            </th>
            <td>
              {item.label}
              {item.description ? <span className="print-sheet__sub">{item.description}</span> : null}
            </td>
            <td>
              <EntryComments entryId={item.id} self={self} rating={rating} />
            </td>
            <GradeCells entryId={item.id} self={self} rating={rating} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A goal's or an item's grades and comments, by the evaluatee (自己評価) and by the evaluator. */
type EntryProps = { entryId: string; self: Assessment | undefined; rating: Assessment | undefined };

function GradeHeadings() {
  return (
    <>
      <th scope="col" className="print-sheet__grade">
        自己評価
      </th>
      <th scope="col" className="print-sheet__grade">
        評価者
      </th>
    </>
  );
}

function GradeCells({ entryId, self, rating }: EntryProps) {
  return (
    <>
      <td className="print-sheet__grade">{self?.entries[entryId]?.grade ?? ''}</td>
      <td className="print-sheet__grade">{rating?.entries[entryId]?.grade ?? ''}</td>
    </>
  );
}

function EntryComments({ entryId, self, rating }: EntryProps) {
  const selfComment = self?.entries[entryId]?.comment;
  const ratingComment = rating?.entries[entryId]?.comment;
  const lines: ReactNode[] = [];
  if (selfComment) lines.push(<span key="self" className="print-sheet__comment">自己: {selfComment}</span>);
  if (ratingComment) lines.push(<span key="rating" className="print-sheet__comment">評価者: {ratingComment}</span>);
  return lines.length > 0 ? <>{lines}</> : null;
}

function OverallRow({ label, grade, text }: { label: string; grade: string | null | undefined; text: string | null | undefined }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="print-sheet__grade">{grade ?? ''}</td>
      <td className="print-sheet__text">{text ?? ''}</td>
    </tr>
  );
}

function InterviewRow({ label, interview, dates }: { label: string; interview: Interview | null | undefined; dates: DateFormatter }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="print-sheet__date">{interview ? dates.date(interview.heldOn) : ''}</td>
      <td className="print-sheet__text">{interview?.notes ?? ''}</td>
    </tr>
  );
}

function LearningTable({ records, dates }: { records: LearningRecord[]; dates: DateFormatter }) {
  return (
    <table className="print-sheet__grid print-sheet__learning">
      <caption>研修・自己啓発</caption>
      <thead>
        <tr>
          <th scope="col" className="print-sheet__narrow">
            区分
          </th>
          <th scope="col">名称</th>
          <th scope="col">期間</th>
          <th scope="col" className="print-sheet__narrow">
            時間
          </th>
        </tr>
      </thead>
      <tbody>
        {records.map((record) => (
          <tr key={record.id}>
            <td className="print-sheet__narrow">{learningKindLabels[record.kind] ?? record.kind}</td>
            <th scope="row">{record.title}</th>
            <td>
              {dates.short(record.startedOn)}
              {record.endedOn && record.endedOn !== record.startedOn ? `〜${dates.short(record.endedOn)}` : ''}
            </td>
            <td className="print-sheet__narrow">{record.hours === null ? '' : `${record.hours}時間`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SealBox({ name }: { name: string }) {
  return (
    <td className="print-sheet__seal">
      <span className="print-sheet__seal-mark" aria-hidden="true">
        印
      </span>
      <span className="print-sheet__seal-name">{name}</span>
    </td>
  );
}
