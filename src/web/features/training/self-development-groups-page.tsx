/**
 * 自主研修グループ /training/groups: the groups one belongs to, creating one (the creator leads), the leader adding
 * members, members recording activities and recording an activity as their own self-development with one click.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import type { StudyGroupDetail } from '../../../domain/training/self-development.js';
import {
  useAddStudyGroupMember,
  useCreateStudyGroup,
  useRecordActivityAsSelfDevelopment,
  useRecordStudyGroupActivity,
  useStudyGroup,
  useStudyGroups,
} from './self-development.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '自主研修グループ';

export function StudyGroupsPage() {
  const dates = useDates();
  const groups = useStudyGroups();
  const [selected, setSelected] = useState<number | null>(null);
  const [message, setMessage] = useState('');
  const items = groups.data?.items ?? [];
  const caption = `所属するグループ ${items.length} 件`;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">職員が自主的に作る研修グループです。活動を記録し、参加した活動を自分の自己啓発として記録できます(上司の確認の後、業績評価シートに表示されます)。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={groups.error} title="グループを読み込めませんでした。" />
      {groups.isPending ? <Loading /> : null}
      {groups.data && items.length === 0 ? <p>所属するグループはありません。</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">グループ名</th>
                <th scope="col">リーダー</th>
                <th scope="col">活動開始日</th>
                <th scope="col">メンバー数</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id} className={g.id === selected ? 'is-selected' : undefined}>
                  <th scope="row">
                    {g.name}
                    {g.description ? <span className="training-description">{g.description}</span> : null}
                  </th>
                  <td>{g.leaderName ?? '—'}</td>
                  <td>{dates.date(g.startsOn)}</td>
                  <td>{g.memberCount}人</td>
                  <td>
                    <button type="button" className="button--small" aria-pressed={g.id === selected} onClick={() => setSelected(g.id)}>
                      開く<span className="visually-hidden">({g.name})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {selected !== null ? <GroupDetail key={selected} groupId={selected} onMessage={setMessage} /> : null}
      <CreateGroup
        onCreated={(g) => {
          setSelected(g.id);
          setMessage(`「${g.name}」を作成しました。`);
        }}
      />
    </>
  );
}

function CreateGroup({ onCreated }: { onCreated: (g: StudyGroupDetail) => void }) {
  const id = useId();
  const create = useCreateStudyGroup();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { name, description, startsOn },
      {
        onSuccess: (g) => {
          setName('');
          setDescription('');
          setStartsOn('');
          onCreated(g);
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>グループを作る</h2>
      <ErrorAlert error={create.error} title="作成できませんでした。" />
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          <div className="field field--grow">
            <label htmlFor={`${id}-name`}>グループ名</label>
            <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-starts`}>活動開始日</label>
            <input id={`${id}-starts`} type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} required />
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-description`}>説明</label>
            <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={1000} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={create.isPending}>
            作成する
          </button>
        </div>
      </form>
    </section>
  );
}

function GroupDetail({ groupId, onMessage }: { groupId: number; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const group = useStudyGroup(groupId);
  const asRecord = useRecordActivityAsSelfDevelopment(groupId);
  const reload = useReloadTraining();
  const g = group.data;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{g ? g.name : 'グループ'}</h2>
      <ErrorAlert error={group.error} title="グループを読み込めませんでした。" />
      {group.isPending ? <Loading /> : null}
      {g ? (
        <>
          <h3>メンバー</h3>
          <ul>
            {g.members.map((m) => (
              <li key={m.staffId}>
                {m.name}({m.employeeNumber}){m.isLeader ? ' リーダー' : ''}
              </li>
            ))}
          </ul>
          {g.isLeader ? <AddMember groupId={groupId} onMessage={onMessage} /> : null}
          <h3>活動</h3>
          {isStaleSave(asRecord.error) ? <ConflictAlert subject="活動" onReload={reload} /> : <ErrorAlert error={asRecord.error} title="記録できませんでした。" />}
          {g.activities.length === 0 ? <p>活動の記録はありません。</p> : null}
          {g.activities.length > 0 ? (
            <div className="table-wrap" {...scrollRegion(`${g.name}の活動`)}>
              <table className="training-table">
                <caption>{g.name}の活動</caption>
                <thead>
                  <tr>
                    <th scope="col">活動日</th>
                    <th scope="col">内容</th>
                    <th scope="col">時間数</th>
                    <th scope="col">記録した人</th>
                    <th scope="col">自己啓発</th>
                  </tr>
                </thead>
                <tbody>
                  {g.activities.map((a) => (
                    <tr key={a.id}>
                      <td>{dates.date(a.heldOn)}</td>
                      <th scope="row">{a.title}</th>
                      <td>{a.hours === null ? '—' : `${a.hours}時間`}</td>
                      <td>{a.createdByName ?? '—'}</td>
                      <td>
                        {a.isRecordedByMe ? (
                          '記録済み'
                        ) : (
                          <button
                            type="button"
                            className="button--small"
                            disabled={asRecord.isPending}
                            onClick={() => asRecord.mutate(a.id, { onSuccess: (r) => onMessage(`「${r.title}」を自己啓発として記録しました。`) })}
                          >
                            自己啓発に記録<span className="visually-hidden">({a.title})</span>
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <AddActivity groupId={groupId} onMessage={onMessage} />
        </>
      ) : null}
    </section>
  );
}

function AddMember({ groupId, onMessage }: { groupId: number; onMessage: (m: string) => void }) {
  const id = useId();
  const session = useSession();
  const add = useAddStudyGroupMember(groupId);
  const [person, setPerson] = useState<PickedStaff | null>(null);
  const [employeeNumber, setEmployeeNumber] = useState('');
  // Only HR and unit heads may search the staff directory; other leaders add members by 職員番号.
  const canSearch = session.isHr || session.headsUnits;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const who = canSearch ? (person ? { staffId: person.id } : null) : employeeNumber.trim() ? { employeeNumber: employeeNumber.trim() } : null;
    if (!who) return;
    add.mutate(who, {
      onSuccess: () => {
        onMessage(`${person?.name ?? employeeNumber}をメンバーに追加しました。`);
        setPerson(null);
        setEmployeeNumber('');
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>メンバーを追加</h3>
      <ErrorAlert error={add.error} title="追加できませんでした。" />
      <div className="form-grid">
        {canSearch ? (
          <StaffPicker label="追加するメンバー" value={person} onChange={setPerson} />
        ) : (
          <div className="field">
            <label htmlFor={`${id}-number`}>職員番号</label>
            <input id={`${id}-number`} value={employeeNumber} onChange={(e) => setEmployeeNumber(e.target.value)} maxLength={20} />
          </div>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          メンバーに追加
        </button>
      </div>
    </form>
  );
}

function AddActivity({ groupId, onMessage }: { groupId: number; onMessage: (m: string) => void }) {
  const id = useId();
  const record = useRecordStudyGroupActivity(groupId);
  const [heldOn, setHeldOn] = useState('');
  const [activity, setActivity] = useState('');
  const [hours, setHours] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { heldOn, title: activity, hours: hours === '' ? null : Number(hours), note: '' },
      {
        onSuccess: () => {
          onMessage(`活動「${activity}」を記録しました。`);
          setHeldOn('');
          setActivity('');
          setHours('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>活動を記録</h3>
      <ErrorAlert error={record.error} title="記録できませんでした。" />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-held`}>活動日</label>
          <input id={`${id}-held`} type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} required />
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-activity`}>内容</label>
          <input id={`${id}-activity`} value={activity} onChange={(e) => setActivity(e.target.value)} required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-hours`}>時間数</label>
          <input id={`${id}-hours`} type="number" min={0} max={2000} value={hours} onChange={(e) => setHours(e.target.value)} />
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={record.isPending}>
          活動を記録
        </button>
      </div>
    </form>
  );
}
