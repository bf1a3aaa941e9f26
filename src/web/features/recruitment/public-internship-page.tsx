/** /careers/internship: the internship / workplace-experience request form for local students (公開, no sign-in). */
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { usePageTitle } from '../../components/page.js';
import { parseJapaneseDate } from '../../../domain/common/wareki.js';
import { internshipKindLabels, internshipKinds, localTieLabels, localTies } from '../../../domain/recruitment/intake.js';
import { PublicLayout } from './public-layout.js';
import { useRequestInternship } from './public.queries.js';

type F = { kind: string; studentName: string; studentNameKana: string; school: string; email: string; birthDate: string; localTie: string; startsOn: string; endsOn: string };
const labels: Record<keyof F, string> = {
  kind: '種類',
  studentName: '氏名',
  studentNameKana: '氏名(フリガナ)',
  school: '学校名',
  email: 'メールアドレス',
  birthDate: '生年月日',
  localTie: '市とのつながり',
  startsOn: '希望する開始日',
  endsOn: '希望する終了日',
};
const required: Array<keyof F> = ['kind', 'studentName', 'studentNameKana', 'school', 'email', 'localTie', 'startsOn', 'endsOn'];

export function PublicInternshipPage() {
  usePageTitle('インターンシップ・職場体験の申込み');
  const navigate = useNavigate();
  const request = useRequestInternship();
  const submissionKey = useMemo(() => crypto.randomUUID(), []);
  const [f, setF] = useState<F>({ kind: '', studentName: '', studentNameKana: '', school: '', email: '', birthDate: '', localTie: '', startsOn: '', endsOn: '' });
  const [problems, setProblems] = useState<Array<{ field: keyof F | ''; message: string }>>([]);
  const summary = useRef<HTMLDivElement>(null);
  const show = (list: typeof problems) => {
    setProblems(list);
    setTimeout(() => summary.current?.focus(), 0);
  };
  const date = (s: string) => {
    const r = parseJapaneseDate(s);
    return r.ok ? r.date : s;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = required.filter((k) => f[k].trim() === '').map((k) => ({ field: k, message: `${labels[k]}を入力してください` }));
    for (const k of ['startsOn', 'endsOn', 'birthDate'] as const) if (f[k].trim() !== '' && !parseJapaneseDate(f[k]).ok) found.push({ field: k, message: `${labels[k]}は 2026-08-03 の形で入力してください` });
    if (found.length > 0) return show(found);
    request.mutate(
      { submissionKey, kind: f.kind, studentName: f.studentName, studentNameKana: f.studentNameKana, school: f.school, email: f.email.trim(), birthDate: f.birthDate.trim() === '' ? null : date(f.birthDate), localTie: f.localTie, startsOn: date(f.startsOn), endsOn: date(f.endsOn) },
      {
        onSuccess: () => navigate('/careers/complete', { state: { kind: 'internship' } }),
        onError: (error) =>
          show(
            error instanceof ApiError && Array.isArray(error.details)
              ? (error.details as Array<{ path: string; message: string }>).map((d) => ({ field: (d.path.split('.')[0] ?? '') in labels ? (d.path.split('.')[0] as keyof F) : '', message: d.message }))
              : [{ field: '', message: error instanceof Error ? error.message : '送信できませんでした' }],
          ),
      },
    );
  };
  const errs = (k: keyof F) => problems.filter((p) => p.field === k).map((p) => p.message);
  const props = (k: keyof F) => ({
    id: `i-${k}`,
    'aria-invalid': errs(k).length > 0 ? ('true' as const) : undefined,
    'aria-describedby': errs(k).length > 0 ? `ierr-${k}` : undefined,
    'aria-required': required.includes(k) ? ('true' as const) : undefined,
    value: f[k],
    onChange: (e: { target: { value: string } }) => setF((x) => ({ ...x, [k]: e.target.value })),
  });
  const wrap = (k: keyof F, control: React.ReactNode) => (
    <div className="field" key={k}>
      <label htmlFor={`i-${k}`}>
        {labels[k]}
        {required.includes(k) ? (
          <>
            <span aria-hidden="true" className="required-mark">
              *
            </span>
            <span className="visually-hidden">(必須)</span>
          </>
        ) : null}
      </label>
      {control}
      {errs(k).length > 0 ? (
        <p id={`ierr-${k}`} className="field-error">
          {errs(k).join(' ')}
        </p>
      ) : null}
    </div>
  );
  return (
    <PublicLayout>
      <h1>インターンシップ・職場体験の申込み</h1>
      <p>市内の学校に在学している方、市内に住んでいる方、市の出身の学生の方が対象です。日付は 2026-08-03 の形で入力してください。</p>
      <div ref={summary} tabIndex={-1} className="error-summary" aria-live="assertive">
        {problems.length > 0 ? (
          <div role="alert" className="alert alert--error">
            <p>送信できませんでした。次の項目を確認してください。</p>
            <ul>
              {problems.map((p, i) => (
                <li key={i}>{p.field ? `${labels[p.field]}: ${p.message}` : p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
      <form className="public-form" onSubmit={submit} noValidate>
        {wrap(
          'kind',
          <select {...props('kind')}>
            <option value="">選んでください</option>
            {internshipKinds.map((k) => (
              <option key={k} value={k}>
                {internshipKindLabels[k]}
              </option>
            ))}
          </select>,
        )}
        {wrap('studentName', <input type="text" autoComplete="name" {...props('studentName')} />)}
        {wrap('studentNameKana', <input type="text" {...props('studentNameKana')} />)}
        {wrap('school', <input type="text" {...props('school')} />)}
        {wrap('email', <input type="email" autoComplete="email" {...props('email')} />)}
        {wrap('birthDate', <input type="text" autoComplete="bday" {...props('birthDate')} />)}
        {wrap(
          'localTie',
          <select {...props('localTie')}>
            <option value="">選んでください</option>
            {localTies.map((k) => (
              <option key={k} value={k}>
                {localTieLabels[k]}
              </option>
            ))}
          </select>,
        )}
        {wrap('startsOn', <input type="text" {...props('startsOn')} />)}
        {wrap('endsOn', <input type="text" {...props('endsOn')} />)}
        <button type="submit" className="button--primary" disabled={request.isPending}>
          申し込む
        </button>
      </form>
    </PublicLayout>
  );
}
