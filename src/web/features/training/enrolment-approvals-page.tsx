/**
 * 研修の申込みの承認 /training/approvals: applications (希望) of the people the actor evaluates, waiting for the
 * supervisor's decision. Approval enrols them, or puts them on the waiting list when the session is full.
 */
import { useState } from 'react';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { enrolmentStatusLabels } from '../../../domain/training/enrolment.js';
import { useDecideApplication, usePendingApprovals } from './enrolment.queries.js';
import { isStaleSave, useReloadTraining } from './training.queries.js';
import './training.css';

const title = '研修の申込みの承認';

export function EnrolmentApprovalsPage() {
  const dates = useDates();
  const approvals = usePendingApprovals();
  const decide = useDecideApplication();
  const reload = useReloadTraining();
  const [message, setMessage] = useState('');
  const items = approvals.data?.items ?? [];
  const caption = `承認を待つ申込み ${items.length} 件`;
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">評価者として担当する職員の研修の申込み(希望)です。承認すると受講が決まり、定員を超えているときはキャンセル待ちになります。</p>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={approvals.error} title="申込みを読み込めませんでした。" />
      {isStaleSave(decide.error) ? <ConflictAlert subject="申込み" onReload={reload} /> : <ErrorAlert error={decide.error} title="処理できませんでした。" />}
      {approvals.isPending ? <Loading /> : null}
      {approvals.data && items.length === 0 ? <p>承認を待つ申込みはありません。</p> : null}
      {items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="training-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">職員番号</th>
                <th scope="col">氏名</th>
                <th scope="col">研修</th>
                <th scope="col">日程</th>
                <th scope="col">申込みの理由</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => {
                const name = `${e.name}の${e.session.course.title}`;
                return (
                  <tr key={e.id}>
                    <td>{e.employeeNumber}</td>
                    <th scope="row">{e.name}</th>
                    <td>{e.session.course.title}</td>
                    <td>{dates.date(e.session.startsOn)}</td>
                    <td className="training-reason">{e.note || '—'}</td>
                    <td className="training-actions">
                      <button
                        type="button"
                        className="button--primary button--small"
                        disabled={decide.isPending}
                        onClick={() =>
                          decide.mutate(
                            { sessionId: e.sessionId, staffId: e.staffId, action: 'approve', version: e.version, note: '' },
                            { onSuccess: (r) => setMessage(`${name}を承認しました(${enrolmentStatusLabels[r.status]}${r.waitlistPosition !== null ? ` ${r.waitlistPosition}番目` : ''})。`) },
                          )
                        }
                      >
                        承認<span className="visually-hidden">({name})</span>
                      </button>
                      <button
                        type="button"
                        className="button--danger button--small"
                        disabled={decide.isPending}
                        onClick={() => decide.mutate({ sessionId: e.sessionId, staffId: e.staffId, action: 'reject', version: e.version, note: '' }, { onSuccess: () => setMessage(`${name}を承認しませんでした。`) })}
                      >
                        不承認<span className="visually-hidden">({name})</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
