/** 組織 /org: the organisation as of a chosen date (部 → 課 → 係) and the history of reorganisations. */
import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { unitKindLabels, type UnitEventKind } from '../../../domain/org/org-model.js';
import { useUnitEvents, useUnits } from './org.queries.js';
import type { UnitNode } from '../../../domain/org/org-api.js';
import { FrontlineBadge } from './career-timeline.js';
import './org.css';
import { scrollRegion } from '../../components/scroll-region.js';

type TreeNode = UnitNode & { children: TreeNode[] };

/** The flat depth-first list from the API as a tree (parents come before their children). */
function buildTree(units: readonly UnitNode[]): TreeNode[] {
  const byId = new Map<number, TreeNode>();
  const roots: TreeNode[] = [];
  for (const unit of units) byId.set(unit.id, { ...unit, children: [] });
  for (const unit of units) {
    const node = byId.get(unit.id);
    if (!node) continue;
    const parent = unit.parentId === null ? undefined : byId.get(unit.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export const eventKindLabels: Record<UnitEventKind, string> = {
  created: '新設',
  renamed: '名称変更',
  moved: '所管替え',
  merged: '統合',
  abolished: '廃止',
};

function Headcount({ unit }: { unit: UnitNode }) {
  const over = unit.authorisedHeadcount !== null && unit.memberCount > unit.authorisedHeadcount;
  const under = unit.authorisedHeadcount !== null && unit.memberCount < unit.authorisedHeadcount;
  return (
    <span className={`headcount${over ? ' headcount--over' : ''}${under ? ' headcount--under' : ''}`}>
      定数 {unit.authorisedHeadcount ?? '—'} / 現員 {unit.memberCount}
      {over ? '(超過)' : under ? '(欠員)' : ''}
    </span>
  );
}

function UnitTreeItem({ node, asOf, canOpen }: { node: TreeNode; asOf: string; canOpen: boolean }) {
  return (
    <li className={`org-tree__item org-tree__item--${node.kind}`}>
      <div className="org-tree__row">
        <span className="org-tree__kind">{unitKindLabels[node.kind]}</span>
        {canOpen ? (
          <Link to={`/org/units/${node.id}?asOf=${asOf}`} className="org-tree__name">
            {node.name}
          </Link>
        ) : (
          <span className="org-tree__name">{node.name}</span>
        )}
        {node.isFrontline ? <FrontlineBadge /> : null}
        {node.expertiseField ? <span className="tag">分野: {node.expertiseField}</span> : null}
        <Headcount unit={node} />
      </div>
      {node.children.length > 0 ? (
        <ul className="org-tree__children">
          {node.children.map((child) => (
            <UnitTreeItem key={child.id} node={child} asOf={asOf} canOpen={canOpen} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export function OrgPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title="組織" />;
  return <OrgView />;
}

function OrgView() {
  const dates = useDates();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const today = todayInJapan();
  const asOf = params.get('asOf') ?? today;
  const units = useUnits(asOf);
  const events = useUnitEvents();
  const tree = useMemo(() => buildTree(units.data?.units ?? []), [units.data]);

  const setAsOf = (value: string) => {
    const next = new URLSearchParams(params);
    if (value && value !== today) next.set('asOf', value);
    else next.delete('asOf');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeading title="組織" />
      <section aria-labelledby={`${id}-tree`}>
        <h2 id={`${id}-tree`}>組織図</h2>
        <div className="toolbar">
          <div className="field field--inline">
            <label htmlFor={`${id}-asof`}>基準日</label>
            <input id={`${id}-asof`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} aria-describedby={`${id}-asof-text`} />
            <span id={`${id}-asof-text`} className="hint">
              {dates.date(asOf)}({dates.fiscalYearOf(asOf)})時点
            </span>
          </div>
          {asOf !== today ? (
            <button type="button" className="button--secondary" onClick={() => setAsOf(today)}>
              今日に戻す
            </button>
          ) : null}
        </div>
        <p className="hint">
          <FrontlineBadge /> は住民との直接的な折衝を伴う現場の組織です。
        </p>
        <ErrorAlert error={units.error} title="組織を読み込めませんでした。" />
        {units.isPending ? (
          <Loading />
        ) : (
          <div aria-busy={units.isFetching} className={units.isPlaceholderData ? 'is-stale' : undefined}>
            <p className="visually-hidden" aria-live="polite">
              {units.data ? `${dates.date(units.data.asOf)}時点の組織 ${units.data.units.length} 件` : ''}
            </p>
            {tree.length === 0 && !units.isError ? <p>この日付の組織はありません。</p> : null}
            <ul className="org-tree" aria-label={`${dates.date(asOf)}時点の組織`}>
              {tree.map((node) => (
                <UnitTreeItem key={node.id} node={node} asOf={asOf} canOpen />
              ))}
            </ul>
          </div>
        )}
      </section>

      <section aria-labelledby={`${id}-events`}>
        <h2 id={`${id}-events`}>組織改編の履歴</h2>
        <ErrorAlert error={events.error} title="組織改編の履歴を読み込めませんでした。" />
        {events.isPending ? (
          <Loading />
        ) : events.data && events.data.events.length === 0 ? (
          <p>記録された組織改編はありません。</p>
        ) : events.data ? (
          <div className="table-wrap" {...scrollRegion('組織改編の履歴の表')}>
            <table>
              <caption>組織改編の履歴(新しい順)</caption>
              <thead>
                <tr>
                  <th scope="col">日付</th>
                  <th scope="col">組織(当時の名称)</th>
                  <th scope="col">内容</th>
                  <th scope="col">関連する組織</th>
                  <th scope="col">備考</th>
                  <th scope="col">組織図</th>
                </tr>
              </thead>
              <tbody>
                {events.data.events.map((event, index) => (
                  <tr key={`${event.unitId}-${event.kind}-${event.occurredOn}-${index}`}>
                    <td>{dates.date(event.occurredOn)}</td>
                    <th scope="row">{event.unitName}</th>
                    <td>{eventKindLabels[event.kind] ?? event.kind}</td>
                    <td>{event.relatedUnitName ?? ''}</td>
                    <td>{event.note ?? ''}</td>
                    <td>
                      <button type="button" className="button--link" onClick={() => setAsOf(event.occurredOn)}>
                        {dates.date(event.occurredOn)}時点を表示
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
