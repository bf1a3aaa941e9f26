/**
 * 異動案 /placement/plans (issue 5, policy III-2-(1)): HR's transfer plans by effective date — create a scenario
 * (the date defaults to the next April 1), open, copy or archive one, and pick two to compare.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { planStatusLabels, type PlanView } from '../../../domain/placement/plans-api.js';
import { useCopyPlan, useCreatePlan, usePlans, usePlanStep } from './plans.queries.js';
import './plans.css';

const title = '異動案';

export function PlansListPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title={title} />;
  return <PlansList />;
}

function PlansList() {
  const id = useId();
  const dates = useDates();
  const navigate = useNavigate();
  const [includeArchived, setIncludeArchived] = useState(false);
  const plans = usePlans(includeArchived);
  const create = useCreatePlan();
  const copy = useCopyPlan();
  const step = usePlanStep();
  const [name, setName] = useState('');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [problem, setProblem] = useState('');
  const [message, setMessage] = useState('');
  const [compareA, setCompareA] = useState('');
  const [compareB, setCompareB] = useState('');

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    setMessage('');
    if (name.trim() === '') {
      setProblem('案の名前を入力してください。');
      return;
    }
    setProblem('');
    create.mutate(
      { name: name.trim(), ...(effectiveDate ? { effectiveDate } : {}) },
      { onSuccess: (plan) => void navigate(`/placement/plans/${plan.id}`) },
    );
  };

  const onCopy = (plan: PlanView) => {
    const copyName = window.prompt('複製した案の名前', `${plan.name}の複製`);
    if (!copyName || copyName.trim() === '') return;
    copy.mutate({ id: plan.id, name: copyName.trim() }, { onSuccess: (made) => setMessage(`異動案「${made.name}」を作成しました。`) });
  };

  const onArchive = (plan: PlanView) => {
    if (!window.confirm(`異動案「${plan.name}」をアーカイブしますか？一覧に表示されなくなります。`)) return;
    step.mutate({ id: plan.id, version: plan.version, step: 'archive' }, { onSuccess: () => setMessage(`異動案「${plan.name}」をアーカイブしました。`) });
  };

  const items = plans.data?.items ?? [];
  const canCompare = compareA !== '' && compareB !== '' && compareA !== compareB;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        発令日ごとに複数の案を作り、ルール(R1〜R5)・定数・希望・業務の継続性を確かめながら異動を組み立てます。承認した案を発令すると配属と評価者・確認者が切り替わります。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={copy.error ?? step.error} />

      <section aria-labelledby={`${id}-new`} className="plans-section">
        <h2 id={`${id}-new`}>新しい異動案</h2>
        <form onSubmit={onCreate} noValidate>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-name`}>案の名前</label>
              <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required aria-required="true" />
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>発令日(省略すると{dates.date(plans.data?.defaultEffectiveDate)})</label>
              <input id={`${id}-date`} type="date" value={effectiveDate} onChange={(e) => setEffectiveDate(e.target.value)} />
            </div>
          </div>
          <ProblemAlert message={problem} />
          <ErrorAlert error={create.error} title="作成できませんでした。" />
          <div className="form-actions">
            <button type="submit" className="button--primary" disabled={create.isPending}>
              作成する
            </button>
          </div>
        </form>
      </section>

      <section aria-labelledby={`${id}-list`} className="plans-section">
        <h2 id={`${id}-list`}>異動案の一覧</h2>
        <label className="checkbox">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          アーカイブした案も表示する
        </label>
        <ErrorAlert error={plans.error} />
        {plans.isPending ? (
          <Loading />
        ) : items.length === 0 ? (
          <p>異動案はまだありません。</p>
        ) : (
          <div className="table-wrap" {...scrollRegion('異動案の一覧の表')}>
            <table>
              <caption>異動案({items.length}件)</caption>
              <thead>
                <tr>
                  <th scope="col">案の名前</th>
                  <th scope="col">発令日</th>
                  <th scope="col">状態</th>
                  <th scope="col">異動</th>
                  <th scope="col">更新</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {items.map((plan) => (
                  <tr key={plan.id}>
                    <th scope="row">
                      <Link to={`/placement/plans/${plan.id}`}>{plan.name}</Link>
                    </th>
                    <td>{dates.date(plan.effectiveDate)}</td>
                    <td>
                      <span className={`badge plans-status plans-status--${plan.status}`}>{planStatusLabels[plan.status]}</span>
                    </td>
                    <td className="plans-number">{plan.moveCount}人</td>
                    <td>{dates.timestamp(plan.updatedAt)}</td>
                    <td className="plans-actions">
                      <button type="button" className="button--secondary button--small" onClick={() => onCopy(plan)} aria-label={`「${plan.name}」を複製`}>
                        複製
                      </button>
                      {plan.status === 'draft' || plan.status === 'approved' ? (
                        <button type="button" className="button--secondary button--small" onClick={() => onArchive(plan)} aria-label={`「${plan.name}」をアーカイブ`}>
                          アーカイブ
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {items.length >= 2 ? (
        <section aria-labelledby={`${id}-compare`} className="plans-section">
          <h2 id={`${id}-compare`}>2つの案を比較</h2>
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-a`}>案A</label>
              <select id={`${id}-a`} value={compareA} onChange={(e) => setCompareA(e.target.value)}>
                <option value="">選んでください</option>
                {items.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.name}({dates.short(plan.effectiveDate)})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-b`}>案B</label>
              <select id={`${id}-b`} value={compareB} onChange={(e) => setCompareB(e.target.value)}>
                <option value="">選んでください</option>
                {items.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.name}({dates.short(plan.effectiveDate)})
                  </option>
                ))}
              </select>
            </div>
          </div>
          <div className="form-actions">
            {canCompare ? (
              <Link className="button button--primary" to={`/placement/plans/compare?a=${compareA}&b=${compareB}`}>
                比較する
              </Link>
            ) : (
              <p className="hint">異なる2つの案を選ぶと比較できます。</p>
            )}
          </div>
        </section>
      ) : null}
    </>
  );
}
