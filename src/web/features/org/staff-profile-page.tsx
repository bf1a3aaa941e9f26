/**
 * Profile /staff/:id: assignment, tenure, frontline experience, career phase, qualifications, career,
 * evaluator and confirmer; protected fields only when the server sends them; HR edits with the version
 * and is offered a reload when someone else saved first.
 */
import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api-client.js';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ConflictAlert, ErrorAlert, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { careerPhaseLabels } from '../../../domain/org/org-model.js';
import { useStaffProfile, useUpdateStaff } from './org.queries.js';
import type { StaffProfile } from '../../../domain/org/org-api.js';
import { CareerTable, FrontlineBadge } from './career-timeline.js';
import { StaffLeaves } from './staff-leaves.js';
import './org.css';

const sexLabels: Record<string, string> = { male: '男性', female: '女性' };

export function StaffProfilePage() {
  const params = useParams();
  const id = Number(params.id);
  if (!Number.isInteger(id) || id <= 0) {
    return (
      <>
        <PageHeading title="職員が見つかりません" />
        <p>URL が正しくありません。</p>
      </>
    );
  }
  return <ProfileView key={id} id={id} />;
}

function ProfileView({ id }: { id: number }) {
  const session = useSession();
  const dates = useDates();
  const htmlId = useId();
  const profile = useStaffProfile(id);
  const [isEditing, setIsEditing] = useState(false);
  const [savedMessage, setSavedMessage] = useState('');
  const isSelf = session.staffId === id;

  if (profile.isPending) {
    return (
      <>
        <PageHeading title={isSelf ? 'マイページ' : '職員情報'} />
        <Loading />
      </>
    );
  }
  if (profile.isError) {
    return (
      <>
        <PageHeading title={isSelf ? 'マイページ' : '職員情報'} />
        <ErrorAlert error={profile.error} title="職員情報を表示できません。" />
      </>
    );
  }

  const data = profile.data;
  const { staff } = data;
  const fullName = `${staff.familyName} ${staff.givenName}`;
  return (
    <>
      <PageHeading title={isSelf ? `マイページ(${fullName})` : `${fullName}の職員情報`}>
        {session.isHr && !isEditing ? (
          <button
            type="button"
            className="button--secondary"
            onClick={() => {
              setSavedMessage('');
              setIsEditing(true);
            }}
          >
            編集
          </button>
        ) : null}
      </PageHeading>
      <StatusMessage>{savedMessage}</StatusMessage>

      {isEditing ? (
        <EditStaffForm
          profile={data}
          onReload={() => profile.refetch()}
          onDone={(message) => {
            setIsEditing(false);
            setSavedMessage(message);
          }}
        />
      ) : null}

      <div className="profile-grid">
        <section aria-labelledby={`${htmlId}-basic`} className="panel">
          <h2 id={`${htmlId}-basic`}>基本情報</h2>
          <dl className="facts">
            <div>
              <dt>職員番号</dt>
              <dd>{staff.employeeNumber}</dd>
            </div>
            <div>
              <dt>氏名</dt>
              <dd>{fullName}</dd>
            </div>
            <div>
              <dt>カナ</dt>
              <dd>
                {staff.familyNameKana} {staff.givenNameKana}
              </dd>
            </div>
            <div>
              <dt>採用日</dt>
              <dd>{dates.date(staff.hireDate)}</dd>
            </div>
            <div>
              <dt>雇用形態</dt>
              <dd>{staff.employmentTypeLabel}</dd>
            </div>
            <div>
              <dt>職種</dt>
              <dd>{staff.jobCategory ?? '—'}</dd>
            </div>
            {staff.separatedOn ? (
              <div>
                <dt>退職日</dt>
                <dd>{dates.date(staff.separatedOn)}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section aria-labelledby={`${htmlId}-current`} className="panel">
          <h2 id={`${htmlId}-current`}>現在の配属</h2>
          {data.current ? (
            <dl className="facts">
              <div>
                <dt>所属</dt>
                <dd>
                  {data.current.unitPath ?? data.current.unitName} {data.current.isFrontline ? <FrontlineBadge /> : null}
                </dd>
              </div>
              <div>
                <dt>職位</dt>
                <dd>{data.current.positionName ?? '—'}</dd>
              </div>
              <div>
                <dt>配属日</dt>
                <dd>{dates.date(data.current.startsOn)}</dd>
              </div>
              <div>
                <dt>現所属の在課年数</dt>
                <dd>{data.yearsInCurrentUnit === null ? '—' : `${data.yearsInCurrentUnit}年`}</dd>
              </div>
              {data.concurrent.map((c, index) => (
                <div key={`${c.unitId}-${index}`}>
                  <dt>兼務</dt>
                  <dd>
                    {c.unitPath ?? c.unitName}({c.positionName ?? ''}、{dates.date(c.startsOn)}〜)
                  </dd>
                </div>
              ))}
            </dl>
          ) : (
            <p>現在の配属はありません。</p>
          )}
        </section>

        <section aria-labelledby={`${htmlId}-career-summary`} className="panel">
          <h2 id={`${htmlId}-career-summary`}>キャリア</h2>
          <dl className="facts">
            <div>
              <dt>現場経験</dt>
              <dd>{data.hasFrontlineExperience ? 'あり' : 'なし'}</dd>
            </div>
            <div>
              <dt>キャリア段階</dt>
              <dd>
                {staff.careerPhase ? careerPhaseLabels[staff.careerPhase] : '—'}
                {staff.careerPhaseReason ? <span className="cell-sub">理由: {staff.careerPhaseReason}</span> : null}
              </dd>
            </div>
            <div>
              <dt>評価者</dt>
              <dd>{data.relations.evaluator ? <PersonLink person={data.relations.evaluator} /> : '未設定'}</dd>
            </div>
            <div>
              <dt>確認者</dt>
              <dd>{data.relations.confirmer ? <PersonLink person={data.relations.confirmer} /> : '未設定'}</dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby={`${htmlId}-qualifications`} className="panel">
          <h2 id={`${htmlId}-qualifications`}>資格</h2>
          {data.qualifications.length === 0 ? (
            <p>登録された資格はありません。</p>
          ) : (
            <ul className="plain-list">
              {data.qualifications.map((q, index) => (
                <li key={`${q.name}-${index}`}>
                  {q.name}
                  {q.acquiredOn ? `(${dates.date(q.acquiredOn)}取得)` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>

        {data.protected ? (
          <section aria-labelledby={`${htmlId}-protected`} className="panel panel--protected">
            <h2 id={`${htmlId}-protected`}>保護された情報</h2>
            <p className="hint">この情報の閲覧は監査ログに記録されます。</p>
            <dl className="facts">
              <div>
                <dt>生年月日</dt>
                <dd>{data.protected.birthDate ? dates.date(data.protected.birthDate) : '—'}</dd>
              </div>
              <div>
                <dt>性別</dt>
                <dd>{data.protected.sex ? (sexLabels[data.protected.sex] ?? data.protected.sex) : '—'}</dd>
              </div>
            </dl>
            <StaffLeaves staffId={staff.id} leaves={data.protected.leaves} canEdit={session.isHr} />
          </section>
        ) : null}
      </div>

      <section aria-labelledby={`${htmlId}-career`}>
        <h2 id={`${htmlId}-career`}>経歴</h2>
        <CareerTable career={data.career} caption={`${fullName}の経歴(新しい順、所属名は当時の名称)`} />
      </section>
    </>
  );
}

function PersonLink({ person }: { person: { staffId: number; name: string } }) {
  return <Link to={`/staff/${person.staffId}`}>{person.name}</Link>;
}

type EditValues = {
  familyName: string;
  givenName: string;
  familyNameKana: string;
  givenNameKana: string;
  jobCategory: string;
  separatedOn: string;
};

function valuesOf(profile: StaffProfile): EditValues {
  return {
    familyName: profile.staff.familyName,
    givenName: profile.staff.givenName,
    familyNameKana: profile.staff.familyNameKana,
    givenNameKana: profile.staff.givenNameKana,
    jobCategory: profile.staff.jobCategory ?? '',
    separatedOn: profile.staff.separatedOn ?? '',
  };
}

const editFields: { key: keyof EditValues; label: string; type?: string; required?: boolean; autoComplete?: string }[] = [
  { key: 'familyName', label: '氏', required: true, autoComplete: 'off' },
  { key: 'givenName', label: '名', required: true, autoComplete: 'off' },
  { key: 'familyNameKana', label: '氏(カナ)', required: true, autoComplete: 'off' },
  { key: 'givenNameKana', label: '名(カナ)', required: true, autoComplete: 'off' },
  { key: 'jobCategory', label: '職種', autoComplete: 'off' },
  { key: 'separatedOn', label: '退職日', type: 'date' },
];

function EditStaffForm({
  profile,
  onReload,
  onDone,
}: {
  profile: StaffProfile;
  onReload: () => Promise<{ data?: StaffProfile | undefined }>;
  onDone: (message: string) => void;
}) {
  const htmlId = useId();
  const update = useUpdateStaff(profile.staff.id);
  const [values, setValues] = useState<EditValues>(() => valuesOf(profile));
  const [version, setVersion] = useState(profile.staff.version);
  const [missing, setMissing] = useState<string[]>([]);
  const isConflict = update.error instanceof ApiError && update.error.status === 409;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = editFields.filter((f) => f.required && !values[f.key].trim()).map((f) => f.label);
    setMissing(blank);
    if (blank.length > 0) return;
    update.mutate(
      {
        version,
        familyName: values.familyName.trim(),
        givenName: values.givenName.trim(),
        familyNameKana: values.familyNameKana.trim(),
        givenNameKana: values.givenNameKana.trim(),
        jobCategory: values.jobCategory.trim() || null,
        separatedOn: values.separatedOn || null,
      },
      { onSuccess: () => onDone('保存しました。') },
    );
  };

  const reload = async () => {
    const result = await onReload();
    if (result.data) {
      setValues(valuesOf(result.data));
      setVersion(result.data.staff.version);
    }
    update.reset();
  };

  return (
    <section aria-labelledby={`${htmlId}-title`} className="panel panel--edit">
      <h2 id={`${htmlId}-title`}>職員情報の編集</h2>
      <form onSubmit={submit} noValidate>
        <div className="form-grid">
          {editFields.map((field) => (
            <div className="field" key={field.key}>
              <label htmlFor={`${htmlId}-${field.key}`}>
                {field.label}
                {field.required ? <span className="required">(必須)</span> : null}
              </label>
              <input
                id={`${htmlId}-${field.key}`}
                type={field.type ?? 'text'}
                value={values[field.key]}
                required={field.required}
                aria-invalid={missing.includes(field.label) || undefined}
                autoComplete={field.autoComplete}
                onChange={(e) => setValues({ ...values, [field.key]: e.target.value })}
              />
            </div>
          ))}
        </div>
        <ProblemAlert message={missing.length > 0 ? `${missing.join('・')}を入力してください。` : ''} />
        {isConflict ? (
          <ConflictAlert onReload={() => void reload()} />
        ) : (
          <ErrorAlert error={update.error} title="保存できませんでした。" />
        )}
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={update.isPending || isConflict}>
            {update.isPending ? '保存中…' : '保存'}
          </button>
          <button type="button" className="button--secondary" onClick={() => onDone('')}>
            キャンセル
          </button>
        </div>
      </form>
    </section>
  );
}
