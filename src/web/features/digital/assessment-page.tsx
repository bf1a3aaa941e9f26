/**
 * デジタルスキルの自己評価 /digital/assessment: one's own levels per area of the framework for a 年度 (save, submit;
 * changeable again when the supervisor returns it), and for evaluators and HR the assessments waiting for their
 * confirmation. Confirmed assessments appear on that 年度's ability-evaluation sheet.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { todayInJapan, useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { FiscalYearSelect } from '../../components/fiscal-year-select.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { fiscalYearOf } from '../../../domain/common/fiscal-year.js';
import { levelLabel, type SkillFramework } from '../../../domain/digital/skill-framework.js';
import { assessmentStatusLabels, isEditableByOwner, type AssessmentLevels, type AssessmentView, type MyAssessmentView } from '../../../domain/digital/skill-assessment.js';
import { useMyAssessment, usePendingAssessments, useReviewAssessment, useSaveMyAssessment } from './digital.queries.js';
import './digital.css';

const title = 'デジタルスキルの自己評価';

export function AssessmentPage() {
  const dates = useDates();
  const current = fiscalYearOf(todayInJapan());
  const [fiscalYear, setFiscalYear] = useState(current);
  const [message, setMessage] = useState('');
  const mine = useMyAssessment(fiscalYear);
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        デジタルスキルの分野ごとに、今の自分の段階を選んで提出します。上司(評価者)が確認した自己評価は、その年度の能力評価シートのデジタルスキルの項目のそばに表示されます。分野と段階の説明は
        <Link to="/digital/framework">デジタルスキルの枠組み</Link>にあります。
      </p>
      <StatusMessage>{message}</StatusMessage>
      <FiscalYearSelect current={current} shown={fiscalYear} dateStyle={dates.style} className="digital-year" onChange={(v) => setFiscalYear(Number(v))} />
      <ErrorAlert error={mine.error} title="自己評価を読み込めませんでした。" />
      {mine.isPending ? <Loading /> : null}
      {mine.data ? <MyAssessmentForm key={`${fiscalYear}-${mine.data.assessment.version ?? 0}`} view={mine.data} onMessage={setMessage} /> : null}
      <PendingReviews onMessage={setMessage} />
    </>
  );
}

function LevelSelect({ id, label, framework, value, onChange }: { id: string; label: string; framework: SkillFramework; value: number | undefined; onChange: (level: number | undefined) => void }) {
  return (
    <>
      <label className="visually-hidden" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))}>
        <option value="">選んでください</option>
        {framework.levels.map((l) => (
          <option key={l.level} value={l.level}>
            {l.level} {l.label}
          </option>
        ))}
      </select>
    </>
  );
}

function MyAssessmentForm({ view, onMessage }: { view: MyAssessmentView; onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const { framework, assessment } = view;
  const save = useSaveMyAssessment(assessment.fiscalYear);
  const [levels, setLevels] = useState<AssessmentLevels>(assessment.levels);
  const [selfComment, setSelfComment] = useState(assessment.selfComment);
  const isEditable = view.isCurrentYear && isEditableByOwner(assessment.status);
  const setLevel = (areaId: string, level: number | undefined) =>
    setLevels((prev) => {
      const { [areaId]: old, ...rest } = prev;
      return level === undefined ? rest : { ...rest, [areaId]: { level, note: old?.note ?? '' } };
    });
  const setNote = (areaId: string, note: string) => setLevels((prev) => (prev[areaId] ? { ...prev, [areaId]: { ...prev[areaId]!, note } } : prev));
  const run = (submit: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    // mutateAsync: the saved version re-keys this form (fresh state from the server), which would drop a
    // per-call onSuccess; the page's message setter outlives it.
    save.mutateAsync({ levels, selfComment, version: assessment.version, submit }).then(
      () => onMessage(submit ? `${dates.fiscalYear(assessment.fiscalYear)}の自己評価を提出しました。上司の確認を待っています。` : '下書きを保存しました。'),
      () => undefined,
    );
  };
  const caption = `${dates.fiscalYear(assessment.fiscalYear)}の自己評価(${assessmentStatusLabels[assessment.status]})`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>自分の自己評価</h2>
      <p>
        状態: <strong>{assessmentStatusLabels[assessment.status]}</strong>
        {assessment.status === 'confirmed' && assessment.confirmedByName ? `(${assessment.confirmedByName}が確認)` : ''}
      </p>
      {assessment.supervisorComment !== '' ? <p className="digital-comment">上司のコメント: {assessment.supervisorComment}</p> : null}
      {!view.isCurrentYear ? <p className="hint">入力・提出できるのは今年度の自己評価だけです。</p> : null}
      <ErrorAlert error={save.error} title="保存できませんでした。" />
      <form onSubmit={run(true)} noValidate>
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="digital-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">分野</th>
                <th scope="col">段階</th>
                <th scope="col">メモ(具体的な経験など)</th>
              </tr>
            </thead>
            <tbody>
              {framework.areas.map((area) => {
                const value = levels[area.id];
                return (
                  <tr key={area.id}>
                    <th scope="row">
                      {area.label}
                      <span className="digital-description">{area.description}</span>
                    </th>
                    <td>
                      {isEditable ? (
                        <LevelSelect id={`${id}-${area.id}-level`} label={`${area.label}の段階`} framework={framework} value={value?.level} onChange={(l) => setLevel(area.id, l)} />
                      ) : value ? (
                        `${value.level} ${levelLabel(framework, value.level)}`
                      ) : (
                        '—'
                      )}
                    </td>
                    <td>
                      {isEditable ? (
                        <>
                          <label className="visually-hidden" htmlFor={`${id}-${area.id}-note`}>
                            {area.label}のメモ
                          </label>
                          <input id={`${id}-${area.id}-note`} value={value?.note ?? ''} disabled={!value} maxLength={500} onChange={(e) => setNote(area.id, e.target.value)} />
                        </>
                      ) : (
                        value?.note || '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="field field--grow">
          <label htmlFor={`${id}-comment`}>本人のコメント</label>
          {isEditable ? (
            <textarea id={`${id}-comment`} value={selfComment} maxLength={1000} rows={3} onChange={(e) => setSelfComment(e.target.value)} />
          ) : (
            <p id={`${id}-comment`}>{selfComment || '—'}</p>
          )}
        </div>
        {isEditable ? (
          <div className="form-actions">
            <button type="submit" className="button--primary" disabled={save.isPending}>
              提出する
            </button>
            <button type="button" className="button--secondary" disabled={save.isPending} onClick={() => run(false)()}>
              下書き保存
            </button>
          </div>
        ) : null}
      </form>
    </section>
  );
}

function PendingReviews({ onMessage }: { onMessage: (m: string) => void }) {
  const id = useId();
  const dates = useDates();
  const pending = usePendingAssessments();
  const decide = useReviewAssessment();
  const [comment, setComment] = useState<Record<number, string>>({});
  const items = pending.data?.items ?? [];
  // Only evaluators and HR have anything here; others do not see the section at all.
  if (!pending.isPending && !pending.error && items.length === 0) return null;
  const framework = pending.data?.framework;
  const caption = `確認待ちの自己評価 ${items.length} 件`;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>確認待ち</h2>
      <p className="hint">評価者として担当する職員の自己評価です。差し戻すときは理由をコメントに書いてください(本人に通知されます)。</p>
      <ErrorAlert error={pending.error} title="確認待ちの自己評価を読み込めませんでした。" />
      <ErrorAlert error={decide.error} title="処理できませんでした。" />
      {pending.isPending ? <Loading /> : null}
      {framework && items.length > 0 ? (
        <div className="table-wrap" {...scrollRegion(caption)}>
          <table className="digital-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">氏名</th>
                <th scope="col">年度</th>
                {framework.areas.map((a) => (
                  <th key={a.id} scope="col">
                    {a.label}
                  </th>
                ))}
                <th scope="col">コメント</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r: AssessmentView) => {
                const label = `${r.name}の自己評価`;
                const run = (action: 'confirm' | 'return') =>
                  decide.mutate(
                    { staffId: r.staffId, fiscalYear: r.fiscalYear, action, version: r.version ?? 0, comment: comment[r.staffId] ?? '' },
                    { onSuccess: () => onMessage(action === 'confirm' ? `${label}を確認しました。` : `${label}を差し戻しました。`) },
                  );
                return (
                  <tr key={`${r.staffId}-${r.fiscalYear}`}>
                    <th scope="row">
                      {r.name}
                      <span className="digital-description">
                        {r.employeeNumber}
                        {r.unitName ? `・${r.unitName}` : ''}
                      </span>
                    </th>
                    <td>{dates.fiscalYear(r.fiscalYear)}</td>
                    {framework.areas.map((a) => {
                      const v = r.levels[a.id];
                      return (
                        <td key={a.id}>
                          {v ? `${v.level} ${levelLabel(framework, v.level)}` : '—'}
                          {v?.note ? <span className="digital-description">{v.note}</span> : null}
                        </td>
                      );
                    })}
                    <td>
                      {r.selfComment ? <span className="digital-description">本人: {r.selfComment}</span> : null}
                      <input aria-label={`${label}へのコメント`} value={comment[r.staffId] ?? ''} maxLength={1000} onChange={(e) => setComment({ ...comment, [r.staffId]: e.target.value })} />
                    </td>
                    <td className="digital-actions">
                      <button type="button" className="button--primary button--small" disabled={decide.isPending} onClick={() => run('confirm')}>
                        確認<span className="visually-hidden">({label})</span>
                      </button>
                      <button type="button" className="button--danger button--small" disabled={decide.isPending} onClick={() => run('return')}>
                        差戻し<span className="visually-hidden">({label})</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
