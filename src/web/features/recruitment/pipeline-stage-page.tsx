/**
 * 試験の段階 /recruitment/pipeline/:campaignId/stages/:stageIndex (採用担当): sittings with groups and raters,
 * scores (test-centre CSV or entered), the pass rule's proposals and HR's decisions with reasons, the raters'
 * calibration, and notices to the applicants just decided.
 */
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, uploadFile } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage, usePageTitle } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import type { NoticeResult, ScoreImportResult, SittingView, StageResults } from '../../../domain/recruitment/pipeline-api.js';
import {
  isRecruitmentStaff,
  pipelineApi,
  scoreImportPath,
  useCalibration,
  usePipeline,
  usePipelineMutation,
  useReloadPipeline,
  useSittings,
  useStageResults,
} from './pipeline.queries.js';
import './pipeline.css';

const proposalLabels = { pass: '合格', fail: '不合格', absent: '欠席', undecided: '人事が判断' } as const;
const outcomeOfProposal = { pass: 'passed', fail: 'failed', absent: 'absent' } as const;

export function PipelineStagePage() {
  const session = useSession();
  const params = useParams();
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title="試験の段階" />;
  return <Stage campaignId={Number(params.campaignId)} stageIndex={Number(params.stageIndex)} />;
}

function Stage({ campaignId, stageIndex }: { campaignId: number; stageIndex: number }) {
  const pipeline = usePipeline(campaignId, { pageSize: 1 });
  const c = pipeline.data?.campaign;
  const stage = c?.stages[stageIndex];
  const title = stage ? `${stage.name}(${c!.title})` : '試験の段階';
  usePageTitle(title);
  const [decided, setDecided] = useState<{ passed: number[]; failed: number[] }>({ passed: [], failed: [] });
  return (
    <>
      <PageHeading title={title}>
        <Link to={`/recruitment/pipeline/${campaignId}`}>選考状況へ</Link>
      </PageHeading>
      <ErrorAlert error={pipeline.error} title="試験を読み込めませんでした。" />
      {pipeline.isPending ? <Loading /> : null}
      {stage ? (
        <>
          <Sittings campaignId={campaignId} stageIndex={stageIndex} />
          {!stage.isRubric ? <ScoreImport campaignId={campaignId} stageIndex={stageIndex} /> : null}
          <Results campaignId={campaignId} stageIndex={stageIndex} isRubric={stage.isRubric} onDecided={setDecided} />
          <Notices campaignId={campaignId} stageIndex={stageIndex} decided={decided} />
          {stage.isRubric ? <Calibration campaignId={campaignId} stageIndex={stageIndex} /> : null}
        </>
      ) : null}
    </>
  );
}

