/**
 * DX推進体制 /digital/structure (policy IV-1): the DX推進本部 (chief: 本部長) and its working groups with theme and
 * period, and their members with roles and periods. Everyone reads it; HR adds bodies and members and ends terms.
 */
import { useId, useState, type FormEvent } from 'react';
import { EndPeriodCell } from './end-period-cell.js';
import { Link } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { dxBodyKindLabels, dxMemberRoleLabels, type DxBodyKind, type DxMemberRole } from '../../../domain/digital/dx-structure.js';
import type { DxBody, DxStructure } from '../../../domain/digital/digital-api.js';
import { useAddDxMember, useCreateDxBody, useDxStructure, useEndDxMember } from './digital.queries.js';
import './digital.css';

const title = 'DX推進体制';

export function StructurePage() {
  const id = useId();
  const [asOf, setAsOf] = useState(todayInJapan());
  const [message, setMessage] = useState('');
  const structure = useDxStructure(asOf);
  const data = structure.data;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        市長を本部長とするDX推進本部を中心に、ワーキンググループがテーマ別に議論を深めます(人材育成・確保基本方針 IV-1)。各課のリーダーは
        <Link to="/digital/leaders">DX推進リーダー</Link>、外部の専門家は<Link to="/digital/advisors">DX推進アドバイザー</Link>を見てください。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <div className="digital-toolbar">
        <div className="field field--inline">
          <label htmlFor={`${id}-asof`}>基準日</label>
          <input id={`${id}-asof`} type="date" value={asOf} onChange={(e) => e.target.value && setAsOf(e.target.value)} />
        </div>
      </div>
      <ErrorAlert error={structure.error} title="推進体制を読み込めませんでした。" />
      {structure.isPending ? <Loading /> : null}
      {data && data.bodies.length === 0 ? <p>推進本部はまだ登録されていません。</p> : null}
      {data?.bodies.map((body) => <BodySection key={body.id} body={body} data={data} onMessage={setMessage} />)}
      {data?.canManage ? <BodyForm data={data} onMessage={setMessage} /> : null}
    </>
  );
}

function BodySection({ body, data, onMessage }: { body: DxBody; data: DxStructure; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const end = useEndDxMember();
  const parent = body.parentBodyId === null ? null : data.bodies.find((b) => b.id === body.parentBodyId);
  const caption = `${body.name}のメンバー ${body.members.length} 人`;
  return (
    <section className="panel digital-body" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        {body.name}
        {body.isCurrent ? '' : '(期間外)'}
      </h2>
      <p>
        {dxBodyKindLabels[body.kind]}
        {parent ? `(${parent.name})` : ''}・{dates.period(body.startsOn, body.endsOn)}
      </p>
      {body.theme ? <p>テーマ: {body.theme}</p> : null}
      <ErrorAlert error={end.error} title="終了日を登録できませんでした。" />
      {body.members.length === 0 ? (
        <p>メンバーはまだいません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="digital-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">役割</th>
                <th scope="col">氏名</th>
                <th scope="col">所属(基準日)</th>
                <th scope="col">期間</th>
                {data.canManage ? <th scope="col">終了日の登録</th> : null}
              </tr>
            </thead>
            <tbody>
              {body.members.map((m) => {
                const label = `${body.name}の${m.name}`;
                return (
                  <tr key={m.id}>
                    <td>{m.roleLabel}</td>
                    <th scope="row">{m.name}</th>
                    <td>{m.unitName ?? '—'}</td>
                    <td>
                      {dates.period(m.startsOn, m.endsOn)}
                      {m.isCurrent ? '' : '(期間外)'}
                    </td>
                    {data.canManage ? (
                      <EndPeriodCell label={label} isOpen={m.endsOn === null} isPending={end.isPending} onEnd={(endsOn) => end.mutate({ id: m.id, endsOn }, { onSuccess: () => onMessage(`${label}の終了日を登録しました。`) })} />
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {data.canManage ? <MemberForm body={body} asOf={data.asOf} onMessage={onMessage} /> : null}
    </section>
  );
}

function MemberForm({ body, asOf, onMessage }: { body: DxBody; asOf: string; onMessage: (m: string) => void }) {
  const id = useId();
  const add = useAddDxMember();
  const roles: DxMemberRole[] = body.kind === 'hq' ? ['chief', 'deputy', 'member'] : ['leader', 'member'];
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [role, setRole] = useState<DxMemberRole>(roles[roles.length - 1]!);
  const [startsOn, setStartsOn] = useState(asOf);
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      setProblem('職員を選んでください。');
      return;
    }
    setProblem('');
    add.mutate(
      { bodyId: body.id, staffId: person.id, role, startsOn, endsOn: null },
      {
        onSuccess: () => {
          onMessage(`${body.name}に${person.name}さん(${dxMemberRoleLabels[role]})を追加しました。`);
          setPerson(null);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`${body.name}へのメンバーの追加`}>
      <h3>メンバーの追加</h3>
      {problem ? (
        <div role="alert" className="alert alert--error">
          <p>{problem}</p>
        </div>
      ) : null}
      <ErrorAlert error={add.error} title="追加できませんでした。" />
      <StaffPicker label={`${body.name}に追加する職員`} value={person} onChange={setPerson} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-role`}>役割</label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as DxMemberRole)}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {dxMemberRoleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-starts`}>開始日</label>
          <input id={`${id}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button--secondary" disabled={add.isPending}>
          メンバーに追加
        </button>
      </div>
    </form>
  );
}

function BodyForm({ data, onMessage }: { data: DxStructure; onMessage: (m: string) => void }) {
  const id = useId();
  const create = useCreateDxBody();
  const hqs = data.bodies.filter((b) => b.kind === 'hq');
  const [kind, setKind] = useState<DxBodyKind>(hqs.length === 0 ? 'hq' : 'working_group');
  const [parent, setParent] = useState(hqs[0] ? String(hqs[0].id) : '');
  const [name, setName] = useState('');
  const [theme, setTheme] = useState('');
  const [startsOn, setStartsOn] = useState(data.asOf);
  const [endsOn, setEndsOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { kind, parentBodyId: kind === 'hq' || parent === '' ? null : Number(parent), name, theme, startsOn, endsOn: endsOn === '' ? null : endsOn },
      {
        onSuccess: () => {
          onMessage(`「${name}」を登録しました。`);
          setName('');
          setTheme('');
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>推進本部・ワーキンググループの登録</h2>
      <ErrorAlert error={create.error} title="登録できませんでした。" />
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-kind`}>種類</label>
            <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as DxBodyKind)}>
              <option value="hq">{dxBodyKindLabels.hq}</option>
              <option value="working_group">{dxBodyKindLabels.working_group}</option>
            </select>
          </div>
          {kind === 'working_group' ? (
            <div className="field">
              <label htmlFor={`${id}-parent`}>推進本部</label>
              <select id={`${id}-parent`} value={parent} onChange={(e) => setParent(e.target.value)}>
                <option value="">選んでください</option>
                {hqs.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="field field--grow">
            <label htmlFor={`${id}-name`}>名称</label>
            <input id={`${id}-name`} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} required />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-theme`}>テーマ</label>
            <input id={`${id}-theme`} value={theme} maxLength={500} onChange={(e) => setTheme(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>開始日</label>
            <input id={`${id}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-ends`}>終了日</label>
            <input id={`${id}-ends`} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={create.isPending}>
            登録する
          </button>
        </div>
      </form>
    </section>
  );
}
