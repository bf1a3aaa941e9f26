/**
 * 研修のおすすめ /training/recommendations: push-type recommendations (policy III-1-(2), II-4). Staff see the courses
 * that develop the items of their latest ability evaluation rated below standard, with the reason and their
 * supervisor's pushes; a supervisor picks a member they evaluate and pushes a course with a note from the interview.
 */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { FieldErrorSummary, fieldErrorsOf, messagesAt } from '../../components/field-errors.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import type { RecommendationsView } from '../../../domain/training/recommendations.js';
import { useEvaluatees, usePushCourse, useRecommendations } from './recommendations.queries.js';
import './recommendations.css';

const title = '研修のおすすめ';
const pushFieldLabels: Record<string, string> = { courseId: '勧める研修', note: '面談のメモ' };

export function RecommendationsPage() {
  const session = useSession();
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        最新の能力評価で標準を下回った評価項目(職位ごとに求める項目に限ります)と、その項目を伸ばす研修です。評価者は面談の内容を添えて研修の受講を勧められます。
      </p>
      <StatusMessage>{message}</StatusMessage>
      {session.staffId !== null ? <MyRecommendations staffId={session.staffId} /> : null}
      <TeamRecommendations onMessage={setMessage} />
    </>
  );
}

function MyRecommendations({ staffId }: { staffId: number }) {
  const query = useRecommendations(staffId);
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>あなたへのおすすめ</h2>
      <ErrorAlert error={query.error} title="おすすめの研修を読み込めませんでした。" />
      {query.isPending ? <Loading /> : null}
      {query.data ? (
        <RecommendationsBody
          view={query.data}
          whose="あなた"
          empty="フィードバック面談を終えた能力評価がまだありません。面談の後に、標準を下回った項目を伸ばす研修がここに表示されます。"
        />
      ) : null}
    </section>
  );
}

function TeamRecommendations({ onMessage }: { onMessage: (m: string) => void }) {
  const evaluatees = useEvaluatees();
  const [selected, setSelected] = useState<number | null>(null);
  const id = useId();
  if (evaluatees.isPending) return null;
  if (evaluatees.error) return <ErrorAlert error={evaluatees.error} title="評価を担当する職員を読み込めませんでした。" />;
  const people = evaluatees.data;
  if (people.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>評価を担当する職員へのおすすめ</h2>
      <div className="field field--inline">
        <label htmlFor={`${id}-person`}>職員</label>
        <select
          id={`${id}-person`}
          value={selected ?? ''}
          onChange={(e) => {
            onMessage('');
            setSelected(e.target.value === '' ? null : Number(e.target.value));
          }}
        >
          <option value="">選んでください</option>
          {people.map((p) => (
            <option key={p.staffId} value={p.staffId}>
              {p.name}({p.employeeNumber})
            </option>
          ))}
        </select>
      </div>
      {selected !== null ? <MemberRecommendations key={selected} staffId={selected} onMessage={onMessage} /> : null}
    </section>
  );
}

function MemberRecommendations({ staffId, onMessage }: { staffId: number; onMessage: (m: string) => void }) {
  const query = useRecommendations(staffId);
  if (query.isPending) return <Loading />;
  if (query.error) return <ErrorAlert error={query.error} title="おすすめの研修を読み込めませんでした。" />;
  const view = query.data;
  return (
    <>
      <RecommendationsBody view={view} whose={`${view.staff.name}さん`} empty="確認者の確認を終えた能力評価がまだありません。" />
      {view.canPush && view.courses.some((c) => c.pushed === null) ? <PushForm view={view} onMessage={onMessage} /> : null}
    </>
  );
}

