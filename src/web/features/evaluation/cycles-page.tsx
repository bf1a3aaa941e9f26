/**
 * 評価の運用 /evaluation/cycles (職員課): the opened evaluation cycles; opening one (a sheet for everyone in scope, with
 * evaluator and confirmer from the relations valid on a date — issue 3 item 3) with who was left without; re-syncing a
 * cycle after transfers (ADR 0011); and the sheets of a cycle by unit, state and name, 50 a page, where HR reassigns
 * the evaluator or confirmer of one sheet with a reason.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { ReasonField } from '../../components/period-fields.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { SearchFormActions } from '../../components/search-form.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import type { EvaluationPeriod } from '../../../domain/evaluation/evaluation-calendar.js';
import type { CycleSummary, OpenCycleResult, SheetListItem, SyncCycleResult } from '../../../domain/evaluation/evaluation-api.js';
import {
  cycleSheetPageSize,
  isStaleSave,
  useCycles,
  useCycleSheets,
  useEvaluationSettings,
  useOpenCycle,
  useReassignSheet,
  useSyncCycle,
  useUnitsAsOf,
  type CycleSheetSearch,
} from './evaluation-lists.queries.js';
import { cycleTitle, DueText, periodLabels } from './next-due-card.js';
import './evaluation-lists.css';

const title = '評価の運用';

const periods: readonly EvaluationPeriod[] = ['first-half', 'second-half', 'year'];
const periodRanges: Record<EvaluationPeriod, string> = { 'first-half': '4月〜9月', 'second-half': '10月〜3月', year: '4月〜3月' };

/* State labels (sheet-workflow.ts; kept here so the page does not load the schemas). */
const performanceStateLabels: ReadonlyArray<[string, string]> = [
  ['draft', '目標設定中'],
  ['goals-submitted', '目標提出済み'],
  ['goals-agreed', '目標合意済み'],
  ['revision-requested', '目標見直し申請中'],
  ['revision-interviewed', '目標見直し承認待ち'],
  ['self-evaluated', '自己評価済み'],
  ['evaluator-rated', '評価者評価済み'],
  ['confirmer-confirmed', '確認者確認済み'],
  ['feedback-given', 'フィードバック済み'],
  ['result-disclosed', '結果開示済み'],
  ['complaint-consulted', '苦情相談中'],
  ['complaint-handled', '苦情処理済み'],
  ['closed', '完了'],
];
const abilityStateLabels: ReadonlyArray<[string, string]> = [
  ['draft', '自己評価中'],
  ['self-rated', '自己評価済み'],
  ['evaluator-rated', '評価者評価済み'],
  ['confirmer-confirmed', '確認者確認済み'],
  ['feedback-given', 'フィードバック済み'],
  ['closed', '完了'],
];
const missingLabels = { evaluator: '評価者', confirmer: '確認者' } as const;

export function CyclesPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title={title} />;
  return <CyclesView />;
}

function readSearch(params: URLSearchParams): { cycleId: number | null; search: CycleSheetSearch } {
  const cycle = Number(params.get('cycle'));
  const page = Number(params.get('page') ?? '1');
  return {
    cycleId: Number.isInteger(cycle) && cycle > 0 ? cycle : null,
    search: {
      unitId: params.get('unitId') ?? '',
      state: params.get('state') ?? '',
      q: params.get('q') ?? '',
      page: Number.isInteger(page) && page > 0 ? page : 1,
    },
  };
}

function writeSearch(cycleId: number | null, search: CycleSheetSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (cycleId !== null) params.set('cycle', String(cycleId));
  if (search.unitId) params.set('unitId', search.unitId);
  if (search.state) params.set('state', search.state);
  if (search.q) params.set('q', search.q);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

const emptySearch: CycleSheetSearch = { unitId: '', state: '', q: '', page: 1 };

function CyclesView() {
  // The chosen cycle and the list's filters are in the address, so that 戻る from a sheet returns to the same page.
  const [params, setParams] = useSearchParams();
  const { cycleId, search } = readSearch(params);
  const cycles = useCycles();
  const selected = cycles.data?.cycles.find((c) => c.id === cycleId) ?? null;
  const show = (id: number | null, next: CycleSheetSearch = emptySearch) => setParams(writeSearch(id, next));

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        評価期間を開始すると、対象の職員全員の評価シートを、基準日に有効な評価者・確認者で作成します。異動があったときは「異動を反映」で評価者・確認者を合わせます。
      </p>
      <CycleListSection cycles={cycles.data?.cycles} error={cycles.error} isPending={cycles.isPending} selectedId={cycleId} onSelect={(id) => show(id)} />
      <OpenCycleSection cycles={cycles.data?.cycles ?? []} onShow={show} />
      {selected ? (
        <CycleSheetsSection
          key={selected.id}
          cycle={selected}
          search={search}
          onSearch={(next, isPaging) => setParams(writeSearch(selected.id, next), { replace: !isPaging })}
        />
      ) : cycleId !== null && cycles.data ? (
        <p role="alert" className="alert alert--error">
          指定された評価期間は見つかりません。
        </p>
      ) : null}
    </>
  );
}

