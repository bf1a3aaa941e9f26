/**
 * /careers/:id: one campaign's conditions, schedule, description and FAQ, and its application form. Accessible by
 * keyboard alone: every control has a label, required ones are marked in words, errors are listed in a summary that
 * takes the focus (role=alert) and each field points at its message (aria-describedby, aria-invalid). A
 * submission key made once per form makes a double submit one application. The receipt is shown on the next page
 * from the router's state — nothing personal goes into the URL.
 */
import { useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { ErrorAlert, Loading, usePageTitle } from '../../components/page.js';
import { parseJapaneseDate } from '../../../domain/common/wareki.js';
import { applicantSourceLabels, applicantSources, maxAttachments } from '../../../domain/recruitment/intake.js';
import { PublicLayout } from './public-layout.js';
import { CampaignConditions } from './public-campaigns-page.js';
import { bothCalendars } from './public-dates.js';
import { useApply, usePublicCampaign } from './public.queries.js';

type Fields = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  birthDate: string;
  email: string;
  phone: string;
  education: string;
  workExperienceYears: string;
  qualificationName: string;
  qualificationStatus: 'held' | 'expected';
  motivation: string;
  source: string;
  consent: boolean;
};
type FieldName = keyof Fields | 'attachments';
type Problem = { field: FieldName | ''; message: string };

const labels: Record<FieldName, string> = {
  familyName: '姓',
  givenName: '名',
  familyNameKana: '姓(フリガナ)',
  givenNameKana: '名(フリガナ)',
  birthDate: '生年月日',
  email: 'メールアドレス',
  phone: '電話番号',
  education: '最終学歴',
  workExperienceYears: '職務経験年数',
  qualificationName: '資格',
  qualificationStatus: '資格の取得状況',
  motivation: '志望動機',
  source: 'この試験を知ったきっかけ',
  consent: '個人情報の取扱いへの同意',
  attachments: '添付ファイル',
};

const empty: Fields = {
  familyName: '',
  givenName: '',
  familyNameKana: '',
  givenNameKana: '',
  birthDate: '',
  email: '',
  phone: '',
  education: '',
  workExperienceYears: '',
  qualificationName: '',
  qualificationStatus: 'held',
  motivation: '',
  source: '',
  consent: false,
};

function checkFields(f: Fields): Problem[] {
  const problems: Problem[] = [];
  const required: FieldName[] = ['familyName', 'givenName', 'familyNameKana', 'givenNameKana', 'birthDate', 'email', 'education', 'motivation', 'source'];
  for (const field of required) if (String(f[field as keyof Fields]).trim() === '') problems.push({ field, message: `${labels[field]}を入力してください` });
  for (const field of ['familyNameKana', 'givenNameKana'] as const) {
    if (f[field].trim() !== '' && !/^[\p{Script=Katakana}\p{Script=Hiragana}ー・\s　]+$/u.test(f[field].normalize('NFKC'))) problems.push({ field, message: `${labels[field]}はカタカナで入力してください` });
  }
  if (f.birthDate.trim() !== '' && !parseJapaneseDate(f.birthDate).ok) problems.push({ field: 'birthDate', message: '生年月日は 2002-05-10 や 平成14年5月10日 の形で入力してください' });
  if (f.email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) problems.push({ field: 'email', message: 'メールアドレスの形式が正しくありません(例: name@example.jp)' });
  if (f.workExperienceYears.trim() !== '' && !/^\d{1,2}$/.test(f.workExperienceYears.normalize('NFKC').trim())) problems.push({ field: 'workExperienceYears', message: '職務経験年数は整数(年)で入力してください' });
  if (!f.consent) problems.push({ field: 'consent', message: '個人情報の取扱いに同意してください' });
  return problems;
}

/** The server's field paths → the form's fields. */
function fieldOfPath(path: string): FieldName | '' {
  const head = path.split('.')[0] ?? '';
  if (head === 'qualifications') return 'qualificationName';
  if (head in labels) return head as FieldName;
  return '';
}

