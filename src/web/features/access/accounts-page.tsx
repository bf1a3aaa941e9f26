/**
 * アカウント /accounts: accounts with their role grants; create an account for a staff member; disable
 * and enable; reset a password; grant a role for a period with a reason (the law's refusals shown as
 * such); revoke a grant.
 */
import { useEffect, useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import { ApiError } from '../../app/api-client.js';
import { todayInJapan, useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { useDebounced } from '../../app/use-debounced.js';
import { ErrorAlert, Forbidden, Loading, PageHeading, ProblemAlert, StatusMessage } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { PeriodFields, ReasonField } from '../../components/period-fields.js';
import { StaffPicker, type PickedStaff } from '../../components/staff-picker.js';
import { roleLabels, roles, type Role } from '../../../domain/access/roles.js';
import {
  useAccounts,
  useCreateAccount,
  useGrantRole,
  useResetPassword,
  useRevokeRole,
  useSetDisabled,
} from './access.queries.js';
import type { AccountItem } from '../../../domain/access/access-api.js';
import './access.css';
import { scrollRegion } from '../../components/scroll-region.js';

export function AccountsPage() {
  const session = useSession();
  if (!session.canManageAccounts) return <Forbidden title="アカウント" />;
  return <AccountsView />;
}

function AccountsView() {
  const id = useId();
  const dates = useDates();
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 300);
  const [page, setPage] = useState(1);
  const accounts = useAccounts(q, page);
  const [selected, setSelected] = useState<AccountItem | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => setPage(1), [q]);

  // Keep the panel in step with the list after each change (grants, disabled flag).
  const fresh = selected ? (accounts.data?.items.find((a) => a.id === selected.id) ?? selected) : null;

  const open = (account: AccountItem) => {
    setSelected(account);
    requestAnimationFrame(() => panelHeading.current?.focus());
  };

  return (
    <>
      <PageHeading title="アカウント" />
      <CreateAccountSection onCreated={() => setText('')} />

      <section aria-labelledby={`${id}-list`} className="panel">
        <h2 id={`${id}-list`}>アカウント一覧</h2>
        <div className="field">
          <label htmlFor={`${id}-q`}>氏名・職員番号で絞り込み</label>
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} autoComplete="off" />
        </div>
        <ResultCount total={accounts.data?.total} isFetching={accounts.isFetching} />
        <ErrorAlert error={accounts.error} title="アカウントを読み込めませんでした。" />
        {accounts.isPending ? <Loading /> : null}
        {accounts.data && accounts.data.items.length > 0 ? (
          <div className={`table-wrap${accounts.isPlaceholderData ? ' is-stale' : ''}`} {...scrollRegion('アカウント一覧の表')}>
            <table>
              <caption>アカウントと付与されている権限</caption>
              <thead>
                <tr>
                  <th scope="col">ログインID(職員番号)</th>
                  <th scope="col">氏名</th>
                  <th scope="col">状態</th>
                  <th scope="col">権限</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {accounts.data.items.map((account) => (
                  <tr key={account.id}>
                    <td>{account.loginId}</td>
                    <th scope="row">{account.displayName}</th>
                    <td>{account.isDisabled ? <span className="badge badge--disabled">停止中</span> : '有効'}</td>
                    <td>
                      {account.grants.length === 0 ? (
                        <span className="hint">なし</span>
                      ) : (
                        <ul className="plain-list">
                          {account.grants.map((g) => (
                            <li key={g.id}>
                              {g.roleLabel}
                              <span className="cell-sub">{dates.period(g.startsOn, g.endsOn)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td>
                      <button type="button" className="button--secondary button--small" onClick={() => open(account)}>
                        管理<span className="visually-hidden">({account.displayName})</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : accounts.data ? (
          <p>該当するアカウントはありません。</p>
        ) : null}
        {accounts.data ? (
          <Pagination page={accounts.data.page} pageSize={accounts.data.pageSize} total={accounts.data.total} onChange={setPage} label="アカウント一覧のページ" />
        ) : null}
      </section>

      {fresh ? <AccountPanel key={fresh.id} account={fresh} headingRef={panelHeading} onClose={() => setSelected(null)} /> : null}
    </>
  );
}

function CreateAccountSection({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const create = useCreateAccount();
  const [staff, setStaff] = useState<PickedStaff | null>(null);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const [done, setDone] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone('');
    if (!staff) return setProblem('職員を選んでください。');
    if (password.length < 8) return setProblem('初期パスワードは 8 文字以上にしてください(15 文字以上を推奨)。');
    setProblem('');
    create.mutate(
      { staffId: staff.id, password },
      {
        onSuccess: () => {
          setDone(`${staff.name}さんのアカウントを作成しました(ログインID: ${staff.employeeNumber})。`);
          setStaff(null);
          setPassword('');
          onCreated();
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel">
      <h2 id={`${id}-title`}>アカウントの作成</h2>
      <form onSubmit={submit} noValidate>
        <StaffPicker label="職員" value={staff} onChange={setStaff} />
        <div className="field">
          <label htmlFor={`${id}-password`}>初期パスワード</label>
          <input
            id={`${id}-password`}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby={`${id}-password-hint`}
          />
          <span id={`${id}-password-hint`} className="hint">
            8 文字以上(15 文字以上を推奨)。本人に安全な方法で伝えてください。
          </span>
        </div>
        <ProblemAlert message={problem} />
        <ErrorAlert error={create.error} title="アカウントを作成できませんでした。" />
        <StatusMessage>{done}</StatusMessage>
        <div className="form-actions">
          <button type="submit" className="button--primary" disabled={create.isPending}>
            作成
          </button>
        </div>
      </form>
    </section>
  );
}

function AccountPanel({
  account,
  headingRef,
  onClose,
}: {
  account: AccountItem;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
}) {
  const id = useId();
  const dates = useDates();
  const setDisabled = useSetDisabled();
  const revoke = useRevokeRole();
  const [status, setStatus] = useState('');

  return (
    <section aria-labelledby={`${id}-title`} className="panel panel--focus">
      <div className="panel__head">
        <h2 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          {account.displayName}(ログインID {account.loginId})の管理
        </h2>
        <button type="button" className="button--secondary button--small" onClick={onClose}>
          閉じる
        </button>
      </div>
      <StatusMessage>{status}</StatusMessage>

      <h3>状態</h3>
      <p>
        {account.isDisabled ? '停止中です。ログインできません。' : '有効です。'}{' '}
        <button
          type="button"
          className={account.isDisabled ? 'button--secondary' : 'button--danger'}
          disabled={setDisabled.isPending}
          onClick={() => {
            const next = !account.isDisabled;
            if (next && !window.confirm(`${account.displayName}さんのアカウントを停止しますか？ログイン中のセッションもすべて終了します。`)) return;
            setDisabled.mutate({ id: account.id, isDisabled: next }, { onSuccess: () => setStatus(next ? 'アカウントを停止しました。' : 'アカウントを再開しました。') });
          }}
        >
          {account.isDisabled ? '再開する' : '停止する'}
        </button>
      </p>
      <ErrorAlert error={setDisabled.error} title="状態を変更できませんでした。" />

      <h3>付与されている権限</h3>
      <ErrorAlert error={revoke.error} title="権限を取り消せませんでした。" />
      {account.grants.length === 0 ? (
        <p>権限は付与されていません(本人・所属長・評価者としての閲覧は組織から決まります)。</p>
      ) : (
        <div className="table-wrap" {...scrollRegion(`${account.displayName}さんの権限の表`)}>
          <table>
            <caption>{account.displayName}さんの権限</caption>
            <thead>
              <tr>
                <th scope="col">権限</th>
                <th scope="col">期間</th>
                <th scope="col">理由</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {account.grants.map((g) => (
                <tr key={g.id}>
                  <th scope="row">{g.roleLabel}</th>
                  <td>{dates.period(g.startsOn, g.endsOn)}</td>
                  <td>{g.reason ?? ''}</td>
                  <td>
                    <button
                      type="button"
                      className="button--danger button--small"
                      disabled={revoke.isPending}
                      onClick={() => {
                        if (!window.confirm(`「${g.roleLabel}」を取り消しますか？`)) return;
                        revoke.mutate({ id: account.id, grantId: g.id }, { onSuccess: () => setStatus(`「${g.roleLabel}」を取り消しました。`) });
                      }}
                    >
                      取り消し<span className="visually-hidden">({g.roleLabel})</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <GrantRoleForm account={account} onGranted={(label) => setStatus(`「${label}」を付与しました。`)} />
      <ResetPasswordForm account={account} onDone={() => setStatus('パスワードを再設定しました。ログイン中のセッションは終了しました。')} />
    </section>
  );
}

function GrantRoleForm({ account, onGranted }: { account: AccountItem; onGranted: (label: string) => void }) {
  const id = useId();
  const grant = useGrantRole();
  const [role, setRole] = useState<Role | ''>('');
  const [startsOn, setStartsOn] = useState(todayInJapan());
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState('');
  const refusal = grant.error instanceof ApiError && grant.error.code === 'access.role-conflict-stress-check' ? grant.error : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!role) return setProblem('付与する権限を選んでください。');
    if (!startsOn) return setProblem('開始日を入力してください。');
    if (endsOn && endsOn < startsOn) return setProblem('終了日は開始日以降にしてください。');
    setProblem('');
    grant.mutate(
      { id: account.id, grant: { role, startsOn, endsOn: endsOn || null, reason: reason.trim() || null } },
      {
        onSuccess: () => {
          onGranted(roleLabels[role]);
          setRole('');
          setReason('');
          setEndsOn('');
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>権限の付与</h3>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-role`}>権限</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role | '');
              grant.reset();
            }}
          >
            <option value="">選んでください</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleLabels[r]}
              </option>
            ))}
          </select>
        </div>
        <PeriodFields startsOn={startsOn} endsOn={endsOn} onStartsOnChange={setStartsOn} onEndsOnChange={setEndsOn} />
      </div>
      <ReasonField value={reason} onChange={setReason} />
      <ProblemAlert message={problem} />
      {refusal ? (
        <div role="alert" className="alert alert--error alert--law">
          <p className="alert__title">法令上の制限により、この権限は付与できません。</p>
          <p>{refusal.message}</p>
          <p className="hint">
            労働安全衛生規則第52条の10により、職員に対する人事権を持つ者(人事担当・所属長など)は、ストレスチェックの実施事務に従事できません。
          </p>
        </div>
      ) : (
        <ErrorAlert error={grant.error} title="権限を付与できませんでした。" />
      )}
      <div className="form-actions">
        <button type="submit" className="button--primary" disabled={grant.isPending}>
          付与
        </button>
      </div>
    </form>
  );
}

function ResetPasswordForm({ account, onDone }: { account: AccountItem; onDone: () => void }) {
  const id = useId();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password.length < 8) return setProblem('新しいパスワードは 8 文字以上にしてください(15 文字以上を推奨)。');
    setProblem('');
    reset.mutate(
      { id: account.id, password },
      {
        onSuccess: () => {
          setPassword('');
          onDone();
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="subpanel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>パスワードの再設定</h3>
      <div className="field">
        <label htmlFor={`${id}-password`}>新しいパスワード</label>
        <input id={`${id}-password`} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <ProblemAlert message={problem} />
      <ErrorAlert error={reset.error} title="パスワードを再設定できませんでした。" />
      <div className="form-actions">
        <button type="submit" className="button--secondary" disabled={reset.isPending}>
          再設定
        </button>
      </div>
    </form>
  );
}