function RecommendationsBody({ view, whose, empty }: { view: RecommendationsView; whose: string; empty: string }) {
  const dates = useDates();
  if (view.sheet === null) return <p>{empty}</p>;
  const below = view.items.filter((i) => i.isBelowStandard);
  return (
    <>
      <p>
        {dates.fiscalYear(view.sheet.cycle.fiscalYear)}の能力評価(職位: {view.sheet.positionLevelLabel}、確認日: {dates.date(view.sheet.confirmedOn)})
      </p>
      {below.length === 0 ? (
        <p>標準を下回った評価項目はありません。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${whose}の標準を下回った評価項目の表`)}>
          <table className="recommendations-table">
            <caption>{whose}の標準を下回った評価項目 {below.length} 件</caption>
            <thead>
              <tr>
                <th scope="col">評価項目</th>
                <th scope="col">評語</th>
                <th scope="col">標準</th>
              </tr>
            </thead>
            <tbody>
              {below.map((item) => (
                <tr key={item.itemId}>
                  <th scope="row">{item.itemName}</th>
                  <td>{item.grade}</td>
                  <td>{item.standard}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.courses.length === 0 ? (
        below.length === 0 ? null : <p>これらの項目を伸ばす研修は、研修体系にまだありません(または受講済みです)。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${whose}へのおすすめの研修の表`)}>
          <table className="recommendations-table">
            <caption>{whose}へのおすすめの研修 {view.courses.length} 件</caption>
            <thead>
              <tr>
                <th scope="col">研修</th>
                <th scope="col">区分</th>
                <th scope="col">理由(伸ばす評価項目)</th>
                <th scope="col">上司からの勧奨</th>
              </tr>
            </thead>
            <tbody>
              {view.courses.map((course) => (
                <tr key={course.courseId} className={course.pushed ? 'is-pushed' : undefined}>
                  <th scope="row">{course.title}</th>
                  <td>{course.categoryLabel}</td>
                  <td className="recommendations-reasons">{course.reasons.join('、')}が標準を下回ったため</td>
                  <td>
                    {course.pushed ? (
                      <>
                        <span className="recommendations-pushed-by">
                          {course.pushed.by.name}さん({dates.date(course.pushed.on)})
                        </span>
                        {course.pushed.note ? <span className="recommendations-note">{course.pushed.note}</span> : null}
                      </>
                    ) : (
                      'なし'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function PushForm({ view, onMessage }: { view: RecommendationsView; onMessage: (m: string) => void }) {
  const push = usePushCourse(view.staff.staffId);
  const open = view.courses.filter((c) => c.pushed === null);
  const [courseId, setCourseId] = useState<number>(open[0]?.courseId ?? 0);
  const [note, setNote] = useState('');
  const id = useId();
  const errors = fieldErrorsOf(push.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const course = open.find((c) => c.courseId === courseId);
    if (!course) return;
    push.mutate(
      { courseId, note },
      {
        onSuccess: () => {
          onMessage(`${view.staff.name}さんに「${course.title}」の受講を勧めました。`);
          setNote('');
          const next = open.find((c) => c.courseId !== courseId);
          setCourseId(next?.courseId ?? 0);
        },
      },
    );
  };
  return (
    <form className="recommendations-push" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h3 id={`${id}-title`}>研修の受講を勧める</h3>
      {errors.length > 0 ? <FieldErrorSummary errors={errors} labelOf={(p) => pushFieldLabels[p] ?? p} title="勧奨を記録できませんでした。次の項目を確認してください。" /> : <ErrorAlert error={push.error} title="勧奨を記録できませんでした。" />}
      <div className="field">
        <label htmlFor={`${id}-course`}>勧める研修</label>
        <select id={`${id}-course`} value={courseId} onChange={(e) => setCourseId(Number(e.target.value))}>
          {open.map((c) => (
            <option key={c.courseId} value={c.courseId}>
              {c.title}
            </option>
          ))}
        </select>
        {messagesAt(errors, 'courseId').length > 0 ? <span className="recommendations-field-error">{messagesAt(errors, 'courseId').join(' ')}</span> : null}
      </div>
      <div className="field field--grow">
        <label htmlFor={`${id}-note`}>面談のメモ(本人に表示されます)</label>
        <textarea id={`${id}-note`} rows={3} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={push.isPending || open.length === 0}>
          受講を勧める
        </button>
      </div>
    </form>
  );
}
