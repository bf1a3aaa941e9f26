/**
 * /recruitment/campaigns/:id: edit a campaign (title, profession, posts, eligibility with age limits raised or
 * removed, stages with pass rules and rubrics, schedule, description, FAQ), move it draft → open → closed →
 * finished, and import the external e-application service's CSV (preview with every line's errors, then commit
 * all or nothing). A stale save answers 409 and offers a reload.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useSession } from '../../app/session.js';
import { useDates } from '../../app/dates.js';
import { ConflictAlert, ErrorAlert, Forbidden, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { FieldErrorSummary, fieldErrorsOf } from '../../components/field-errors.js';
import { campaignCategoryLabels, rubricStageKinds, stageKindLabels, stageKinds, type Eligibility, type Stage, type StageKind } from '../../../domain/recruitment/recruitment-model.js';
import { campaignStatusLabels, defaultRecruitmentRubrics, type CampaignStatus } from '../../../domain/recruitment/intake.js';
import type { CampaignWithCount, EApplicationImportResult } from '../../../domain/recruitment/intake-api.js';
import { postEApplicationCsv, useCampaign, useMoveCampaign, useRecruitmentSettings, useSaveCampaign } from './campaigns.queries.js';
import { isRecruitmentStaff } from './campaigns-page.js';
import './recruitment-intake.css';

type Draft = {
  title: string;
  profession: string;
  postsToFill: string;
  applicationOpensOn: string;
  applicationClosesOn: string;
  eligibility: Eligibility;
  stages: Stage[];
  schedule: Array<{ label: string; date: string; note: string }>;
  description: string;
  faq: Array<{ question: string; answer: string }>;
};

const moves: Record<CampaignStatus, Array<{ to: CampaignStatus; label: string }>> = {
  draft: [{ to: 'open', label: '受付を開始する(公開)' }],
  open: [
    { to: 'closed', label: '受付を終了する' },
    { to: 'draft', label: '準備中に戻す(応募者がいないときだけ)' },
  ],
  closed: [
    { to: 'finished', label: '採用試験を終了する' },
    { to: 'open', label: '受付を再開する' },
  ],
  finished: [],
};

function draftOf(c: CampaignWithCount): Draft {
  return {
    title: c.title,
    profession: c.profession,
    postsToFill: String(c.postsToFill),
    applicationOpensOn: c.applicationOpensOn,
    applicationClosesOn: c.applicationClosesOn,
    eligibility: c.eligibility,
    stages: c.stages,
    schedule: c.schedule,
    description: c.description,
    faq: c.faq,
  };
}

const pathLabel = (path: string) =>
  path.startsWith('eligibility') ? '受験資格' : path.startsWith('stages') ? '試験の段階' : path.startsWith('schedule') ? '日程' : path.startsWith('faq') ? 'よくある質問' : path === 'title' ? '試験名' : path === 'profession' ? '職種' : path.startsWith('application') ? '受付期間' : '';

export function CampaignEditPage() {
  const session = useSession();
  const id = Number(useParams().id);
  if (!isRecruitmentStaff(session.roles)) return <Forbidden title="採用試験" />;
  return <CampaignEditor id={id} />;
}

function CampaignEditor({ id }: { id: number }) {
  const campaign = useCampaign(id);
  const settings = useRecruitmentSettings();
  const save = useSaveCampaign(id);
  const move = useMoveCampaign(id);
  const dates = useDates();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (campaign.data && draft === null) setDraft(draftOf(campaign.data));
  }, [campaign.data, draft]);
  if (campaign.isPending) return <Loading />;
  if (campaign.error || !campaign.data) return <ErrorAlert error={campaign.error} title="採用試験を読み込めませんでした。" />;
  const c = campaign.data;
  const rubrics = settings.data?.rubrics.value ?? defaultRecruitmentRubrics;
  const isConflict = (save.error instanceof ApiError && save.error.status === 409) || (move.error instanceof ApiError && move.error.status === 409 && move.error.code === 'common.conflict');
  const reload = async () => {
    save.reset();
    move.reset();
    const fresh = await campaign.refetch();
    if (fresh.data) setDraft(draftOf(fresh.data));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!draft) return;
    setMessage('');
    save.mutate(
      { ...draft, fiscalYear: c.fiscalYear, category: c.category, postsToFill: Number(draft.postsToFill), version: c.version },
      { onSuccess: (row) => (setDraft(draftOf(row)), setMessage('保存しました。')) },
    );
  };
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => (d ? { ...d, [k]: v } : d));
  const setElig = <K extends keyof Eligibility>(k: K, v: Eligibility[K]) => setDraft((d) => (d ? { ...d, eligibility: { ...d.eligibility, [k]: v } } : d));
  const setStage = (i: number, patch: Partial<Stage>) => setDraft((d) => (d ? { ...d, stages: d.stages.map((s, j) => (j === i ? { ...s, ...patch } : s)) } : d));
  const addStage = (kind: StageKind) =>
    setDraft((d) =>
      d
        ? {
            ...d,
            stages: [
              ...d.stages,
              {
                kind,
                name: stageKindLabels[kind],
                source: 'own',
                passRule: kind === 'documents' ? { kind: 'manual' } : { kind: 'top-n', count: Number(d.postsToFill) || 1 },
                rubric: rubricStageKinds.includes(kind) ? (kind === 'group-discussion' ? rubrics.groupDiscussion : rubrics.interview) : null,
                ratersPerApplicant: rubricStageKinds.includes(kind) ? 2 : 1,
              },
            ],
          }
        : d,
    );
  const num = (s: string) => (s.trim() === '' ? null : Number(s));

  return (
    <>
      <PageHeading title={c.title} />
      <p>
        <Link to="/recruitment/campaigns">採用試験の一覧へ</Link>
      </p>
      <p>
        {campaignCategoryLabels[c.category]}・{dates.fiscalYear(c.fiscalYear)}・状態: <strong>{campaignStatusLabels[c.status]}</strong>・応募者 {c.applicantCount}人
      </p>
      <StatusMessage>{message}</StatusMessage>
      {isConflict ? <ConflictAlert subject="採用試験" onReload={() => void reload()} /> : <ErrorAlert error={move.error ?? (fieldErrorsOf(save.error).length ? null : save.error)} title="保存できませんでした。" />}
      <FieldErrorSummary errors={fieldErrorsOf(save.error)} labelOf={pathLabel} />
      <div className="campaign-actions">
        {moves[c.status].map((m) => (
          <button key={m.to} type="button" onClick={() => move.mutate({ status: m.to, version: c.version }, { onSuccess: (row) => (setDraft(draftOf(row)), setMessage(`「${campaignStatusLabels[row.status]}」にしました。`)) })}>
            {m.label}
          </button>
        ))}
      </div>
      {draft ? (
        <form onSubmit={submit}>
          <section className="campaign-section" aria-labelledby="basic-h">
            <h2 id="basic-h">基本</h2>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="c-title">試験名</label>
                <input id="c-title" value={draft.title} onChange={(e) => set('title', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="c-profession">職種(資格職)</label>
                <input id="c-profession" value={draft.profession} onChange={(e) => set('profession', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="c-posts">採用予定人数</label>
                <input id="c-posts" inputMode="numeric" value={draft.postsToFill} onChange={(e) => set('postsToFill', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="c-opens">受付開始日</label>
                <input id="c-opens" type="date" value={draft.applicationOpensOn} onChange={(e) => set('applicationOpensOn', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="c-closes">受付終了日</label>
                <input id="c-closes" type="date" value={draft.applicationClosesOn} onChange={(e) => set('applicationClosesOn', e.target.value)} />
              </div>
            </div>
            <div className="field">
              <label htmlFor="c-description">説明(公開ページに表示)</label>
              <textarea id="c-description" value={draft.description} onChange={(e) => set('description', e.target.value)} />
            </div>
          </section>

          <section className="campaign-section" aria-labelledby="elig-h">
            <h2 id="elig-h">受験資格</h2>
            <p className="hint">年齢は基準日(通常は採用日の4月1日)時点の満年齢です。上限・下限を空欄にすると制限なし(撤廃)になります。</p>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="e-ref">年齢の基準日</label>
                <input id="e-ref" type="date" value={draft.eligibility.ageReferenceDate} onChange={(e) => setElig('ageReferenceDate', e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="e-min">年齢の下限(歳)</label>
                <input id="e-min" inputMode="numeric" value={draft.eligibility.minAge ?? ''} onChange={(e) => setElig('minAge', num(e.target.value))} />
              </div>
              <div className="field">
                <label htmlFor="e-max">年齢の上限(歳、空欄で撤廃)</label>
                <input id="e-max" inputMode="numeric" value={draft.eligibility.maxAge ?? ''} onChange={(e) => setElig('maxAge', num(e.target.value))} />
              </div>
              <div className="field">
                <label htmlFor="e-exp">必要な職務経験(年、空欄で不要)</label>
                <input id="e-exp" inputMode="numeric" value={draft.eligibility.minWorkExperienceYears ?? ''} onChange={(e) => setElig('minWorkExperienceYears', num(e.target.value))} />
              </div>
              <div className="field">
                <label htmlFor="e-quals">必要な資格(読点「、」区切り)</label>
                <input
                  id="e-quals"
                  value={draft.eligibility.requiredQualifications.join('、')}
                  onChange={(e) => setElig('requiredQualifications', e.target.value.split(/[、,]/).map((s) => s.trim()).filter(Boolean))}
                />
              </div>
              <div className="field">
                <label htmlFor="e-expected">
                  <input id="e-expected" type="checkbox" checked={draft.eligibility.acceptsExpectedQualification} onChange={(e) => setElig('acceptsExpectedQualification', e.target.checked)} /> 取得見込みでも受験できる
                </label>
              </div>
            </div>
          </section>

          <section className="campaign-section" aria-labelledby="stages-h">
            <h2 id="stages-h">試験の段階と合格の決め方</h2>
            <table className="data-table stage-table">
              <caption>試験の段階(上から順に実施)</caption>
              <thead>
                <tr>
                  <th scope="col">段階</th>
                  <th scope="col">名称</th>
                  <th scope="col">実施</th>
                  <th scope="col">合格の決め方</th>
                  <th scope="col">人数・基準点</th>
                  <th scope="col">評定者数</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {draft.stages.map((s, i) => (
                  <tr key={i}>
                    <th scope="row">
                      {i + 1}. {stageKindLabels[s.kind]}
                      {s.rubric ? <span className="hint">(評定項目: {s.rubric.items.map((it) => it.label).join('・')})</span> : null}
                    </th>
                    <td>
                      <input aria-label={`段階${i + 1}の名称`} value={s.name} onChange={(e) => setStage(i, { name: e.target.value })} />
                    </td>
                    <td>
                      {s.kind === 'written' ? (
                        <select aria-label={`段階${i + 1}の実施方法`} value={s.source} onChange={(e) => setStage(i, { source: e.target.value as Stage['source'] })}>
                          <option value="own">市が実施</option>
                          <option value="test-centre">テストセンター</option>
                        </select>
                      ) : (
                        '市が実施'
                      )}
                    </td>
                    <td>
                      <select
                        aria-label={`段階${i + 1}の合格の決め方`}
                        value={s.passRule.kind}
                        onChange={(e) => setStage(i, { passRule: e.target.value === 'manual' ? { kind: 'manual' } : e.target.value === 'min-score' ? { kind: 'min-score', minScore: 60 } : { kind: 'top-n', count: Number(draft.postsToFill) || 1 } })}
                      >
                        <option value="top-n">上位の人数</option>
                        <option value="min-score">基準点以上</option>
                        <option value="manual">個別に判断</option>
                      </select>
                    </td>
                    <td>
                      {s.passRule.kind === 'top-n' ? (
                        <input aria-label={`段階${i + 1}の合格予定人数`} inputMode="numeric" value={s.passRule.count} onChange={(e) => setStage(i, { passRule: { kind: 'top-n', count: Number(e.target.value) || 1 } })} />
                      ) : s.passRule.kind === 'min-score' ? (
                        <input aria-label={`段階${i + 1}の基準点`} inputMode="numeric" value={s.passRule.minScore} onChange={(e) => setStage(i, { passRule: { kind: 'min-score', minScore: Number(e.target.value) || 0 } })} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {s.rubric ? (
                        <input aria-label={`段階${i + 1}の評定者数`} inputMode="numeric" value={s.ratersPerApplicant} onChange={(e) => setStage(i, { ratersPerApplicant: Number(e.target.value) || 1 })} />
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      <button type="button" onClick={() => set('stages', draft.stages.filter((_, j) => j !== i))} disabled={draft.stages.length <= 1}>
                        段階{i + 1}を削除
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <AddStage onAdd={addStage} />
          </section>

          <section className="campaign-section" aria-labelledby="schedule-h">
            <h2 id="schedule-h">日程</h2>
            {draft.schedule.map((s, i) => (
              <div className="form-grid" key={i}>
                <div className="field">
                  <label htmlFor={`s-label-${i}`}>項目{i + 1}</label>
                  <input id={`s-label-${i}`} value={s.label} onChange={(e) => set('schedule', draft.schedule.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
                </div>
                <div className="field">
                  <label htmlFor={`s-date-${i}`}>日付{i + 1}</label>
                  <input id={`s-date-${i}`} type="date" value={s.date} onChange={(e) => set('schedule', draft.schedule.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)))} />
                </div>
                <div className="field">
                  <label htmlFor={`s-note-${i}`}>備考{i + 1}</label>
                  <input id={`s-note-${i}`} value={s.note} onChange={(e) => set('schedule', draft.schedule.map((x, j) => (j === i ? { ...x, note: e.target.value } : x)))} />
                </div>
                <button type="button" onClick={() => set('schedule', draft.schedule.filter((_, j) => j !== i))}>
                  項目{i + 1}を削除
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set('schedule', [...draft.schedule, { label: '', date: c.applicationClosesOn, note: '' }])}>
              日程を追加
            </button>
          </section>

          <section className="campaign-section" aria-labelledby="faq-h">
            <h2 id="faq-h">よくある質問</h2>
            {draft.faq.map((f, i) => (
              <div className="form-grid" key={i}>
                <div className="field">
                  <label htmlFor={`q-${i}`}>質問{i + 1}</label>
                  <input id={`q-${i}`} value={f.question} onChange={(e) => set('faq', draft.faq.map((x, j) => (j === i ? { ...x, question: e.target.value } : x)))} />
                </div>
                <div className="field">
                  <label htmlFor={`a-${i}`}>回答{i + 1}</label>
                  <textarea id={`a-${i}`} value={f.answer} onChange={(e) => set('faq', draft.faq.map((x, j) => (j === i ? { ...x, answer: e.target.value } : x)))} />
                </div>
                <button type="button" onClick={() => set('faq', draft.faq.filter((_, j) => j !== i))}>
                  質問{i + 1}を削除
                </button>
              </div>
            ))}
            <button type="button" onClick={() => set('faq', [...draft.faq, { question: '', answer: '' }])}>
              質問を追加
            </button>
          </section>

          <button type="submit" className="button--primary" disabled={save.isPending || c.status === 'finished'}>
            保存する
          </button>
        </form>
      ) : null}
      {c.status === 'open' || c.status === 'closed' ? <CsvImport campaignId={c.id} /> : null}
    </>
  );
}

function AddStage({ onAdd }: { onAdd: (kind: StageKind) => void }) {
  const [kind, setKind] = useState<StageKind>('group-discussion');
  return (
    <div className="toolbar">
      <label htmlFor="add-stage">追加する段階</label>
      <select id="add-stage" value={kind} onChange={(e) => setKind(e.target.value as StageKind)}>
        {stageKinds.map((k) => (
          <option key={k} value={k}>
            {stageKindLabels[k]}
          </option>
        ))}
      </select>
      <button type="button" onClick={() => onAdd(kind)}>
        段階を追加
      </button>
    </div>
  );
}

function CsvImport({ campaignId }: { campaignId: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState('shift_jis');
  const [preview, setPreview] = useState<EApplicationImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const run = async (commit: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setMessage('');
    try {
      const result = await postEApplicationCsv(campaignId, file, { encoding, commit, sha256: commit ? preview?.sha256 : undefined });
      setPreview(result);
      if (result.committed) setMessage(`${result.newCount}件を登録しました(重複 ${result.duplicateCount}件)。`);
    } catch (err) {
      setError(err);
      const problems = err instanceof ApiError ? (err.details as { problems?: EApplicationImportResult['problems'] } | undefined)?.problems : undefined;
      if (problems && preview) setPreview({ ...preview, problems });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="campaign-section" aria-labelledby="csv-h">
      <h2 id="csv-h">電子申請サービスのCSV取込み</h2>
      <p className="hint">電子申請サービスから出力したCSVを取り込みます。受付番号が同じ行は1件として扱います。誤りが1件でもあれば、何も登録しません。</p>
      <StatusMessage>{message}</StatusMessage>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="csv-file">CSVファイル</label>
          <input id="csv-file" type="file" accept=".csv,text/csv" onChange={(e) => (setFile(e.target.files?.[0] ?? null), setPreview(null))} />
        </div>
        <div className="field">
          <label htmlFor="csv-enc">文字コード</label>
          <select id="csv-enc" value={encoding} onChange={(e) => setEncoding(e.target.value)}>
            <option value="shift_jis">Shift_JIS</option>
            <option value="utf-8">UTF-8</option>
            <option value="auto">自動(BOM付きUTF-8)</option>
          </select>
        </div>
      </div>
      <div className="campaign-actions">
        <button type="button" disabled={!file || busy} onClick={() => void run(false)}>
          プレビュー
        </button>
        <button type="button" className="button--primary" disabled={!preview || preview.committed || preview.problems.length > 0 || busy} onClick={() => void run(true)}>
          一括登録
        </button>
      </div>
      <ErrorAlert error={error} title="取り込めませんでした。" />
      {preview ? (
        <>
          <p>
            {preview.lines}行: 新規 {preview.newCount}件・重複 {preview.duplicateCount}件・誤り {preview.problems.length}件
          </p>
          {preview.problems.length > 0 ? (
            <table className="data-table import-problems">
              <caption>誤りのある行</caption>
              <thead>
                <tr>
                  <th scope="col">行</th>
                  <th scope="col">列</th>
                  <th scope="col">内容</th>
                </tr>
              </thead>
              <tbody>
                {preview.problems.map((p, i) => (
                  <tr key={i}>
                    <th scope="row">{p.line}</th>
                    <td>{p.column}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
