/**
 * One campaign for the implementer side and HR, /stress-check/campaigns/:id: answer progress by unit (counts only),
 * the implementer's results and interview requests with the interview record, the group analysis with the
 * 仕事のストレス判定図 and 健康リスク (groups under the threshold are not shown), the high-risk units and their
 * follow-up actions, HR's consented results, and the counts for the labour-office report; the implementer's link to
 * paper entry (代理入力), the downloads of the results list (implementer) and of the group analysis (CSV/Excel, as
 * on screen) and each person's printable result sheet. The server decides what each role gets; sections the role
 * cannot see are not requested.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { CsvEncodingChoice, ShiftJisCheckButton, ShiftJisCheckOutcome, ShiftJisSubstitutionConfirm, useShiftJisCheck } from '../../components/shift-jis-check.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { riskCoefficients } from '../../../domain/stress-check/health-risk.js';
import { groupStatusLabel } from '../../../domain/stress-check/stress-check-export.js';
import {
  campaignStatusLabels,
  interviewOpinionLabels,
  interviewOpinions,
  interviewRequestStatusLabels,
  unitActionStatusLabels,
  type Campaign,
  type GroupFigure,
  type InterviewOpinion,
  type InterviewRequestItem,
  type InterviewRequestStatus,
} from '../../../domain/stress-check/stress-check-api.js';
import { JudgementChart, type ChartPoint } from './judgement-chart.js';
import {
  checkExport,
  exportUrl,
  useCampaigns,
  useConsentedResults,
  useGroupAnalysis,
  useHighRiskUnits,
  useInterviewRequests,
  useProgress,
  useRecordInterview,
  useRecordUnitAction,
  useReport,
  useResults,
  usePersonResult,
  type CsvEncoding,
  type StressExport,
} from './stress-check.queries.js';
import { ResultScores } from './result-page.js';
import './stress-check.css';

const title = 'ストレスチェックの実施状況と集団分析';
const num = (n: number) => n.toLocaleString('ja-JP');

export function CampaignPage() {
  const session = useSession();
  const id = Number(useParams().id);
  const isImplementer = session.roles.includes('stress_implementer');
  const campaigns = useCampaigns();
  if (!isImplementer && !session.isHr) return <Forbidden title={title} />;
  const campaign = campaigns.data?.items.find((c) => c.id === id);
  return (
    <>
      <PageHeading title={campaign ? `${campaign.name}` : title} />
      <p>
        <Link to="/stress-check/admin">実施の一覧へ</Link>
      </p>
      {campaigns.isPending ? <Loading /> : null}
      <ErrorAlert error={campaigns.error} title="実施を読み込めませんでした。" />
      {campaigns.data && !campaign ? <p>実施が見つかりません。</p> : null}
      {campaign ? (
        <>
          <p className="hint">
            状態: {campaignStatusLabels[campaign.status]}。判定方法: {campaign.methodLabel}(B {campaign.thresholds.bTotalAtLeast} 点以上、または A+C {campaign.thresholds.acTotalAtLeast} 点以上かつ B{' '}
            {campaign.thresholds.bWithAcAtLeast} 点以上)。集団分析は {campaign.minGroupSize} 人未満の集団を表示しません。
          </p>
          {isImplementer && campaign.status === 'open' ? (
            <p>
              <Link to={`/stress-check/campaigns/${campaign.id}/paper-entry`}>紙の回答を入力する(代理入力)</Link>
            </p>
          ) : null}
          <ProgressSection campaign={campaign} />
          {isImplementer ? <InterviewsSection campaign={campaign} /> : null}
          {isImplementer ? <ResultsSection campaign={campaign} /> : null}
          {session.roles.includes('hr_officer') ? <ConsentedSection campaign={campaign} /> : null}
          <GroupSection campaign={campaign} />
          <HighRiskSection campaign={campaign} />
          <ReportSection campaign={campaign} />
        </>
      ) : null}
    </>
  );
}

function NotReady({ error, what }: { error: unknown; what: string }) {
  if (error instanceof ApiError && error.code === 'stress-check.analysis-not-ready') return <p className="hint">{what}は実施の終了後に表示します。</p>;
  return <ErrorAlert error={error} title={`${what}を読み込めませんでした。`} />;
}

function ProgressSection({ campaign }: { campaign: Campaign }) {
  const progress = useProgress(campaign.id);
  const dates = useDates();
  return (
    <section aria-labelledby="sc-progress">
      <h2 id="sc-progress">所属別の回答状況</h2>
      <p className="hint">人数のみを表示します(誰が回答したかは表示しません)。</p>
      {progress.isPending ? <Loading /> : null}
      <ErrorAlert error={progress.error} title="回答状況を読み込めませんでした。" />
      {progress.data ? (
        <div className="table-wrap" {...scrollRegion('所属別の回答状況の表')}>
          <table className="data-table sc-table">
            <caption>
              所属別の回答状況({dates.date(progress.data.asOf)}時点。全体: 対象 {num(progress.data.total.targets)} 人、提出 {num(progress.data.total.submitted)} 人、回答中{' '}
              {num(progress.data.total.inProgress)} 人)
            </caption>
            <thead>
              <tr>
                <th scope="col">所属</th>
                <th scope="col" className="num">対象</th>
                <th scope="col" className="num">提出</th>
                <th scope="col" className="num">回答中</th>
                <th scope="col" className="num">未回答</th>
              </tr>
            </thead>
            <tbody>
              {progress.data.units.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row" className={`sc-depth-${Math.min(u.depth, 3)}`}>{u.unitName}</th>
                  <td className="num">{num(u.targets)}</td>
                  <td className="num">{num(u.submitted)}</td>
                  <td className="num">{num(u.inProgress)}</td>
                  <td className="num">{num(Math.max(0, u.targets - u.submitted - u.inProgress))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function InterviewsSection({ campaign }: { campaign: Campaign }) {
  const requests = useInterviewRequests(campaign.id, true);
  const dates = useDates();
  return (
    <section aria-labelledby="sc-interviews">
      <h2 id="sc-interviews">面接指導の申出</h2>
      {requests.isPending ? <Loading /> : null}
      <ErrorAlert error={requests.error} title="申出を読み込めませんでした。" />
      {requests.data && requests.data.items.length === 0 ? <p>申出はまだありません。</p> : null}
      {requests.data && requests.data.items.length > 0 ? (
        <table className="data-table">
          <caption>面接指導の申出({requests.data.items.length} 件)</caption>
          <thead>
            <tr>
              <th scope="col">職員番号</th>
              <th scope="col">氏名</th>
              <th scope="col">申出日時</th>
              <th scope="col">高ストレス</th>
              <th scope="col">状況</th>
              <th scope="col">面接指導の記録</th>
            </tr>
          </thead>
          <tbody>
            {requests.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.employeeNumber}</td>
                <th scope="row">{r.name}</th>
                <td>{dates.timestamp(r.requestedAt)}</td>
                <td>{r.isHighStress ? '該当' : '非該当'}</td>
                <td>{interviewRequestStatusLabels[r.status]}</td>
                <td>
                  {r.interview ? (
                    `${dates.date(r.interview.heldOn)} ${r.interview.physicianName}(${interviewOpinionLabels[r.interview.opinion]})`
                  ) : r.status === 'requested' ? (
                    <RecordInterview campaignId={campaign.id} request={r} />
                  ) : (
                    '—(本人が申出を取り下げました)'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function RecordInterview({ campaignId, request }: { campaignId: number; request: InterviewRequestItem }) {
  const record = useRecordInterview(campaignId);
  const ids = { date: useId(), doctor: useId(), opinion: useId(), note: useId() };
  const [form, setForm] = useState({ heldOn: '', physicianName: '', opinion: 'normal' as InterviewOpinion, note: '' });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ requestId: request.id, input: form });
  };
  return (
    <form onSubmit={onSubmit} className="sc-inline-form" aria-label={`${request.name}の面接指導の記録`}>
      <label htmlFor={ids.date}>実施日</label>
      <input id={ids.date} type="date" value={form.heldOn} onChange={(e) => setForm({ ...form, heldOn: e.target.value })} required />
      <label htmlFor={ids.doctor}>医師</label>
      <input id={ids.doctor} value={form.physicianName} onChange={(e) => setForm({ ...form, physicianName: e.target.value })} required />
      <label htmlFor={ids.opinion}>就業上の措置</label>
      <select id={ids.opinion} value={form.opinion} onChange={(e) => setForm({ ...form, opinion: e.target.value as InterviewOpinion })}>
        {interviewOpinions.map((o) => (
          <option key={o} value={o}>
            {interviewOpinionLabels[o]}
          </option>
        ))}
      </select>
      <label htmlFor={ids.note}>メモ</label>
      <input id={ids.note} value={form.note} onChange={(e) => setForm({ ...form, note: e.target.value })} />
      <ErrorAlert error={record.error} title="記録できませんでした。" />
      <button type="submit" disabled={record.isPending}>
        記録する
      </button>
    </form>
  );
}

function ResultsSection({ campaign }: { campaign: Campaign }) {
  const results = useResults(campaign.id, true);
  return (
    <section aria-labelledby="sc-results">
      <h2 id="sc-results">受検者の結果(実施者のみ)</h2>
      {results.isPending ? <Loading /> : null}
      <ErrorAlert error={results.error} title="結果を読み込めませんでした。" />
      {results.data ? (
        <>
          <p>
            受検者 {num(results.data.items.length)} 人、うち高ストレス者 {num(results.data.items.filter((r) => r.isHighStress).length)} 人、同意あり{' '}
            {num(results.data.items.filter((r) => r.consent === 'given').length)} 人。個人の結果を開くと、その閲覧は監査ログに記録されます。
          </p>
          <ExportDownloads campaignId={campaign.id} what="results" label="受検者の結果の一覧" />
          <PersonResults
            campaignId={campaign.id}
            list="results"
            caption="受検者の結果"
            people={results.data.items.map((r) => ({
              staffId: r.staffId,
              employeeNumber: r.employeeNumber,
              name: r.name,
              notes: [r.isHighStress ? '高ストレス' : '', r.interviewRequestStatus ? requestNotes[r.interviewRequestStatus] : '', r.consent === 'given' ? '提供に同意' : ''].filter(Boolean).join('・') || '—',
            }))}
          />
        </>
      ) : null}
    </section>
  );
}

const requestNotes: Record<InterviewRequestStatus, string> = { requested: '面接指導の申出あり', held: '面接指導 実施済み', withdrawn: '面接指導の申出を取下げ' };

type PersonRow = { staffId: number; employeeNumber: string; name: string; notes: string };

/** A list of people whose result the reader may open one at a time (each opening is an audited read on the server). */
function PersonResults({ campaignId, list, caption, people }: { campaignId: number; list: 'results' | 'consented-results'; caption: string; people: PersonRow[] }) {
  const [open, setOpen] = useState<PersonRow | null>(null);
  const result = usePersonResult(campaignId, list, open?.staffId ?? null);
  if (people.length === 0) return null;
  return (
    <>
      <div className="table-wrap" {...scrollRegion(caption)}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">職員番号</th>
              <th scope="col">氏名</th>
              <th scope="col">状況</th>
              <th scope="col">結果</th>
              {list === 'results' ? <th scope="col">個人結果票</th> : null}
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.staffId}>
                <td>{p.employeeNumber}</td>
                <th scope="row">{p.name}</th>
                <td>{p.notes}</td>
                <td>
                  <button type="button" className="button--small" aria-pressed={open?.staffId === p.staffId} onClick={() => setOpen(open?.staffId === p.staffId ? null : p)}>
                    結果を表示<span className="visually-hidden">({p.name})</span>
                  </button>
                </td>
                {list === 'results' ? (
                  <td>
                    <Link to={`/stress-check/campaigns/${campaignId}/results/${p.staffId}/print`}>
                      印刷<span className="visually-hidden">({p.name}の個人結果票)</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {open ? (
        <section aria-label={`${open.name}さんの結果`} className="sc-person-result">
          <h3>{open.name}さんの結果</h3>
          {result.isPending ? <Loading /> : null}
          <ErrorAlert error={result.error} title="結果を読み込めませんでした。" />
          {result.data ? <ResultScores result={result.data} subject={`${open.name}さん`} headingLevel={3} /> : null}
        </section>
      ) : null}
    </>
  );
}

function ConsentedSection({ campaign }: { campaign: Campaign }) {
  const consented = useConsentedResults(campaign.id, true);
  const dates = useDates();
  return (
    <section aria-labelledby="sc-consented">
      <h2 id="sc-consented">本人の同意により提供された結果</h2>
      {consented.isPending ? <Loading /> : null}
      <ErrorAlert error={consented.error} title="提供された結果を読み込めませんでした。" />
      {consented.data && consented.data.items.length === 0 ? <p>提供された結果はありません。</p> : null}
      {consented.data && consented.data.items.length > 0 ? (
        <PersonResults
          campaignId={campaign.id}
          list="consented-results"
          caption="同意により提供された結果"
          people={consented.data.items.map((r) => ({
            staffId: r.staffId,
            employeeNumber: r.employeeNumber,
            name: r.name,
            notes: `${r.isHighStress ? '高ストレス' : '高ストレス非該当'}・${dates.timestamp(r.consentedAt)}に同意`,
          }))}
        />
      ) : null}
    </section>
  );
}

const riskText = (f: GroupFigure | null) => (f?.risk ? String(f.risk.total) : '—');

function GroupSection({ campaign }: { campaign: Campaign }) {
  const analysis = useGroupAnalysis(campaign.id, campaign.status === 'closed');
  const chartA = useId();
  const chartB = useId();
  if (campaign.status !== 'closed') {
    return (
      <section aria-labelledby="sc-groups">
        <h2 id="sc-groups">集団分析</h2>
        <p className="hint">集団分析は実施の終了後に表示します(実施中に集計すると、提出の前後の差から個人の結果が分かるおそれがあるためです)。</p>
      </section>
    );
  }
  const data = analysis.data;
  const shown = data?.units.filter((u) => u.figure) ?? [];
  const numbered = shown.map((u, i) => ({ ...u, no: i + 1 }));
  const pointsOf = (pick: (f: GroupFigure) => [number, number]): ChartPoint[] => [
    ...(data?.total ? [{ key: 'total', label: '全体', x: pick(data.total)[0], y: pick(data.total)[1], isTotal: true }] : []),
    ...numbered.map((u) => ({ key: String(u.unitId), label: String(u.no), x: pick(u.figure!)[0], y: pick(u.figure!)[1] })),
  ];
  const male = riskCoefficients.male.means;
  return (
    <section aria-labelledby="sc-groups">
      <h2 id="sc-groups">集団分析(仕事のストレス判定図)</h2>
      {analysis.isPending ? <Loading /> : null}
      {analysis.error ? <NotReady error={analysis.error} what="集団分析" /> : null}
      {data ? (
        <>
          <p className="hint">
            {data.minGroupSize} 人未満の集団は表示しません。また、上位の組織との差から小さな集団が分かってしまう場合は、その集団も表示しません(上位の組織に含めて集計しています)。
            {data.previousCampaign ? `前年(${data.previousCampaign.name})と比較しています。` : '比較できる前年の実施はありません。'}
          </p>
          <div className="sc-charts">
            <JudgementChart id={chartA} title="量-コントロール判定図" xLabel="仕事の量的負担" yLabel="仕事のコントロール" points={pointsOf((f) => [f.judgement.quantitativeLoad, f.judgement.control])} reference={{ x: male.quantitativeLoad, y: male.control }} />
            <JudgementChart id={chartB} title="職場の支援判定図" xLabel="上司の支援" yLabel="同僚の支援" points={pointsOf((f) => [f.judgement.supervisorSupport, f.judgement.coworkerSupport])} reference={{ x: male.supervisorSupport, y: male.coworkerSupport }} />
          </div>
          <div className="table-wrap" {...scrollRegion('集団分析の表')}>
            <table className="data-table sc-table">
              <caption>集団分析(判定図の番号、尺度の平均、健康リスク、前年)</caption>
              <thead>
                <tr>
                  <th scope="col">番号</th>
                  <th scope="col">集団</th>
                  <th scope="col" className="num">人数</th>
                  <th scope="col" className="num">量的負担</th>
                  <th scope="col" className="num">コントロール</th>
                  <th scope="col" className="num">上司の支援</th>
                  <th scope="col" className="num">同僚の支援</th>
                  <th scope="col" className="num">健康リスクA</th>
                  <th scope="col" className="num">健康リスクB</th>
                  <th scope="col" className="num">総合健康リスク</th>
                  <th scope="col" className="num">前年の総合健康リスク</th>
                </tr>
              </thead>
              <tbody>
                {data.total ? <FigureRow no="—" name="全体" figure={data.total} previous={data.previousTotal} /> : null}
                {data.units.map((u) => {
                  const n = numbered.find((x) => x.unitId === u.unitId)?.no;
                  return u.figure ? (
                    <FigureRow key={u.unitId} no={String(n)} name={u.unitName} depth={u.depth} figure={u.figure} previous={u.previous} />
                  ) : (
                    <tr key={u.unitId}>
                      <td>—</td>
                      <th scope="row" className={`sc-depth-${Math.min(u.depth, 3)}`}>{u.unitName}</th>
                      <td colSpan={9} className="sc-suppressed">
                        {groupStatusLabel(u.status === 'shown' ? 'small' : u.status, data.minGroupSize)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <ExportDownloads campaignId={campaign.id} what="group-analysis" label="集団分析" />
        </>
      ) : null}
    </section>
  );
}

/**
 * The downloads of an export: CSV (UTF-8 with BOM, or Shift_JIS after the check of what it cannot hold) and Excel.
 * Plain links: the browser saves the file, the server audits each download.
 */
function ExportDownloads({ campaignId, what, label }: { campaignId: number; what: StressExport; label: string }) {
  const id = useId();
  const [encoding, setEncoding] = useState<CsvEncoding>('utf-8-bom');
  const sjis = useShiftJisCheck(encoding === 'cp932', () => checkExport(campaignId, what));
  return (
    <section aria-labelledby={`${id}-title`} className="sc-export">
      <h3 id={`${id}-title`}>{label}の出力(Excel・CSV)</h3>
      <CsvEncodingChoice value={encoding} onChange={setEncoding} sjis={sjis} className="sc-export__encoding" />
      <ShiftJisCheckButton sjis={sjis} variant="secondary" />
      <ShiftJisCheckOutcome sjis={sjis} />
      <ShiftJisSubstitutionConfirm sjis={sjis} describe={(u) => `${u.employeeNumber} ${u.columnLabel}「${u.char}」`} />
      <p className="sc-links">
        {sjis.canDownload ? (
          <a className="button button--secondary" href={exportUrl(campaignId, what, 'csv', encoding, sjis.replacesUnencodable)} download>
            {label}をCSVでダウンロード
          </a>
        ) : null}
        <a className="button button--secondary" href={exportUrl(campaignId, what, 'xlsx')} download>
          {label}をExcelでダウンロード
        </a>
      </p>
      <p className="hint">ダウンロードは監査ログに記録されます。</p>
    </section>
  );
}

function FigureRow({ no, name, depth = 0, figure, previous }: { no: string; name: string; depth?: number; figure: GroupFigure; previous: GroupFigure | null }) {
  return (
    <tr>
      <td>{no}</td>
      <th scope="row" className={`sc-depth-${Math.min(depth, 3)}`}>{name}</th>
      <td className="num">{num(figure.respondents)}</td>
      <td className="num">{figure.judgement.quantitativeLoad.toFixed(1)}</td>
      <td className="num">{figure.judgement.control.toFixed(1)}</td>
      <td className="num">{figure.judgement.supervisorSupport.toFixed(1)}</td>
      <td className="num">{figure.judgement.coworkerSupport.toFixed(1)}</td>
      <td className="num">{figure.risk?.riskA ?? '—'}</td>
      <td className="num">{figure.risk?.riskB ?? '—'}</td>
      <td className="num">{riskText(figure)}</td>
      <td className="num">{riskText(previous)}</td>
    </tr>
  );
}

function HighRiskSection({ campaign }: { campaign: Campaign }) {
  const high = useHighRiskUnits(campaign.id, campaign.status === 'closed');
  const record = useRecordUnitAction(campaign.id);
  const [message, setMessage] = useState('');
  const ids = { unit: useId(), action: useId(), due: useId() };
  const [form, setForm] = useState({ unitId: '', action: '', dueOn: '' });
  if (campaign.status !== 'closed') return null;
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate(
      { unitId: Number(form.unitId), action: form.action, status: 'planned', dueOn: form.dueOn || null },
      {
        onSuccess: () => {
          setMessage('改善の取組を記録しました。');
          setForm({ unitId: form.unitId, action: '', dueOn: '' });
        },
      },
    );
  };
  return (
    <section aria-labelledby="sc-high-risk">
      <h2 id="sc-high-risk">総合健康リスクの高い所属と改善の取組</h2>
      <StatusMessage>{message}</StatusMessage>
      {high.isPending ? <Loading /> : null}
      {high.error ? <NotReady error={high.error} what="高リスクの所属" /> : null}
      {high.data && high.data.units.length === 0 ? <p>総合健康リスクが {high.data.threshold} 以上の所属はありません。</p> : null}
      {high.data && high.data.units.length > 0 ? (
        <>
          <table className="data-table">
            <caption>総合健康リスクが {high.data.threshold} 以上の所属</caption>
            <thead>
              <tr>
                <th scope="col">所属</th>
                <th scope="col" className="num">人数</th>
                <th scope="col" className="num">総合健康リスク</th>
                <th scope="col">改善の取組</th>
              </tr>
            </thead>
            <tbody>
              {high.data.units.map((u) => (
                <tr key={u.unitId}>
                  <th scope="row">{u.unitName}</th>
                  <td className="num">{num(u.figure.respondents)}</td>
                  <td className="num">{riskText(u.figure)}</td>
                  <td>
                    {u.actions.length === 0 ? '未記録' : (
                      <ul>
                        {u.actions.map((a) => (
                          <li key={a.id}>
                            {a.action}({unitActionStatusLabels[a.status]}
                            {a.dueOn ? `、期限 ${a.dueOn}` : ''})
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <form onSubmit={onSubmit} className="form-grid">
            <label htmlFor={ids.unit}>所属</label>
            <select id={ids.unit} value={form.unitId} onChange={(e) => setForm({ ...form, unitId: e.target.value })} required>
              <option value="">選んでください</option>
              {high.data.units.map((u) => (
                <option key={u.unitId} value={u.unitId}>
                  {u.unitName}
                </option>
              ))}
            </select>
            <label htmlFor={ids.action}>改善の取組</label>
            <input id={ids.action} value={form.action} onChange={(e) => setForm({ ...form, action: e.target.value })} required />
            <label htmlFor={ids.due}>期限</label>
            <input id={ids.due} type="date" value={form.dueOn} onChange={(e) => setForm({ ...form, dueOn: e.target.value })} />
            <div className="form-grid__actions">
              <ErrorAlert error={record.error} title="記録できませんでした。" />
              <button type="submit" disabled={record.isPending}>
                改善の取組を記録
              </button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}

function ReportSection({ campaign }: { campaign: Campaign }) {
  const report = useReport(campaign.id, campaign.status === 'closed');
  if (campaign.status !== 'closed') return null;
  return (
    <section aria-labelledby="sc-report">
      <h2 id="sc-report">労働基準監督署への報告(検査結果等報告書)の数</h2>
      {report.isPending ? <Loading /> : null}
      {report.error ? <NotReady error={report.error} what="報告の数" /> : null}
      {report.data ? (
        <dl className="sc-report">
          <dt>在籍労働者数</dt>
          <dd>{num(report.data.targets)} 人</dd>
          <dt>検査を受けた労働者数</dt>
          <dd>{num(report.data.examinees)} 人</dd>
          <dt>高ストレス者数</dt>
          <dd>{num(report.data.highStress)} 人</dd>
          <dt>面接指導の申出数</dt>
          <dd>{num(report.data.interviewRequests)} 件</dd>
          <dt>面接指導を受けた労働者数</dt>
          <dd>{num(report.data.interviewed)} 人</dd>
        </dl>
      ) : null}
    </section>
  );
}
