/**
 * 評価者・確認者 /relations: a person's evaluator and confirmer (derived from the organisation or set by
 * hand), manual overrides with a reason, and re-deriving everyone's for a date with what stayed unresolved.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { PeriodFields, ReasonField } from '../../components/period-fields.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { useAddRelation, useDeleteRelation, useDeriveRelations, useRelations } from './org.queries.js';
import type { RelationItem } from '../../../domain/org/org-api.js';
import './org.css';
import { scrollRegion } from '../../components/scroll-region.js';

const relationKindLabels: Record<string, string> = { evaluator: '評価者', confirmer: '確認者' };
const sourceLabels: Record<RelationItem['source'], string> = { rule: '組織から自動', manual: '個別設定' };

export function RelationsPage() {
  const session = useSession();
  if (!session.isHr) return <Forbidden title="評価者・確認者" />;
  return <RelationsView />;
}

function RelationsView() {
  const id = useId();
  const [subject, setSubject] = useState<PickedStaff | null>(null);
  return (
    <>
      <PageHeading title="評価者・確認者" />
      <section aria-labelledby={`${id}-person`} className="panel">
        <h2 id={`${id}-person`}>職員ごとの評価者・確認者</h2>
        <StaffPicker label="対象の職員" value={subject} onChange={setSubject} />
        {subject ? <SubjectRelations subject={subject} /> : null}
      </section>
      <DeriveSection />
    </>
  );
}

function SubjectRelations({ subject }: { subject: PickedStaff }) {
  const id = useId();
  const dates = useDates();
  const relations = useRelations(subject.id);
  const remove = useDeleteRelation();
  return (
    <>
      <h3 id={`${id}-list`}>{subject.name}さんの評価者・確認者</h3>
      <ErrorAlert error={relations.error} title="読み込めませんでした。" />
      <ErrorAlert error={remove.error} title="削除できませんでした。" />
      {relations.isPending ? <Loading /> : null}
      {relations.data && relations.data.relations.length === 0 ? <p>評価者・確認者は設定されていません。</p> : null}
      {relations.data && relations.data.relations.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(`${subject.name}さんの評価者・確認者`)}>
          <table>
            <caption>{subject.name}さんの評価者・確認者(期間つき)</caption>
            <thead>
              <tr>
                <th scope="col">区分</th>
                <th scope="col">担当者</th>
                <th scope="col">期間</th>
                <th scope="col">設定</th>
                <th scope="col">理由</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {relations.data.relations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{relationKindLabels[r.kind] ?? r.kind}</th>
                  <td>
                    <Link to={`/staff/${r.holderStaffId}`}>{r.holderName}</Link>
                  </td>
                  <td>{dates.period(r.startsOn, r.endsOn)}</td>
                  <td>{sourceLabels[r.source] ?? r.source}</td>
                  <td>{r.reason ?? ''}</td>
                  <td>
                    {r.source === 'manual' ? (
                      <button
                        type="button"
                        className="button--danger button--small"
                        disabled={remove.isPending}
                        onClick={() => {
                          if (window.confirm(`${relationKindLabels[r.kind] ?? r.kind}(${r.holderName})の個別設定を削除しますか？`)) remove.mutate(r.id);
                        }}
                      >
                        削除<span className="visually-hidden">({relationKindLabels[r.kind]} {r.holderName})</span>
                      </button>
                    ) : (
                      <span className="hint">—</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <OverrideForm subject={subject} />
    </>
  );
}

function OverrideForm({ subject }: { subject: PickedStaff }) {
  const id = useId();
  const add = useAddRelation();
  const [kind, setKind] = useState<'evaluator' | 'confirmer'>('evaluator');
  const [holder, setHolder] = useState<PickedStaff | null>(null);
  const [startsOn, setStartsOn] = useState(todayInJapan());
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: string[] = [];
    if (!holder) found.push('担当者を選んでください。');
    if (!startsOn) found.push('開始日を入力してください。');
    if (endsOn && startsOn && endsOn < startsOn) found.push('終了日は開始日以降にしてください。');
    if (!reason.trim()) found.push('理由を入力してください。');
    setProblems(found);
    setDone('');
    if (found.length > 0 || !holder) return;
    add.mutate(
      { kind, subjectStaffId: subject.id, holderStaffId: holder.id, startsOn, endsOn: endsOn || null, reason: reason.trim() },
      {
        onSuccess: () => {
          setDone(`${relationKindLabels[kind]}を${holder.name}さんに設定しました。`);
          setHolder(null);
          setReason('');
          setEndsOn('');
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="subpanel">
      <h3 id={`${id}-title`}>個別設定を追加</h3>
      <p className="hint">組織から自動で決まる評価者・確認者が実情に合わない場合(不在、特命など)に、期間を決めて設定します。</p>
      <form onSubmit={submit} noValidate>
        <fieldset className="radio-group">
          <legend>区分</legend>
          {(['evaluator', 'confirmer'] as const).map((k) => (
            <label key={k} className="radio">
              <input type="radio" name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)} />
              {relationKindLabels[k]}
            </label>
          ))}
        </fieldset>
        <StaffPicker label="担当者" value={holder} onChange={setHolder} />
        <div className="form-grid">
          <PeriodFields startsOn={startsOn} endsOn={endsOn} onStartsOnChange={setStartsOn} onEndsOnChange={setEndsOn} isStartRequired />
        </div>
        <ReasonField value={reason} onChange={setReason} isRequired />
        {problems.length > 0 ? (
          <div role="alert" className="alert alert--error">
            <ul className="plain-list">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ErrorAlert error={add.error} title="設定できませんでした。" />
        <StatusMessage>{done}</StatusMessage>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={add.isPending}>
            設定する
          </button>
        </div>
      </form>
    </section>
  );
}

function DeriveSection() {
  const id = useId();
  const dates = useDates();
  const derive = useDeriveRelations();
  const [asOf, setAsOf] = useState(todayInJapan());
  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>組織から一括で設定</h2>
      <p className="hint">指定した日の組織と職位から、全職員の評価者・確認者を決め直します。個別設定はそのまま優先されます。</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (asOf) derive.mutate(asOf);
        }}
        className="toolbar"
      >
        <div className="field field--inline">
          <label htmlFor={`${id}-asof`}>基準日</label>
          <input id={`${id}-asof`} type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} required />
        </div>
        <button type="submit" className="button--primary" disabled={derive.isPending || !asOf}>
          {derive.isPending ? '実行中…' : '一括設定を実行'}
        </button>
      </form>
      <ErrorAlert error={derive.error} title="一括設定できませんでした。" />
      {derive.data ? (
        <>
          <p role="status" className="alert alert--success">
            {dates.date(derive.variables ?? asOf)}時点で {derive.data.created.toLocaleString('ja-JP')} 件を設定しました。決められなかった職員は {derive.data.unresolved.length.toLocaleString('ja-JP')} 人です。
          </p>
          {derive.data.unresolved.length > 0 ? (
            <div className="table-wrap table-wrap--tall" {...scrollRegion('決められなかった職員')}>
              <table>
                <caption>評価者・確認者を決められなかった職員(個別設定が必要です)</caption>
                <thead>
                  <tr>
                    <th scope="col">職員</th>
                    <th scope="col">区分</th>
                    <th scope="col">理由</th>
                  </tr>
                </thead>
                <tbody>
                  {derive.data.unresolved.map((u, index) => (
                    <tr key={`${u.subjectStaffId}-${u.kind}-${index}`}>
                      <th scope="row">
                        <Link to={`/staff/${u.subjectStaffId}`}>{u.name}</Link>
                      </th>
                      <td>{relationKindLabels[u.kind] ?? u.kind}</td>
                      <td>{u.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
