/**
 * ストレスチェックの実施 /stress-check/admin: the implementer side creates, opens and closes campaigns (method,
 * thresholds and the group threshold fixed at creation); HR sees the list to reach the group views.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { campaignStatusLabels, defaultHighRiskThreshold } from '../../../domain/stress-check/stress-check-api.js';
import { defaultThresholds } from '../../../domain/stress-check/stress-scoring.js';
import { useCampaigns, useCampaignTransition, useCreateCampaign } from './stress-check.queries.js';
import './stress-check.css';

const title = 'ストレスチェックの実施';

export function CampaignsPage() {
  const session = useSession();
  const isImplementer = session.roles.includes('stress_implementer');
  if (!isImplementer && !session.isHr) return <Forbidden title={title} />;
  return <CampaignsView isImplementer={isImplementer} />;
}

function CampaignsView({ isImplementer }: { isImplementer: boolean }) {
  const dates = useDates();
  const campaigns = useCampaigns();
  const transition = useCampaignTransition();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        {isImplementer
          ? '実施(判定方法・高ストレス者の基準値・集団分析の最小人数)を作成し、開始・終了します。基準値などは作成後に変更できません。'
          : '人事は、集団分析(10人未満の集団は非表示)・所属別の回答状況(人数のみ)・報告の数を見ることができます。個人の結果は、本人が同意した場合に人事担当が見ることができます。'}
      </p>
      <StatusMessage>{message}</StatusMessage>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorAlert error={campaigns.error ?? transition.error} title="実施を読み込めませんでした。" />
      {campaigns.data ? (
        <table className="data-table">
          <caption>実施の一覧</caption>
          <thead>
            <tr>
              <th scope="col">名称</th>
              <th scope="col">年度</th>
              <th scope="col">期間</th>
              <th scope="col">状態</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.data.items.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/stress-check/campaigns/${c.id}`}>{c.name}</Link>
                </th>
                <td>{dates.fiscalYear(c.fiscalYear)}</td>
                <td>{dates.period(c.opensOn, c.closesOn)}</td>
                <td>{campaignStatusLabels[c.status]}</td>
                <td>
                  {isImplementer && c.status !== 'closed' ? (
                    <button
                      type="button"
                      disabled={transition.isPending}
                      onClick={() =>
                        transition.mutate({ campaign: c, action: c.status === 'draft' ? 'open' : 'close' }, { onSuccess: (u) => setMessage(`${u.name}を${u.status === 'open' ? '開始' : '終了'}しました。`) })
                      }
                    >
                      {c.status === 'draft' ? `${c.name}を開始` : `${c.name}を終了`}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {isImplementer ? <CreateCampaign onCreated={(name) => setMessage(`${name}を作成しました。`)} /> : null}
    </>
  );
}

function CreateCampaign({ onCreated }: { onCreated: (name: string) => void }) {
  const create = useCreateCampaign();
  const ids = { name: useId(), fy: useId(), opens: useId(), closes: useId(), b: useId(), ac: useId(), bac: useId(), min: useId(), risk: useId() };
  const [form, setForm] = useState({ name: '', fiscalYear: '', opensOn: '', closesOn: '', b: String(defaultThresholds.bTotalAtLeast), ac: String(defaultThresholds.acTotalAtLeast), bac: String(defaultThresholds.bWithAcAtLeast), min: '10', risk: String(defaultHighRiskThreshold) });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      {
        name: form.name,
        fiscalYear: Number(form.fiscalYear),
        opensOn: form.opensOn,
        closesOn: form.closesOn,
        thresholds: { bTotalAtLeast: Number(form.b), acTotalAtLeast: Number(form.ac), bWithAcAtLeast: Number(form.bac) },
        minGroupSize: Number(form.min),
        highRiskThreshold: Number(form.risk),
      },
      { onSuccess: (c) => onCreated(c.name) },
    );
  };
  return (
    <section aria-labelledby="sc-create">
      <h2 id="sc-create">実施の作成</h2>
      <form onSubmit={onSubmit} className="form-grid">
        <label htmlFor={ids.name}>名称</label>
        <input id={ids.name} value={form.name} onChange={set('name')} required />
        <label htmlFor={ids.fy}>年度(西暦)</label>
        <input id={ids.fy} inputMode="numeric" value={form.fiscalYear} onChange={set('fiscalYear')} required />
        <label htmlFor={ids.opens}>開始日</label>
        <input id={ids.opens} type="date" value={form.opensOn} onChange={set('opensOn')} required />
        <label htmlFor={ids.closes}>終了日</label>
        <input id={ids.closes} type="date" value={form.closesOn} onChange={set('closesOn')} required />
        <label htmlFor={ids.b}>高ストレス: Bの合計がこの点以上</label>
        <input id={ids.b} inputMode="numeric" value={form.b} onChange={set('b')} />
        <label htmlFor={ids.ac}>または A+C の合計がこの点以上</label>
        <input id={ids.ac} inputMode="numeric" value={form.ac} onChange={set('ac')} />
        <label htmlFor={ids.bac}>かつ B の合計がこの点以上</label>
        <input id={ids.bac} inputMode="numeric" value={form.bac} onChange={set('bac')} />
        <label htmlFor={ids.min}>集団分析の最小人数(10人以上)</label>
        <input id={ids.min} inputMode="numeric" value={form.min} onChange={set('min')} />
        <label htmlFor={ids.risk}>高リスクとする総合健康リスク</label>
        <input id={ids.risk} inputMode="numeric" value={form.risk} onChange={set('risk')} />
        <div className="form-grid__actions">
          <ErrorAlert error={create.error} title="実施を作成できませんでした。" />
          <button type="submit" className="button--primary" disabled={create.isPending}>
            実施を作成
          </button>
        </div>
      </form>
    </section>
  );
}
