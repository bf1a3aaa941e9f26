/**
 * 評価シート /evaluation/sheets/:id: one performance sheet (業績評価, per half year) or ability sheet (能力評価, per
 * year) as the reader may see it — 被評価者, 評価者, 確認者, 人事担当, or a former evaluator/confirmer (read only). The
 * server decides everything: the screen shows only the parts in `view.sheet` / `visibleFields`, editors only for
 * `editableFields`, buttons only for `allowedActions` (issue 3 items 4–6, 8). Every action carries the version read
 * and a request key made once per click; a stale version offers to reload, a refusal shows the server's message
 * beside the form.
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { abilityCategoryLabels } from '../../../domain/competency/ability-items.js';
import type { SheetView } from '../../../domain/evaluation/evaluation-api.js';
import type { OverallRule } from '../../../domain/evaluation/grading.js';
import {
  abilityStateLabels,
  performanceStateLabels,
  sheetActionLabels,
  sheetRelationLabels,
  type AbilitySheet,
  type HistoryEntry,
  type PerformanceSheet,
  type SheetState,
} from '../../../domain/evaluation/sheet-workflow.js';
import { ActionStatus, useSheetRunner, type SheetRunner } from './sheet-actions.js';
import { RatingSection, SelfEvaluationSection, type AssessedRow } from './sheet-assessment.js';
import { SheetSection, SheetTable, gradeText } from './sheet-fields.js';
import { GoalsSection, OpeningInterviewSection, RevisionSection } from './sheet-goals.js';
import { LearningSection } from './sheet-learning.js';
import { DigitalSkillsSection } from './sheet-digital-skills.js';
import {
  AdjustmentSection,
  ClosingInterviewSection,
  ComplaintSection,
  ConfirmerNotesSection,
  FeedbackSection,
  ResultSection,
} from './sheet-result.js';
import { useSheet } from './sheets.queries.js';
import './sheet.css';

const title = '評価シート';

const relationLabels: Record<SheetView['relation'], string> = {
  ...sheetRelationLabels,
  'former-evaluator': '前評価者(閲覧のみ)',
  'former-confirmer': '前確認者(閲覧のみ)',
};

export function SheetPage() {
  const params = useParams();
  const id = Number(params.id);
  const isValidId = Number.isInteger(id) && id > 0;
  const sheet = useSheet(id);
  return (
    <>
      <PageHeading title={title}>
        <Link to="/evaluation">人事評価の一覧</Link>
        {isValidId ? <Link to={`/evaluation/sheets/${id}/print`}>印刷用の表示</Link> : null}
      </PageHeading>
      {!isValidId ? (
        <div role="alert" className="alert alert--error">
          <p>評価シートの番号が正しくありません。</p>
        </div>
      ) : null}
      <ErrorAlert error={sheet.error} title="評価シートを読み込めませんでした。" />
      {isValidId && sheet.isPending ? <Loading /> : null}
      {sheet.data ? <SheetScreen view={sheet.data} refetch={() => void sheet.refetch()} /> : null}
    </>
  );
}

function SheetScreen({ view, refetch }: { view: SheetView; refetch: () => void }) {
  const runner = useSheetRunner(view, refetch);
  const sheet = view.sheet;
  return (
    <>
      <SheetHeader view={view} />
      {sheet.kind === 'performance' ? <PerformanceBody runner={runner} sheet={sheet} /> : <AbilityBody runner={runner} sheet={sheet} />}
      <HistorySection view={view} />
      <ActionStatus runner={runner} />
    </>
  );
}

/* ---------- header: cycle, people, state, the reader's next deadline ---------- */

