/** Page scaffolding shared by every screen: the title, the one h1, loading, error and status messages. */
import { useEffect, type ReactNode } from 'react';
import { ApiError } from '../app/api-client.js';
import { fieldErrorsOf } from './field-errors.js';

/** Sets the browser tab's title: "職員検索 | Jinzai". */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} | Jinzai`;
  }, [title]);
}

/** The page's h1 (focused after navigation by the shell, hence tabIndex -1) and the tab title. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  usePageTitle(title);
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{title}</h1>
      {children ? <div className="page-heading__actions">{children}</div> : null}
    </div>
  );
}

/** "読み込み中…", announced politely. */
export function Loading({ label = '読み込み中…' }: { label?: string }) {
  return (
    <p role="status" className="loading">
      {label}
    </p>
  );
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403 && !error.message.includes('権限')) return `この操作を行う権限がありません。(${error.message})`;
    return error.message;
  }
  if (error instanceof Error) return `予期しないエラーが発生しました: ${error.message}`;
  return '予期しないエラーが発生しました。';
}

/** Field names of request bodies in people's words, for validation details. */
const fieldLabels: Record<string, string> = {
  familyName: '氏',
  givenName: '名',
  familyNameKana: '氏(カナ)',
  givenNameKana: '名(カナ)',
  jobCategory: '職種',
  separatedOn: '退職日',
  version: '版',
  password: 'パスワード',
  newPassword: '新しいパスワード',
  currentPassword: '現在のパスワード',
  staffId: '職員',
  subjectStaffId: '対象の職員',
  holderStaffId: '担当者',
  role: '権限',
  kind: '区分',
  startsOn: '開始日',
  endsOn: '終了日',
  reason: '理由',
  asOf: '基準日',
  q: '検索語',
};

/** An error, announced at once (role="alert"); `title` says what failed. */
export function ErrorAlert({ error, title, children }: { error: unknown; title?: string; children?: ReactNode }) {
  if (!error) return null;
  // The request id helps the help desk find a server failure in the logs; for a refusal it is noise.
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  const issues = fieldErrorsOf(error);
  return (
    <div role="alert" className="alert alert--error">
      {title ? <p className="alert__title">{title}</p> : null}
      <p>{messageOf(error)}</p>
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue, index) => (
            <li key={`${issue.path}-${index}`}>
              {issue.path ? `${fieldLabels[issue.path] ?? issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {requestId ? <p className="alert__meta">問い合わせ番号: {requestId}</p> : null}
      {children}
    </div>
  );
}

/** What a form found wrong before sending anything, announced at once; nothing while `message` is empty. */
export function ProblemAlert({ message }: { message: string }) {
  if (!message) return null;
  return (
    <div role="alert" className="alert alert--error">
      <p>{message}</p>
    </div>
  );
}

/** The live region for "saved" / "created" messages: always rendered, so that a new message is announced. */
export function StatusMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="status-message">
      {children}
    </p>
  );
}

/** A message for people without the role a screen needs (the server would refuse anyway). */
export function Forbidden({ title }: { title: string }) {
  return (
    <>
      <PageHeading title={title} />
      <div role="alert" className="alert alert--error">
        <p>この画面を表示する権限がありません。必要な場合は職員課にお問い合わせください。</p>
      </div>
    </>
  );
}

/**
 * A stale save (409): someone else saved first. The user reloads the latest version, losing what they typed —
 * security.md 8, no lost updates. `subject` names what is reloaded (内容, 設定 …).
 */
export function ConflictAlert({ subject = '内容', onReload }: { subject?: string; onReload: () => void }) {
  return (
    <div role="alert" className="alert alert--warning">
      <p className="alert__strong">他の人が先に更新しました。</p>
      <p className="hint">最新の{subject}を読み込んでから、もう一度変更してください。読み込むと、この画面で入力した内容は失われます。</p>
      <button type="button" className="button--primary" onClick={onReload}>
        最新の{subject}を読み込む
      </button>
    </div>
  );
}