function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  if (error.code === 'common.validation' && Array.isArray(error.details)) {
    return (error.details as Array<{ path?: string; message?: string }>).map((d) => ({ field: fieldOfPath(d.path ?? ''), message: d.message ?? '' }));
  }
  if (error.code === 'recruitment.not-eligible') {
    const reasons = (error.details as { reasons?: string[] } | undefined)?.reasons ?? [];
    return [{ field: '', message: error.message }, ...reasons.map((r) => ({ field: '' as const, message: r }))];
  }
  return [{ field: '', message: error.message }];
}

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function PublicCampaignPage() {
  const id = Number(useParams().id);
  const campaign = usePublicCampaign(Number.isSafeInteger(id) ? id : 0);
  const c = campaign.data?.campaign;
  usePageTitle(c ? `${c.title} 申込み` : '採用試験');
  return (
    <PublicLayout municipalityName={campaign.data?.municipalityName}>
      {campaign.isPending ? <Loading /> : null}
      <ErrorAlert error={campaign.error} title="採用試験を読み込めませんでした。" />
      {c ? (
        <>
          <h1>{c.title}</h1>
          {c.description ? <p className="public-description">{c.description}</p> : null}
          <section className="public-card" aria-labelledby="conditions-heading">
            <h2 id="conditions-heading">受験資格と試験の内容</h2>
            <CampaignConditions campaign={c} />
          </section>
          {c.schedule.length > 0 ? (
            <section className="public-card" aria-labelledby="schedule-heading">
              <h2 id="schedule-heading">日程</h2>
              <table className="data-table">
                <caption>試験の日程</caption>
                <thead>
                  <tr>
                    <th scope="col">項目</th>
                    <th scope="col">日付</th>
                    <th scope="col">備考</th>
                  </tr>
                </thead>
                <tbody>
                  {c.schedule.map((s, i) => (
                    <tr key={i}>
                      <th scope="row">{s.label}</th>
                      <td>{bothCalendars(s.date)}</td>
                      <td>{s.note}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : null}
          {c.faq.length > 0 ? (
            <section className="public-card" aria-labelledby="faq-heading">
              <h2 id="faq-heading">よくある質問</h2>
              <dl className="recruitment-faq">
                {c.faq.map((f, i) => (
                  <div key={i}>
                    <dt>{f.question}</dt>
                    <dd>{f.answer}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          {c.isAccepting ? <ApplicationForm campaignId={c.id} campaignTitle={c.title} /> : <p>この採用試験は現在、申込みを受け付けていません。</p>}
        </>
      ) : null}
    </PublicLayout>
  );
}

function ApplicationForm({ campaignId, campaignTitle }: { campaignId: number; campaignTitle: string }) {
  const navigate = useNavigate();
  const apply = useApply(campaignId);
  // One key per form: a double click or a retry after a network error is the same application.
  const submissionKey = useMemo(() => crypto.randomUUID(), []);
  const [fields, setFields] = useState<Fields>(empty);
  const [files, setFiles] = useState<File[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((f) => ({ ...f, [key]: value }));

  const showProblems = (list: Problem[]) => {
    setProblems(list);
    // after React renders the summary
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (apply.isPending) return;
    const found = checkFields(fields);
    if (files.length > maxAttachments) found.push({ field: 'attachments', message: `添付ファイルは${maxAttachments}件までです` });
    if (found.length > 0) return showProblems(found);
    setProblems([]);
    const birth = parseJapaneseDate(fields.birthDate);
    const body = {
      submissionKey,
      familyName: fields.familyName,
      givenName: fields.givenName,
      familyNameKana: fields.familyNameKana,
      givenNameKana: fields.givenNameKana,
      birthDate: birth.ok ? birth.date : fields.birthDate,
      email: fields.email.trim(),
      phone: fields.phone,
      education: fields.education,
      workExperienceYears: fields.workExperienceYears.trim() === '' ? null : Number(fields.workExperienceYears.normalize('NFKC')),
      qualifications: fields.qualificationName.trim() === '' ? [] : [{ name: fields.qualificationName, status: fields.qualificationStatus }],
      motivation: fields.motivation,
      source: fields.source,
      attachments: await Promise.all(files.map(async (f) => ({ fileName: f.name, contentBase64: await toBase64(f) }))),
    };
    apply.mutate(body, {
      onSuccess: (receipt) => navigate('/careers/complete', { state: { receiptNumber: receipt.receiptNumber, campaignTitle } }),
      onError: (error) => showProblems(problemsOf(error)),
    });
  };

  const errorsOf = (field: FieldName) => problems.filter((p) => p.field === field).map((p) => p.message);
  const fieldProps = (field: FieldName) => {
    const errors = errorsOf(field);
    const hintId = field === 'birthDate' || field === 'attachments' ? `hint-${field}` : '';
    return {
      id: `f-${field}`,
      'aria-invalid': errors.length > 0 ? ('true' as const) : undefined,
      'aria-describedby': [hintId, errors.length > 0 ? `err-${field}` : ''].filter(Boolean).join(' ') || undefined,
    };
  };
  const text = (field: keyof Fields, opts: { required?: boolean; type?: string; autoComplete?: string; inputMode?: 'numeric' | 'email' | 'tel' } = {}) => (
    <Field field={field} required={opts.required} errors={errorsOf(field)}>
      <input
        {...fieldProps(field)}
        type={opts.type ?? 'text'}
        autoComplete={opts.autoComplete}
        inputMode={opts.inputMode}
        required={opts.required}
        aria-required={opts.required ? 'true' : undefined}
        value={String(fields[field])}
        onChange={(e) => set(field, e.target.value as never)}
      />
    </Field>
  );

  return (
    <section className="public-card" aria-labelledby="apply-heading">
      <h2 id="apply-heading">申込みフォーム</h2>
      <p>
        <span aria-hidden="true" className="required-mark">
          *
        </span>
        印(必須)の項目は必ず入力してください。
      </p>
      <div ref={summaryRef} tabIndex={-1} className="error-summary" aria-live="assertive">
        {problems.length > 0 ? (
          <div role="alert" className="alert alert--error">
            <p>申し込めませんでした。次の項目を確認してください({problems.length}件)。</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.field ? <a href={`#f-${p.field}`}>{`${labels[p.field]}: ${p.message}`}</a> : p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <form className="public-form" onSubmit={submit} noValidate aria-labelledby="apply-heading">
        <fieldset>
          <legend>氏名</legend>
          {text('familyName', { required: true, autoComplete: 'family-name' })}
          {text('givenName', { required: true, autoComplete: 'given-name' })}
          {text('familyNameKana', { required: true })}
          {text('givenNameKana', { required: true })}
        </fieldset>
        <Field field="birthDate" required errors={errorsOf('birthDate')} hint="例: 2002-05-10 または 平成14年5月10日">
          <input {...fieldProps('birthDate')} type="text" autoComplete="bday" required aria-required="true" value={fields.birthDate} onChange={(e) => set('birthDate', e.target.value)} />
        </Field>
        {text('email', { required: true, type: 'email', autoComplete: 'email', inputMode: 'email' })}
        {text('phone', { type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
        {text('education', { required: true })}
        {text('workExperienceYears', { inputMode: 'numeric' })}
        <fieldset>
          <legend>資格(お持ちの場合)</legend>
          {text('qualificationName')}
          <div className="field" role="radiogroup" aria-labelledby="q-status-label">
            <span id="q-status-label">{labels.qualificationStatus}</span>
            <label>
              <input type="radio" name="qualificationStatus" value="held" checked={fields.qualificationStatus === 'held'} onChange={() => set('qualificationStatus', 'held')} /> 取得済み
            </label>
            <label>
              <input type="radio" name="qualificationStatus" value="expected" checked={fields.qualificationStatus === 'expected'} onChange={() => set('qualificationStatus', 'expected')} /> 取得見込み
            </label>
          </div>
        </fieldset>
        <Field field="motivation" required errors={errorsOf('motivation')}>
          <textarea {...fieldProps('motivation')} required aria-required="true" maxLength={2000} value={fields.motivation} onChange={(e) => set('motivation', e.target.value)} />
        </Field>
        <Field field="source" required errors={errorsOf('source')}>
          <select {...fieldProps('source')} required aria-required="true" value={fields.source} onChange={(e) => set('source', e.target.value)}>
            <option value="">選んでください</option>
            {applicantSources.map((s) => (
              <option key={s} value={s}>
                {applicantSourceLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field field="attachments" errors={errorsOf('attachments')} hint={`PDF・JPEG・PNG、${maxAttachments}件まで(1件 5MB まで)`}>
          <input {...fieldProps('attachments')} type="file" multiple accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png" onChange={(e) => setFiles(Array.from(e.target.files ?? []))} />
        </Field>
        <div className="field">
          <label htmlFor="f-consent">
            <input {...fieldProps('consent')} type="checkbox" required aria-required="true" checked={fields.consent} onChange={(e) => set('consent', e.target.checked)} /> 入力した個人情報を採用試験の実施のために使うことに同意します
            <span aria-hidden="true" className="required-mark">
              *
            </span>
            <span className="visually-hidden">(必須)</span>
          </label>
          {errorsOf('consent').length > 0 ? (
            <p id="err-consent" className="field-error">
              {errorsOf('consent').join(' ')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button--primary" disabled={apply.isPending}>
          {apply.isPending ? '送信中…' : '申し込む'}
        </button>
      </form>
    </section>
  );
}

function Field({ field, required, errors, hint, children }: { field: FieldName; required?: boolean; errors: string[]; hint?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`f-${field}`}>
        {labels[field]}
        {required ? (
          <>
            <span aria-hidden="true" className="required-mark">
              *
            </span>
            <span className="visually-hidden">(必須)</span>
          </>
        ) : null}
      </label>
      {hint ? (
        <p id={`hint-${field}`} className="hint">
          {hint}
        </p>
      ) : null}
      {children}
      {errors.length > 0 ? (
        <p id={`err-${field}`} className="field-error">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
