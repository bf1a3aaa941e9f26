/**
 * フェローのプール /workplace/fellows (HR, policy III-4-(3)⑤): who may be a fellow, how many juniors each takes, for
 * which period, per source whether organisational commitment is very low — HR's flag and the indicator of the latest
 * submitted self-declaration (a flagged fellow is excluded from matching when the settings use that source) — a note;
 * and the programme's settings.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { employmentTypeLabels, employmentTypes } from '../../../domain/org/org-model.js';
import { fellowSeparationLabels, fellowSeparations, lowCommitmentSourceLabels, lowCommitmentSources, type FellowSettings, type LowCommitmentSource } from '../../../domain/workplace/fellow-model.js';
import { commitmentStateLabels, commitmentWindowYears } from '../../../domain/workplace/self-declaration-commitment.js';
import type { FellowPoolItem, FellowSettingsView } from '../../../domain/workplace/fellow-api.js';
import { useAddFellow, useChangeFellow, useFellowPool, useFellowSettings, useSaveFellowSettings } from './fellow.queries.js';
import './fellow.css';

const title = 'フェローのプール';

export function FellowPoolPage() {
  const pool = useFellowPool();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        フェローは、業務上直接の利害関係がない先輩として、新規採用職員・若手職員の相談に乗ります(人材育成・確保基本方針 III-4-(3)⑤)。組織コミットメントが著しく低いとされたフェローは、組合せの候補に含めません。組合せは <Link to="/workplace/fellows/matching">組合せの提案</Link> で確定します。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={pool.error} title="プールを読み込めませんでした。" />
      {pool.isPending ? <Loading /> : null}
      {pool.data ? <PoolTable items={pool.data.items} excluding={pool.data.excludeLowCommitmentFrom} onMessage={setMessage} /> : null}
      <AddFellowForm onDone={setMessage} />
      <SettingsPanel onDone={setMessage} />
    </>
  );
}

/**
 * Per source: does it flag the fellow (and, when it does but the settings do not use it, say so)? The self-declaration
 * links to the declaration it comes from.
 */
function CommitmentCell({ item, excluding }: { item: FellowPoolItem; excluding: readonly LowCommitmentSource[] }) {
  const unused = (source: LowCommitmentSource) =>
    item.lowCommitment.includes(source) && !excluding.includes(source) ? <span className="fellow-description">この情報源は組合せで使わない設定です</span> : null;
  const declaration = item.selfDeclaration;
  const isExcluded = item.lowCommitment.some((s) => excluding.includes(s));
  return (
    <>
      {isExcluded ? <span className="fellow-flag">著しく低い(候補外)</span> : null}
      <ul className="fellow-sources">
        <li>
          {lowCommitmentSourceLabels['hr-flag']}: {item.isLowCommitment ? <strong>著しく低い</strong> : '該当しない'}
          {unused('hr-flag')}
        </li>
        {declaration === null ? null : (
          <li>
            {lowCommitmentSourceLabels['self-declaration']}:{' '}
            {declaration.state === 'none' ? (
              `${commitmentWindowYears}年度内の提出なし`
            ) : (
              <>
                {declaration.state === 'very-low' ? <strong>{commitmentStateLabels[declaration.state]}</strong> : commitmentStateLabels[declaration.state]}(
                <Link to={`/workplace/self-declaration/${declaration.campaignId}/staff/${item.staffId}`}>{declaration.campaignTitle}</Link>)
              </>
            )}
            {unused('self-declaration')}
          </li>
        )}
      </ul>
    </>
  );
}