function Sittings({ campaignId, stageIndex }: { campaignId: number; stageIndex: number }) {
  const id = useId();
  const dates = useDates();
  const sittings = useSittings(campaignId, stageIndex);
  const [form, setForm] = useState({ groupSize: '6', startsAt: '', intervalMinutes: '60', room: '' });
  const group = usePipelineMutation(() =>
    pipelineApi.groupSittings(campaignId, {
      stageIndex,
      groupSize: Number(form.groupSize),
      startsAt: `${form.startsAt}:00+09:00`,
      intervalMinutes: Number(form.intervalMinutes),
      room: form.room,
    }),
  );
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>試験の回(グループ)と評定者</h2>
      <p className="hint">グループ分けは、この試験の選考待ちで、まだどの回にも入っていない応募者を受付番号順に分けます。評定者は割り当てた回の応募者(氏名・受付番号・グループ)だけを見られます。</p>
      <form
        className="pipeline-actions"
        aria-label="グループ分け"
        onSubmit={(e) => {
          e.preventDefault();
          group.mutate(undefined);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-size`}>1回(1グループ)の人数</label>
          <input id={`${id}-size`} type="number" min={1} max={50} value={form.groupSize} onChange={(e) => setForm({ ...form, groupSize: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-starts`}>最初の回の開始日時</label>
          <input id={`${id}-starts`} type="datetime-local" required value={form.startsAt} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-interval`}>回の間隔(分)</label>
          <input id={`${id}-interval`} type="number" min={0} max={600} value={form.intervalMinutes} onChange={(e) => setForm({ ...form, intervalMinutes: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-room`}>会場</label>
          <input id={`${id}-room`} maxLength={60} value={form.room} onChange={(e) => setForm({ ...form, room: e.target.value })} />
        </div>
        <button type="submit" className="button--primary" disabled={group.isPending}>
          選考待ちの応募者をグループに分ける
        </button>
      </form>
      <ErrorAlert error={group.error} title="グループに分けられませんでした。" />
      {group.data ? <StatusMessage>{group.data.length} 回を作成しました。</StatusMessage> : null}
      <NewSitting campaignId={campaignId} stageIndex={stageIndex} />
      <ErrorAlert error={sittings.error} title="試験の回を読み込めませんでした。" />
      {sittings.isPending ? <Loading /> : null}
      {sittings.data && sittings.data.length === 0 ? <p>この試験の回はまだありません。</p> : null}
      {sittings.data?.map((s) => (
        <Sitting key={s.id} sitting={s} when={dates.timestamp(s.startsAt)} others={sittings.data.filter((o) => o.id !== s.id)} nameOf={(o) => sittingName(o, dates.timestamp(o.startsAt))} />
      ))}
    </section>
  );
}

type SittingForm = { startsAt: string; room: string; groupLabel: string; capacity: string };

/** The fields of a sitting, the same when it is added and when it is changed (capacity blank = none). */
function SittingFields({ id, form, setForm }: { id: string; form: SittingForm; setForm: (form: SittingForm) => void }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-starts`}>開始日時</label>
        <input id={`${id}-starts`} type="datetime-local" required value={form.startsAt} onChange={(e) => setForm({ ...form, startsAt: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-room`}>会場</label>
        <input id={`${id}-room`} maxLength={60} value={form.room} onChange={(e) => setForm({ ...form, room: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-group`}>グループ名</label>
        <input id={`${id}-group`} maxLength={40} value={form.groupLabel} onChange={(e) => setForm({ ...form, groupLabel: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-capacity`}>定員(空欄は定めなし)</label>
        <input id={`${id}-capacity`} type="number" min={1} max={1000} value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })} />
      </div>
    </>
  );
}

/** One sitting by hand (an individual interview slot, a make-up sitting); applicants are added from the list below. */
function NewSitting({ campaignId, stageIndex }: { campaignId: number; stageIndex: number }) {
  const id = useId();
  const [form, setForm] = useState<SittingForm>({ startsAt: '', room: '', groupLabel: '', capacity: '' });
  const create = usePipelineMutation(() =>
    pipelineApi.createSitting(campaignId, {
      stageIndex,
      startsAt: `${form.startsAt}:00+09:00`,
      room: form.room,
      groupLabel: form.groupLabel,
      capacity: form.capacity === '' ? null : Number(form.capacity),
    }),
  );
  return (
    <details>
      <summary>回を1つ追加する</summary>
      <form
        className="pipeline-actions"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(undefined);
        }}
      >
        <SittingFields id={id} form={form} setForm={setForm} />
        <button type="submit" className="button--secondary" disabled={create.isPending}>
          回を追加
        </button>
      </form>
      <ErrorAlert error={create.error} title="回を追加できませんでした。" />
      {create.data ? <StatusMessage>回を追加しました。</StatusMessage> : null}
    </details>
  );
}

/** 'グループＡ 2025/10/20 10:00 第1会議室' — how a sitting is named on the screen. */
const sittingName = (s: SittingView, when: string) => `${s.groupLabel || '回'} ${when}${s.room ? ` ${s.room}` : ''}`;

