/**
 * /workplace/desks/designations: 相談員・公益通報対応業務従事者の指定 with dates and the document. hr_admin and a desk's
 * own designated handlers manage them; no case contents appear here.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { deskLabels, desks, handlerTitles, type Desk } from '../../../domain/workplace/desk-rules.js';
import { useDesignate, useDesignations, useEndDesignation } from './desk.queries.js';
import './desk.css';

const title = '窓口の対応者の指定';

export function DeskDesignationsPage() {
  const session = useSession();
  if (!session.roles.includes('hr_admin') && !session.roles.includes('case_handler')) return <Forbidden title={title} />;
  return <DesignationsView />;
}

function DesignationsView() {
  const id = useId();
  const dates = useDates();
  const list = useDesignations();
  const designate = useDesignate();
  const end = useEndDesignation();
  const [employeeNumber, setEmployeeNumber] = useState('');
  const [desk, setDesk] = useState<Desk>('harassment');
  const [designatedOn, setDesignatedOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [documentRef, setDocumentRef] = useState('');
  const [message, setMessage] = useState('');
  const canManage = list.data?.canManageDesks ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    designate.mutate(
      { employeeNumber, desk, designatedOn, endsOn: endsOn || null, documentRef },
      {
        onSuccess: (r) => {
          setMessage(r.hasCaseHandlerRole ? '指定しました。' : '指定しました。案件を担当するには「相談・通報対応業務従事者」の役割の付与も必要です。');
          setEmployeeNumber('');
          setDocumentRef('');
        },
      },
    );
  };

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        指定は書面(文書番号)と期間で記録します。人事管理者は指定を管理できますが、案件の内容は見られません。人事・監査・システム管理の役割を持つ職員は指定できません。
      </p>
      <StatusMessage>{message}</StatusMessage>
      {list.isPending ? <Loading /> : null}
      <ErrorAlert error={list.error ?? end.error} title="指定を読み込めませんでした。" />
      {list.data ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption>対応者の指定</caption>
            <thead>
              <tr>
                <th scope="col">職員</th>
                <th scope="col">指定</th>
                <th scope="col">期間</th>
                <th scope="col">文書</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {list.data.designations.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    {d.name}({d.employeeNumber})
                  </th>
                  <td>{handlerTitles[d.desk]}</td>
                  <td>
                    {dates.period(d.designatedOn, d.endsOn)}
                    {d.isInForce ? '' : '(期間外)'}
                  </td>
                  <td>{d.documentRef}</td>
                  <td>
                    {d.endsOn === null && canManage.includes(d.desk) ? (
                      <button type="button" className="button button--small button--secondary" onClick={() => end.mutate({ id: d.id, endsOn: new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10) })}>
                        {d.name}の指定を今日で終える
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {canManage.length > 0 ? (
        <section aria-labelledby={`${id}-new`} className="panel">
          <h2 id={`${id}-new`}>指定する</h2>
          <form onSubmit={submit} noValidate className="form-grid">
            <div className="field">
              <label htmlFor={`${id}-number`}>職員番号</label>
              <input id={`${id}-number`} maxLength={20} autoComplete="off" value={employeeNumber} onChange={(e) => setEmployeeNumber(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-desk`}>窓口</label>
              <select id={`${id}-desk`} value={desk} onChange={(e) => setDesk(e.target.value as Desk)}>
                {desks.filter((d) => canManage.includes(d)).map((d) => (
                  <option key={d} value={d}>
                    {deskLabels[d]}({handlerTitles[d]})
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-from`}>指定日</label>
              <input id={`${id}-from`} type="date" value={designatedOn} onChange={(e) => setDesignatedOn(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-to`}>終了日(任意)</label>
              <input id={`${id}-to`} type="date" value={endsOn} onChange={(e) => setEndsOn(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-doc`}>指定の文書(番号)</label>
              <input id={`${id}-doc`} maxLength={200} value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} />
            </div>
            <ErrorAlert error={designate.error} title="指定できませんでした。" />
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={designate.isPending}>
                指定する
              </button>
            </div>
          </form>
        </section>
      ) : null}
    </>
  );
}
