/**
 * 応募者 /recruitment/applicants/:id (採用担当): the application as plain text (never markup — it is public input),
 * attachments as downloads, the former internship, scores, decisions, notices (printable letters), and the offer,
 * acceptance, decline or withdrawal with a reason. Opening the page is audited on the server.
 */
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage, usePageTitle } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { applicantStatusLabels, stageOutcomeLabels } from '../../../domain/recruitment/stages.js';
import { noticeTemplateLabels, type ApplicantDetail } from '../../../domain/recruitment/pipeline-api.js';
import { applicantSourceLabels } from '../../../domain/recruitment/intake.js';
import { attachmentPath, isRecruitmentStaff, pipelineApi, useApplicant, usePipelineMutation, useReloadPipeline } from './pipeline.queries.js';
import './pipeline.css';

const answerLabels: Record<string, string> = { education: '学歴', workExperienceYears: '職務経験(年)', qualifications: '資格', motivation: '志望動機' };
const actionLabels = { offer: '内定を出す', accept: '内定承諾を記録', decline: '内定辞退を記録', withdraw: '辞退(選考中)を記録' } as const;
type Action = keyof typeof actionLabels;

/** Any answer as text: arrays and objects are listed, never interpreted. */
function answerText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? Object.values(v as Record<string, unknown>).map(String).join(' ') : String(v))).join('\n') || '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function PipelineApplicantPage() {
  const session = useSession();
  const { id } = useParams();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title="応募者" />;
  return <Applicant applicantId={Number(id)} />;
}

