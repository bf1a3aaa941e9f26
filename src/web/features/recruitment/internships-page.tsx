/**
 * /recruitment/internships: requests for internships and workplace experience (インターン・職場体験) from local
 * students; HR assigns a host unit and dates, accepts or declines, and records the student's and host's feedback.
 * Former interns' later applications are counted (linked by name+kana+birth date or e-mail).
 */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { internshipKindLabels, internshipStatusLabels, internshipStatuses, localTieLabels, type InternshipStatus } from '../../../domain/recruitment/intake.js';
import type { InternshipView } from '../../../domain/recruitment/intake-api.js';
import { useHostUnits, useInternships, useSaveInternship } from './campaigns.queries.js';
import { isRecruitmentStaff } from './campaigns-page.js';
import './recruitment-intake.css';

const title = 'インターン・職場体験';

export function InternshipsPage() {
  const session = useSession();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title={title} />;
  return <InternshipsView />;
}

function InternshipsView() {
  const dates = useDates();
  const list = useInternships();
  const [selected, setSelected] = useState<number | null>(null);
  const chosen = list.data?.internships.find((i) => i.id === selected);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        公開ページ(<a href="/careers/internship">/careers/internship</a>)からの申込みです。受入れ所属と日程を決めて受け入れ、終了後に感想を記録します。後に採用試験に応募した人は「その後の応募」に数えます。
      </p>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error} title="申込みを読み込めませんでした。" />
      {list.data ? (
        <table className="data-table">
          <caption>申込みの一覧</caption>
          <thead>
            <tr>
              <th scope="col">氏名</th>
              <th scope="col">種類</th>
              <th scope="col">学校・市とのつながり</th>
              <th scope="col">日程</th>
              <th scope="col">受入れ所属</th>
              <th scope="col">状態</th>
              <th scope="col">その後の応募</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {list.data.internships.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.isAnonymised ? '(保存期間経過により消去)' : `${i.studentName}(${i.studentNameKana})`}</th>
                <td>{internshipKindLabels[i.kind]}</td>
                <td>
                  {i.school} / {localTieLabels[i.localTie]}
                </td>
                <td>{dates.period(i.startsOn, i.endsOn)}</td>
                <td>{i.hostUnitName ?? '未定'}</td>
                <td>{internshipStatusLabels[i.status]}</td>
                <td>{i.laterApplications}件</td>
                <td>
                  <button type="button" disabled={i.isAnonymised} onClick={() => setSelected(i.id)} aria-label={`${i.isAnonymised ? '消去済み' : i.studentName}の申込みを編集`}>
                    編集
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {chosen ? <InternshipForm key={`${chosen.id}-${chosen.version}`} internship={chosen} onDone={() => setSelected(null)} /> : null}
    </>
  );
}

function InternshipForm({ internship: i, onDone }: { internship: InternshipView; onDone: () => void }) {
  const save = useSaveInternship();
  const units = useHostUnits(todayInJapan());
  const [status, setStatus] = useState<InternshipStatus>(i.status);
  const [hostUnitId, setHostUnitId] = useState(i.hostUnitId === null ? '' : String(i.hostUnitId));
  const [startsOn, setStartsOn] = useState(i.startsOn);
  const [endsOn, setEndsOn] = useState(i.endsOn);
  const [studentFeedback, setStudentFeedback] = useState(i.studentFeedback);
  const [hostFeedback, setHostFeedback] = useState(i.hostFeedback);
  const [message, setMessage] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: i.id, version: i.version, status, hostUnitId: hostUnitId === '' ? null : Number(hostUnitId), startsOn, endsOn, studentFeedback, hostFeedback },
      { onSuccess: () => (setMessage('保存しました。'), onDone()) },
    );
  };
  const isConflict = save.error instanceof ApiError && save.error.status === 409;
  return (
    <form className="internship-form" onSubmit={submit} aria-labelledby="intern-form-h">
      <h2 id="intern-form-h">{i.studentName}さんの申込み</h2>
      <StatusMessage>{message}</StatusMessage>
      {isConflict ? <ConflictAlert subject="申込み" onReload={onDone} /> : <ErrorAlert error={save.error} title="保存できませんでした。" />}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="in-status">状態</label>
          <select id="in-status" value={status} onChange={(e) => setStatus(e.target.value as InternshipStatus)}>
            {internshipStatuses.map((s) => (
              <option key={s} value={s}>
                {internshipStatusLabels[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="in-unit">受入れ所属</label>
          <select id="in-unit" value={hostUnitId} onChange={(e) => setHostUnitId(e.target.value)}>
            <option value="">未定</option>
            {units.data?.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.path}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="in-start">開始日</label>
          <input id="in-start" type="date" value={startsOn} onChange={(e) => setStartsOn(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="in-end">終了日</label>
          <input id="in-end" type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor="in-sfb">学生の感想</label>
        <textarea id="in-sfb" value={studentFeedback} onChange={(e) => setStudentFeedback(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="in-hfb">受入れ所属の所見</label>
        <textarea id="in-hfb" value={hostFeedback} onChange={(e) => setHostFeedback(e.target.value)} />
      </div>
      <div className="campaign-actions">
        <button type="submit" className="button--primary" disabled={save.isPending}>
          保存する
        </button>
        <button type="button" onClick={onDone}>
          閉じる
        </button>
      </div>
    </form>
  );
}
