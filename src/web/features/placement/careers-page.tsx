/**
 * 経歴の見える化 /placement/careers (policy III-2-(1), issue 5 item 3): pick a unit to see its members' careers by
 * 年度 (HR: any unit; a unit head: the units they head) and, for HR, the city's heat maps of tenure and frontline
 * coverage per unit, as of a date (default today). Printable on A4 landscape (careers.css).
 */
import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { unitKindLabels } from '../../../domain/org/org-model.js';
import { useCareerUnits, useCityCareers } from './careers.queries.js';
import { CityHeatMap } from './careers-city-map.js';
import './careers.css';

export const careerYearChoices = [3, 5, 10, 15, 20, 30] as const;
export const defaultCareerYears = 10;

export function yearsFrom(value: string | null): number {
  const n = Number(value);
  return careerYearChoices.includes(n as (typeof careerYearChoices)[number]) ? n : defaultCareerYears;
}

export function CareersPage() {
  const id = useId();
  const dates = useDates();
  const navigate = useNavigate();
  const today = todayInJapan();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? today;
  const years = yearsFrom(params.get('years'));
  const units = useCareerUnits(asOf);
  const canSeeCity = units.data?.canSeeCity ?? false;
  const city = useCityCareers(asOf, canSeeCity);
  const [unitId, setUnitId] = useState('');
  const chosen = unitId !== '' ? unitId : String(units.data?.units[0]?.id ?? '');

  const setParam = (key: string, value: string, fallback: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== fallback) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const open = (e: FormEvent) => {
    e.preventDefault();
    if (chosen !== '') navigate(`/placement/careers/units/${chosen}?asOf=${asOf}&years=${years}`);
  };

  return (
    <div className="careers-page">
      <PageHeading title="経歴の見える化">
        <button type="button" className="button--secondary" onClick={() => window.print()} disabled={!city.data && !units.data}>
          印刷
        </button>
      </PageHeading>
      <p className="hint no-print">
        各課の在籍職員の経歴を年度ごとに並べ、全庁の在課年数と現場(住民との直接的な折衝を伴う職場)の経験を所属ごとに示します(人材育成基本方針
        III-2-(1))。
      </p>
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
      </div>

      <section aria-labelledby={`${id}-unit`} className="no-print">
        <h2 id={`${id}-unit`}>所属ごとの経歴</h2>
        <ErrorAlert error={units.error} title="所属を読み込めませんでした。" />
        {units.isPending ? <Loading /> : null}
        {units.data && units.data.units.length === 0 ? <p>経歴を表示できる所属がありません。</p> : null}
        {units.data && units.data.units.length > 0 ? (
          <form className="toolbar" onSubmit={open}>
            <div className="field field--inline">
              <label htmlFor={`${id}-pick`}>所属</label>
              <select id={`${id}-pick`} value={chosen} onChange={(e) => setUnitId(e.target.value)}>
                {units.data.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.path}({unitKindLabels[u.kind]}・{u.memberCount}人)
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button--primary">
              経歴を表示
            </button>
          </form>
        ) : null}
      </section>

      {canSeeCity ? (
        <section aria-labelledby={`${id}-city`}>
          <h2 id={`${id}-city`}>全庁の在課年数・現場経験</h2>
          <p className="hint no-print">
            在課年数は所属に来てからの満年数(組織の名称変更・統合は同じ所属として数えます)。派遣中の職員は在課年数と現場経験の割合に含みません。現場経験の割合は①ジョブローテーション期間の職員のうち、現場の所属を経験した職員の割合です。
          </p>
          <ErrorAlert error={city.error} title="全庁の集計を読み込めませんでした。" />
          {city.isPending ? <Loading label="全庁の集計中…" /> : null}
          {city.data ? (
            <div aria-busy={city.isFetching} className={city.isPlaceholderData ? 'is-stale' : undefined}>
              <CityHeatMap map={city.data} years={years} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
