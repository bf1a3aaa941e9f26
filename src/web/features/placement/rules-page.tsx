/**
 * 配置ルール /placement/rules (policy III-2-(1), issue 5): who the rotation rules R1–R5 flag as of a date (default the
 * next April 1) — each flag with the rule, the facts (dates, years, units) and what would clear it. Filter by rule and
 * unit; 50 per page. HR only. The date, rule, unit and page are in the address, so a reload shows the same list.
 */
import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { careerPhaseLabels } from '../../../domain/org/org-model.js';
import type { RuleId } from '../../../domain/placement/placement-model.js';
import type { RuleFlagItem } from '../../../domain/placement/rules-api.js';
import { useRuleFlags } from './placement-rules.queries.js';
import './placement-rules.css';

const title = '配置ルールの確認';
const ruleIds: readonly RuleId[] = ['R1', 'R2', 'R3', 'R4', 'R5'];
/* The rules in short (placement-model.ts ruleLabels has the long form). */
const ruleShort: Record<RuleId, string> = {
  R1: 'R1 在課3年以上(異動候補)',
  R2: 'R2 窓口未経験',
  R3: 'R3 在課5年未満(異動させない)',
  R4: 'R4 異動希望の未提出',
  R5: 'R5 専門性を活かす配置',
};
const severityLabels: Record<RuleFlagItem['severity'], string> = { violation: '違反', warning: '要確認', info: '候補・参考' };

const isDate = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The facts worth a line of their own, in this order. */
const factLabels: ReadonlyArray<[key: string, label: string, kind: 'date' | 'years' | 'text']> = [
  ['hireDate', '入庁日', 'date'],
  ['yearsSinceHire', '入庁からの年数', 'years'],
  ['unitName', '所属', 'text'],
  ['inUnitSince', '在籍開始', 'date'],
  ['yearsInUnit', '在課年数', 'years'],
  ['thresholdYears', '基準', 'years'],
  ['rotationEndsAtYears', 'ローテーション期間の目安', 'years'],
  ['expertiseFields', '専門分野', 'text'],
  ['matchingUnits', '専門分野が合う所属', 'text'],
];

export function RulesPage() {
  const id = useId();
  const dates = useDates();
  const [params, setParams] = useSearchParams();
  const date = isDate(params.get('date')) ? params.get('date') : null;
  const rule = ruleIds.find((r) => r === params.get('rule')) ?? null;
  const unitParam = Number(params.get('unit'));
  const unitId = Number.isInteger(unitParam) && unitParam > 0 ? unitParam : null;
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const flags = useRuleFlags({ date, rule, unitId, page });
  const view = flags.data;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageHeading title={title}>
        <Link to="/placement/settings">配置ルールの設定</Link>
      </PageHeading>
      <p className="hint">
        人材育成・確保基本方針 III-2-(1) のロールモデルに沿った配置のルールです。基準日(既定は次の4月1日)の時点で、在課年数・入庁からの年数を満年数で数えます。
        {view
          ? ` ジョブローテーション期間は1所属${view.thresholds.rotationYearsPerUnit}年程度、期間後の異動サイクルは${view.thresholds.expertCycleYears}年以上、期間の終わりは入庁${view.thresholds.rotationYears}年の${view.thresholds.rotationEndWindowYears}年前からです。`
          : ''}
      </p>
      <form className="toolbar placement-filters" onSubmit={(e) => e.preventDefault()} aria-label="絞り込み">
        <div className="field field--inline">
          <label htmlFor={`${id}-date`}>基準日</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date ?? view?.defaultDate ?? ''}
            onChange={(e) => update({ date: isDate(e.target.value) ? e.target.value : null })}
          />
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-rule`}>ルール</label>
          <select id={`${id}-rule`} value={rule ?? ''} onChange={(e) => update({ rule: e.target.value || null })}>
            <option value="">すべて</option>
            {ruleIds.map((r) => (
              <option key={r} value={r}>
                {ruleShort[r]}
                {view ? `(${view.countsByRule[r]}件)` : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={`${id}-unit`}>所属</label>
          <select id={`${id}-unit`} value={unitId ?? ''} onChange={(e) => update({ unit: e.target.value || null })}>
            <option value="">すべて</option>
            {(view?.units ?? []).map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.path ? `${u.path} › ` : ''}
                {u.name}
              </option>
            ))}
          </select>
        </div>
      </form>
      <ErrorAlert error={flags.error} title="配置ルールの該当者を読み込めませんでした。" />
      {flags.isPending ? <Loading /> : null}
      {view ? (
        <>
          <p className="hint">
            {dates.date(view.effectiveDate)}時点・対象職員 {view.people}人
          </p>
          <ResultCount total={view.total} isFetching={flags.isFetching} />
          <div className="table-wrap" {...scrollRegion('配置ルールの該当者')}>
            <table className="placement-flags">
              <caption>
                {dates.date(view.effectiveDate)}時点の配置ルールの該当者{view.rule ? `(${ruleShort[view.rule]})` : ''}
              </caption>
              <thead>
                <tr>
                  <th scope="col">職員</th>
                  <th scope="col">ルール</th>
                  <th scope="col">事実</th>
                  <th scope="col">解消するには</th>
                </tr>
              </thead>
              <tbody>
                {view.items.map((item) => (
                  <tr key={`${item.rule}-${item.staffId}`}>
                    <th scope="row">
                      <Link to={`/staff/${item.staffId}`}>{item.name}</Link>
                      <span className="cell-sub">職員番号 {item.employeeNumber}</span>
                      <span className="cell-sub">
                        {item.unitPath ? `${item.unitPath} › ` : ''}
                        {item.unitName}
                      </span>
                      <span className="cell-sub">{item.phase ? careerPhaseLabels[item.phase] : 'キャリア段階の対象外'}</span>
                    </th>
                    <td>
                      <span className={`tag placement-severity placement-severity--${item.severity}`}>{severityLabels[item.severity]}</span>{' '}
                      {ruleShort[item.rule]}
                    </td>
                    <td>
                      <p className="placement-flag__message">{item.message}</p>
                      <dl className="placement-facts">
                        {factLabels
                          .filter(([key]) => item.facts[key] !== undefined && item.facts[key] !== null && item.facts[key] !== '')
                          .map(([key, label, kind]) => (
                            <div key={key}>
                              <dt>{label}</dt>
                              <dd>{kind === 'date' ? dates.date(String(item.facts[key])) : kind === 'years' ? `${String(item.facts[key])}年` : String(item.facts[key])}</dd>
                            </div>
                          ))}
                      </dl>
                    </td>
                    <td>{item.clearedBy}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {view.items.length === 0 ? <p className="hint">該当する職員はいません。</p> : null}
          <Pagination page={view.page} pageSize={view.pageSize} total={view.total} onChange={(p) => update({ page: String(p) })} label="該当者のページ" />
          <p className="hint">
            異動希望の登録は <Link to="/placement/wishes">異動希望・専門分野</Link>、定数は <Link to="/placement/quotas">定数</Link> で行います。
          </p>
        </>
      ) : null}
    </>
  );
}
