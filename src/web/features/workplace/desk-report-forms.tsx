/**
 * The reporter's side, shared by the public page (/desk) and the signed-in page (/workplace/desks): file a
 * consultation or report and receive the receipt code and secret once; follow a case with both and exchange messages.
 */
import { useId, useState, type FormEvent } from 'react';
import { dateFormatter } from '../../app/dates.js';
import { ErrorAlert, StatusMessage } from '../../components/page.js';
import { caseStatusLabels, categoryLabels, deskCategories, messageMax, summaryMax, type DeskCategory } from '../../../domain/workplace/desk-rules.js';
import type { FiledReceipt, ReporterCaseView } from '../../../domain/workplace/desk-api.js';
import { useFileReport, useFollowCase, useReporterMessage } from './desk.queries.js';

const dates = dateFormatter('wareki');

export function FileReportForm({ isPublic }: { isPublic: boolean }) {
  const id = useId();
  const file = useFileReport(isPublic);
  const [category, setCategory] = useState<DeskCategory | ''>('');
  const [summary, setSummary] = useState('');
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [isAnonymous, setIsAnonymous] = useState(true);
  const [problem, setProblem] = useState('');
  const [receipt, setReceipt] = useState<FiledReceipt | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!category || !summary.trim()) {
      setProblem('区分と内容を入力してください。');
      return;
    }
    setProblem('');
    file.mutate({ category, summary, name, contact, isAnonymous }, { onSuccess: (r) => setReceipt(r) });
  };

  if (receipt) {
    return (
      <section aria-labelledby={`${id}-receipt`} className="panel panel--focus desk-receipt">
        <h2 id={`${id}-receipt`}>受け付けました</h2>
        <p>
          {receipt.deskLabel}({receipt.categoryLabel})として受け付けました。経過の確認と窓口とのやり取りには、次の受付番号と確認用パスワードが必要です。
          <strong>確認用パスワードはこの画面でしか表示されません。</strong>書き留めて、他の人に見られない場所に保管してください。
        </p>
        <dl className="desk-receipt__codes">
          <dt>受付番号</dt>
          <dd className="mono" data-testid="receipt-code">{receipt.receiptCode}</dd>
          <dt>確認用パスワード</dt>
          <dd className="mono" data-testid="receipt-secret">{receipt.secret}</dd>
        </dl>
        <button type="button" className="button button--secondary" onClick={() => { setReceipt(null); setSummary(''); setCategory(''); }}>
          別の相談・通報をする
        </button>
      </section>
    );
  }

  return (
    <section aria-labelledby={`${id}-file`} className="panel">
      <h2 id={`${id}-file`}>相談・通報をする</h2>
      <p className="hint">
        ハラスメントの相談は相談員が、公益通報は公益通報対応業務従事者が対応します。内容は担当者だけが見ます。人事・管理職・システム管理者は内容を見ることができません。
      </p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-category`}>
            区分<span className="required">(必須)</span>
          </label>
          <select id={`${id}-category`} value={category} required aria-required="true" onChange={(e) => setCategory(e.target.value as DeskCategory)}>
            <option value="">選んでください</option>
            {deskCategories.map((c) => (
              <option key={c} value={c}>
                {categoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-summary`}>
            内容<span className="required">(必須)</span>
          </label>
          <textarea id={`${id}-summary`} rows={8} maxLength={summaryMax} required aria-required="true" aria-describedby={`${id}-summary-hint`} value={summary} onChange={(e) => setSummary(e.target.value)} />
          <p id={`${id}-summary-hint`} className="hint">
            いつ・どこで・誰が・何をしたかを、分かる範囲で書いてください({summaryMax}文字まで)。
          </p>
        </div>
        {isPublic ? (
          <>
            <div className="field">
              <label htmlFor={`${id}-name`}>お名前(任意。匿名でも受け付けます)</label>
              <input id={`${id}-name`} maxLength={100} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={`${id}-contact`}>連絡先(任意)</label>
              <input id={`${id}-contact`} maxLength={200} autoComplete="off" value={contact} onChange={(e) => setContact(e.target.value)} />
            </div>
          </>
        ) : (
          <div className="checkbox">
            <input id={`${id}-anon`} type="checkbox" checked={isAnonymous} onChange={(e) => setIsAnonymous(e.target.checked)} />
            <label htmlFor={`${id}-anon`}>担当者に名前を伝えない(匿名にする)</label>
          </div>
        )}
        {problem ? (
          <div role="alert" className="alert alert--error">
            <p>{problem}</p>
          </div>
        ) : null}
        <ErrorAlert error={file.error} title="受け付けられませんでした。" />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={file.isPending}>
            送信する
          </button>
        </div>
      </form>
    </section>
  );
}