function Applicant({ applicantId }: { applicantId: number }) {
  const dates = useDates();
  const detail = useApplicant(applicantId);
  const a = detail.data;
  const title = a ? `応募者 ${a.receiptNumber}` : '応募者';
  usePageTitle(title);
  return (
    <>
      <PageHeading title={title}>{a ? <Link to={`/recruitment/pipeline/${a.campaignId}`}>選考状況へ</Link> : null}</PageHeading>
      <ErrorAlert error={detail.error} title="応募者を読み込めませんでした。" />
      {detail.isPending ? <Loading /> : null}
      {a ? (
        <>
          <section className="panel" aria-labelledby="applicant-profile">
            <h2 id="applicant-profile">応募内容</h2>
            {a.isAnonymised ? <p>保存期間を過ぎたため、個人情報は匿名化されています。</p> : null}
            <dl>
              <dt>採用試験</dt>
              <dd>{a.campaignTitle}</dd>
              <dt>氏名</dt>
              <dd>
                {a.name}({a.kana})
              </dd>
              <dt>生年月日</dt>
              <dd>{a.birthDate ? `${dates.date(a.birthDate)}(基準日に${a.age}歳)` : '—'}</dd>
              <dt>メールアドレス</dt>
              <dd>{a.email || '—'}</dd>
              <dt>電話番号</dt>
              <dd>{a.phone || '—'}</dd>
              <dt>状態</dt>
              <dd>
                {applicantStatusLabels[a.status]}・{a.stages[a.stageIndex]?.name ?? '全試験合格'} {stageOutcomeLabels[a.stageOutcome]}
              </dd>
              <dt>応募のきっかけ・受付方法</dt>
              <dd>
                {applicantSourceLabels[a.source as 'web'] ?? a.source}・{a.channel === 'csv' ? '電子申請(CSV取込み)' : 'オンライン'}({dates.timestamp(a.submittedAt)})
              </dd>
              <dt>インターン・職場体験</dt>
              <dd>
                {a.internship ? (
                  <Link to="/recruitment/internships">
                    {a.internship.school} {dates.period(a.internship.startsOn, a.internship.endsOn)}(インターン等の記録 #{a.internship.id})
                  </Link>
                ) : (
                  'なし'
                )}
              </dd>
              {Object.entries(a.answers).map(([k, v]) => (
                <div key={k}>
                  <dt>{answerLabels[k] ?? k}</dt>
                  <dd>
                    <p className="pipeline-answer">{answerText(v)}</p>
                  </dd>
                </div>
              ))}
            </dl>
            {a.attachments.length > 0 ? (
              <>
                <h3>添付ファイル</h3>
                <ul>
                  {a.attachments.map((f) => (
                    <li key={f.id}>
                      <a href={attachmentPath(a.id, f.id)} download={f.fileName}>
                        {f.fileName}
                      </a>{' '}
                      ({Math.ceil(f.size / 1024)} KB)
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
          <Actions applicant={a} />
          <History applicant={a} />
        </>
      ) : null}
    </>
  );
}

function Actions({ applicant: a }: { applicant: ApplicantDetail }) {
  const id = useId();
  const reload = useReloadPipeline();
  const [reason, setReason] = useState('');
  const act = usePipelineMutation((action: Action) => pipelineApi.act(a.id, { action, reason: reason.trim(), version: a.version }));
  const notice = usePipelineMutation(() => pipelineApi.notices(a.campaignId, { template: 'offer', applicantIds: [a.id], stageIndex: null }));
  const closed = ['rejected', 'accepted', 'declined', 'withdrawn'].includes(a.status);
  const available: Action[] = closed ? [] : a.status === 'offered' ? ['accept', 'decline'] : a.stageIndex >= a.stages.length ? ['offer', 'withdraw'] : ['withdraw'];
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>内定・辞退</h2>
      {available.length === 0 ? <p>この応募者の選考は終了しています。</p> : null}
      {available.length > 0 ? (
        <div className="pipeline-actions">
          <div className="field field--grow">
            <label htmlFor={`${id}-reason`}>理由</label>
            <input id={`${id}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          {available.map((k) => (
            <button key={k} type="button" className={k === 'withdraw' || k === 'decline' ? 'button--secondary' : 'button--primary'} disabled={reason.trim() === '' || act.isPending} onClick={() => act.mutate(k)}>
              {actionLabels[k]}
            </button>
          ))}
        </div>
      ) : null}
      {a.status === 'offered' || a.status === 'accepted' ? (
        <button type="button" className="button--secondary" disabled={notice.isPending} onClick={() => notice.mutate(undefined)}>
          内定通知を作成
        </button>
      ) : null}
      {act.error instanceof ApiError && act.error.status === 409 ? <ConflictAlert subject="応募者" onReload={reload} /> : <ErrorAlert error={act.error ?? notice.error} title="記録できませんでした。" />}
      {act.data ? <StatusMessage>記録しました。</StatusMessage> : null}
      {notice.data ? <StatusMessage>内定通知を作成しました(メール {notice.data.mailed} 件、印刷用 {notice.data.print} 件)。</StatusMessage> : null}
    </section>
  );
}

function History({ applicant: a }: { applicant: ApplicantDetail }) {
  const dates = useDates();
  const [letter, setLetter] = useState<{ subject: string; body: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const stageName = (i: number | null) => (i === null ? '' : (a.stages[i]?.name ?? ''));
  return (
    <section className="panel" aria-labelledby="applicant-history">
      <h2 id="applicant-history">得点・判定・通知</h2>
      {a.scores.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('得点')}>
          <table>
            <caption>得点</caption>
            <thead>
              <tr>
                <th scope="col">試験</th>
                <th scope="col">評定者</th>
                <th scope="col">点(100点換算)</th>
              </tr>
            </thead>
            <tbody>
              {a.scores.map((s, i) => (
                <tr key={i}>
                  <th scope="row">{stageName(s.stageIndex)}</th>
                  <td>{s.raterName ?? '(取込み・入力)'}</td>
                  <td className="pipeline-number">{s.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>得点はまだありません。</p>
      )}
      {a.decisions.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('判定の記録')}>
          <table>
            <caption>判定の記録</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">試験</th>
                <th scope="col">判定</th>
                <th scope="col">理由</th>
              </tr>
            </thead>
            <tbody>
              {a.decisions.map((d) => (
                <tr key={d.id}>
                  <th scope="row">{dates.timestamp(d.decidedAt)}</th>
                  <td>{stageName(d.stageIndex)}</td>
                  <td>{d.action === 'decide' ? (stageOutcomeLabels[d.outcome as 'passed'] ?? d.outcome) : (actionLabels[d.action as Action] ?? d.action)}</td>
                  <td>{d.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {a.notices.length > 0 ? (
        <>
          <h3>通知</h3>
          <ul>
            {a.notices.map((n) => (
              <li key={n.id}>
                {noticeTemplateLabels[n.template as 'pass'] ?? n.template}「{n.subject}」{n.delivery === 'mail' ? 'メール送信済み' : n.delivery === 'failed' ? '送信失敗(印刷して郵送)' : '印刷用'}{' '}
                <button type="button" className="button--link" onClick={() => pipelineApi.notice(a.id, n.id).then(setLetter, setError)}>
                  本文を表示
                </button>
              </li>
            ))}
          </ul>
          <ErrorAlert error={error} title="通知を読み込めませんでした。" />
          {letter ? (
            <article className="pipeline-letter" aria-label="通知の本文">
              <h4>{letter.subject}</h4>
              {letter.body}
            </article>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
