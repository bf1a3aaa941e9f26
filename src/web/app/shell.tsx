/**
 * The signed-in layout: loads the session, then the header (app name, user, 和暦/西暦, ログアウト),
 * the navigation for the user's roles, and the page. Moves focus to the new page's heading after
 * navigation so keyboard and screen-reader users land on the content.
 */
import { useEffect, useRef, type MouseEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Navigate, NavLink, Link, Outlet, useLocation, useNavigate } from 'react-router';
import { api, ApiError, setCsrfToken } from './api-client.js';
import { meQueryKey, SessionProvider, toSession, useSession, type Session } from './session.js';
import type { Me } from '../../domain/access/access-api.js';
import { ErrorAlert, Loading } from '../components/page.js';
import { useLogout, useSetDateStyle } from '../features/access/access.queries.js';
import { NotificationBell } from '../features/notifications/notification-bell.js';
import type { DateStyle } from '../../domain/common/wareki.js';

export type NavItem = { to: string; label: string; description: string };

/** The menu's sections, in order; a screen belongs to the section of its path (see `navGroupOf`). */
export const navGroups = [
  { id: 'me', label: 'わたし' },
  { id: 'org', label: '組織・職員' },
  { id: 'evaluation', label: '能力・人事評価' },
  { id: 'training', label: '研修' },
  { id: 'placement', label: '配置・異動' },
  { id: 'digital', label: 'デジタル人材' },
  { id: 'workplace', label: '職場環境' },
  { id: 'recruitment', label: '採用' },
  { id: 'admin', label: '管理' },
] as const;
export type NavGroupId = (typeof navGroups)[number]['id'];

const groupByPathPrefix: ReadonlyArray<readonly [string, NavGroupId]> = [
  ['/evaluation', 'evaluation'],
  ['/competency', 'evaluation'],
  ['/training', 'training'],
  ['/placement', 'placement'],
  ['/digital', 'digital'],
  ['/knowledge', 'digital'],
  ['/stress-check', 'workplace'],
  ['/workplace', 'workplace'],
  ['/recruitment', 'recruitment'],
  ['/accounts', 'admin'],
  ['/settings', 'admin'],
  ['/audit', 'admin'],
];

/** The section of a menu entry: the person's own page first, then by the area its path belongs to. */
export function navGroupOf(item: NavItem, session: Session): NavGroupId {
  if (session.staffId !== null && item.to === `/staff/${session.staffId}`) return 'me';
  return groupByPathPrefix.find(([prefix]) => item.to === prefix || item.to.startsWith(`${prefix}/`))?.[1] ?? 'org';
}

/** The user's menu entries by section, sections without entries left out, entries in `navItemsFor` order. */
export function navSectionsFor(session: Session): Array<{ id: NavGroupId; label: string; items: NavItem[] }> {
  const items = navItemsFor(session);
  return navGroups
    .map((g) => ({ id: g.id, label: g.label, items: items.filter((item) => navGroupOf(item, session) === g.id) }))
    .filter((g) => g.items.length > 0);
}

/** The screens this user may open, in menu order. */
export function navItemsFor(session: Session): NavItem[] {
  const items: NavItem[] = [];
  if (session.staffId !== null) items.push({ to: `/staff/${session.staffId}`, label: 'マイページ', description: '自分の配属・経歴・資格' });
  if (session.headsUnits) items.push({ to: '/my-unit', label: '所属の職員', description: '所属の職員とその経歴' });
  if (session.isHr) {
    items.push(
      { to: '/org', label: '組織', description: '組織図(基準日指定)と組織改編の履歴' },
      { to: '/staff', label: '職員検索', description: '氏名・カナ・職員番号と所属などで検索' },
      { to: '/imports', label: 'インポート', description: '職員マスタ・配属履歴のCSV取り込み' },
      { to: '/exports', label: 'エクスポート', description: 'CSV・Excel での出力' },
      { to: '/relations', label: '評価者・確認者', description: '評価者・確認者の確認と個別設定' },
    );
  } else if (session.headsUnits) {
    items.push({ to: '/staff', label: '職員検索', description: '所属の職員を検索' });
  }
  items.push({ to: '/competency', label: '求める能力', description: '職位ごとに求める能力と能力評価項目(年度ごと)' });
  items.push({ to: '/training/courses', label: '研修', description: '研修体系(研修の区分・実施機関・対象・対象者の決め方)' });
  if (session.isHr || session.roles.includes('training_officer')) items.push({ to: '/training/plan', label: '研修計画', description: '年度の研修の日程と、日程ごとの受講対象者と理由' });
  else if (session.headsUnits) items.push({ to: '/training/plan', label: '研修計画', description: '年度の研修の日程と、所属の職員の推薦' });
  if (session.staffId !== null) items.push({ to: '/training/my', label: '受講履歴', description: '研修の申込み・受講の状況・受講報告(承認を待つ申込みがあれば、その一覧へ)' });
  if (session.staffId !== null && (session.isHr || session.headsUnits)) items.push({ to: '/training/approvals', label: '研修の承認', description: '担当する職員の研修の申込みの承認' });
  if (session.staffId !== null) items.push({ to: '/training/recommendations', label: '研修のおすすめ', description: '能力評価で標準を下回った項目を伸ばす研修と、上司からの受講の勧め' });
  if (session.staffId !== null) items.push({ to: '/training/self-development', label: '自己啓発', description: 'e-ラーニング・通信教育などの自己啓発の記録と、上司の確認(担当する職員の確認待ちも)' });
  if (session.staffId !== null) items.push({ to: '/training/groups', label: '自主研修グループ', description: '自主研修グループの作成・メンバー・活動の記録' });
  if (session.isHr || session.roles.includes('training_officer')) items.push({ to: '/training/loop', label: '能力と研修の循環', description: '職位・評価項目ごとに標準を下回った人数と、その後に研修を修了した人数' });
  if (session.staffId !== null) items.push({ to: '/evaluation', label: '人事評価', description: '自分の評価シートと次の期限、評価者・確認者として担当するシート' });
  items.push({ to: '/evaluation/calendar', label: '評価スケジュール', description: '人事評価の期限(目標の提出・面談・自己評価・苦情相談の期間)' });
  if (session.isHr) items.push({ to: '/evaluation/cycles', label: '評価の運用', description: '評価期間の開始・異動の反映・評価シートの一覧と担当の変更' });
  if (session.isHr) items.push({ to: '/evaluation/progress', label: '進捗管理', description: '評価シートの所属別の進捗・期限超過の一覧・督促' });
  if (session.isHr) items.push({ to: '/evaluation/analysis', label: '評価の分析', description: '評語の分布(所属・職位・評価者別)・評価者ごとの甘辛・給与システム向けCSV' });
  if (session.isHr || session.headsUnits) items.push({ to: '/evaluation/team-goals', label: 'チーム目標', description: '所属のチーム目標(業績評価の期ごと)' });
  if (session.roles.includes('hr_admin')) items.push({ to: '/evaluation/settings', label: '評価の設定', description: '評語・総合評価の決め方・評価の対象' });
  if (session.canManageAccounts) items.push({ to: '/accounts', label: 'アカウント', description: 'アカウントと権限の管理' });
  // Organisation settings: hr_admin and system_admin change them, hr_officer reads them (the server decides either way).
  if (session.roles.includes('hr_admin') || session.roles.includes('system_admin')) {
    items.push({ to: '/settings', label: '設定', description: '職位・評価者の決定ルール・キャリア段階の基準などの組織の設定' });
  } else if (session.roles.includes('hr_officer')) {
    items.push({ to: '/settings', label: '設定', description: '組織の設定の確認(閲覧のみ)' });
  }
  if (session.isAuditor) items.push({ to: '/audit', label: '監査ログ', description: '操作・閲覧の記録の検索' });
  return items;
}

