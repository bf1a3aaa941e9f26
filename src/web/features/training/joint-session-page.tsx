/**
 * 合同研修の参加者 /training/sessions/:id/joint: people of the course's co-host municipalities (藤岡市・富岡市 …) on a
 * session, registered without accounts; their attendance and cancellation; the roster exchanged with the co-host as
 * CSV — downloaded (our attendees and theirs) and uploaded (their file: every error by line and column, nothing
 * registered unless the whole file is right). HR and the training officer.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { CsvEncodingChoice, ShiftJisCheckButton, ShiftJisCheckOutcome, ShiftJisSubstitutionConfirm, useShiftJisCheck } from '../../components/shift-jis-check.js';
import {
  externalStatusLabels,
  externalStatuses,
  type ExternalParticipantInput,
  type ExternalParticipantView,
  type ExternalStatus,
  type JointParticipants,
  type RosterIssue,
} from '../../../domain/training/joint-roster.js';
import { checkRoster, rosterUrl, useAddExternalParticipant, useImportRoster, useJointParticipants, useUpdateExternalParticipant } from './joint.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '合同研修の参加者(他自治体)';

export function JointSessionPage() {
  const params = useParams();
  const sessionId = Number(params.id);
  const joint = useJointParticipants(sessionId);
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to={`/training/sessions/${sessionId}`}>研修の受講者に戻る</Link>
      </p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={joint.error} title="合同研修の参加者を読み込めませんでした。" />
      {joint.isPending ? <Loading /> : null}
      {joint.data ? <JointView joint={joint.data} onMessage={setMessage} /> : null}
    </>
  );
}

function JointView({ joint, onMessage }: { joint: JointParticipants; onMessage: (m: string) => void }) {
  const dates = useDates();
  const [editing, setEditing] = useState<ExternalParticipantView | null>(null);
  return (
    <>
      <section className="panel" aria-labelledby="joint-summary">
        <h2 id="joint-summary">{joint.courseTitle}</h2>
        <dl className="training-facts">
          <dt>日程</dt>
          <dd>{joint.startsOn === joint.endsOn ? dates.date(joint.startsOn) : `${dates.date(joint.startsOn)} 〜 ${dates.date(joint.endsOn)}`}</dd>
          <dt>合同実施の自治体</dt>
          <dd>{joint.coHosts.join('・')}</dd>
        </dl>
      </section>
      <ParticipantTable joint={joint} onMessage={onMessage} onEdit={setEditing} />
      <ParticipantForm key={editing ? `edit-${editing.id}-${editing.version}` : 'add'} joint={joint} editing={editing} onDone={() => setEditing(null)} onMessage={onMessage} />
      <RosterDownload joint={joint} />
      <RosterUpload joint={joint} onMessage={onMessage} />
    </>
  );
}

function ParticipantTable({ joint, onMessage, onEdit }: { joint: JointParticipants; onMessage: (m: string) => void; onEdit: (p: ExternalParticipantView) => void }) {
  const reload = useReloadTraining();
  const update = useUpdateExternalParticipant();
  const caption = `他自治体の参加者 ${joint.items.length} 人`;
  return (
    <section aria-labelledby="joint-list-title">
      <h2 id="joint-list-title">{title}</h2>
      {isStaleSave(update.error) ? <ConflictAlert subject="参加者" onReload={reload} /> : <ErrorAlert error={update.error} title="変更できませんでした。" />}
      {joint.items.length === 0 ? (
        <p>他の自治体の参加者はまだいません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">自治体</th>
                <th scope="col">氏名</th>
                <th scope="col">カナ</th>
                <th scope="col">所属</th>
                <th scope="col">職名</th>
                <th scope="col">状態</th>
                <th scope="col">出欠・取消</th>
              </tr>
            </thead>
            <tbody>
              {joint.items.map((p) => (
                <tr key={p.id}>
                  <td>{p.fromMunicipality}</td>
                  <th scope="row">{`${p.familyName} ${p.givenName}`}</th>
                  <td>{`${p.familyNameKana} ${p.givenNameKana}`.trim() || '—'}</td>
                  <td>{p.unitName || '—'}</td>
                  <td>{p.positionName || '—'}</td>
                  <td>{externalStatusLabels[p.status]}</td>
                  <td className="training-actions">
                    <StatusControl
                      participant={p}
                      pending={update.isPending}
                      onRecord={(status) =>
                        update.mutate(
                          { ...inputOf(p), id: p.id, version: p.version, status },
                          { onSuccess: () => onMessage(`${p.familyName} ${p.givenName}を「${externalStatusLabels[status]}」にしました。`) },
                        )
                      }
                    />
                    <button type="button" className="button--secondary button--small" onClick={() => onEdit(p)}>
                      編集<span className="visually-hidden">({`${p.familyName} ${p.givenName}`})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

const inputOf = (p: ExternalParticipantView): ExternalParticipantInput => ({
  fromMunicipality: p.fromMunicipality,
  familyName: p.familyName,
  givenName: p.givenName,
  familyNameKana: p.familyNameKana,
  givenNameKana: p.givenNameKana,
  unitName: p.unitName,
  positionName: p.positionName,
});

function StatusControl({ participant, pending, onRecord }: { participant: ExternalParticipantView; pending: boolean; onRecord: (status: ExternalStatus) => void }) {
  const id = useId();
  const [status, setStatus] = useState<ExternalStatus>(participant.status);
  const name = `${participant.familyName} ${participant.givenName}`;
  return (
    <span className="training-attendance">
      <label className="visually-hidden" htmlFor={`${id}-status`}>
        {name}の状態
      </label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as ExternalStatus)}>
        {externalStatuses.map((s) => (
          <option key={s} value={s}>
            {externalStatusLabels[s]}
          </option>
        ))}
      </select>
      <button type="button" className="button--secondary button--small" disabled={pending || status === participant.status} onClick={() => onRecord(status)}>
        記録<span className="visually-hidden">({name}の状態)</span>
      </button>
    </span>
  );
}

const emptyInput = (fromMunicipality: string): ExternalParticipantInput => ({
  fromMunicipality,
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  unitName: '',
  positionName: '',
});

const fields: { key: Exclude<keyof ExternalParticipantInput, 'fromMunicipality'>; label: string; required?: boolean }[] = [
  { key: 'familyName', label: '氏', required: true },
  { key: 'givenName', label: '名', required: true },
  { key: 'familyNameKana', label: '氏(カナ)' },
  { key: 'givenNameKana', label: '名(カナ)' },
  { key: 'unitName', label: '所属' },
  { key: 'positionName', label: '職名' },
];

/** Registers a participant, or edits the one chosen in the list (with its version: a change by someone else is a conflict). */
function ParticipantForm({
  joint,
  editing,
  onDone,
  onMessage,
}: {
  joint: JointParticipants;
  editing: ExternalParticipantView | null;
  onDone: () => void;
  onMessage: (m: string) => void;
}) {
  const id = useId();
  const add = useAddExternalParticipant(joint.sessionId);
  const update = useUpdateExternalParticipant();
  const reload = useReloadTraining();
  const [input, setInput] = useState<ExternalParticipantInput>(editing ? inputOf(editing) : emptyInput(joint.coHosts[0] ?? ''));
  const [problem, setProblem] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!input.familyName.trim() || !input.givenName.trim()) {
      setProblem('氏と名を入力してください。');
      return;
    }
    setProblem('');
    if (editing) {
      update.mutate(
        { ...input, id: editing.id, version: editing.version, status: editing.status },
        {
          onSuccess: (p) => {
            onMessage(`${p.familyName} ${p.givenName}を変更しました。`);
            onDone();
          },
        },
      );
      return;
    }
    add.mutate(input, {
      onSuccess: (p) => {
        onMessage(`${p.fromMunicipality}の${p.familyName} ${p.givenName}を登録しました。`);
        setInput(emptyInput(input.fromMunicipality));
      },
    });
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{editing ? `${editing.familyName} ${editing.givenName}を編集` : '他自治体の参加者を登録'}</h2>
      <form onSubmit={submit} noValidate>
        <ProblemAlert message={problem} />
        <ErrorAlert error={add.error} title="登録できませんでした。" />
        {isStaleSave(update.error) ? <ConflictAlert subject="参加者" onReload={reload} /> : <ErrorAlert error={update.error} title="変更できませんでした。" />}
        <div className="field">
          <label htmlFor={`${id}-municipality`}>自治体</label>
          <select id={`${id}-municipality`} value={input.fromMunicipality} onChange={(e) => setInput({ ...input, fromMunicipality: e.target.value })}>
            {joint.coHosts.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
        {fields.map((f) => (
          <div className="field" key={f.key}>
            <label htmlFor={`${id}-${f.key}`}>
              {f.label}
              {f.required ? '(必須)' : ''}
            </label>
            <input
              id={`${id}-${f.key}`}
              value={input[f.key]}
              maxLength={f.key === 'unitName' || f.key === 'positionName' ? 100 : 50}
              required={f.required}
              onChange={(e) => setInput({ ...input, [f.key]: e.target.value })}
            />
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={add.isPending || update.isPending}>
            {editing ? '変更する' : '登録する'}
          </button>
          {editing ? (
            <button type="button" className="button--secondary" onClick={onDone}>
              編集をやめる
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}

function RosterDownload({ joint }: { joint: JointParticipants }) {
  const id = useId();
  const [encoding, setEncoding] = useState<'utf-8-bom' | 'cp932'>('utf-8-bom');
  const sjis = useShiftJisCheck(encoding === 'cp932', () => checkRoster(joint.sessionId));
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>名簿のダウンロード(CSV)</h2>
      <p>当市({joint.ownMunicipality})の受講者(受講決定・出席・修了)と他自治体の参加者(取消を除く)を、合同実施の自治体に送る名簿にします。出力は監査ログに記録されます。</p>
      <CsvEncodingChoice value={encoding} onChange={setEncoding} sjis={sjis} className="training-checkboxes" />
      <ShiftJisCheckButton sjis={sjis} variant="secondary" />
      <ShiftJisCheckOutcome sjis={sjis} />
      <ShiftJisSubstitutionConfirm sjis={sjis} describe={(u) => `${u.row}行目 ${u.columnLabel}「${u.char}」`} />
      {sjis.canDownload ? (
        <p className="form-actions">
          <a className="button button--primary" href={rosterUrl(joint.sessionId, encoding, sjis.replacesUnencodable)} download>
            名簿をダウンロード
          </a>
        </p>
      ) : null}
    </section>
  );
}

function rosterIssuesOf(error: unknown): RosterIssue[] {
  if (!(error instanceof ApiError) || error.code !== 'training.roster-invalid' || !Array.isArray(error.details)) return [];
  return error.details as RosterIssue[];
}

function RosterUpload({ joint, onMessage }: { joint: JointParticipants; onMessage: (m: string) => void }) {
  const id = useId();
  const upload = useImportRoster(joint.sessionId);
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<'utf-8' | 'shift_jis'>('utf-8');
  const [problem, setProblem] = useState('');
  const issues = rosterIssuesOf(upload.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setProblem('ファイルを選んでください。');
      return;
    }
    setProblem('');
    upload.mutate(
      { file, encoding },
      {
        onSuccess: (r) => {
          const ignored = r.ignoredOwnLines.length > 0 ? `当市の行(${r.ignoredOwnLines.join('・')}行目)は取り込みませんでした。` : '';
          onMessage(`名簿を取り込みました: 追加 ${r.inserted} 人、更新 ${r.updated} 人。${ignored}`);
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>名簿の取込み(CSV)</h2>
      <p>
        合同実施の自治体から届いた名簿を取り込みます。見出し行は「自治体,氏,名,氏カナ,名カナ,所属,職名,状態」です。自治体・氏名・カナが同じ参加者は更新し、当市({joint.ownMunicipality})の行は取り込みません。誤りが1件でもあれば何も登録しません。
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-encoding`}>文字コード</label>
          <select id={`${id}-encoding`} value={encoding} onChange={(e) => setEncoding(e.target.value as 'utf-8' | 'shift_jis')}>
            <option value="utf-8">UTF-8</option>
            <option value="shift_jis">Shift_JIS</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-file`}>CSV ファイル</label>
          <input id={`${id}-file`} ref={fileInput} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <ProblemAlert message={problem} />
        <ErrorAlert error={upload.error} title="取り込めませんでした。" />
        {issues.length > 0 ? (
          <div className="table-wrap" {...scrollRegion('名簿の誤り')}>
            <table className="training-table">
              <caption>名簿の誤り {issues.length} 件</caption>
              <thead>
                <tr>
                  <th scope="col">行</th>
                  <th scope="col">列</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((issue, index) => (
                  <tr key={`${issue.line}-${issue.column}-${index}`}>
                    <th scope="row">{issue.line} 行目</th>
                    <td>{issue.column || '—'}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={upload.isPending}>
            取り込む
          </button>
        </div>
      </form>
    </section>
  );
}
