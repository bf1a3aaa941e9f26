/** /workplace/desks/cases: the handler's own cases and the intake queue of their desks (no contents until assigned). */
import { Link } from 'react-router';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { caseStatusLabels, categoryLabels, deskLabels } from '../../../domain/workplace/desk-rules.js';
import { useAssignHandler, useInbox } from './desk.queries.js';
import './desk.css';

const title = '担当する案件';

export function DeskCasesPage() {
  const session = useSession();
  if (!session.roles.includes('case_handler')) return <Forbidden title={title} />;
  return <CasesView staffId={session.staffId} />;
}

function CasesView({ staffId }: { staffId: number | null }) {
  const dates = useDates();
  const inbox = useInbox();
  const assign = useAssignHandler();
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">案件の内容・相談者は、担当になった人だけが見られます。閲覧はすべて記録されます。</p>
      {inbox.isPending ? <Loading /> : null}
      <ErrorAlert error={inbox.error ?? assign.error} title="案件を読み込めませんでした。" />
      {inbox.data ? (
        <>
          {inbox.data.desks.length === 0 ? <p>相談員・公益通報対応業務従事者に指定されていません。</p> : null}
          <div className="table-wrap">
            <table className="data-table">
              <caption>担当している案件</caption>
              <thead>
                <tr>
                  <th scope="col">案件</th>
                  <th scope="col">窓口</th>
                  <th scope="col">区分</th>
                  <th scope="col">状況</th>
                  <th scope="col">受付</th>
                  <th scope="col">最新の連絡</th>
                </tr>
              </thead>
              <tbody>
                {inbox.data.assigned.length === 0 ? (
                  <tr>
                    <td colSpan={6}>担当している案件はありません。</td>
                  </tr>
                ) : (
                  inbox.data.assigned.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/workplace/desks/cases/${c.id}`}>
                          案件 {c.id}({c.pseudonym})
                        </Link>
                      </th>
                      <td>{deskLabels[c.desk]}</td>
                      <td>{categoryLabels[c.category]}</td>
                      <td>{caseStatusLabels[c.status]}</td>
                      <td>{dates.timestamp(c.receivedAt)}</td>
                      <td>{c.lastEventAt ? dates.timestamp(c.lastEventAt) : '—'}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          <div className="table-wrap">
            <table className="data-table">
              <caption>担当者のいない受付(内容は担当になってから表示)</caption>
              <thead>
                <tr>
                  <th scope="col">案件</th>
                  <th scope="col">窓口</th>
                  <th scope="col">受付</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {inbox.data.unassigned.length === 0 ? (
                  <tr>
                    <td colSpan={4}>担当者のいない受付はありません。</td>
                  </tr>
                ) : (
                  inbox.data.unassigned.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">案件 {c.id}</th>
                      <td>{deskLabels[c.desk]}</td>
                      <td>{dates.timestamp(c.receivedAt)}</td>
                      <td>
                        <button
                          type="button"
                          className="button button--small button--primary"
                          disabled={assign.isPending || staffId === null}
                          onClick={() => staffId !== null && assign.mutate({ caseId: c.id, staffId })}
                        >
                          案件 {c.id} を担当する
                        </button>
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </>
  );
}
