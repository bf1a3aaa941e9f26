/**
 * 研修計画 /training/plan: the annual training plan (職員研修計画, policy III-1-(2)) of a 年度 — the sessions with
 * dates, place, capacity and lecturer; HR and the training officer add sessions of the catalog's courses, and see
 * for each session the people who must attend, computed from the course's target rule on its start date, each with
 * the reason (50 a page).
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fiscalYearOf, fiscalYearRange } from '../../../domain/common/fiscal-year.js';
import { courseCategoryLabels, tenureBandLabels, tenureBands, type TenureBandSettings } from '../../../domain/training/training-model.js';
import type { AnnualPlan, PlanSession, TenureBandsView } from '../../../domain/training/training-api.js';
import {
  isStaleSave,
  useAnnualPlan,
  useCourses,
  useCreateSession,
  useReloadTraining,
  useRemoveSession,
  useSaveTenureBands,
  useSessionTargets,
  useTenureBands,
} from './training.queries.js';
import { describeSelection } from './training-labels.js';
import { SessionHoursCell } from './plan-session-hours.js';
import './training.css';

const title = '研修計画';
const yearSuffix: Record<number, string> = { [-1]: '(前年度)', 0: '(今年度)', 1: '(来年度)' };

function readParams(params: URLSearchParams) {
  const fy = Number(params.get('fy'));
  const session = Number(params.get('session'));
  const page = Number(params.get('page') ?? '1');
  return {
    fiscalYear: Number.isInteger(fy) && fy >= 2000 && fy <= 9998 ? fy : null,
    sessionId: Number.isInteger(session) && session > 0 ? session : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

export function PlanPage() {
  // 年度, the session shown and its page are in the address, so that a reload shows the same list.
  const [params, setParams] = useSearchParams();
  const { fiscalYear: requested, sessionId, page } = readParams(params);
  const dates = useDates();
  const [message, setMessage] = useState('');
  const yearId = useId();
  // The current 年度 is the server's; until its first answer, the browser's date stands in.
  const [guess, setGuess] = useState(() => fiscalYearOf(todayInJapan()));
  const fiscalYear = requested ?? guess;
  const plan = useAnnualPlan(fiscalYear);
  const current = plan.data?.currentFiscalYear ?? guess;
  useEffect(() => {
    if (requested === null && plan.data && plan.data.currentFiscalYear !== guess) setGuess(plan.data.currentFiscalYear);
  }, [requested, plan.data, guess]);
  const show = (next: { fy?: number; session?: number | null; page?: number }) => {
    const p = new URLSearchParams();
    p.set('fy', String(next.fy ?? fiscalYear));
    const s = next.session === undefined ? sessionId : next.session;
    if (s !== null) p.set('session', String(s));
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };
  const selected = plan.data?.sessions.find((s) => s.id === sessionId) ?? null;

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        年度ごとの職員研修計画です。研修の日程を追加すると、職位や在籍年数で受講する研修は、開始日時点の職員から受講対象者と理由を自動で求めます。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <div className="field field--inline">
        <label htmlFor={yearId}>年度</label>
        <select
          id={yearId}
          value={fiscalYear}
          onChange={(e) => {
            setMessage('');
            show({ fy: Number(e.target.value), session: null });
          }}
        >
          {[...new Set([current - 1, current, current + 1, fiscalYear])].sort((x, y) => x - y).map((fy) => (
            <option key={fy} value={fy}>
              {dates.fiscalYear(fy)}
              {yearSuffix[fy - current] ?? ''}
            </option>
          ))}
        </select>
      </div>
      <ErrorAlert error={plan.error} title="研修計画を読み込めませんでした。" />
      {plan.isPending ? <Loading /> : null}
      {plan.data ? (
        <>
          <SessionTable plan={plan.data} selectedId={sessionId} onSelect={(id) => show({ session: id })} onMessage={setMessage} />
          {plan.data.canManage ? <AddSessionForm key={plan.data.fiscalYear} fiscalYear={plan.data.fiscalYear} onMessage={setMessage} /> : null}
          {selected && plan.data.canReadTargets ? <TargetList session={selected} page={page} onPage={(p) => show({ page: p })} /> : null}
          {sessionId !== null && !selected && !plan.isPlaceholderData ? (
            <p role="alert" className="alert alert--error">
              指定された研修の日程はこの年度の計画にありません。
            </p>
          ) : null}
          <TenureBandsSection canManage={plan.data.canManage} onMessage={setMessage} />
        </>
      ) : null}
    </>
  );
}

function SessionTable({
  plan,
  selectedId,
  onSelect,
  onMessage,
}: {
  plan: AnnualPlan;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onMessage: (m: string) => void;
}) {
  const dates = useDates();
  const remove = useRemoveSession();
  const reload = useReloadTraining();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{dates.fiscalYear(plan.fiscalYear)}の研修の日程</h2>
      {isStaleSave(remove.error) ? <ConflictAlert
          subject="研修の日程"
          onReload={() => {
            remove.reset();
            reload();
          }}
        /> : <ErrorAlert error={remove.error} title="削除できませんでした。" />}
      {plan.sessions.length === 0 ? (
        <p>この年度の研修の日程はまだありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion('研修の日程の表')}>
          <table className="training-table">
            <caption>
              {dates.fiscalYear(plan.fiscalYear)}の研修の日程 {plan.sessions.length} 件(開始日順)
            </caption>
            <thead>
              <tr>
                <th scope="col">研修</th>
                <th scope="col">区分</th>
                <th scope="col">日程</th>
                <th scope="col">会場</th>
                <th scope="col">定員</th>
                <th scope="col">講師</th>
                <th scope="col">研修時間</th>
                {plan.canReadTargets ? <th scope="col">受講対象者</th> : null}
                {plan.canReadTargets || plan.canManage ? <th scope="col">操作</th> : null}
              </tr>
            </thead>
            <tbody>
              {plan.sessions.map((s) => {
                const isSelected = s.id === selectedId;
                const name = `${s.course.title} ${dates.date(s.startsOn)}`;
                return (
                  <tr key={s.id} className={isSelected ? 'is-selected' : undefined}>
                    <th scope="row">
                      <Link to={`/training/sessions/${s.id}`}>{s.course.title}</Link>
                      <span className="training-code">{s.course.code}</span>
                    </th>
                    <td>{courseCategoryLabels[s.course.category]}</td>
                    <td>{s.startsOn === s.endsOn ? dates.date(s.startsOn) : `${dates.date(s.startsOn)} 〜 ${dates.date(s.endsOn)}`}</td>
                    <td>{s.place || '—'}</td>
                    <td>{s.capacity === null ? '制限なし' : `${s.capacity} 人`}</td>
                    <td>{s.lecturer || '—'}</td>
                    <SessionHoursCell session={s} canManage={plan.canManage} name={name} onMessage={onMessage} />
                    {plan.canReadTargets ? (
                      <td>{s.hasAutomaticTargets ? `${(s.targetCount ?? 0).toLocaleString('ja-JP')} 人` : describeSelection(s.course.selectionMethods)}</td>
                    ) : null}
                    {plan.canReadTargets || plan.canManage ? (
                      <td className="training-actions">
                        {plan.canReadTargets && s.hasAutomaticTargets ? (
                          <button type="button" className="button--secondary button--small" aria-pressed={isSelected} onClick={() => onSelect(s.id)}>
                            受講対象者<span className="visually-hidden">({name})</span>
                          </button>
                        ) : null}
                        {plan.canManage ? (
                          <button
                            type="button"
                            className="button--danger button--small"
                            disabled={remove.isPending}
                            onClick={() => {
                              if (!window.confirm(`${name}の日程を削除しますか？`)) return;
                              remove.mutate({ id: s.id, version: s.version }, { onSuccess: () => onMessage(`${name}の日程を削除しました。`) });
                            }}
                          >
                            削除<span className="visually-hidden">({name})</span>
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const sessionFieldLabels: Record<string, string> = {
  courseId: '研修',
  startsOn: '開始日',
  endsOn: '終了日',
  place: '会場',
  capacity: '定員',
  lecturer: '講師',
  hours: '研修時間',
  note: '備考',
  fiscalYear: '年度',
};

function AddSessionForm({ fiscalYear, onMessage }: { fiscalYear: number; onMessage: (m: string) => void }) {
  const id = useId();
  const courses = useCourses(null);
  const create = useCreateSession();
  const range = fiscalYearRange(fiscalYear);
  const [courseId, setCourseId] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [place, setPlace] = useState('');
  const [capacity, setCapacity] = useState('');
  const [lecturer, setLecturer] = useState('');
  const [hours, setHours] = useState('');
  const [note, setNote] = useState('');
  const [localErrors, setLocalErrors] = useState<{ path: string; message: string }[]>([]);
  const errors = localErrors.length > 0 ? localErrors : fieldErrorsOf(create.error);
  const active = courses.data?.items.filter((c) => c.isActive) ?? [];
  const errorOf = (path: string) => {
    const messages = messagesAt(errors, path);
    return messages.length > 0 ? (
      <span id={`${id}-${path}-error`} className="training-field-error">
        {messages.join(' ')}
      </span>
    ) : null;
  };
  const describedBy = (path: string, hint?: string) =>
    [hint, messagesAt(errors, path).length > 0 ? `${id}-${path}-error` : undefined].filter(Boolean).join(' ') || undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local: { path: string; message: string }[] = [];
    if (!courseId) local.push({ path: 'courseId', message: '研修を選んでください' });
    if (!startsOn) local.push({ path: 'startsOn', message: '開始日を入力してください' });
    const cap = capacity.trim() === '' ? null : Number(capacity);
    if (cap !== null && !Number.isInteger(cap)) local.push({ path: 'capacity', message: '定員は整数で入力してください' });
    const sessionHours = hours.trim() === '' ? null : Number(hours);
    if (sessionHours !== null && !Number.isFinite(sessionHours)) local.push({ path: 'hours', message: '研修時間は数値で入力してください' });
    setLocalErrors(local);
    if (local.length > 0) return;
    create.mutate(
      { courseId: Number(courseId), fiscalYear, startsOn, endsOn: endsOn || startsOn, place, capacity: cap, lecturer, note, hours: sessionHours },
      {
        onSuccess: (s) => {
          onMessage(`${s.course.title}の日程を追加しました。`);
          setCourseId('');
          setStartsOn('');
          setEndsOn('');
          setPlace('');
          setCapacity('');
          setLecturer('');
          setHours('');
          setNote('');
        },
      },
    );
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>研修の日程を追加</h2>
      <ErrorAlert error={courses.error} title="研修の一覧を読み込めませんでした。" />
      {courses.data && active.length === 0 ? <p>研修が登録されていません。先に「研修」の画面で研修を登録するか、方針の研修体系を取り込んでください。</p> : null}
      <form onSubmit={submit} noValidate>
        <FieldErrorSummary errors={errors} labelOf={(p) => sessionFieldLabels[p] ?? p} />
        {errors.length === 0 ? <ErrorAlert error={create.error} title="追加できませんでした。" /> : null}
        <div className="form-grid">
          <div className="field field--grow">
            <label htmlFor={`${id}-course`}>研修</label>
            <select id={`${id}-course`} value={courseId} onChange={(e) => setCourseId(e.target.value)} aria-describedby={describedBy('courseId')}>
              <option value="">選んでください</option>
              {active.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.title}({courseCategoryLabels[c.category]})
                </option>
              ))}
            </select>
            {errorOf('courseId')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>開始日</label>
            <input
              id={`${id}-starts`}
              type="date"
              min={range.startsOn}
              max={range.endsOn}
              value={startsOn}
              onChange={(e) => setStartsOn(e.target.value)}
              aria-describedby={describedBy('startsOn', `${id}-dates-hint`)}
            />
            {errorOf('startsOn')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>終了日</label>
            <input
              id={`${id}-ends`}
              type="date"
              min={startsOn || range.startsOn}
              max={range.endsOn}
              value={endsOn}
              onChange={(e) => setEndsOn(e.target.value)}
              aria-describedby={describedBy('endsOn', `${id}-dates-hint`)}
            />
            {errorOf('endsOn')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-place`}>会場</label>
            <input id={`${id}-place`} value={place} maxLength={200} onChange={(e) => setPlace(e.target.value)} aria-describedby={describedBy('place')} />
            {errorOf('place')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-capacity`}>定員(人)</label>
            <input
              id={`${id}-capacity`}
              type="number"
              min={1}
              inputMode="numeric"
              value={capacity}
              onChange={(e) => setCapacity(e.target.value)}
              aria-describedby={describedBy('capacity', `${id}-capacity-hint`)}
            />
            <span id={`${id}-capacity-hint`} className="hint">
              空欄のときは制限なし
            </span>
            {errorOf('capacity')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-lecturer`}>講師</label>
            <input id={`${id}-lecturer`} value={lecturer} maxLength={200} onChange={(e) => setLecturer(e.target.value)} aria-describedby={describedBy('lecturer')} />
            {errorOf('lecturer')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-hours`}>研修時間(時間)</label>
            <input
              id={`${id}-hours`}
              type="number"
              min={0}
              step={0.25}
              inputMode="decimal"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              aria-describedby={describedBy('hours', `${id}-hours-hint`)}
            />
            <span id={`${id}-hours-hint`} className="hint">
              空欄のときは日数 × 1日の標準研修時間
            </span>
            {errorOf('hours')}
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-note`}>備考</label>
            <input id={`${id}-note`} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} aria-describedby={describedBy('note')} />
            {errorOf('note')}
          </div>
        </div>
        <p id={`${id}-dates-hint`} className="hint">
          日付はこの年度({range.startsOn} 〜 {range.endsOn})のうちで指定します。終了日が空欄のときは開始日と同じ日です。
        </p>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={create.isPending}>
            日程を追加
          </button>
        </div>
      </form>
    </section>
  );
}

function TargetList({ session, page, onPage }: { session: PlanSession; page: number; onPage: (page: number) => void }) {
  const id = useId();
  const dates = useDates();
  const targets = useSessionTargets(session.id, page);
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {session.course.title}({dates.date(session.startsOn)})の受講対象者
      </h2>
      <p className="hint">{dates.date(session.startsOn)}時点の職員に、この研修の対象(職位・在籍年数・任用形態)を当てはめた結果です。</p>
      <ErrorAlert error={targets.error} title="受講対象者を読み込めませんでした。" />
      {targets.isPending ? <Loading /> : null}
      <ResultCount total={targets.data?.total} isFetching={targets.isFetching} />
      {targets.data && targets.data.total === 0 ? <p>この日程の受講対象者はいません。</p> : null}
      {targets.data && targets.data.items.length > 0 ? (
        <>
          <div className="table-wrap" {...scrollRegion('受講対象者の表')}>
            <table className="training-table">
              <caption>
                {session.course.title}の受講対象者 {targets.data.total.toLocaleString('ja-JP')} 人
              </caption>
              <thead>
                <tr>
                  <th scope="col">職員番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">所属</th>
                  <th scope="col">職位</th>
                  <th scope="col">対象の理由</th>
                </tr>
              </thead>
              <tbody>
                {targets.data.items.map((t) => (
                  <tr key={t.staffId}>
                    <td>{t.employeeNumber}</td>
                    <th scope="row">{t.name}</th>
                    <td>{t.unitName ?? '—'}</td>
                    <td>{t.positionName ?? '—'}</td>
                    <td className="training-reason">{t.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={targets.data.page} pageSize={targets.data.pageSize} total={targets.data.total} onChange={onPage} label="受講対象者のページ" />
        </>
      ) : null}
    </section>
  );
}

function TenureBandsSection({ canManage, onMessage }: { canManage: boolean; onMessage: (m: string) => void }) {
  const id = useId();
  const view = useTenureBands();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>在籍年数の区分</h2>
      <p className="hint">新規採用・2年目・初級・中級の職員研修の対象が、採用から何年目の職員かを決めます(採用された年度を1年目と数えます)。</p>
      <ErrorAlert error={view.error} title="在籍年数の区分を読み込めませんでした。" />
      {view.isPending ? <Loading /> : null}
      {view.data ? (
        <TenureBandsForm key={view.data.updatedAt ?? 'default'} view={view.data} canManage={canManage} onMessage={onMessage} onReload={() => void view.refetch()} />
      ) : null}
    </section>
  );
}

function TenureBandsForm({
  view,
  canManage,
  onMessage,
  onReload,
}: {
  view: TenureBandsView;
  canManage: boolean;
  onMessage: (m: string) => void;
  onReload: () => void;
}) {
  const id = useId();
  const save = useSaveTenureBands();
  const [draft, setDraft] = useState(() => Object.fromEntries(tenureBands.map((b) => [b, { from: String(view.bands[b].fromYear), to: String(view.bands[b].toYear) }])));
  const errors = fieldErrorsOf(save.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bands = Object.fromEntries(tenureBands.map((b) => [b, { fromYear: Number(draft[b]?.from), toYear: Number(draft[b]?.to) }])) as TenureBandSettings;
    save.mutate({ updatedAt: view.updatedAt, bands }, { onSuccess: () => onMessage('在籍年数の区分を保存しました。') });
  };
  const set = (band: string, key: 'from' | 'to', value: string) => setDraft((d) => ({ ...d, [band]: { from: d[band]?.from ?? '', to: d[band]?.to ?? '', [key]: value } }));
  return (
    <form onSubmit={submit} noValidate>
      <FieldErrorSummary errors={errors} labelOf={(p) => tenureBandLabels[p.split('.')[1] as keyof typeof tenureBandLabels] ?? ''} />
      {isStaleSave(save.error) ? <ConflictAlert subject="在籍年数の区分" onReload={onReload} /> : null}
      {errors.length === 0 && !isStaleSave(save.error) ? <ErrorAlert error={save.error} title="保存できませんでした。" /> : null}
      <div className="table-wrap" {...scrollRegion('在籍年数の区分の表')}>
        <table className="training-table">
          <caption>在籍年数の区分{view.isDefault ? '(初期値)' : ''}</caption>
          <thead>
            <tr>
              <th scope="col">区分</th>
              <th scope="col">何年目から</th>
              <th scope="col">何年目まで</th>
            </tr>
          </thead>
          <tbody>
            {tenureBands.map((band) => (
              <tr key={band}>
                <th scope="row">{tenureBandLabels[band]}</th>
                {(['from', 'to'] as const).map((key) => (
                  <td key={key}>
                    {canManage ? (
                      <>
                        <label className="visually-hidden" htmlFor={`${id}-${band}-${key}`}>
                          {tenureBandLabels[band]}の{key === 'from' ? '開始' : '終了'}年目
                        </label>
                        <input
                          id={`${id}-${band}-${key}`}
                          className="training-year-input"
                          type="number"
                          min={1}
                          max={60}
                          inputMode="numeric"
                          value={draft[band]?.[key] ?? ''}
                          onChange={(e) => set(band, key, e.target.value)}
                        />{' '}
                        年目
                      </>
                    ) : (
                      `${key === 'from' ? view.bands[band].fromYear : view.bands[band].toYear} 年目`
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canManage ? (
        <div className="form-actions">
          <button type="submit" className="button--secondary" disabled={save.isPending}>
            在籍年数の区分を保存
          </button>
        </div>
      ) : null}
    </form>
  );
}
