/**
 * 評価スケジュール /evaluation/calendar: the 人事評価実施スケジュール of a 年度 (policy III-2-(2), 実施規程第6条) — every
 * deadline of 前期・後期業績評価 and 能力評価 dated for the chosen 年度, with who must act, and the complaint period.
 * Everyone signed in reads it (staff see their deadlines); hr_admin edits the month/day (or 末日) of each deadline
 * and the complaint period, or goes back to the policy's schedule. Server validation messages appear above the
 * table; a save over someone else's is refused (409) and offers to reload.
 */
import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { formatDate, formatDateShort, formatFiscalYear, type DateStyle } from '../../../domain/common/wareki.js';
import type {
  CalendarSettings,
  DaySpec,
  EvaluationPeriod,
  Milestone,
  MilestoneOwner,
  MilestoneSetting,
  MilestoneStep,
} from '../../../domain/evaluation/evaluation-calendar.js';
import type { CalendarView } from '../../../domain/evaluation/evaluation-api.js';
import { useCalendar, useResetCalendar, useSaveCalendar } from './evaluation.queries.js';
import './calendar.css';

const title = '評価スケジュール';

/* Labels (evaluation-calendar.ts; kept here so the page does not load the schemas). */
const periods: readonly EvaluationPeriod[] = ['first-half', 'second-half', 'year'];
const periodLabels: Record<EvaluationPeriod, string> = {
  'first-half': '前期業績評価',
  'second-half': '後期業績評価',
  year: '能力評価',
};
const periodRanges: Record<EvaluationPeriod, string> = { 'first-half': '4月〜9月', 'second-half': '10月〜3月', year: '4月〜3月' };
const stepLabels: Record<MilestoneStep, string> = {
  'goal-submission': '目標の提出',
  'opening-interview': '期首面談',
  'self-evaluation': '自己評価',
  'closing-interview': '期末面談',
  'evaluator-rating': '評価者による評価',
  confirmation: '確認者による調整・確認',
  feedback: 'フィードバック',
  submission: '職員課への提出',
};
const ownerLabels: Record<MilestoneOwner, string> = { evaluatee: '被評価者', evaluator: '評価者', confirmer: '確認者' };


export function CalendarPage() {
  const session = useSession();
  const canManage = session.roles.includes('hr_admin');
  // The year is in the address (?fy=2026), so that a reload or a shared link shows the same 年度.
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('fy'));
  const fiscalYear = Number.isInteger(requested) && requested >= 2000 && requested <= 9998 ? requested : null;
  const [message, setMessage] = useState('');
  const calendar = useCalendar(fiscalYear);
  const current = calendar.data?.currentFiscalYear;
  const shown = fiscalYear ?? current;

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        人材育成・確保基本方針 III-2-(2) の人事評価実施スケジュールです。業績評価は前期(4月〜9月)と後期(10月〜3月)、能力評価は年1回(2月に完了)です。
        期限は月日で定め、どの年度にも同じように当てはめます。
        {canManage ? null : '変更は人事管理者が行います。'}
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      {current !== undefined && shown !== undefined ? (
        <FiscalYearSelect
          current={current}
          shown={shown}
          dateStyle={session.dateStyle}
          className="calendar-year"
          onChange={(fy) => {
            setMessage('');
            setParams({ fy });
          }}
        />
      ) : null}
      <ErrorAlert error={calendar.error} title="評価スケジュールを読み込めませんでした。" />
      {calendar.isPending ? <Loading /> : null}
      {calendar.data ? (
        <CalendarPanel
          key={`${calendar.data.fiscalYear}-${calendar.data.updatedAt ?? 'default'}`}
          view={calendar.data}
          canManage={canManage}
          dateStyle={session.dateStyle}
          onMessage={setMessage}
          onReload={() => void calendar.refetch()}
        />
      ) : null}
    </>
  );
}

/* ---------- validation messages from the server: the words for a field path ---------- */

