/**
 * /workplace/desks/cases/:id: one case for its assigned handlers — contents, timeline, messages to the reporter,
 * investigation notes, cooperators, the status, colleagues, and the reporter's identity on an explicit, audited click.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { caseStatusLabels, categoryLabels, deskLabels, messageMax, type CaseStatus } from '../../../domain/workplace/desk-rules.js';
import type { CaseDetail } from '../../../domain/workplace/desk-api.js';
import { useAddCooperator, useAddNote, useAssignHandler, useCase, useDeskHandlers, useMoveCase, useRevealReporter, useSendMessage } from './desk.queries.js';
import './desk.css';

const kindLabels: Record<CaseDetail['events'][number]['kind'], string> = { message: 'メッセージ', status: '状況の変更', note: '調査の記録', cooperator: '調査への協力者' };

export function DeskCasePage() {
  const id = Number(useParams().id);
  const detail = useCase(id);
  if (detail.isPending) return <Loading />;
  if (detail.error) {
    const isHidden = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403);
    return (
      <>
        <PageHeading title="案件" />
        {isHidden ? (
          <div role="alert" className="alert alert--error">
            <p>この案件は表示できません。案件は、担当になった相談員・公益通報対応業務従事者だけが見られます。</p>
          </div>
        ) : (
          <ErrorAlert error={detail.error} title="案件を読み込めませんでした。" />
        )}
        <Link to="/workplace/desks/cases">担当する案件へ</Link>
      </>
    );
  }
  return <CaseView detail={detail.data} />;
}

function TextForm({ label, button, onSubmit, isPending, error }: { label: string; button: string; onSubmit: (body: string, done: () => void) => void; isPending: boolean; error: unknown }) {
  const id = useId();
  const [body, setBody] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (body.trim()) onSubmit(body, () => setBody(''));
  };
  return (
    <form onSubmit={submit} noValidate className="desk-form">
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea id={id} rows={3} maxLength={messageMax} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <ErrorAlert error={error} title="保存できませんでした。" />
      <button type="submit" className="button button--primary" disabled={isPending}>
        {button}
      </button>
    </form>
  );
}

function CaseView({ detail }: { detail: CaseDetail }) {
  const dates = useDates();
  const id = useId();
  const [status, setStatus] = useState('');
  const send = useSendMessage(detail.id);
  const note = useAddNote(detail.id);
  const cooperator = useAddCooperator(detail.id);
  const move = useMoveCase(detail.id);
  const reveal = useRevealReporter(detail.id);
  const isOpen = detail.status !== 'closed';
  const [cooperatorNumber, setCooperatorNumber] = useState('');
  const [cooperatorNote, setCooperatorNote] = useState('');

  return (
    <>
      <PageHeading title={`案件 ${detail.id}(${detail.pseudonym})`} />
      <StatusMessage>{status}</StatusMessage>
      <section aria-labelledby={`${id}-facts`} className="panel">
        <h2 id={`${id}-facts`}>概要</h2>
        <dl className="desk-facts">
          <dt>窓口</dt>
          <dd>{deskLabels[detail.desk]}</dd>
          <dt>区分</dt>
          <dd>{categoryLabels[detail.category]}</dd>
          <dt>状況</dt>
          <dd data-testid="case-status">{caseStatusLabels[detail.status]}</dd>
          <dt>受付</dt>
          <dd>{dates.timestamp(detail.receivedAt)}</dd>
          <dt>担当者</dt>
          <dd>{detail.handlers.map((h) => h.name).join('、')}</dd>
        </dl>
        <h3>相談・通報の内容</h3>
        <p className="desk-timeline__body">{detail.summary}</p>
      </section>

      <section aria-labelledby={`${id}-reporter`} className="panel">
        <h2 id={`${id}-reporter`}>相談者・通報者</h2>
        <p className="hint">ここ以外では「{detail.pseudonym}」と表示します。表示すると閲覧が記録されます。相談者を特定・探索してはいけません。</p>
        {reveal.data ? (
          reveal.data.isAnonymous && !reveal.data.name && !reveal.data.contact ? (
            <p>匿名の相談・通報です(名前・連絡先の記録はありません)。</p>
          ) : (
            <dl className="desk-facts">
              {reveal.data.staffName ? (
                <>
                  <dt>職員</dt>
                  <dd>
                    {reveal.data.staffName}({reveal.data.employeeNumber})
                  </dd>
                </>
              ) : null}
              {reveal.data.name ? (
                <>
                  <dt>名前</dt>
                  <dd>{reveal.data.name}</dd>
                </>
              ) : null}
              {reveal.data.contact ? (
                <>
                  <dt>連絡先</dt>
                  <dd>{reveal.data.contact}</dd>
                </>
              ) : null}
            </dl>
          )
        ) : (
          <button type="button" className="button button--secondary" onClick={() => reveal.mutate()} disabled={reveal.isPending}>
            相談者を表示する(閲覧を記録)
          </button>
        )}
        <ErrorAlert error={reveal.error} title="表示できませんでした。" />
      </section>

      <section aria-labelledby={`${id}-timeline`} className="panel">
        <h2 id={`${id}-timeline`}>経過</h2>
        <ol className="desk-timeline">
          {detail.events.map((e) => (
            <li key={e.id} className={`desk-timeline__item desk-timeline__item--${e.kind}`}>
              <p className="cell-sub">
                {dates.timestamp(e.createdAt)} {e.authorLabel} — {kindLabels[e.kind]}
                {e.statusTo ? `: ${caseStatusLabels[e.statusTo]}` : ''}
                {e.kind === 'note' || e.kind === 'cooperator' ? '(相談者には表示されません)' : ''}
              </p>
              {e.cooperator ? (
                <p>
                  協力者: {e.cooperator.name}({e.cooperator.employeeNumber})
                </p>
              ) : null}
              {e.body ? <p className="desk-timeline__body">{e.body}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {isOpen ? (
        <>
          <section aria-labelledby={`${id}-reply`} className="panel">
            <h2 id={`${id}-reply`}>相談者へのメッセージ</h2>
            <TextForm label="メッセージ" button="送る" isPending={send.isPending} error={send.error} onSubmit={(body, done) => send.mutate({ body }, { onSuccess: () => { done(); setStatus('メッセージを送りました。'); } })} />
          </section>
          <section aria-labelledby={`${id}-status`} className="panel">
            <h2 id={`${id}-status`}>状況を進める</h2>
            <div className="toolbar">
              {detail.nextStatuses.map((to: CaseStatus) => (
                <button
                  key={to}
                  type="button"
                  className="button button--secondary"
                  disabled={move.isPending}
                  onClick={() => move.mutate({ to, version: detail.version }, { onSuccess: () => setStatus(`状況を「${caseStatusLabels[to]}」にしました。`) })}
                >
                  「{caseStatusLabels[to]}」にする
                </button>
              ))}
            </div>
            <ErrorAlert error={move.error} title="状況を変更できませんでした。" />
          </section>
          <section aria-labelledby={`${id}-notes`} className="panel">
            <h2 id={`${id}-notes`}>調査の記録(担当者だけが見る)</h2>
            <TextForm label="調査の記録" button="記録する" isPending={note.isPending} error={note.error} onSubmit={(body, done) => note.mutate({ body }, { onSuccess: () => { done(); setStatus('調査の記録を追加しました。'); } })} />
            <form
              className="desk-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                if (!cooperatorNumber.trim() || !cooperatorNote.trim()) return;
                cooperator.mutate(
                  { employeeNumber: cooperatorNumber, body: cooperatorNote },
                  { onSuccess: () => { setCooperatorNumber(''); setCooperatorNote(''); setStatus('協力者を記録しました。'); } },
                );
              }}
            >
              <h3>調査に協力した職員(相談者と同様に保護)</h3>
              <div className="field">
                <label htmlFor={`${id}-coop-number`}>職員番号</label>
                <input id={`${id}-coop-number`} maxLength={20} autoComplete="off" value={cooperatorNumber} onChange={(e) => setCooperatorNumber(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor={`${id}-coop-note`}>協力の内容</label>
                <input id={`${id}-coop-note`} maxLength={1000} autoComplete="off" value={cooperatorNote} onChange={(e) => setCooperatorNote(e.target.value)} />
              </div>
              <ErrorAlert error={cooperator.error} title="記録できませんでした。" />
              <button type="submit" className="button button--secondary" disabled={cooperator.isPending}>
                協力者を記録する
              </button>
            </form>
          </section>
          <AddColleague detail={detail} onDone={() => setStatus('担当者を加えました。')} />
        </>
      ) : (
        <p>この案件は終了しています。</p>
      )}
      <p>
        <Link to="/workplace/desks/cases">担当する案件へ</Link>
      </p>
    </>
  );
}

function AddColleague({ detail, onDone }: { detail: CaseDetail; onDone: () => void }) {
  const id = useId();
  const handlers = useDeskHandlers(detail.desk);
  const assign = useAssignHandler();
  const [staffId, setStaffId] = useState('');
  const candidates = (handlers.data?.handlers ?? []).filter((h) => !detail.handlers.some((a) => a.staffId === h.staffId));
  return (
    <section aria-labelledby={`${id}-colleague`} className="panel">
      <h2 id={`${id}-colleague`}>担当者を加える</h2>
      {candidates.length === 0 ? (
        <p>加えられる対応者(この窓口に指定された人)はいません。</p>
      ) : (
        <form
          noValidate
          className="desk-form"
          onSubmit={(event) => {
            event.preventDefault();
            if (staffId) assign.mutate({ caseId: detail.id, staffId: Number(staffId) }, { onSuccess: onDone });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-handler`}>対応者</label>
            <select id={`${id}-handler`} value={staffId} onChange={(e) => setStaffId(e.target.value)}>
              <option value="">選んでください</option>
              {candidates.map((h) => (
                <option key={h.staffId} value={h.staffId}>
                  {h.name}({h.employeeNumber})
                </option>
              ))}
            </select>
          </div>
          <ErrorAlert error={assign.error} title="加えられませんでした。" />
          <button type="submit" className="button button--secondary" disabled={assign.isPending}>
            加える
          </button>
        </form>
      )}
    </section>
  );
}
