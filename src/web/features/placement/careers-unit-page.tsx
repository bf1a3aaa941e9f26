/**
 * 所属の経歴 /placement/careers/units/:id: the unit's members × the last N 年度 (default 10) as of a date, with the
 * units below a 課 unless unticked. Printable on A4 landscape (careers.css).
 */
import { useId } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { useUnitCareers } from './careers.queries.js';
import { CareerMatrix } from './careers-matrix.js';
import { careerYearChoices, defaultCareerYears, yearsFrom } from './careers-page.js';
import './careers.css';

export function CareersUnitPage() {
  const id = useId();
  const dates = useDates();
  const unitId = Number(useParams().id);
  const valid = Number.isSafeInteger(unitId) && unitId > 0;
  const today = todayInJapan();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? today;
  const years = yearsFrom(params.get('years'));
  const includeSubunits = params.get('sub') !== '0';
  const view = useUnitCareers(valid ? unitId : 0, asOf, years, includeSubunits);
  const setParam = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== fallback) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const title = view.data ? `${view.data.unit.name}の職員の経歴` : '所属の職員の経歴';

  return (
    <div className="careers-page">
      <PageHeading title={title}>
        <button type="button" className="button--secondary" onClick={() => window.print()} disabled={!view.data}>
          印刷
        </button>
      </PageHeading>
      <p className="no-print">
        <Link to={`/placement/careers?asOf=${asOf}${years !== defaultCareerYears ? `&years=${years}` : ''}`}>経歴の見える化に戻る</Link>
      </p>
      {!valid ? <p role="alert">URL が正しくありません。</p> : null}
      <div className="toolbar no-print">
        <div className="field field--inline">
          <label htmlFor={`${id}-asof`}>基準日</label>
          <input id={`${id}-asof`} type="date" value={asOf} onChange={(e) => setParam('asOf', e.target.value, today)} aria-describedby={`${id}-asof-text`} />
          <span id={`${id}-asof-text`} className="hint">
            {dates.date(asOf)}({dates.fiscalYearOf(asOf)})時点
          </span>
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-years`}>表示する年度数</label>
          <select id={`${id}-years`} value={years} onChange={(e) => setParam('years', e.target.value, String(defaultCareerYears))}>
            {careerYearChoices.map((n) => (
              <option key={n} value={n}>
                直近{n}年度
              </option>
            ))}
          </select>
        </div>
        {view.data && view.data.unit.kind !== 'section' ? (
          <label className="checkbox">
            <input type="checkbox" checked={includeSubunits} onChange={(e) => setParam('sub', e.target.checked ? '' : '0', '')} />
            下位の組織の職員を含む
          </label>
        ) : null}
      </div>
      <ErrorAlert error={view.error} title="経歴を読み込めませんでした。" />
      {view.isPending && valid ? <Loading /> : null}
      {view.data ? (
        <section aria-labelledby={`${id}-matrix`} aria-busy={view.isFetching} className={view.isPlaceholderData ? 'is-stale' : undefined}>
          <h2 id={`${id}-matrix`}>
            {view.data.unit.path}({dates.date(view.data.asOf)}時点)
          </h2>
          <ul className="career-key">
            <li>
              <span className="career-key__sample career-cell--frontline" aria-hidden="true">
                ★
              </span>
              ★・斜線 = 現場(住民との直接的な折衝を伴う所属)
            </li>
            <li>
              <span className="career-key__sample career-cell--changed" aria-hidden="true">
                ▶
              </span>
              ▶・左の太線 = その年度に異動(名称変更・統合は異動に数えません)
            </li>
            <li>
              <span className="career-key__sample career-cell--current" aria-hidden="true">
                ■
              </span>
              太字 = 現在の所属
            </li>
            <li>段階 ①ジョブローテーション期間 ②中核職員 ③ローテーション期間後(理由は段階にカーソルを合わせると表示されます)</li>
          </ul>
          {view.data.members.length === 0 ? <p>この日付に在籍している職員はいません。</p> : <CareerMatrix view={view.data} />}
        </section>
      ) : null}
    </div>
  );
}
