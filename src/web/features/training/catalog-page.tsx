/**
 * 研修 /training/courses: the course catalog (研修体系, policy II-4-(3)) with each course's category, provider, mode,
 * co-hosting cities, whom it is for and how people are chosen. Everyone signed in browses it; HR and the training
 * officer import the policy's catalog, add and change courses (with the target rule) and end a course's use.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { FieldErrorSummary, fieldErrorsOf, messagesAt, type FieldError } from '../../components/field-errors.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { scrollRegion } from '../../components/scroll-region.js';
import { employmentTypeLabels, employmentTypes, positionLevelLabels, positionLevels } from '../../../domain/org/org-model.js';
import {
  courseCategories,
  courseCategoryLabels,
  courseModeLabels,
  courseModes,
  courseProviderLabels,
  courseProviders,
  selectionMethodLabels,
  selectionMethods,
  tenureBandLabels,
  tenureBands,
  trainingSituationLabels,
  trainingSituations,
  type Course,
  type CourseCategory,
  type TargetRule,
} from '../../../domain/training/training-model.js';
import type { CourseView } from '../../../domain/training/training-api.js';
import {
  isStaleSave,
  useCourses,
  useCreateCourse,
  useDeactivateCourse,
  useImportPolicyCatalog,
  useReloadTraining,
  useUpdateCourse,
} from './training.queries.js';
import { describeSelection, describeTargetRule } from './training-labels.js';
import './training.css';

const title = '研修';

const isCategory = (v: string | null): v is CourseCategory => v !== null && (courseCategories as readonly string[]).includes(v);

export function CatalogPage() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('category');
  const category = isCategory(raw) ? raw : null;
  const courses = useCourses(category);
  const [message, setMessage] = useState('');
  const [editing, setEditing] = useState<CourseView | 'new' | null>(null);
  const filterId = useId();
  const canManage = courses.data?.canManage ?? false;

  return (
    <>
      <PageHeading title={title} />
      <p className="hint">
        人材育成・確保基本方針 II-4-(3) の研修体系です。職位や在籍年数で受講する研修のほか、所属推薦・指定・希望で受講する研修があります。
      </p>
      <StatusMessage>{message}</StatusMessage>
      {canManage && courses.data && courses.data.missingPolicyCourses > 0 ? (
        <ImportPanel missing={courses.data.missingPolicyCourses} isEmpty={courses.data.items.length === 0 && category === null} onMessage={setMessage} />
      ) : null}
      <div className="training-toolbar">
        <div className="field field--inline">
          <label htmlFor={filterId}>区分</label>
          <select
            id={filterId}
            value={category ?? ''}
            onChange={(e) => setParams(e.target.value ? { category: e.target.value } : {}, { replace: true })}
          >
            <option value="">すべて</option>
            {courseCategories.map((c) => (
              <option key={c} value={c}>
                {courseCategoryLabels[c]}
              </option>
            ))}
          </select>
        </div>
        {canManage ? (
          <button
            type="button"
            className="button--secondary"
            onClick={() => {
              setMessage('');
              setEditing('new');
            }}
          >
            研修を追加
          </button>
        ) : null}
      </div>
      {editing !== null ? (
        <CourseForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          course={editing === 'new' ? null : editing}
          onDone={(text) => {
            setEditing(null);
            if (text) setMessage(text);
          }}
          onReload={() => {
            setEditing(null);
            void courses.refetch();
          }}
        />
      ) : null}
      <ErrorAlert error={courses.error} title="研修の一覧を読み込めませんでした。" />
      {courses.isPending ? <Loading /> : null}
      {courses.data ? (
        <CourseTable
          courses={courses.data.items}
          canManage={canManage}
          categoryLabel={category ? courseCategoryLabels[category] : null}
          onEdit={(c) => {
            setMessage('');
            setEditing(c);
          }}
          onMessage={setMessage}
        />
      ) : null}
    </>
  );
}

function ImportPanel({ missing, isEmpty, onMessage }: { missing: number; isEmpty: boolean; onMessage: (m: string) => void }) {
  const importCatalog = useImportPolicyCatalog();
  const id = useId();
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>方針の研修体系</h2>
      <p>
        {isEmpty
          ? 'この市の研修はまだ登録されていません。人材育成・確保基本方針の研修体系を取り込むと、そのまま研修計画に使えます。'
          : `方針の研修体系のうち ${missing} 件がまだ登録されていません。取り込むと、登録済みの研修は変えずに、ない研修だけを追加します。`}
      </p>
      <ErrorAlert error={importCatalog.error} title="取り込めませんでした。" />
      <button
        type="button"
        className="button--primary"
        disabled={importCatalog.isPending}
        onClick={() =>
          importCatalog.mutate(undefined, {
            onSuccess: (r) => onMessage(`方針の研修体系から ${r.inserted} 件の研修を取り込みました。`),
          })
        }
      >
        方針の研修体系を取り込む
      </button>
    </section>
  );
}

function CourseTable({
  courses,
  canManage,
  categoryLabel,
  onEdit,
  onMessage,
}: {
  courses: CourseView[];
  canManage: boolean;
  categoryLabel: string | null;
  onEdit: (course: CourseView) => void;
  onMessage: (m: string) => void;
}) {
  const deactivate = useDeactivateCourse();
  const reload = useReloadTraining();
  if (courses.length === 0) return <p>{categoryLabel ? `${categoryLabel}の研修はありません。` : '登録された研修はありません。'}</p>;
  return (
    <>
      {isStaleSave(deactivate.error) ? null : <ErrorAlert error={deactivate.error} title="使用を終了できませんでした。" />}
      {isStaleSave(deactivate.error) ? <ConflictAlert
          subject="研修"
          onReload={() => {
            deactivate.reset();
            reload();
          }}
        /> : null}
      <div className="table-wrap table-wrap--tall" {...scrollRegion('研修の一覧の表')}>
        <table className="training-table">
          <caption>
            研修の一覧{categoryLabel ? `(${categoryLabel})` : ''} {courses.length} 件
          </caption>
          <thead>
            <tr>
              <th scope="col">研修名</th>
              <th scope="col">区分</th>
              <th scope="col">実施機関</th>
              <th scope="col">形式</th>
              <th scope="col">合同実施</th>
              <th scope="col">対象</th>
              <th scope="col">対象者の決め方</th>
              {canManage ? <th scope="col">操作</th> : null}
            </tr>
          </thead>
          <tbody>
            {courses.map((course) => (
              <tr key={course.id} className={course.isActive ? undefined : 'is-inactive'}>
                <th scope="row">
                  {course.title}
                  <span className="training-code">{course.code}</span>
                  {course.isActive ? null : <span className="tag">使用終了</span>}
                  {course.description ? <span className="training-description">{course.description}</span> : null}
                </th>
                <td>{courseCategoryLabels[course.category]}</td>
                <td>{courseProviderLabels[course.provider]}</td>
                <td>{courseModeLabels[course.mode]}</td>
                <td>{course.coHosts.length > 0 ? course.coHosts.join('・') : '—'}</td>
                <td>{describeTargetRule(course.targetRule)}</td>
                <td>{describeSelection(course.selectionMethods)}</td>
                {canManage ? (
                  <td className="training-actions">
                    <button type="button" className="button--secondary button--small" onClick={() => onEdit(course)}>
                      編集<span className="visually-hidden">({course.title})</span>
                    </button>
                    {course.isActive ? (
                      <button
                        type="button"
                        className="button--danger button--small"
                        disabled={deactivate.isPending}
                        onClick={() => {
                          if (!window.confirm(`「${course.title}」の使用を終了しますか？ 過去の研修計画には残ります。`)) return;
                          deactivate.mutate({ id: course.id, version: course.version }, { onSuccess: () => onMessage(`「${course.title}」の使用を終了しました。`) });
                        }}
                      >
                        使用終了<span className="visually-hidden">({course.title})</span>
                      </button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

/* ---------- adding and changing a course ---------- */

