/**
 * 定数 /placement/quotas (issue 5): the authorised headcount (定数) of each placeable unit per position level for a 年度,
 * next to the members on the eve of its April 1. A 年度's value stands until a later 年度 sets another; an empty cell
 * removes this 年度's value (an earlier one, if any, applies again). Transfer plans may not take a unit above
 * max(定数, members before). HR only.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates, todayInJapan } from '../../app/dates.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { positionLevelLabels, type PositionLevel } from '../../../domain/org/org-model.js';
import type { QuotaGridView } from '../../../domain/placement/rules-api.js';
import { useQuotaGrid, useSaveQuotas } from './placement-rules.queries.js';
import './placement-rules.css';

const title = '定数';

function nextFiscalYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 4 ? year + 1 : year;
}

export function QuotasPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const current = nextFiscalYear(todayInJapan());
  const requested = Number(params.get('fy'));
  const fiscalYear = Number.isInteger(requested) && requested >= 2000 && requested <= 9998 ? requested : current;
  const grid = useQuotaGrid(fiscalYear);
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title}>
        <Link to="/placement/rules">配置ルールの確認へ</Link>
      </PageHeading>
      <p className="hint">
        所属・職位区分ごとの定数です。年度の定数は、次に定数を設定した年度まで引き継ぎます。空欄は定数なし(人数の上限なし)です。異動案は、異動後の人数が定数と異動前の人数の大きい方を超えると違反になります。
      </p>
      <p role="status" className="status-message alert alert--success">
        {message}
      </p>
      <FiscalYearSelect
        current={current - 1}
        shown={fiscalYear}
        dateStyle={session.dateStyle}
        className="placement-year"
        onChange={(fy) => {
          setMessage('');
          setParams({ fy });
        }}
      />
      <ErrorAlert error={grid.error} title="定数を読み込めませんでした。" />
      {grid.isPending ? <Loading /> : null}
      {grid.data ? <QuotaForm key={`${grid.data.fiscalYear}-${grid.dataUpdatedAt}`} view={grid.data} onMessage={setMessage} /> : null}
    </>
  );
}

const cellKey = (unitId: number, level: PositionLevel) => `${unitId}:${level}`;

function QuotaForm({ view, onMessage }: { view: QuotaGridView; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const save = useSaveQuotas(view.fiscalYear);
  const initial = () => {
    const d: Record<string, string> = {};
    for (const u of view.units) for (const level of view.levels) d[cellKey(u.unitId, level)] = u.cells[level].quota === null ? '' : String(u.cells[level].quota);
    return d;
  };
  const [draft, setDraft] = useState<Record<string, string>>(initial);
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onMessage('');
    const cells = [];
    for (const u of view.units) {
      for (const level of view.levels) {
        const cell = u.cells[level];
        const text = (draft[cellKey(u.unitId, level)] ?? '').trim();
        const value = text === '' ? null : Number(text);
        const inherited = cell.fromFiscalYear !== null && cell.fromFiscalYear < view.fiscalYear;
        // Unchanged cells are not sent; an inherited value left as is stays inherited.
        if (value === cell.quota) continue;
        if (value === null && inherited) continue;
        cells.push({ unitId: u.unitId, level, headcount: value });
      }
    }
    void save.mutateAsync({ cells }).then(() => onMessage(`${dates.fiscalYear(view.fiscalYear)}の定数を保存しました(${cells.length}件)。`), () => undefined);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorAlert error={errors.length > 0 ? null : save.error} />
      <FieldErrorSummary errors={errors} labelOf={() => ''} />
      <div className="table-wrap table-wrap--tall" {...scrollRegion('定数の表')}>
        <table className="placement-quota-grid">
          <caption>
            {dates.fiscalYear(view.fiscalYear)}の定数(所属 × 職位区分)と現員({dates.date(`${view.fiscalYear}-04-01`)}の前日)
          </caption>
          <thead>
            <tr>
              <th scope="col">所属</th>
              {view.levels.map((level) => (
                <th scope="col" key={level}>
                  {positionLevelLabels[level]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.units.map((u) => (
              <tr key={u.unitId}>
                <th scope="row">
                  {u.name}
                  {u.path ? <span className="cell-sub">{u.path}</span> : null}
                </th>
                {view.levels.map((level) => {
                  const cell = u.cells[level];
                  const key = cellKey(u.unitId, level);
                  const over = cell.quota !== null && cell.headcount > cell.quota;
                  return (
                    <td key={level}>
                      <label className="visually-hidden" htmlFor={`${id}-${key}`}>
                        {u.name}の{positionLevelLabels[level]}の定数
                      </label>
                      <input
                        id={`${id}-${key}`}
                        type="number"
                        min="0"
                        inputMode="numeric"
                        value={draft[key] ?? ''}
                        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
                      />
                      <span className={`cell-sub${over ? ' placement-quota--over' : ''}`}>
                        現員 {cell.headcount}
                        {over ? '(定数超過)' : ''}
                        {cell.fromFiscalYear !== null && cell.fromFiscalYear < view.fiscalYear ? `・${dates.fiscalYear(cell.fromFiscalYear)}から` : ''}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          定数を保存する
        </button>
      </div>
    </form>
  );
}