/** 'periods.first-half.goal-submission.due.day' → 前期業績評価の目標の提出; 'complaintPeriodDays' → 苦情相談の期間. */
function labelOfPath(path: string): string {
  const [head, period, step] = path.split('.');
  if (head === 'complaintPeriodDays') return '苦情相談の期間';
  if (head === 'periods' && period !== undefined && period in periodLabels) {
    const stepLabel = step !== undefined && step in stepLabels ? `の${stepLabels[step as MilestoneStep]}` : '';
    return `${periodLabels[period as EvaluationPeriod]}${stepLabel}`;
  }
  return path || '入力内容';
}

/* ---------- the schedule of one 年度 ---------- */

const months = Array.from({ length: 12 }, (_, i) => ((i + 3) % 12) + 1);
const days = Array.from({ length: 31 }, (_, i) => i + 1);

type Draft = { settings: CalendarSettings; complaintDays: string };
const draftOf = (view: CalendarView): Draft => ({ settings: structuredClone(view.settings), complaintDays: String(view.settings.complaintPeriodDays) });

function settingOf(settings: CalendarSettings, period: EvaluationPeriod, step: MilestoneStep): MilestoneSetting | undefined {
  const ofPeriod: Partial<Record<MilestoneStep, MilestoneSetting>> = settings.periods[period];
  return ofPeriod[step];
}

function CalendarPanel({
  view,
  canManage,
  dateStyle,
  onMessage,
  onReload,
}: {
  view: CalendarView;
  canManage: boolean;
  dateStyle: DateStyle;
  onMessage: (m: string) => void;
  onReload: () => void;
}) {
  const id = useId();
  const save = useSaveCalendar();
  const reset = useResetCalendar();
  const [isEditing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => draftOf(view));
  const yearLabel = formatFiscalYear(view.fiscalYear, dateStyle);
  const failure = save.error ?? reset.error;
  const isConflict = failure instanceof ApiError && failure.status === 409;
  const errors = fieldErrorsOf(save.error);
  const busy = save.isPending || reset.isPending;

  const startEditing = () => {
    onMessage('');
    save.reset();
    reset.reset();
    setDraft(draftOf(view));
    setEditing(true);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onMessage('');
    reset.reset();
    const complaintDays = draft.complaintDays.trim() === '' ? Number.NaN : Number(draft.complaintDays);
    save.mutate(
      { updatedAt: view.updatedAt, periods: draft.settings.periods, complaintPeriodDays: complaintDays },
      { onSuccess: () => onMessage('評価スケジュールを保存しました。') },
    );
  };
  const resetToDefaults = () => {
    if (!window.confirm('評価スケジュールを方針の初期値に戻しますか？')) return;
    onMessage('');
    save.reset();
    reset.mutate(view.updatedAt, { onSuccess: () => onMessage('評価スケジュールを方針の初期値に戻しました。') });
  };
  const setDue = (period: EvaluationPeriod, step: MilestoneStep, due: DaySpec) => {
    const settings = structuredClone(draft.settings);
    const setting = settingOf(settings, period, step);
    if (setting) setting.due = due;
    setDraft({ ...draft, settings });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="panel">
      <div className="panel__head">
        <h2 id={`${id}-title`}>{yearLabel}の評価スケジュール</h2>
        {canManage && !isEditing ? (
          <button type="button" className="button--secondary" onClick={startEditing}>
            期限を編集
          </button>
        ) : null}
      </div>
      <p>
        <span className="tag">{view.isDefault ? '方針の初期値' : '変更済み'}</span>
      </p>
      {isEditing ? <p className="hint">期限の月日(2月は「末日」を選ぶとうるう年は29日)を選びます。時期の欄は保存すると新しい期限に変わります。</p> : null}

      <FieldErrorSummary errors={errors} labelOf={labelOfPath} />

      <div className="table-wrap" {...scrollRegion('評価スケジュールの表')}>
        <table className="calendar-table">
          <caption>人事評価実施スケジュール({yearLabel})</caption>
          <thead>
            <tr>
              <th scope="col">時期</th>
              <th scope="col">期限</th>
              <th scope="col">内容</th>
              <th scope="col">担当</th>
            </tr>
          </thead>
          {periods.map((period) => (
            <tbody key={period}>
              <tr>
                <th colSpan={4} scope="colgroup" className="calendar-table__period">
                  {periodLabels[period]}({periodRanges[period]})
                </th>
              </tr>
              {view.milestones
                .filter((m) => m.period === period)
                .map((m) => (
                  <MilestoneRow
                    key={m.step}
                    milestone={m}
                    dateStyle={dateStyle}
                    editing={isEditing ? settingOf(draft.settings, period, m.step) : undefined}
                    hasError={errors.some((e) => e.path.startsWith(`periods.${period}.${m.step}.`))}
                    onChange={(due) => setDue(period, m.step, due)}
                  />
                ))}
            </tbody>
          ))}
        </table>
      </div>

      <h3>苦情相談の期間</h3>
      {isEditing ? (
        <div className="field field--inline calendar-complaint">
          <label htmlFor={`${id}-complaint`}>苦情相談の期間(結果の開示から何日以内)</label>
          <input
            id={`${id}-complaint`}
            type="number"
            inputMode="numeric"
            min={1}
            max={90}
            value={draft.complaintDays}
            onChange={(e) => setDraft({ ...draft, complaintDays: e.target.value })}
            aria-invalid={errors.some((e) => e.path === 'complaintPeriodDays') || undefined}
          />
          <span>日</span>
        </div>
      ) : (
        <p>
          評価結果の開示(フィードバック)の翌日から{view.settings.complaintPeriodDays}日以内に、被評価者は苦情相談ができます。苦情処理は職員課が行います。
        </p>
      )}

      {isConflict ? (
        <ConflictAlert
          subject="評価スケジュール"
          onReload={() => {
            save.reset();
            reset.reset();
            setEditing(false);
            onReload();
          }}
        />
      ) : errors.length === 0 ? (
        <ErrorAlert error={failure} title={reset.error ? '初期値に戻せませんでした。' : '保存できませんでした。'} />
      ) : null}

      {isEditing ? (
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={busy || isConflict}>
            {save.isPending ? '保存中…' : '保存'}
          </button>
          <button
            type="button"
            className="button--secondary"
            disabled={busy}
            onClick={() => {
              save.reset();
              setEditing(false);
            }}
          >
            編集をやめる
          </button>
        </div>
      ) : canManage && !view.isDefault ? (
        <div className="form-actions">
          <button type="button" className="button--danger" disabled={busy || isConflict} onClick={resetToDefaults}>
            方針の初期値に戻す
          </button>
        </div>
      ) : null}
    </form>
  );
}

