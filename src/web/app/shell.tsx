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

/** An entry whose path prefixes another entry's (職員検索 /staff and マイページ /staff/7) is current only on its own path. */
function hasSubpageEntry(item: NavItem, sections: ReadonlyArray<{ items: readonly NavItem[] }>): boolean {
  return sections.some((s) => s.items.some((other) => other.to.startsWith(`${item.to}/`)));
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
  if (session.staffId !== null) items.push({ to: '/digital/assessment', label: 'デジタルスキル', description: 'デジタルスキルの自己評価の入力・提出と、上司の確認(担当する職員の確認待ちも)' });
  if (session.isHr) items.push({ to: '/digital/summary', label: 'デジタルスキルの集計', description: '年度の自己評価の分野ごと・課ごとの集計と職員ごとの一覧' });
  items.push({ to: '/digital/structure', label: 'DX推進体制', description: 'DX推進本部・ワーキンググループとメンバー' });
  items.push({ to: '/digital/leaders', label: 'DX推進リーダー', description: '課ごとのDX推進リーダーと、リーダーのいない課' });
  items.push({ to: '/digital/advisors', label: 'DX推進アドバイザー', description: '外部の専門家の名簿と契約期間' });
  items.push({ to: '/digital/exchanges', label: '自治体間交流', description: '他自治体とのデジタル人材の交流プログラムの記録' });
  if (session.isHr) items.push({ to: '/digital/framework', label: 'デジタルスキルの枠組み', description: '自己評価の分野と段階の設定' });
  if (session.isHr || session.roles.includes('training_officer') || session.staffId !== null) items.push(session.isHr || session.roles.includes('training_officer') ? { to: '/training/reports', label: '研修の報告・統計', description: '修了状況・年間研修時間・能力と研修の循環・研修受講履歴(印刷・Excel出力)' } : { to: '/training/reports/history', label: '研修受講履歴(印刷)', description: '自分(と担当する職員)の研修の受講履歴と自己啓発の記録を A4 で印刷' });
  items.push({ to: '/knowledge', label: 'ナレッジベース', description: 'デジタルツールのFAQ・操作ガイドの検索' }, { to: '/knowledge/questions', label: '職員コミュニティ', description: '職員同士のQ&A(質問・回答・解決済み)' });
  if (session.staffId !== null) items.push({ to: '/evaluation', label: '人事評価', description: '自分の評価シートと次の期限、評価者・確認者として担当するシート' });
  items.push({ to: '/evaluation/calendar', label: '評価スケジュール', description: '人事評価の期限(目標の提出・面談・自己評価・苦情相談の期間)' });
  if (session.isHr) items.push({ to: '/evaluation/cycles', label: '評価の運用', description: '評価期間の開始・異動の反映・評価シートの一覧と担当の変更' });
  if (session.isHr) items.push({ to: '/evaluation/progress', label: '進捗管理', description: '評価シートの所属別の進捗・期限超過の一覧・督促' });
  if (session.isHr) items.push({ to: '/evaluation/analysis', label: '評価の分析', description: '評語の分布(所属・職位・評価者別)・評価者ごとの甘辛・給与システム向けCSV' });
  if (session.isHr || session.headsUnits) items.push({ to: '/evaluation/team-goals', label: 'チーム目標', description: '所属のチーム目標(業績評価の期ごと)' });
  if (session.roles.includes('hr_admin')) items.push({ to: '/evaluation/settings', label: '評価の設定', description: '評語・総合評価の決め方・評価の対象' });
  if (session.isHr || session.headsUnits) items.push({ to: '/placement/careers', label: '経歴の見える化', description: session.isHr ? '所属ごとの職員の経歴(年度別)と、全庁の在課年数・現場経験のヒートマップ' : '担当する所属の職員の経歴(年度別)' });
  if (session.isHr) items.push({ to: '/placement/rules', label: '配置ルール', description: 'ジョブローテーション・専門性のルール(R1〜R5)の該当者を基準日で確認(事実と解消の方法)' });
  if (session.isHr) items.push({ to: '/placement/wishes', label: '異動希望・専門分野', description: '聞き取った異動希望(第1〜第3希望)と職員の専門分野の登録' });
  if (session.isHr) items.push({ to: '/placement/quotas', label: '定数', description: '所属・職位区分ごとの年度の定数と現員' });
  if (session.isHr) items.push({ to: '/placement/plans', label: '異動案', description: '発令日ごとの異動案の作成・ルールと定数の確認・最適化・比較・承認と発令' });
  if (session.staffId !== null) items.push({ to: '/stress-check', label: 'ストレスチェック', description: 'ストレスチェックの回答と結果(結果は本人と実施者だけが見る)' });
  if (session.roles.includes('stress_implementer') || session.isHr) items.push({ to: '/stress-check/admin', label: session.roles.includes('stress_implementer') ? 'ストレスチェックの実施' : 'ストレスチェックの集団分析', description: '実施・所属別の回答状況・面接指導・集団分析(10人未満は非表示)・報告の数' });
  if (session.staffId !== null) items.push({ to: '/workplace/self-declaration', label: '自己申告', description: '自己申告書(満足度・キャリアの志向・異動の希望)の記入と提出、担当する職員の自己申告書' });
  if (session.isHr) items.push({ to: '/workplace/self-declaration/admin', label: '自己申告の管理', description: '自己申告の開始・様式(上司に見せる項目)・所属別の提出状況と督促・一覧と閲覧' });
  const isRecruitmentStaff = session.roles.includes('hr_admin') || session.roles.includes('hr_officer') || session.roles.includes('recruiter');
  if (isRecruitmentStaff) items.push({ to: '/recruitment/campaigns', label: '採用試験', description: '年度の採用試験(区分・受験資格・試験の段階・日程)・受付の開始と終了・電子申請CSVの取込み' }, { to: '/recruitment/internships', label: 'インターン・職場体験', description: '学生のインターン・職場体験の申込み・受入れ所属・感想' });
  if (isRecruitmentStaff) items.push({ to: '/recruitment/pipeline', label: '選考状況', description: '採用試験ごとの段階別の応募者・試験の回と評定者・合否の判定・内定・通知' }, { to: '/recruitment/analytics', label: '採用の分析', description: '採用ファネル・応募者の年齢分布・応募のきっかけ' });
  // Raters are assigned per sitting (a relation, not a role): the entry shows while they rate a sitting of a campaign not yet finished.
  if (session.staffId !== null && session.ratesSittings) items.push({ to: '/recruitment/scoring', label: '評定(面接官)', description: '評定者として割り当てられた試験の回の評定' });
  if (session.canManageAccounts) items.push({ to: '/accounts', label: 'アカウント', description: 'アカウントと権限の管理' });
  // Organisation settings: hr_admin and system_admin change them, hr_officer reads them (the server decides either way).
  if (session.roles.includes('hr_admin') || session.roles.includes('system_admin')) {
    items.push({ to: '/settings', label: '設定', description: '職位・評価者の決定ルール・キャリア段階の基準などの組織の設定' });
  } else if (session.roles.includes('hr_officer')) {
    items.push({ to: '/settings', label: '設定', description: '組織の設定の確認(閲覧のみ)' });
  }
  items.push({ to: '/workplace/desks', label: '相談・通報窓口', description: 'ハラスメントの相談・公益通報(匿名可)と、受付番号での経過の確認' });
  if (session.roles.includes('case_handler')) items.push({ to: '/workplace/desks/cases', label: '窓口の案件', description: '担当する相談・通報の案件(担当者だけが内容を見る)' });
  if (session.roles.includes('hr_admin') || session.roles.includes('case_handler')) items.push({ to: '/workplace/desks/designations', label: '窓口の対応者の指定', description: '相談員・公益通報対応業務従事者の指定(期間・文書)' });
  if (session.isHr || session.roles.includes('case_handler')) items.push({ to: '/workplace/desks/statistics', label: '相談・通報の件数', description: '年度の窓口・区分・状況ごとの件数(少ない件数は非表示)' });
  if (session.staffId !== null) items.push({ to: '/workplace/fellows/my', label: 'フェロー面談', description: 'フェロー制度の自分の組合せ・面談の予定と記録・面談の感想' });
  if (session.isHr) items.push({ to: '/workplace/fellows', label: 'フェローのプール', description: 'フェローの登録(受入れ人数・期間・組織コミットメント)とフェロー制度の設定' }, { to: '/workplace/fellows/matching', label: 'フェローの組合せ', description: '新規採用・若手職員とフェローの組合せの提案(別の部・評価の系統外)と確定' }, { to: '/workplace/fellows/pairs', label: 'フェロー制度の状況', description: '組合せの一覧と終了・面談のない組合せ・面談と感想の集計' });
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
  const sections = navSectionsFor(session);
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
            {sections.map((section) => (
              <li key={section.id} className="app-nav__section">
                <span className="app-nav__section-label" id={`nav-section-${section.id}`}>
                  {section.label}
                </span>
                <ul aria-labelledby={`nav-section-${section.id}`}>
                  {section.items.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={hasSubpageEntry(item, sections)}>
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
