/**
 * 評定 /recruitment/scoring[/:sittingId]: the sittings the signed-in staff member rates and, per sitting, a form per
 * applicant with every rubric item. Raters see only their own scores (ADR 0018) and can revise them until the
 * stage is decided; everyone else sees an empty list.
 */
import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage, usePageTitle } from '../../components/page.js';
import { fieldErrorsOf } from '../../components/field-errors.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { RaterSitting } from '../../../domain/recruitment/pipeline-api.js';
import { pipelineApi, useMySittings, usePipelineMutation, useRaterSitting } from './pipeline.queries.js';
import './pipeline.css';

const title = '評定(面接官・評定者)';

export function ScoringPage() {
  const { sittingId } = useParams();
  return sittingId ? <SittingScoring sittingId={Number(sittingId)} /> : <MySittings />;
}

function MySittings() {
  const dates = useDates();
  const mine = useMySittings();
  usePageTitle(title);
  return (
    <>
      <PageHeading title={title} />
      <ErrorAlert error={mine.error} title="担当する試験を読み込めませんでした。" />
      {mine.isPending ? <Loading /> : null}
      {mine.data && mine.data.length === 0 ? <p>評定者として割り当てられた試験はありません。</p> : null}
      {mine.data && mine.data.length > 0 ? (
        <div className="table-wrap" {...scrollRegion('担当する試験の回')}>
          <table>
            <caption>担当する試験の回</caption>
            <thead>
              <tr>
                <th scope="col">日時</th>
                <th scope="col">採用試験</th>
                <th scope="col">試験</th>
                <th scope="col">グループ・会場</th>
                <th scope="col">評定済み</th>
              </tr>
            </thead>
            <tbody>
              {mine.data.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={`/recruitment/scoring/${s.id}`}>{dates.timestamp(s.startsAt)}</Link>
                  </th>
                  <td>{s.campaignTitle}</td>
                  <td>{s.stageName}</td>
                  <td>
                    {s.groupLabel} {s.room}
                  </td>
                  <td className="pipeline-number">
                    {s.scoredByMe} / {s.applicants} 人
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

function SittingScoring({ sittingId }: { sittingId: number }) {
  const dates = useDates();
  const sitting = useRaterSitting(sittingId);
  const s = sitting.data;
  const heading = s ? `${s.stageName} ${s.groupLabel}(${dates.timestamp(s.startsAt)})` : title;
  usePageTitle(heading);
  return (
    <>
      <PageHeading title={heading}>
        <Link to="/recruitment/scoring">担当する試験の一覧へ</Link>
      </PageHeading>
      <ErrorAlert error={sitting.error} title="試験の回を読み込めませんでした。" />
      {sitting.isPending ? <Loading /> : null}
      {s ? (
        <>
          <p className="hint">
            各項目を 1〜{s.rubric.scaleMax} で評定してください。ほかの評定者の評定は表示されません。合否が決まるまで修正できます。
          </p>
          {s.applicants.map((a) => (
            <ApplicantForm key={a.applicantId} sitting={s} applicant={a} />
          ))}
        </>
      ) : null}
    </>
  );
}

function ApplicantForm({ sitting, applicant: a }: { sitting: RaterSitting; applicant: RaterSitting['applicants'][number] }) {
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(sitting.rubric.items.map((i) => [i.id, a.myScores?.[i.id] ? String(a.myScores[i.id]) : ''])));
  const [comment, setComment] = useState(a.myComment);
  const save = usePipelineMutation(() =>
    pipelineApi.saveScore(sitting.id, a.applicantId, {
      scores: Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)])),
      comment,
    }),
  );
  const errors = fieldErrorsOf(save.error);
  const scale = Array.from({ length: sitting.rubric.scaleMax }, (_, i) => i + 1);
  const name = `${a.name}(受付番号 ${a.receiptNumber})`;
  return (
    <section className="panel scoring-applicant" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>
        {name}
        {a.isAbsent ? '・欠席' : ''}
      </h2>
      <p>
        {a.myTotal === null ? '未評定' : `自分の評定: ${a.myTotal} 点(100点換算)`}
        {a.canRevise ? '' : '・合否が決まったため修正できません'}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(undefined);
        }}
      >
        <fieldset className="scoring-items" disabled={!a.canRevise}>
          <legend>{name}の評定</legend>
          {sitting.rubric.items.map((item) => {
            const message = errors.find((x) => x.path === `scores.${item.id}`)?.message;
            return (
              <div className="field" key={item.id}>
                <label htmlFor={`${id}-${item.id}`}>{item.label}</label>
                <select
                  id={`${id}-${item.id}`}
                  value={values[item.id] ?? ''}
                  aria-describedby={`${id}-${item.id}-d`}
                  aria-invalid={message ? true : undefined}
                  onChange={(e) => setValues({ ...values, [item.id]: e.target.value })}
                >
                  <option value="">未選択</option>
                  {scale.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
                <span className="hint" id={`${id}-${item.id}-d`}>
                  {item.description}
                </span>
                {message ? <span className="field-error">{message}</span> : null}
              </div>
            );
          })}
          <div className="field field--grow">
            <label htmlFor={`${id}-comment`}>所見(任意)</label>
            <textarea id={`${id}-comment`} rows={2} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />
          </div>
          <button type="submit" className="button--primary" disabled={save.isPending}>
            {name}の評定を保存
          </button>
        </fieldset>
      </form>
      <ErrorAlert error={errors.length > 0 ? null : save.error} title="保存できませんでした。" />
      {errors.length > 0 ? <p role="alert">評定を確認してください。</p> : null}
      {save.data ? <StatusMessage>保存しました({save.data.total} 点)。</StatusMessage> : null}
    </section>
  );
}