function SheetHeader({ view }: { view: SheetView }) {
  const dates = useDates();
  const { cycle, evaluatee } = view;
  const kindLabel = cycle.kind === 'performance' ? '業績評価シート' : '能力評価シート';
  return (
    <section className="panel sheet-header" aria-labelledby="sheet-header">
      <h2 id="sheet-header">
        {dates.fiscalYear(cycle.fiscalYear)} {cycle.periodLabel}({kindLabel})
      </h2>
      <dl className="sheet-facts">
        <div>
          <dt>被評価者</dt>
          <dd>
            {evaluatee.name}
            <span className="cell-sub">職員番号 {evaluatee.employeeNumber}</span>
          </dd>
        </div>
        <div>
          <dt>所属</dt>
          <dd>{evaluatee.unitName ?? '—'}</dd>
        </div>
        <div>
          <dt>職位</dt>
          <dd>{evaluatee.positionName ?? '—'}</dd>
        </div>
        <div>
          <dt>評価者</dt>
          <dd>{view.evaluator?.name ?? '未設定'}</dd>
        </div>
        <div>
          <dt>確認者</dt>
          <dd>{view.confirmer?.name ?? '未設定'}</dd>
        </div>
        <div>
          <dt>評価期間</dt>
          <dd>{dates.period(view.sheet.periodStartsOn, view.sheet.periodEndsOn)}</dd>
        </div>
        <div>
          <dt>状態</dt>
          <dd>
            <span className="sheet-state">{view.stateLabel}</span>
          </dd>
        </div>
        {view.visibleFields.includes('finalGrade') && view.sheet.finalGrade ? (
          <div>
            <dt>最終評価</dt>
            <dd className="sheet-grade">{gradeText(view.sheet.settings.scale, view.sheet.finalGrade)}</dd>
          </div>
        ) : null}
        <div>
          <dt>あなたの立場</dt>
          <dd>{relationLabels[view.relation]}</dd>
        </div>
        <div>
          <dt>あなたの次の期限</dt>
          <dd>
            {view.nextDue ? (
              <>
                {view.nextDue.label}: {dates.date(view.nextDue.dueOn)}
                {view.nextDue.isOverdue ? <span className="badge sheet-badge--overdue">期限超過</span> : null}
              </>
            ) : (
              'なし'
            )}
          </dd>
        </div>
      </dl>
      {view.sheet.isHrProxy ? <p className="hint">被評価者にアカウントがないため、被評価者の手続きは職員課が代わって記録します。</p> : null}
      {view.handovers.length > 0 ? (
        <div className="subpanel">
          <h3>評価者・確認者の交代</h3>
          <ul>
            {view.handovers.map((h, i) => (
              <li key={`${h.kind}-${h.former.staffId}-${i}`}>
                {dates.date(h.handedOverOn)} {h.kind === 'evaluator' ? '評価者' : '確認者'} {h.former.name} から交代({h.reason})
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.state === 'closed' ? <p className="alert alert--success">この評価シートは完了しています。内容は変更できません。</p> : null}
      {view.relation === 'former-evaluator' || view.relation === 'former-confirmer' ? (
        <p className="hint">異動前に担当していた評価シートです。閲覧のみできます。</p>
      ) : null}
    </section>
  );
}

/* ---------- performance sheet ---------- */

function PerformanceBody({ runner, sheet }: { runner: SheetRunner; sheet: Partial<PerformanceSheet> & SheetView['sheet'] }) {
  const goals = sheet.goals ?? [];
  const rows: AssessedRow[] = useMemo(
    () =>
      goals.map((goal, index) => ({
        id: goal.id,
        label: `目標${index + 1}`,
        sub: `${goal.title}${goal.weight === null ? '' : `(ウエイト${goal.weight}%)`}`,
        weight: goal.weight,
      })),
    [goals],
  );
  const rule = sheet.settings.overallRule;
  return (
    <>
      {runner.view.visibleFields.includes('goals') ? <GoalsSection runner={runner} sheet={sheet} /> : null}
      <OpeningInterviewSection runner={runner} sheet={sheet} />
      <RevisionSection runner={runner} sheet={sheet} />
      <LearningSection runner={runner} sheet={sheet} />
      <SelfEvaluationSection runner={runner} rows={rows} rowHeading="目標" rule={rule} />
      <ClosingInterviewSection runner={runner} sheet={sheet} />
      <RatingSection runner={runner} rows={rows} rowHeading="目標" rule={rule} />
      <AdjustmentSection runner={runner} />
      <ConfirmerNotesSection runner={runner} />
      <FeedbackSection runner={runner} />
      <ResultSection runner={runner} />
      <ComplaintSection runner={runner} sheet={sheet} />
    </>
  );
}

/* ---------- ability sheet ---------- */

function AbilityBody({ runner, sheet }: { runner: SheetRunner; sheet: Partial<AbilitySheet> & SheetView['sheet'] }) {
  const items = sheet.items ?? [];
  const rows: AssessedRow[] = useMemo(
    () =>
      items.map((item) => ({
        id: item.id,
        label: item.label,
        sub: `${abilityCategoryLabels[item.category]}${item.group === 'digital' ? '・デジタルスキル' : ''}`,
      })),
    [items],
  );
  // Ability items carry no weights: every item counts the same for the suggested overall grade.
  const rule: OverallRule = { ...sheet.settings.overallRule, weighting: 'equal' };
  return (
    <>
      {runner.view.visibleFields.includes('items') ? (
        <SheetSection title="評価項目" id="sheet-items">
          <p className="hint">職位ごとの能力評価項目(人材育成・確保基本方針 II-4)と、デジタルスキルの項目(IV-2-(7))です。</p>
          <SheetTable caption="能力評価項目" columns={['評価項目', '区分', '着眼点']}>
            {items.map((item) => (
              <tr key={item.id}>
                <th scope="row">{item.label}</th>
                <td>
                  {abilityCategoryLabels[item.category]}
                  {item.group === 'digital' ? <span className="badge sheet-badge--digital">デジタルスキル</span> : null}
                </td>
                <td>{item.description ?? '—'}</td>
              </tr>
            ))}
          </SheetTable>
        </SheetSection>
      ) : null}
      <DigitalSkillsSection view={runner.view} itemLabels={new Map(items.map((item) => [item.id, item.label]))} />
      <SelfEvaluationSection runner={runner} rows={rows} rowHeading="評価項目" rule={rule} />
      <RatingSection runner={runner} rows={rows} rowHeading="評価項目" rule={rule} />
      <AdjustmentSection runner={runner} />
      <ConfirmerNotesSection runner={runner} />
      <FeedbackSection runner={runner} />
      <ResultSection runner={runner} />
    </>
  );
}

/* ---------- history ---------- */

function stateLabel(kind: SheetView['sheet']['kind'], state: SheetState): string {
  const labels: Record<string, string> = kind === 'performance' ? performanceStateLabels : abilityStateLabels;
  return labels[state] ?? state;
}

function HistorySection({ view }: { view: SheetView }) {
  const dates = useDates();
  const history: HistoryEntry[] = view.visibleFields.includes('history') ? (view.sheet.history ?? []) : [];
  if (history.length === 0) return null;
  const kind = view.sheet.kind;
  return (
    <SheetSection title="履歴" id="sheet-history">
      <SheetTable caption="評価シートの履歴(古い順)" columns={['日時', '操作', '立場', '状態']}>
        {history.map((entry, index) => (
          <tr key={`${entry.at}-${index}`}>
            <td>{dates.timestamp(entry.at)}</td>
            <th scope="row">{sheetActionLabels[entry.action]}</th>
            <td>{sheetRelationLabels[entry.relation]}</td>
            <td>{entry.from === entry.to ? `${stateLabel(kind, entry.to)}(変更なし)` : `${stateLabel(kind, entry.from)} → ${stateLabel(kind, entry.to)}`}</td>
          </tr>
        ))}
      </SheetTable>
    </SheetSection>
  );
}
