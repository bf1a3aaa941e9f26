/** 監査ログ /audit: the auditor filters the append-only log (who, what, which object, outcome, when). */
import { useId, useState, type FormEvent } from 'react';
import { useDates } from '../../app/dates.js';
import { useSession } from '../../app/session.js';
import { ErrorAlert, Forbidden, Loading, PageHeading } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import { SearchFormActions } from '../../components/search-form.js';
import { roleLabels, type Role } from '../../../domain/access/roles.js';
import { useAudit, type AuditFilters } from './access.queries.js';
import './access.css';
import { scrollRegion } from '../../components/scroll-region.js';

/** Known actions in people's words; unknown ones are shown as their code. */
export const auditActionLabels: Record<string, string> = {
  'auth.sign-in': 'ログイン',
  'auth.sign-out': 'ログアウト',
  'access.password-changed': 'パスワード変更(本人)',
  'access.password-reset': 'パスワード再設定',
  'access.account-created': 'アカウント作成',
  'access.account-disabled': 'アカウント停止',
  'access.account-enabled': 'アカウント再開',
  'access.role-granted': '権限付与',
  'access.role-revoked': '権限取り消し',
  'org.import-committed': 'インポートの登録',
  'org.staff.updated': '職員情報の更新',
  'org.relation-set': '評価者・確認者の個別設定',
  'org.relation-removed': '評価者・確認者の個別設定の削除',
  'org.relations-derived': '評価者・確認者の一括設定',
  'org.units.careers': '所属職員の経歴の閲覧',
  'org.staff.list': '職員検索',
  'org.staff.read': '職員情報の閲覧',
  'org.staff.read-protected': '保護情報の閲覧',
  'org.staff.update': '職員情報の更新',
  'org.import': 'インポート',
  'org.export': 'エクスポート',
  'org.relations.read': '評価者・確認者の閲覧',
  'org.relations.manage': '評価者・確認者の設定',
  'access.accounts.read': 'アカウント一覧の閲覧',
  'access.accounts.manage': 'アカウント管理',
  'access.audit.read': '監査ログの閲覧',
};

const outcomeLabels: Record<string, string> = { allowed: '許可', denied: '拒否', succeeded: '成功', failed: '失敗' };

const emptyFilters: AuditFilters = { action: '', actorAccountId: '', objectType: '', objectId: '', outcome: '', from: '', to: '', page: 1 };

function rolesText(roles: string[] | string | null): string {
  if (!roles) return '';
  const list = Array.isArray(roles) ? roles : roles.split(',');
  return list
    .filter(Boolean)
    .map((r) => roleLabels[r as Role] ?? r)
    .join('、');
}

export function AuditPage() {
  const session = useSession();
  if (!session.isAuditor) return <Forbidden title="監査ログ" />;
  return <AuditView />;
}

function AuditView() {
  const id = useId();
  const dates = useDates();
  const [draft, setDraft] = useState<AuditFilters>(emptyFilters);
  const [filters, setFilters] = useState<AuditFilters>(emptyFilters);
  const audit = useAudit(filters);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ ...draft, actorAccountId: draft.actorAccountId.trim(), objectId: draft.objectId.trim(), page: 1 });
  };
  const field = (key: keyof Omit<AuditFilters, 'page'>) => ({
    id: `${id}-${key}`,
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value }),
  });

  return (
    <>
      <PageHeading title="監査ログ" />
      <form className="search-form" onSubmit={submit} role="search" aria-label="監査ログの検索条件">
        <div className="field">
          <label htmlFor={`${id}-action`}>操作</label>
          <select {...field('action')}>
            <option value="">すべての操作</option>
            {Object.entries(auditActionLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-outcome`}>結果</label>
          <select {...field('outcome')}>
            <option value="">すべて</option>
            {Object.entries(outcomeLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>期間(開始日)</label>
          <input type="date" {...field('from')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>期間(終了日)</label>
          <input type="date" {...field('to')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-actorAccountId`}>操作者のアカウントID</label>
          <input inputMode="numeric" pattern="[0-9]*" {...field('actorAccountId')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-objectType`}>対象の種類</label>
          <input {...field('objectType')} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-objectId`}>対象のID</label>
          <input {...field('objectId')} />
        </div>
        <SearchFormActions
          onClear={() => {
            setDraft(emptyFilters);
            setFilters(emptyFilters);
          }}
        />
      </form>

      <section aria-labelledby={`${id}-results`}>
        <h2 id={`${id}-results`}>記録</h2>
        <ResultCount total={audit.data?.total} isFetching={audit.isFetching} />
        <ErrorAlert error={audit.error} title="監査ログを読み込めませんでした。" />
        {audit.isPending ? <Loading /> : null}
        {audit.data && audit.data.items.length === 0 ? <p>条件に合う記録はありません。</p> : null}
        {audit.data && audit.data.items.length > 0 ? (
          <div className={`table-wrap${audit.isPlaceholderData ? ' is-stale' : ''}`} aria-busy={audit.isFetching} {...scrollRegion('監査ログの表')}>
            <table className="audit-table">
              <caption>監査ログ(新しい順)</caption>
              <thead>
                <tr>
                  <th scope="col">番号</th>
                  <th scope="col">日時</th>
                  <th scope="col">操作者</th>
                  <th scope="col">操作</th>
                  <th scope="col">対象</th>
                  <th scope="col">結果</th>
                  <th scope="col">リクエストID</th>
                </tr>
              </thead>
              <tbody>
                {audit.data.items.map((item) => (
                  <tr key={item.seq}>
                    <th scope="row">{item.seq}</th>
                    <td>{dates.timestamp(item.occurredAt)}</td>
                    <td>
                      {item.actorLabel ?? (item.actorAccountId === null ? '(未ログイン)' : `アカウント ${item.actorAccountId}`)}
                      {rolesText(item.actorRoles) ? <span className="cell-sub">{rolesText(item.actorRoles)}</span> : null}
                    </td>
                    <td>
                      {auditActionLabels[item.action] ?? item.action}
                      <span className="cell-sub">{item.action}</span>
                    </td>
                    <td>{item.objectType ? `${item.objectType} ${item.objectId ?? ''}` : '—'}</td>
                    <td>
                      <span className={`outcome outcome--${item.outcome}`}>{outcomeLabels[item.outcome] ?? item.outcome}</span>
                    </td>
                    <td className="mono">{item.requestId ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {audit.data ? (
          <Pagination page={audit.data.page} pageSize={audit.data.pageSize} total={audit.data.total} onChange={(page) => setFilters({ ...filters, page })} label="監査ログのページ" />
        ) : null}
      </section>
    </>
  );
}