const fieldLabels: Record<string, string> = {
  code: 'コード',
  title: '研修名',
  category: '区分',
  provider: '実施機関',
  mode: '形式',
  coHosts: '合同実施の自治体',
  targetRule: '対象',
  selectionMethods: '対象者の決め方',
  description: '説明',
};
const labelOfPath = (path: string) => fieldLabels[path.split('.')[0] ?? ''] ?? (path || '入力内容');

const emptyCourse: Course = {
  code: '',
  title: '',
  category: 'special',
  provider: 'internal',
  mode: 'classroom',
  coHosts: [],
  targetRule: { positionLevels: [], tenureBands: [], employmentTypes: [], situations: [] },
  selectionMethods: [],
  abilityItemIds: [],
  description: '',
  isActive: true,
};

/** 「藤岡市、富岡市」 or 「藤岡市,富岡市」 → ['藤岡市', '富岡市'] */
const splitCoHosts = (text: string) =>
  text
    .split(/[、,，\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

function CourseForm({ course, onDone, onReload }: { course: CourseView | null; onDone: (message: string) => void; onReload: () => void }) {
  const id = useId();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const [draft, setDraft] = useState<Course>(() => {
    if (!course) return structuredClone(emptyCourse);
    const { id: _id, version: _version, ...rest } = course;
    return structuredClone(rest);
  });
  const [coHosts, setCoHosts] = useState(() => draft.coHosts.join('、'));
  const mutation = course ? update : create;
  const errors: FieldError[] = fieldErrorsOf(mutation.error);
  const set = <K extends keyof Course>(key: K, value: Course[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setRule = <K extends keyof TargetRule>(key: K, value: TargetRule[K]) => setDraft((d) => ({ ...d, targetRule: { ...d.targetRule, [key]: value } }));
  const fieldError = (path: string, nested = false) => {
    const messages = messagesAt(errors, path, nested);
    return messages.length > 0 ? (
      <span id={`${id}-${path}-error`} className="training-field-error">
        {messages.join(' ')}
      </span>
    ) : null;
  };
  const describedBy = (path: string) => (messagesAt(errors, path, true).length > 0 ? `${id}-${path}-error` : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = { ...draft, coHosts: splitCoHosts(coHosts) };
    if (course) update.mutate({ ...body, id: course.id, version: course.version }, { onSuccess: (c) => onDone(`「${c.title}」を保存しました。`) });
    else create.mutate(body, { onSuccess: (c) => onDone(`「${c.title}」を追加しました。`) });
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{course ? `研修の編集(${course.title})` : '研修の追加'}</h2>
      <form onSubmit={submit} noValidate>
        <FieldErrorSummary errors={errors} labelOf={labelOfPath} />
        {isStaleSave(mutation.error) ? <ConflictAlert subject="研修" onReload={onReload} /> : null}
        {errors.length === 0 && !isStaleSave(mutation.error) ? <ErrorAlert error={mutation.error} title="保存できませんでした。" /> : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${id}-code`}>コード</label>
            <input id={`${id}-code`} value={draft.code} maxLength={30} onChange={(e) => set('code', e.target.value)} aria-describedby={describedBy('code')} />
            {fieldError('code')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-title-input`}>研修名</label>
            <input id={`${id}-title-input`} value={draft.title} maxLength={200} onChange={(e) => set('title', e.target.value)} aria-describedby={describedBy('title')} />
            {fieldError('title')}
          </div>
          <div className="field">
            <label htmlFor={`${id}-category`}>区分</label>
            <select id={`${id}-category`} value={draft.category} onChange={(e) => set('category', e.target.value as Course['category'])}>
              {courseCategories.map((c) => (
                <option key={c} value={c}>
                  {courseCategoryLabels[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-provider`}>実施機関</label>
            <select id={`${id}-provider`} value={draft.provider} onChange={(e) => set('provider', e.target.value as Course['provider'])}>
              {courseProviders.map((p) => (
                <option key={p} value={p}>
                  {courseProviderLabels[p]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-mode`}>形式</label>
            <select id={`${id}-mode`} value={draft.mode} onChange={(e) => set('mode', e.target.value as Course['mode'])}>
              {courseModes.map((m) => (
                <option key={m} value={m}>
                  {courseModeLabels[m]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-cohosts`}>合同実施の自治体</label>
            <input id={`${id}-cohosts`} value={coHosts} onChange={(e) => setCoHosts(e.target.value)} aria-describedby={`${id}-cohosts-hint`} />
            <span id={`${id}-cohosts-hint`} className="hint">
              読点(、)で区切って入力します。例: 藤岡市、富岡市
            </span>
            {fieldError('coHosts', true)}
          </div>
        </div>
        <fieldset className="radio-group">
          <legend>対象(選んだ条件すべてに当てはまる職員。何も選ばなければ自動の対象者はなし)</legend>
          <CheckboxGroup
            legend="職位"
            values={positionLevels}
            labels={positionLevelLabels}
            checked={draft.targetRule.positionLevels}
            onChange={(v) => setRule('positionLevels', v)}
          />
          <CheckboxGroup legend="在籍年数" values={tenureBands} labels={tenureBandLabels} checked={draft.targetRule.tenureBands} onChange={(v) => setRule('tenureBands', v)} />
          <CheckboxGroup
            legend="任用形態"
            values={employmentTypes}
            labels={employmentTypeLabels}
            checked={draft.targetRule.employmentTypes}
            onChange={(v) => setRule('employmentTypes', v)}
          />
          <CheckboxGroup
            legend="状況"
            values={trainingSituations}
            labels={trainingSituationLabels}
            checked={draft.targetRule.situations}
            onChange={(v) => setRule('situations', v)}
          />
          {fieldError('targetRule', true)}
        </fieldset>
        <CheckboxGroup
          legend="対象者の決め方"
          values={selectionMethods}
          labels={selectionMethodLabels}
          checked={draft.selectionMethods}
          onChange={(v) => set('selectionMethods', v)}
          error={fieldError('selectionMethods', true)}
        />
        <div className="field">
          <label htmlFor={`${id}-description`}>説明</label>
          <textarea id={`${id}-description`} rows={3} value={draft.description} maxLength={2000} onChange={(e) => set('description', e.target.value)} />
          {fieldError('description')}
        </div>
        {course ? (
          <label className="checkbox">
            <input type="checkbox" checked={draft.isActive} onChange={(e) => set('isActive', e.target.checked)} />
            使用中(外すと研修計画に新しい日程を追加できなくなります)
          </label>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={mutation.isPending}>
            {course ? '保存' : '追加'}
          </button>
          <button type="button" className="button--secondary" onClick={() => onDone('')}>
            取消し
          </button>
        </div>
      </form>
    </section>
  );
}

function CheckboxGroup<T extends string>({
  legend,
  values,
  labels,
  checked,
  onChange,
  error,
}: {
  legend: string;
  values: readonly T[];
  labels: Record<T, string>;
  checked: readonly T[];
  onChange: (next: T[]) => void;
  error?: ReactNode;
}) {
  return (
    <fieldset className="radio-group training-checkboxes">
      <legend>{legend}</legend>
      {values.map((v) => (
        <label key={v} className="checkbox">
          <input
            type="checkbox"
            checked={checked.includes(v)}
            // Kept in the vocabulary's order, so that the order of ticking does not show in the stored course.
            onChange={(e) => onChange(values.filter((x) => (x === v ? e.target.checked : checked.includes(x))))}
          />
          {labels[v]}
        </label>
      ))}
      {error}
    </fieldset>
  );
}