export function FollowPanel() {
  const id = useId();
  const follow = useFollowCase();
  const send = useReporterMessage();
  const [receiptCode, setReceiptCode] = useState('');
  const [secret, setSecret] = useState('');
  const [view, setView] = useState<ReporterCaseView | null>(null);
  const [body, setBody] = useState('');
  const [message, setMessage] = useState('');

  const open = (event: FormEvent) => {
    event.preventDefault();
    follow.mutate({ receiptCode, secret }, { onSuccess: (v) => setView(v) });
  };
  const reply = (event: FormEvent) => {
    event.preventDefault();
    if (!body.trim()) return;
    send.mutate(
      { receiptCode, secret, body },
      {
        onSuccess: () => {
          setBody('');
          setMessage('メッセージを送りました。');
          follow.mutate({ receiptCode, secret }, { onSuccess: (v) => setView(v) });
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-follow`} className="panel">
      <h2 id={`${id}-follow`}>経過を確認する</h2>
      {!view ? (
        <form onSubmit={open} noValidate>
          <div className="field">
            <label htmlFor={`${id}-code`}>受付番号</label>
            <input id={`${id}-code`} autoComplete="off" maxLength={40} value={receiptCode} onChange={(e) => setReceiptCode(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-secret`}>確認用パスワード</label>
            <input id={`${id}-secret`} type="password" autoComplete="off" maxLength={200} value={secret} onChange={(e) => setSecret(e.target.value)} />
          </div>
          <ErrorAlert error={follow.error} title="確認できませんでした。" />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={follow.isPending}>
              確認する
            </button>
          </div>
        </form>
      ) : (
        <>
          <dl className="desk-facts">
            <dt>受付番号</dt>
            <dd className="mono">{view.receiptCode}</dd>
            <dt>区分</dt>
            <dd>{view.categoryLabel}</dd>
            <dt>受付日</dt>
            <dd>{dates.timestamp(view.receivedAt)}</dd>
            <dt>状況</dt>
            <dd data-testid="reporter-status">{view.statusLabel}</dd>
          </dl>
          <ol className="desk-timeline" aria-label="経過">
            {view.events.map((e) => (
              <li key={e.id} className={e.from === 'reporter' ? 'desk-timeline__item desk-timeline__item--mine' : 'desk-timeline__item'}>
                <p className="cell-sub">
                  {dates.timestamp(e.createdAt)} {e.from === 'reporter' ? 'あなた' : '窓口'}
                  {e.kind === 'status' && e.statusTo ? `(状況: ${caseStatusLabels[e.statusTo]})` : ''}
                </p>
                {e.body ? <p className="desk-timeline__body">{e.body}</p> : null}
              </li>
            ))}
          </ol>
          <StatusMessage>{message}</StatusMessage>
          {view.isOpen ? (
            <form onSubmit={reply} noValidate>
              <div className="field">
                <label htmlFor={`${id}-reply`}>窓口へのメッセージ</label>
                <textarea id={`${id}-reply`} rows={4} maxLength={messageMax} value={body} onChange={(e) => setBody(e.target.value)} />
              </div>
              <ErrorAlert error={send.error} title="送れませんでした。" />
              <div className="form-actions">
                <button type="submit" className="button button--primary" disabled={send.isPending}>
                  送る
                </button>
              </div>
            </form>
          ) : (
            <p>この相談・通報は終了しています。</p>
          )}
          <button type="button" className="button button--link" onClick={() => { setView(null); setSecret(''); }}>
            閉じる
          </button>
        </>
      )}
    </section>
  );
}
