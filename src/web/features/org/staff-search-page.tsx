/**
 * 職員検索 /staff: search and filters kept in the URL (so 戻る returns to the same results), the server
 * filters and pages (50 a page), typing is debounced, and the previous page stays on screen while the
 * next one loads — smooth with 40,000 staff.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDebounced } from '../../app/use-debounced.js';
import { useSession } from '../../app/session.js';
import { todayInJapan } from '../../app/dates.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { SearchFormActions } from '../../components/search-form.js';
import { careerPhaseLabels, careerPhases, employmentTypeLabels, employmentTypes } from '../../../domain/org/org-model.js';
import { staffPageSize, usePositions, useStaffSearch, useUnits, type StaffSearch } from './org.queries.js';
import './org.css';
import { scrollRegion } from '../../components/scroll-region.js';

function readSearch(params: URLSearchParams): StaffSearch {
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    unitId: params.get('unitId') ?? '',
    includeSubunits: params.get('sub') !== '0',
    positionId: params.get('positionId') ?? '',
    employmentType: params.get('employmentType') ?? '',
    careerPhase: params.get('careerPhase') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function writeSearch(search: StaffSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.unitId) params.set('unitId', search.unitId);
  if (!search.includeSubunits) params.set('sub', '0');
  if (search.positionId) params.set('positionId', search.positionId);
  if (search.employmentType) params.set('employmentType', search.employmentType);
  if (search.careerPhase) params.set('careerPhase', search.careerPhase);
  if (search.page > 1) params.set('page', String(search.page));
  return params;
}

export function StaffSearchPage() {
  const session = useSession();
  if (!session.isHr && !session.headsUnits) return <Forbidden title="職員検索" />;
  return <StaffSearchView />;
}

function StaffSearchView() {
  const id = useId();
  const [params, setParams] = useSearchParams();
  const search = readSearch(params);
  const [text, setText] = useState(search.q);
  const debouncedText = useDebounced(text.trim(), 300);
  const units = useUnits(todayInJapan());
  const positions = usePositions();
  const result = useStaffSearch(search);
  // The question this page last put in the URL; any other value came from 戻る/進む or a link.
  const ownQ = useRef(search.q);

  const update = (change: Partial<StaffSearch>) => {
    // Any change of the question starts again at page 1; only the page controls keep the filters.
    const next = { ...search, page: 1, ...change };
    setParams(writeSearch(next), { replace: !('page' in change) });
  };

  useEffect(() => {
    if (debouncedText === search.q) return;
    ownQ.current = debouncedText;
    update({ q: debouncedText });
    // Only the settled text drives this effect; the filters change through `update` directly.
  }, [debouncedText]);

  useEffect(() => {
    if (search.q === ownQ.current) return;
    ownQ.current = search.q;
    setText(search.q);
  }, [search.q]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    ownQ.current = text.trim();
    update({ q: text.trim() });
  };

  const data = result.data;
  return (
    <>
      <PageHeading title="職員検索" />
      <form className="search-form" onSubmit={submit} role="search" aria-label="職員の検索条件">
        <div className="field field--grow">
          <label htmlFor={`${id}-q`}>氏名・カナ・職員番号</label>
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" aria-describedby={`${id}-q-hint`} />
          <span id={`${id}-q-hint`} className="hint">
            ひらがな・カタカナのどちらでも検索できます。
          </span>
        </div>
        <div className="field">
          <label htmlFor={`${id}-unit`}>所属</label>
          <select id={`${id}-unit`} value={search.unitId} onChange={(e) => update({ unitId: e.target.value })}>
            <option value="">すべての所属</option>
            {(units.data?.units ?? []).map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {unit.path}
              </option>
            ))}
          </select>
          <label className="checkbox">
            <input type="checkbox" checked={search.includeSubunits} onChange={(e) => update({ includeSubunits: e.target.checked })} />
            サブ組織を含む
          </label>
        </div>
        <div className="field">
          <label htmlFor={`${id}-position`}>職位</label>
          <select id={`${id}-position`} value={search.positionId} onChange={(e) => update({ positionId: e.target.value })}>
            <option value="">すべての職位</option>
            {(positions.data?.positions ?? []).map((position) => (
              <option key={position.id} value={String(position.id)}>
                {position.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-employment`}>雇用形態</label>
          <select id={`${id}-employment`} value={search.employmentType} onChange={(e) => update({ employmentType: e.target.value })}>
            <option value="">すべての雇用形態</option>
            {employmentTypes.map((type) => (
              <option key={type} value={type}>
                {employmentTypeLabels[type]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-phase`}>キャリア段階</label>
          <select id={`${id}-phase`} value={search.careerPhase} onChange={(e) => update({ careerPhase: e.target.value })}>
            <option value="">すべての段階</option>
            {careerPhases.map((phase) => (
              <option key={phase} value={phase}>
                {careerPhaseLabels[phase]}
              </option>
            ))}
          </select>
        </div>
        <SearchFormActions
          onClear={() => {
            setText('');
            setParams(new URLSearchParams(), { replace: true });
          }}
        />
      </form>

      <section aria-labelledby={`${id}-results`} className="results">
        <h2 id={`${id}-results`}>検索結果</h2>
        <ResultCount total={data?.total} isFetching={result.isFetching} />
        <ErrorAlert error={result.error} title="検索できませんでした。" />
        {result.isPending && !data ? <Loading label="検索しています…" /> : null}
        {data && data.items.length === 0 ? <p>条件に合う職員はいません。</p> : null}
        {data && data.items.length > 0 ? (
          <div className={`table-wrap${result.isPlaceholderData ? ' is-stale' : ''}`} aria-busy={result.isFetching} {...scrollRegion('職員一覧の表')}>
            <table>
              <caption>
                職員一覧({data.page} ページ目、{staffPageSize} 件ずつ、カナ順)
              </caption>
              <thead>
                <tr>
                  <th scope="col">職員番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">カナ</th>
                  <th scope="col">所属</th>
                  <th scope="col">職位</th>
                  <th scope="col">雇用形態</th>
                  <th scope="col">キャリア段階</th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((item) => (
                  <tr key={item.id}>
                    <td>{item.employeeNumber}</td>
                    <th scope="row">
                      <Link to={`/staff/${item.id}`}>{item.name}</Link>
                    </th>
                    <td>{item.kana}</td>
                    <td>{item.unitPath ?? item.unitName ?? '—'}</td>
                    <td>{item.positionName ?? ''}</td>
                    <td>{item.employmentTypeLabel}</td>
                    <td>{item.careerPhase ? careerPhaseLabels[item.careerPhase] : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {data ? (
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onChange={(page) => update({ page })} label="検索結果のページ" />
        ) : null}
      </section>
    </>
  );
}