/* ---------- the opened cycles ---------- */

function CycleListSection({
  cycles,
  error,
  isPending,
  selectedId,
  onSelect,
}: {
  cycles: CycleSummary[] | undefined;
  error: unknown;
  isPending: boolean;
  selectedId: number | null;
  onSelect: (id: number) => void;
}) {
  const id = useId();
  const dates = useDates();
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>評価期間</h2>
      <ErrorAlert error={error} title="評価期間を読み込めませんでした。" />
      {isPending ? <Loading /> : null}
      {cycles && cycles.length === 0 ? <p>開始した評価期間はまだありません。</p> : null}
      {cycles && cycles.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('評価期間の表')}>
          <table className="evaluation-cycle-table">
            <caption>開始した評価期間(新しい順)</caption>
            <thead>
              <tr>
                <th scope="col">評価期間</th>
                <th scope="col">対象期間</th>
                <th scope="col">評価者・確認者の基準日</th>
                <th scope="col">会計年度任用職員</th>
                <th scope="col">シート数</th>
                <th scope="col">開始日時</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {cycles.map((cycle) => {
                const name = cycleTitle(dates, cycle.fiscalYear, cycle.period);
                const isSelected = cycle.id === selectedId;
                return (
                  <tr key={cycle.id} className={isSelected ? 'is-selected' : undefined}>
                    <th scope="row">{name}</th>
                    <td>{dates.period(cycle.startsOn, cycle.endsOn)}</td>
                    <td>{dates.date(cycle.relationsAsOf)}</td>
                    <td>{cycle.includesFiscalYearStaff ? '対象' : '対象外'}</td>
                    <td>{cycle.sheetCount.toLocaleString('ja-JP')} 件</td>
                    <td>{dates.timestamp(cycle.openedAt)}</td>
                    <td>
                      <button type="button" className="button--secondary button--small" aria-pressed={isSelected} onClick={() => onSelect(cycle.id)}>
                        シート一覧<span className="visually-hidden">({name})</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/* ---------- opening a cycle ---------- */

function defaultPeriod(today: string): EvaluationPeriod {
  const month = Number(today.slice(5, 7));
  return month >= 4 && month <= 9 ? 'first-half' : 'second-half';
}

function OpenCycleSection({ cycles, onShow }: { cycles: CycleSummary[]; onShow: (cycleId: number, search?: CycleSheetSearch) => void }) {
  const id = useId();
  const dates = useDates();
  const today = todayInJapan();
  const currentYear = fiscalYearOf(today);
  const settings = useEvaluationSettings();
  const open = useOpenCycle();
  const [fiscalYear, setFiscalYear] = useState(currentYear);
  const [period, setPeriod] = useState<EvaluationPeriod>(() => defaultPeriod(today));
  // null: follow the evaluation settings' default until the user ticks or unticks the box.
  const [includeChoice, setIncludeChoice] = useState<boolean | null>(null);
  const [relationsAsOf, setRelationsAsOf] = useState('');
  const [result, setResult] = useState<OpenCycleResult | null>(null);
  const includeFiscalYearStaff = includeChoice ?? settings.data?.settings.includeFiscalYearStaff ?? false;
  const isOpened = (fy: number, p: EvaluationPeriod) => cycles.some((c) => c.fiscalYear === fy && c.period === p);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = cycleTitle(dates, fiscalYear, period);
    if (!window.confirm(`${name}を開始し、対象の職員全員の評価シートを作成しますか？`)) return;
    setResult(null);
    open.mutate(
      { fiscalYear, period, includeFiscalYearStaff, ...(relationsAsOf ? { relationsAsOf } : {}) },
      { onSuccess: (answer) => setResult(answer) },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>評価期間を開始</h2>
      <form onSubmit={submit} className="evaluation-cycle-form" noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-fy`}>年度</label>
            <select id={`${id}-fy`} value={fiscalYear} onChange={(e) => setFiscalYear(Number(e.target.value))}>
              {[currentYear - 1, currentYear, currentYear + 1].map((fy) => (
                <option key={fy} value={fy}>
                  {dates.fiscalYear(fy)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-asof`}>評価者・確認者の基準日</label>
            <input id={`${id}-asof`} type="date" value={relationsAsOf} onChange={(e) => setRelationsAsOf(e.target.value)} aria-describedby={`${id}-asof-hint`} />
            <span id={`${id}-asof-hint`} className="hint">
              空欄のときは、今日と評価期間の初日の遅い方です。
            </span>
          </div>
        </div>
        <fieldset className="radio-group">
          <legend>評価の種類</legend>
          {periods.map((p) => (
            <label key={p} className="radio">
              <input type="radio" name={`${id}-period`} value={p} checked={period === p} onChange={() => setPeriod(p)} />
              {periodLabels[p]}({periodRanges[p]}){isOpened(fiscalYear, p) ? '・開始済み' : ''}
            </label>
          ))}
        </fieldset>
        <label className="checkbox checkbox--confirm">
          <input type="checkbox" checked={includeFiscalYearStaff} onChange={(e) => setIncludeChoice(e.target.checked)} />
          会計年度任用職員も評価する
        </label>
        <p className="hint">初期値は評価の設定({settings.data?.settings.includeFiscalYearStaff ? '対象にする' : '対象にしない'})に従います。</p>
        <ErrorAlert error={open.error} title="評価期間を開始できませんでした。" />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={open.isPending}>
            {open.isPending ? '作成中…' : '評価期間を開始'}
          </button>
        </div>
      </form>
      <StatusMessage>
        {result
          ? `${cycleTitle(dates, result.cycle.fiscalYear, result.cycle.period)}を開始しました。評価シートを ${result.created.toLocaleString('ja-JP')} 件作成しました。評価者・確認者が決まらなかった職員は ${result.unassigned.length.toLocaleString('ja-JP')} 人です。`
          : ''}
      </StatusMessage>
      {result && result.unassigned.length > 0 ? (
        <div className="table-wrap table-wrap--tall" {...scrollRegion('評価者・確認者が決まらなかった職員')}>
          <table>
            <caption>評価者・確認者が決まらなかった職員(シートで担当を設定してください)</caption>
            <thead>
              <tr>
                <th scope="col">職員</th>
                <th scope="col">決まらなかった担当</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {result.unassigned.map((u) => (
                <tr key={u.sheetId}>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${u.sheetId}`}>{u.name}</Link>
                  </th>
                  <td>{u.missing.map((m) => missingLabels[m]).join('・')}</td>
                  <td>
                    <button type="button" className="button--secondary button--small" onClick={() => onShow(result.cycle.id, { ...emptySearch, q: u.name })}>
                      一覧で担当を設定<span className="visually-hidden">({u.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/* ---------- the sheets of one cycle ---------- */

function CycleSheetsSection({
  cycle,
  search,
  onSearch,
}: {
  cycle: CycleSummary;
  search: CycleSheetSearch;
  /** `isPaging`: a page control (a history entry of its own); a filter change replaces the entry */
  onSearch: (next: CycleSheetSearch, isPaging: boolean) => void;
}) {
  const id = useId();
  const dates = useDates();
  const name = cycleTitle(dates, cycle.fiscalYear, cycle.period);
  const sheets = useCycleSheets(cycle.id, search);
  const units = useUnitsAsOf(todayInJapan());
  const [text, setText] = useState(search.q);
  const [reassigning, setReassigning] = useState<SheetListItem | null>(null);
  const [done, setDone] = useState('');
  const update = (change: Partial<CycleSheetSearch>) => onSearch({ ...search, page: 1, ...change }, false);
  const states = cycle.kind === 'ability' ? abilityStateLabels : performanceStateLabels;

  // A name put in the address from elsewhere (the unassigned list) shows in the box.
  useEffect(() => setText(search.q), [search.q]);

  const data = sheets.data;
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>{name}の評価シート</h2>
      <SyncPanel cycle={cycle} name={name} />

      <form
        className="search-form"
        role="search"
        aria-label={`${name}の評価シートの検索条件`}
        onSubmit={(e) => {
          e.preventDefault();
          update({ q: text.trim() });
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-unit`}>所属(配下の所属を含む)</label>
          <select id={`${id}-unit`} value={search.unitId} onChange={(e) => update({ unitId: e.target.value })}>
            <option value="">すべての所属</option>
            {(units.data?.units ?? []).map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {unit.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-state`}>状態</label>
          <select id={`${id}-state`} value={search.state} onChange={(e) => update({ state: e.target.value })}>
            <option value="">すべての状態</option>
            {states.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-q`}>氏名・カナ・職員番号</label>
          <input id={`${id}-q`} type="search" value={text} autoComplete="off" onChange={(e) => setText(e.target.value)} />
        </div>
        <SearchFormActions
          onClear={() => {
            setText('');
            onSearch(emptySearch, false);
          }}
        />
      </form>
      <ErrorAlert error={units.error} title="所属の一覧を読み込めませんでした。" />

      <ResultCount total={data?.total} isFetching={sheets.isFetching} />
      <ErrorAlert error={sheets.error} title="評価シートを読み込めませんでした。" />
      <StatusMessage>{done}</StatusMessage>
      {sheets.isPending && !data ? <Loading label="評価シートを読み込み中…" /> : null}
      {data && data.items.length === 0 ? <p>条件に合う評価シートはありません。</p> : null}
      {data && data.items.length > 0 ? (
        <div className={`table-wrap${sheets.isPlaceholderData ? ' is-stale' : ''}`} aria-busy={sheets.isFetching} {...scrollRegion(`${name}の評価シートの表`)}>
          <table>
            <caption>
              {name}の評価シート({data.page} ページ目、{cycleSheetPageSize} 件ずつ)
            </caption>
            <thead>
              <tr>
                <th scope="col">職員番号</th>
                <th scope="col">氏名</th>
                <th scope="col">所属・職位</th>
                <th scope="col">状態</th>
                <th scope="col">評価者</th>
                <th scope="col">確認者</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.id}>
                  <td>{item.evaluatee.employeeNumber}</td>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${item.id}`}>{item.evaluatee.name}</Link>
                  </th>
                  <td>
                    {item.unitName ?? '—'}
                    {item.positionName ? ` ${item.positionName}` : ''}
                  </td>
                  <td>
                    {item.stateLabel}
                    {item.nextDue?.isOverdue ? (
                      <>
                        {' '}
                        <DueText due={item.nextDue} />
                      </>
                    ) : null}
                  </td>
                  <td>{item.evaluator?.name ?? <span className="alert__strong">未設定</span>}</td>
                  <td>{item.confirmer?.name ?? <span className="alert__strong">未設定</span>}</td>
                  <td>
                    <button
                      type="button"
                      className="button--secondary button--small"
                      onClick={() => {
                        setDone('');
                        setReassigning(item);
                      }}
                    >
                      担当を変更<span className="visually-hidden">({item.evaluatee.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {data ? <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => onSearch({ ...search, page }, true)} label="評価シートのページ" /> : null}
      {reassigning ? (
        <ReassignForm
          key={reassigning.id}
          sheet={reassigning}
          onDone={(message) => {
            setReassigning(null);
            setDone(message);
          }}
          onCancel={() => setReassigning(null)}
          onReload={() => {
            setReassigning(null);
            void sheets.refetch();
          }}
        />
      ) : null}
    </section>
  );
}

function SyncPanel({ cycle, name }: { cycle: CycleSummary; name: string }) {
  const id = useId();
  const sync = useSyncCycle();
  const [result, setResult] = useState<SyncCycleResult | null>(null);
  return (
    <div className="subpanel">
      <h3 id={`${id}-title`}>異動の反映</h3>
      <p className="hint">
        異動・採用・退職のあとに実行すると、新しく対象になった職員のシートを作成し、評価者・確認者を今の組織に合わせます。評価者の評価が始まったシートは、前の評価者が最後まで評価します。
      </p>
      <button
        type="button"
        className="button--secondary"
        disabled={sync.isPending}
        onClick={() => {
          setResult(null);
          sync.mutate(cycle.id, { onSuccess: setResult });
        }}
      >
        {sync.isPending ? '反映中…' : `異動を反映`}
        <span className="visually-hidden">({name})</span>
      </button>
      <ErrorAlert error={sync.error} title="異動を反映できませんでした。" />
      <StatusMessage>
        {result
          ? `異動を反映しました。新しく作成したシート ${result.created.toLocaleString('ja-JP')} 件、評価者・確認者の変更 ${result.reassigned.length.toLocaleString('ja-JP')} 件、前の評価者が引き続き評価するシート ${result.keptForRating.toLocaleString('ja-JP')} 件です。`
          : ''}
      </StatusMessage>
      {result && result.reassigned.length > 0 ? (
        <div className="table-wrap table-wrap--tall" {...scrollRegion('評価者・確認者を変更したシート')}>
          <table>
            <caption>評価者・確認者を変更したシート</caption>
            <thead>
              <tr>
                <th scope="col">被評価者</th>
                <th scope="col">変更した担当</th>
                <th scope="col">変更前</th>
                <th scope="col">変更後</th>
              </tr>
            </thead>
            <tbody>
              {result.reassigned.map((r) => (
                <tr key={`${r.sheetId}-${r.kind}`}>
                  <th scope="row">
                    <Link to={`/evaluation/sheets/${r.sheetId}`}>{r.name}</Link>
                  </th>
                  <td>{missingLabels[r.kind]}</td>
                  <td>
                    <HolderLink staffId={r.fromStaffId} context={`${r.name}さんの変更前の${missingLabels[r.kind]}`} />
                  </td>
                  <td>
                    <HolderLink staffId={r.toStaffId} context={`${r.name}さんの変更後の${missingLabels[r.kind]}`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}

/** The sync answer names holders by id only: a link to their profile, named for screen readers by its row. */
function HolderLink({ staffId, context }: { staffId: number | null; context: string }) {
  if (staffId === null) return <>未設定</>;
  return (
    <Link to={`/staff/${staffId}`}>
      職員を表示<span className="visually-hidden">({context})</span>
    </Link>
  );
}

function ReassignForm({
  sheet,
  onDone,
  onCancel,
  onReload,
}: {
  sheet: SheetListItem;
  onDone: (message: string) => void;
  onCancel: () => void;
  onReload: () => void;
}) {
  const id = useId();
  const reassign = useReassignSheet();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [evaluator, setEvaluator] = useState<PickedStaff | null>(null);
  const [confirmer, setConfirmer] = useState<PickedStaff | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const isConflict = isStaleSave(reassign.error);

  // The form opens below a long table: take keyboard and screen-reader users to it.
  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!evaluator && !confirmer) return setProblem('新しい評価者または確認者を選んでください。');
    if (!reason.trim()) return setProblem('変更の理由を入力してください。');
    setProblem('');
    reassign.mutate(
      {
        sheetId: sheet.id,
        version: sheet.version,
        evaluatorStaffId: evaluator ? evaluator.id : (sheet.evaluator?.staffId ?? null),
        confirmerStaffId: confirmer ? confirmer.id : (sheet.confirmer?.staffId ?? null),
        reason: reason.trim(),
      },
      {
        onSuccess: (view) =>
          onDone(
            `${sheet.evaluatee.name}さんの評価シートの担当を変更しました(評価者: ${view.evaluator?.name ?? '未設定'}、確認者: ${view.confirmer?.name ?? '未設定'})。`,
          ),
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="subpanel">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        担当の変更: {sheet.evaluatee.name}さん(職員番号 {sheet.evaluatee.employeeNumber})
      </h3>
      <p>
        今の評価者: {sheet.evaluator?.name ?? '未設定'} / 今の確認者: {sheet.confirmer?.name ?? '未設定'}
      </p>
      <p className="hint">変える担当だけ選んでください。前の担当者はフィードバックまでシートを閲覧できます。</p>
      <form onSubmit={submit} noValidate>
        <StaffPicker label="新しい評価者" value={evaluator} onChange={setEvaluator} />
        <StaffPicker label="新しい確認者" value={confirmer} onChange={setConfirmer} />
        <ReasonField value={reason} onChange={setReason} isRequired />
        <ProblemAlert message={problem} />
        {isConflict ? (
          <ConflictAlert subject="評価シートの一覧" onReload={onReload} />
        ) : (
          <ErrorAlert error={reassign.error} title="担当を変更できませんでした。" />
        )}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={reassign.isPending || isConflict}>
            {reassign.isPending ? '変更中…' : '担当を変更する'}
          </button>
          <button type="button" className="button--secondary" onClick={onCancel} disabled={reassign.isPending}>
            やめる
          </button>
        </div>
      </form>
    </section>
  );
}