function MilestoneRow({
  milestone,
  dateStyle,
  editing,
  hasError,
  onChange,
}: {
  milestone: Milestone;
  dateStyle: DateStyle;
  /** the setting being edited, or undefined when only showing */
  editing: MilestoneSetting | undefined;
  hasError: boolean;
  onChange: (due: DaySpec) => void;
}) {
  const label = `${periodLabels[milestone.period]}の${stepLabels[milestone.step]}`;
  return (
    <tr>
      <td className="calendar-table__due">
        {formatDateShort(milestone.opensOn, dateStyle)}〜{formatDateShort(milestone.dueOn, dateStyle)}
      </td>
      <td className="calendar-table__due">
        {editing ? (
          <span className="calendar-day">
            <select
              aria-label={`${label}の期限(月)`}
              value={editing.due.month}
              aria-invalid={hasError || undefined}
              onChange={(e) => onChange({ ...editing.due, month: Number(e.target.value) })}
            >
              {months.map((m) => (
                <option key={m} value={m}>
                  {m}月
                </option>
              ))}
            </select>
            <select
              aria-label={`${label}の期限(日)`}
              value={String(editing.due.day)}
              aria-invalid={hasError || undefined}
              onChange={(e) => onChange({ ...editing.due, day: e.target.value === 'last' ? 'last' : Number(e.target.value) })}
            >
              {days.map((d) => (
                <option key={d} value={d}>
                  {d}日
                </option>
              ))}
              <option value="last">末日</option>
            </select>
          </span>
        ) : (
          formatDate(milestone.dueOn, dateStyle)
        )}
      </td>
      <td>{stepLabels[milestone.step]}</td>
      <td>{ownerLabels[milestone.owner]}</td>
    </tr>
  );
}