function PoolTable({ items, excluding, onMessage }: { items: FellowPoolItem[]; excluding: readonly LowCommitmentSource[]; onMessage: (m: string) => void }) {
  const dates = useDates();
  const change = useChangeFellow();
  const [editing, setEditing] = useState<number | null>(null);
  const caption = `フェロー ${items.length} 人`;
  return (
    <section className="panel" aria-labelledby="fellow-pool">
      <h2 id="fellow-pool">登録されているフェロー</h2>
      <p className="hint">
        組織コミットメントが著しく低いとして組合せから除く情報源(設定):{' '}
        {excluding.length === 0 ? 'なし' : lowCommitmentSources.filter((s) => excluding.includes(s)).map((s) => lowCommitmentSourceLabels[s]).join('、')}。
      </p>
      {items.length === 0 ? (
        <p>まだフェローが登録されていません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">職員</th>
                <th scope="col">所属</th>
                <th scope="col">受入れ</th>
                <th scope="col">期間</th>
                <th scope="col">組織コミットメント</th>
                <th scope="col">メモ</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((f) => (
                <tr key={f.id}>
                  <th scope="row">
                    {f.name}
                    <span className="fellow-description">{f.employeeNumber}</span>
                  </th>
                  <td>{f.unitName ?? '所属なし'}</td>
                  <td>
                    {f.activePairs} / {f.capacity} 人
                  </td>
                  <td>
                    {dates.period(f.startsOn, f.endsOn)}
                    {f.isInForce ? null : <span className="fellow-description">期間外</span>}
                  </td>
                  <td>
                    <CommitmentCell item={f} excluding={excluding} />
                  </td>
                  <td>{f.note || '—'}</td>
                  <td className="fellow-actions">
                    <button type="button" className="button--small" onClick={() => setEditing(editing === f.id ? null : f.id)} aria-expanded={editing === f.id}>
                      変更<span className="visually-hidden">({f.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing !== null ? (
        <EditFellowForm
          key={editing}
          item={items.find((i) => i.id === editing)!}
          pending={change.isPending}
          error={change.error}
          onSubmit={(body) =>
            change.mutate(
              { id: editing, ...body },
              {
                onSuccess: () => {
                  onMessage(`${items.find((i) => i.id === editing)?.name ?? ''}さんの登録を変更しました。`);
                  setEditing(null);
                },
              },
            )
          }
        />
      ) : null}
    </section>
  );
}

type FellowFields = { capacity: number; startsOn: string; endsOn: string | null; isLowCommitment: boolean; note: string };

function FellowFieldset({ value, onChange }: { value: FellowFields; onChange: (v: FellowFields) => void }) {
  const id = useId();
  return (
    <>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-capacity`}>受入れ人数</label>
          <input id={`${id}-capacity`} type="number" min={1} max={10} value={value.capacity} onChange={(e) => onChange({ ...value, capacity: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-starts`}>開始日</label>
          <input id={`${id}-starts`} type="date" value={value.startsOn} onChange={(e) => onChange({ ...value, startsOn: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-ends`}>終了日(空欄は期限なし)</label>
          <input id={`${id}-ends`} type="date" value={value.endsOn ?? ''} onChange={(e) => onChange({ ...value, endsOn: e.target.value === '' ? null : e.target.value })} />
        </div>
      </div>
      <div className="field">
        <input id={`${id}-low`} type="checkbox" checked={value.isLowCommitment} onChange={(e) => onChange({ ...value, isLowCommitment: e.target.checked })} />{' '}
        <label htmlFor={`${id}-low`}>組織コミットメントが著しく低い(組合せの候補に含めない)</label>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>メモ(人事用)</label>
        <textarea id={`${id}-note`} rows={2} maxLength={500} value={value.note} onChange={(e) => onChange({ ...value, note: e.target.value })} />
      </div>
    </>
  );
}

function EditFellowForm({ item, pending, error, onSubmit }: { item: FellowPoolItem; pending: boolean; error: unknown; onSubmit: (v: FellowFields) => void }) {
  const id = useId();
  const [value, setValue] = useState<FellowFields>({ capacity: item.capacity, startsOn: item.startsOn, endsOn: item.endsOn, isLowCommitment: item.isLowCommitment, note: item.note });
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(value);
      }}
      noValidate
    >
      <h3 id={`${id}-title`}>{item.name}さんの登録の変更</h3>
      <ErrorAlert error={error} title="変更できませんでした。" />
      <FellowFieldset value={value} onChange={setValue} />
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={pending}>
          変更を保存
        </button>
      </div>
    </form>
  );
}

function AddFellowForm({ onDone }: { onDone: (m: string) => void }) {
  const id = useId();
  const add = useAddFellow();
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [value, setValue] = useState<FellowFields>({ capacity: 2, startsOn: todayInJapan(), endsOn: null, isLowCommitment: false, note: '' });
  const [problem, setProblem] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (person === null) {
      setProblem('フェローにする職員を選んでください。');
      return;
    }
    setProblem('');
    add.mutate(
      { staffId: person.id, ...value },
      {
        onSuccess: () => {
          onDone(`${person.name}さんをフェローに登録しました。`);
          setPerson(null);
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>フェローの登録</h2>
      <ProblemAlert message={problem} />
      <ErrorAlert error={add.error} title="登録できませんでした。" />
      <form onSubmit={submit} noValidate>
        <StaffPicker label="フェローにする職員" value={person} onChange={setPerson} />
        <FellowFieldset value={value} onChange={setValue} />
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={add.isPending}>
            登録する
          </button>
        </div>
      </form>
    </section>
  );
}

function SettingsPanel({ onDone }: { onDone: (m: string) => void }) {
  const settings = useFellowSettings();
  return (
    <section className="panel" aria-labelledby="fellow-settings">
      <h2 id="fellow-settings">フェロー制度の設定</h2>
      <ErrorAlert error={settings.error} title="設定を読み込めませんでした。" />
      {settings.data ? <SettingsForm key={settings.data.updatedAt ?? 'default'} view={settings.data} onDone={onDone} /> : null}
    </section>
  );
}

function SettingsForm({ view, onDone }: { view: FellowSettingsView; onDone: (m: string) => void }) {
  const id = useId();
  const save = useSaveFellowSettings();
  const [s, setS] = useState<FellowSettings>(view.settings);
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ updatedAt: view.updatedAt, settings: s }, { onSuccess: () => onDone('フェロー制度の設定を保存しました。') });
      }}
      noValidate
    >
      <ErrorAlert error={save.error} title="設定を保存できませんでした。" />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-years`}>対象職員: 採用から何年未満</label>
          <input id={`${id}-years`} type="number" min={0} max={10} value={s.juniorHiredWithinYears} onChange={(e) => setS({ ...s, juniorHiredWithinYears: Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-age`}>または何歳未満(空欄は使わない)</label>
          <input id={`${id}-age`} type="number" min={18} max={40} value={s.juniorUnderAge ?? ''} onChange={(e) => setS({ ...s, juniorUnderAge: e.target.value === '' ? null : Number(e.target.value) })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-sep`}>フェローの所属</label>
          <select id={`${id}-sep`} value={s.separation} onChange={(e) => setS({ ...s, separation: e.target.value as FellowSettings['separation'] })}>
            {fellowSeparations.map((v) => (
              <option key={v} value={v}>
                対象職員と{fellowSeparationLabels[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-weeks`}>面談のない組合せを知らせる週数</label>
          <input id={`${id}-weeks`} type="number" min={1} max={52} value={s.staleAfterWeeks} onChange={(e) => setS({ ...s, staleAfterWeeks: Number(e.target.value) })} />
        </div>
      </div>
      <fieldset>
        <legend>対象職員とする任用形態</legend>
        {employmentTypes.map((t) => (
          <div key={t}>
            <input id={`${id}-emp-${t}`} type="checkbox" checked={s.juniorEmploymentTypes.includes(t)} onChange={(e) => setS({ ...s, juniorEmploymentTypes: toggle(s.juniorEmploymentTypes, t, e.target.checked) })} />{' '}
            <label htmlFor={`${id}-emp-${t}`}>{employmentTypeLabels[t]}</label>
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>組織コミットメントが著しく低いフェローを除く情報源</legend>
        {lowCommitmentSources.map((src) => (
          <div key={src}>
            <input id={`${id}-low-${src}`} type="checkbox" checked={s.excludeLowCommitmentFrom.includes(src)} onChange={(e) => setS({ ...s, excludeLowCommitmentFrom: toggle(s.excludeLowCommitmentFrom, src, e.target.checked) })} />{' '}
            <label htmlFor={`${id}-low-${src}`}>{lowCommitmentSourceLabels[src]}</label>
          </div>
        ))}
        <p className="hint">
          自己申告書の指標: フェローが提出した直近の自己申告書(今年度と前年度の自己申告のうち最新のもの。下書きは使いません)で、様式の「組織コミットメントの指標」の項目に「著しく低い」とした回答をしている場合です(初期の様式では「今後もこの市で働き続けたいと思いますか」に「働き続けたくない」)。
        </p>
      </fieldset>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          設定を保存
        </button>
      </div>
    </form>
  );
}