/** The sitting's start as the value of a datetime-local input, in Japan time ('2025-10-20T10:00'). */
const tokyoLocal = (iso: string) => new Date(Date.parse(iso) + 9 * 3600_000).toISOString().slice(0, 16);

const sittingFieldLabels: Record<string, string> = { startsAt: '開始日時', room: '会場', groupLabel: 'グループ名', capacity: '定員', toSittingId: '移動先の回' };

/** A refusal: field by field for a validation error (in the screen's words), otherwise the server's message. */
function SaveError({ error, title }: { error: unknown; title: string }) {
  const fields = fieldErrorsOf(error);
  if (fields.length > 0) return <FieldErrorSummary errors={fields} labelOf={(path) => sittingFieldLabels[path] ?? ''} title={error instanceof Error ? error.message : title} />;
  return <ErrorAlert error={error} title={title} />;
}

function Sitting({ sitting, when, others, nameOf }: { sitting: SittingView; when: string; others: SittingView[]; nameOf: (s: SittingView) => string }) {
  const reload = useReloadPipeline();
  const [picked, setPicked] = useState<PickedStaff | null>(null);
  const raters = usePipelineMutation((staffIds: number[]) => pipelineApi.setRaters(sitting.id, { staffIds, version: sitting.version }));
  const absence = usePipelineMutation((input: { applicantId: number; isAbsent: boolean }) => pipelineApi.setAbsence(sitting.id, input));
  const members = usePipelineMutation((applicantIds: number[]) => pipelineApi.setApplicants(sitting.id, { applicantIds, version: sitting.version }));
  const label = sittingName(sitting, when);
  return (
    <div className="scoring-applicant">
      <h3>{label}</h3>
      <p className="hint">定員: {sitting.capacity === null ? '定めなし' : `${sitting.capacity}人`}(現在 {sitting.applicants.length}人)</p>
      <SittingDetailsForm sitting={sitting} label={label} />
      <div className="table-wrap" {...scrollRegion(`${label}の応募者`)}>
        <table>
          <caption>{label}の応募者</caption>
          <thead>
            <tr>
              <th scope="col">受付番号</th>
              <th scope="col">氏名</th>
              <th scope="col">欠席</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {sitting.applicants.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link to={`/recruitment/applicants/${a.id}`}>{a.receiptNumber}</Link>
                </th>
                <td>{a.name}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${a.name}(${a.receiptNumber})は欠席`}
                    checked={a.isAbsent}
                    onChange={(e) => absence.mutate({ applicantId: a.id, isAbsent: e.target.checked })}
                  />
                </td>
                <td>
                  <button type="button" className="button--link" onClick={() => members.mutate(sitting.applicants.filter((x) => x.id !== a.id).map((x) => x.id))}>
                    {a.name}をこの回から外す
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>評定者: {sitting.raters.length === 0 ? '未設定' : sitting.raters.map((r) => r.name).join('、')}</p>
      <ul className="pipeline-actions" aria-label={`${label}の評定者`}>
        {sitting.raters.map((r) => (
          <li key={r.staffId}>
            <button type="button" className="button--secondary button--small" onClick={() => raters.mutate(sitting.raters.filter((x) => x.staffId !== r.staffId).map((x) => x.staffId))}>
              {r.name} を外す
            </button>
          </li>
        ))}
      </ul>
      <div className="pipeline-actions">
        <StaffPicker label={`${label}に加える評定者`} value={picked} onChange={setPicked} />
        <button
          type="button"
          className="button--primary"
          disabled={picked === null || raters.isPending}
          onClick={() => {
            if (picked) raters.mutate([...sitting.raters.map((r) => r.staffId), picked.id], { onSuccess: () => setPicked(null) });
          }}
        >
          評定者に加える
        </button>
      </div>
      {raters.error instanceof ApiError && raters.error.status === 409 ? <ConflictAlert subject="評定者" onReload={reload} /> : <ErrorAlert error={raters.error ?? absence.error ?? members.error} title="保存できませんでした。" />}
      {others.length > 0 ? <MoveApplicantForm sitting={sitting} label={label} others={others} nameOf={nameOf} /> : null}
    </div>
  );
}

/** Date, time, room, group name and capacity of a sitting already made (the version as read). */
function SittingDetailsForm({ sitting, label }: { sitting: SittingView; label: string }) {
  const id = useId();
  const reload = useReloadPipeline();
  const [form, setForm] = useState<SittingForm>({ startsAt: tokyoLocal(sitting.startsAt), room: sitting.room, groupLabel: sitting.groupLabel, capacity: sitting.capacity === null ? '' : String(sitting.capacity) });
  const save = usePipelineMutation(() =>
    pipelineApi.updateSitting(sitting.id, {
      startsAt: `${form.startsAt}:00+09:00`,
      room: form.room,
      groupLabel: form.groupLabel,
      capacity: form.capacity === '' ? null : Number(form.capacity),
      version: sitting.version,
    }),
  );
  return (
    <details>
      <summary>{label}の日時・会場・定員を変更する</summary>
      <form
        className="pipeline-actions"
        aria-label={`${label}の日時・会場・定員`}
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <SittingFields id={id} form={form} setForm={setForm} />
        <button type="submit" className="button--primary" disabled={save.isPending}>
          変更を保存
        </button>
      </form>
      {save.error instanceof ApiError && save.error.status === 409 ? <ConflictAlert subject="試験の回" onReload={reload} /> : <SaveError error={save.error} title="変更できませんでした。" />}
      {save.data ? <StatusMessage>試験の回を変更しました。</StatusMessage> : null}
    </details>
  );
}

/**
 * One applicant to another sitting of the stage. The server checks the destination's capacity, that the applicant
 * still waits at the stage with no rater's score, and both sittings' versions; its reason is shown as it says it.
 */
function MoveApplicantForm({ sitting, label, others, nameOf }: { sitting: SittingView; label: string; others: SittingView[]; nameOf: (s: SittingView) => string }) {
  const id = useId();
  const [applicantId, setApplicantId] = useState('');
  const [toSittingId, setToSittingId] = useState('');
  const [moved, setMoved] = useState('');
  const move = usePipelineMutation((input: { applicantId: number; to: SittingView }) =>
    pipelineApi.moveApplicant(sitting.id, input.applicantId, { toSittingId: input.to.id, version: sitting.version, toVersion: input.to.version }),
  );
  const isFull = (s: SittingView) => s.capacity !== null && s.applicants.length >= s.capacity;
  const done = moved ? <StatusMessage>{moved}</StatusMessage> : null;
  // Once its last applicant has moved, the sitting keeps only the confirmation.
  if (sitting.applicants.length === 0) return done;
  return (
    <>
      <form
        className="pipeline-actions"
        aria-label={`${label}から別の回へ移す`}
        onSubmit={(e) => {
          e.preventDefault();
          const applicant = sitting.applicants.find((a) => String(a.id) === applicantId);
          const to = others.find((s) => String(s.id) === toSittingId);
          if (!applicant || !to) return;
          setMoved('');
          move.mutate(
            { applicantId: applicant.id, to },
            {
              onSuccess: () => {
                setMoved(`${applicant.name}(${applicant.receiptNumber})を${nameOf(to)}へ移しました。`);
                setApplicantId('');
                setToSittingId('');
              },
            },
          );
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-applicant`}>別の回へ移す応募者</label>
          <select id={`${id}-applicant`} required value={applicantId} onChange={(e) => setApplicantId(e.target.value)}>
            <option value="">選んでください</option>
            {sitting.applicants.map((a) => (
              <option key={a.id} value={a.id}>
                {a.receiptNumber} {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>移動先の回</label>
          <select id={`${id}-to`} required value={toSittingId} onChange={(e) => setToSittingId(e.target.value)}>
            <option value="">選んでください</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {nameOf(s)}({s.capacity === null ? `${s.applicants.length}人` : `${s.applicants.length}/${s.capacity}人`}{isFull(s) ? '・満員' : ''})
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button--secondary" disabled={move.isPending || applicantId === '' || toSittingId === ''}>
          移す
        </button>
      </form>
      <SaveError error={move.error} title="移せませんでした。" />
      {done}
    </>
  );
}

function ScoreImport({ campaignId, stageIndex }: { campaignId: number; stageIndex: number }) {
  const id = useId();
  const reload = useReloadPipeline();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ScoreImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>得点の取込み(テストセンターの結果)</h2>
      <p className="hint">見出し行に「受付番号」と「得点」(0〜100)の列があるCSV。1行でも誤りがあれば何も登録しません。</p>
      <form
        className="pipeline-actions"
        onSubmit={(e) => {
          e.preventDefault();
          if (!file) return;
          setError(null);
          uploadFile<ScoreImportResult>(scoreImportPath(campaignId, stageIndex), file, () => {})
            .then((r) => {
              setResult(r);
              if (r.ok) reload();
            })
            .catch(setError);
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-file`}>CSVファイル</label>
          <input id={`${id}-file`} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </div>
        <button type="submit" className="button--primary" disabled={!file}>
          取り込む
        </button>
      </form>
      <ErrorAlert error={error} title="取り込めませんでした。" />
      {result?.ok ? <StatusMessage>{result.imported} 人の得点を登録しました。</StatusMessage> : null}
      {result && !result.ok ? (
        <div role="alert">
          <p>ファイルに誤りがあるため、何も登録していません。</p>
          <ul>
            {result.errors.map((e, i) => (
              <li key={i}>
                {e.line}行目: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

function Results({ campaignId, stageIndex, isRubric, onDecided }: { campaignId: number; stageIndex: number; isRubric: boolean; onDecided: (d: { passed: number[]; failed: number[] }) => void }) {
  const id = useId();
  const reload = useReloadPipeline();
  const results = useStageResults(campaignId, stageIndex);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState('');
  const [scores, setScores] = useState<Record<number, string>>({});
  const decide = usePipelineMutation((decisions: Array<{ applicantId: number; outcome: 'passed' | 'failed' | 'absent'; reason: string; version: number }>) =>
    pipelineApi.decide(campaignId, stageIndex, { decisions }).then((r) => {
      onDecided({ passed: decisions.filter((d) => d.outcome === 'passed').map((d) => d.applicantId), failed: decisions.filter((d) => d.outcome === 'failed').map((d) => d.applicantId) });
      setSelected(new Set());
      return r;
    }),
  );
  const enter = usePipelineMutation(() =>
    pipelineApi.enterScores(campaignId, stageIndex, { scores: Object.entries(scores).filter(([, v]) => v.trim() !== '').map(([k, v]) => ({ applicantId: Number(k), total: Number(v) })) }),
  );
  const rows: StageResults['rows'] = results.data?.rows ?? [];
  const chosen = rows.filter((r) => selected.has(r.applicantId));
  const byHand = (outcome: 'passed' | 'failed' | 'absent') => decide.mutate(chosen.map((r) => ({ applicantId: r.applicantId, outcome, reason: reason.trim(), version: r.version })));
  const acceptProposals = () =>
    decide.mutate(chosen.filter((r) => r.proposal !== 'undecided').map((r) => ({ applicantId: r.applicantId, outcome: outcomeOfProposal[r.proposal as 'pass' | 'fail' | 'absent'], reason: r.reason, version: r.version })));
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>選考結果と合否の判定</h2>
      <ErrorAlert error={results.error} title="結果を読み込めませんでした。" />
      {results.isPending ? <Loading /> : null}
      {results.data ? <p className="hint">判定済み {results.data.decided} 人。同点で合格予定数の境界をまたぐ人は「人事が判断」になります。</p> : null}
      {rows.length === 0 && results.data ? <p>選考待ちの応募者はいません。</p> : null}
      {rows.length > 0 ? (
        <>
          <div className="table-wrap table-wrap--tall" {...scrollRegion('選考待ちの応募者と提案')}>
            <table>
              <caption>選考待ちの応募者と、合格基準による提案</caption>
              <thead>
                <tr>
                  <th scope="col">選択</th>
                  <th scope="col">順位</th>
                  <th scope="col">受付番号</th>
                  <th scope="col">氏名</th>
                  <th scope="col">得点</th>
                  {isRubric ? <th scope="col">評定者ごとの点(差)</th> : <th scope="col">得点の入力</th>}
                  <th scope="col">提案</th>
                  <th scope="col">理由</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.applicantId}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`${r.name}(${r.receiptNumber})を選ぶ`}
                        checked={selected.has(r.applicantId)}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.target.checked) next.add(r.applicantId);
                          else next.delete(r.applicantId);
                          setSelected(next);
                        }}
                      />
                    </td>
                    <td className="pipeline-number">{r.rank ?? '—'}</td>
                    <th scope="row">
                      <Link to={`/recruitment/applicants/${r.applicantId}`}>{r.receiptNumber}</Link>
                    </th>
                    <td>{r.name}</td>
                    <td className="pipeline-number">{r.score ?? '—'}</td>
                    {isRubric ? (
                      <td>{r.raterTotals.length === 0 ? '—' : `${r.raterTotals.map((t) => t.total).join(' / ')}(${r.spread})`}</td>
                    ) : (
                      <td>
                        <input
                          type="number"
                          min={0}
                          max={100}
                          step="0.5"
                          aria-label={`${r.name}(${r.receiptNumber})の得点`}
                          value={scores[r.applicantId] ?? ''}
                          onChange={(e) => setScores({ ...scores, [r.applicantId]: e.target.value })}
                        />
                      </td>
                    )}
                    <td>{proposalLabels[r.proposal]}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pipeline-actions">
            <button type="button" className="button--secondary" onClick={() => setSelected(new Set(rows.map((r) => r.applicantId)))}>
              すべて選ぶ
            </button>
            <button type="button" className="button--primary" disabled={chosen.length === 0 || decide.isPending} onClick={acceptProposals}>
              選んだ人を提案どおりに判定(人事が判断する人は除く)
            </button>
            {!isRubric ? (
              <button type="button" className="button--secondary" disabled={Object.keys(scores).length === 0 || enter.isPending} onClick={() => enter.mutate(undefined)}>
                入力した得点を保存
              </button>
            ) : null}
          </div>
          <div className="pipeline-actions">
            <div className="field field--grow">
              <label htmlFor={`${id}-reason`}>判定の理由(個別に判定するとき)</label>
              <input id={`${id}-reason`} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button type="button" className="button--secondary" disabled={chosen.length === 0 || reason.trim() === ''} onClick={() => byHand('passed')}>
              選んだ人を合格
            </button>
            <button type="button" className="button--secondary" disabled={chosen.length === 0 || reason.trim() === ''} onClick={() => byHand('failed')}>
              選んだ人を不合格
            </button>
            <button type="button" className="button--secondary" disabled={chosen.length === 0 || reason.trim() === ''} onClick={() => byHand('absent')}>
              選んだ人を欠席
            </button>
          </div>
        </>
      ) : null}
      {decide.error instanceof ApiError && decide.error.status === 409 ? <ConflictAlert subject="選考結果" onReload={reload} /> : <ErrorAlert error={decide.error ?? enter.error} title="保存できませんでした。" />}
      {decide.data ? <StatusMessage>{decide.data.decided} 人を判定しました。</StatusMessage> : null}
      {enter.data ? <StatusMessage>{enter.data.saved} 人の得点を保存しました。</StatusMessage> : null}
    </section>
  );
}

function Notices({ campaignId, stageIndex, decided }: { campaignId: number; stageIndex: number; decided: { passed: number[]; failed: number[] } }) {
  const id = useId();
  const send = usePipelineMutation((input: { template: 'pass' | 'fail'; applicantIds: number[] }) => pipelineApi.notices(campaignId, { ...input, stageIndex }));
  const done = (r: NoticeResult) => `メール ${r.mailed} 件、印刷用 ${r.print} 件、送信失敗 ${r.failed} 件`;
  if (decided.passed.length + decided.failed.length === 0 && !send.data) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>合否通知</h2>
      <p className="hint">SMTP が設定されているときだけメールで送ります。設定がなければ印刷用の通知として保存します。</p>
      <div className="pipeline-actions">
        <button type="button" className="button--primary" disabled={decided.passed.length === 0 || send.isPending} onClick={() => send.mutate({ template: 'pass', applicantIds: decided.passed })}>
          今回の合格者 {decided.passed.length} 人に合格通知
        </button>
        <button type="button" className="button--secondary" disabled={decided.failed.length === 0 || send.isPending} onClick={() => send.mutate({ template: 'fail', applicantIds: decided.failed })}>
          今回の不合格者 {decided.failed.length} 人に不合格通知
        </button>
      </div>
      <ErrorAlert error={send.error} title="通知を作成できませんでした。" />
      {send.data ? <StatusMessage>通知を作成しました({done(send.data)})。</StatusMessage> : null}
    </section>
  );
}

function Calibration({ campaignId, stageIndex }: { campaignId: number; stageIndex: number }) {
  const id = useId();
  const cal = useCalibration(campaignId, stageIndex, true);
  const v = cal.data;
  return (
    <section className="panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>評定者の甘辛と、評定者間の差</h2>
      <ErrorAlert error={cal.error} title="読み込めませんでした。" />
      {cal.isPending ? <Loading /> : null}
      {v && v.raters.length === 0 ? <p>まだ評定がありません。</p> : null}
      {v && v.raters.length > 0 && v.rubric ? (
        <>
          <p className="hint">甘辛は、同じ応募者を評定したほかの評定者の平均との差(全体は100点換算、項目は評定の段階)。正なら甘め、負なら辛めです。</p>
          <div className="table-wrap" {...scrollRegion('評定者ごとの甘辛')}>
            <table>
              <caption>評定者ごとの甘辛</caption>
              <thead>
                <tr>
                  <th scope="col">評定者</th>
                  <th scope="col">評定した人数</th>
                  <th scope="col">平均点</th>
                  <th scope="col">甘辛(全体)</th>
                  {v.rubric.items.map((i) => (
                    <th key={i.id} scope="col">
                      {i.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {v.raters.map((r) => (
                  <tr key={r.raterId}>
                    <th scope="row">{r.name}</th>
                    <td className="pipeline-number">{r.applicants}</td>
                    <td className="pipeline-number">{r.meanTotal}</td>
                    <td className="pipeline-number">{r.leniency ?? '—'}</td>
                    {v.rubric!.items.map((i) => (
                      <td key={i.id} className="pipeline-number">
                        {r.itemLeniency[i.id] ?? '—'}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>評定者間の差が {v.spreadThreshold} 点以上の応募者</h3>
          {v.wideSpread.length === 0 ? (
            <p>該当する応募者はいません。</p>
          ) : (
            <ul>
              {v.wideSpread.map((w) => (
                <li key={w.applicantId}>
                  <Link to={`/recruitment/applicants/${w.applicantId}`}>{w.receiptNumber}</Link> {w.name}: 平均 {w.score} 点、差 {w.spread} 点({w.raterTotals.map((t) => t.total).join(' / ')})
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