function fetchMe(): Promise<Me> {
  return api.get<Me>('/api/auth/me').then((me) => {
    setCsrfToken(me.csrfToken);
    return me;
  });
}

export function SignedInLayout() {
  const me = useQuery({ queryKey: meQueryKey, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
  if (me.isPending) {
    return (
      <main id="main" className="main main--centred">
        <Loading />
      </main>
    );
  }
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.status === 401) return <Navigate to="/login" replace />;
    return (
      <main id="main" className="main main--centred">
        <h1>Jinzai</h1>
        <ErrorAlert error={me.error} title="ログイン情報を読み込めませんでした。" />
        <p>
          <Link to="/login">ログイン画面へ</Link>
        </p>
      </main>
    );
  }
  return (
    <SessionProvider session={toSession(me.data)}>
      <Shell />
    </SessionProvider>
  );
}

function DateStyleToggle() {
  const session = useSession();
  const setDateStyle = useSetDateStyle();
  const choose = (style: DateStyle) => {
    if (style !== session.dateStyle) setDateStyle.mutate(style);
  };
  return (
    <fieldset className="date-style">
      <legend>日付の表示</legend>
      {(['wareki', 'seireki'] as const).map((style) => (
        <label key={style} className="date-style__option">
          <input type="radio" name="date-style" value={style} checked={session.dateStyle === style} onChange={() => choose(style)} />
          {style === 'wareki' ? '和暦' : '西暦'}
        </label>
      ))}
      {setDateStyle.isError ? (
        <span role="alert" className="date-style__error">
          表示設定を保存できませんでした。
        </span>
      ) : null}
    </fieldset>
  );
}

function Shell() {
  const session = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus();
  }, [location.pathname]);

  const skipToMain = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  const signOut = () => {
    logout.mutate(undefined, {
      onSettled: () => {
        // Leave the signed-in layout first, so that nothing refetches with the ended session.
        void Promise.resolve(navigate('/login', { replace: true })).then(logout.forget);
      },
    });
  };

  return (
    <div className="app">
      <a href="#main" className="skip-link" onClick={skipToMain}>
        本文へ移動
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__name">
          Jinzai <span className="app-header__sub">人材育成・確保システム</span>
        </Link>
        <div className="app-header__tools">
          <p className="app-header__user">
            <span className="visually-hidden">ログイン中の利用者: </span>
            {session.displayName} さん
          </p>
          <NotificationBell />
          <DateStyleToggle />
          <button type="button" className="button--secondary" onClick={signOut} disabled={logout.isPending}>
            ログアウト
          </button>
        </div>
      </header>
      <div className="app-body">
        <nav className="app-nav" aria-label="メインメニュー">
          <ul className="app-nav__sections">
            {navSectionsFor(session).map((section) => (
              <li key={section.id} className="app-nav__section">
                <span className="app-nav__section-label" id={`nav-section-${section.id}`}>
                  {section.label}
                </span>
                <ul aria-labelledby={`nav-section-${section.id}`}>
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.to === '/staff' || item.to === '/evaluation'}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" className="main" ref={mainRef} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <footer className="app-footer">
        <p>Jinzai 人材育成・確保システム</p>
      </footer>
    </div>
  );
}
