/** The frame of the public recruitment pages (no sign-in): the city's name, a skip link target, a footer. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './public.css';

export function PublicLayout({ municipalityName, children }: { municipalityName?: string; children: ReactNode }) {
  return (
    <div className="public-layout">
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="public-layout__header">
        <p className="public-layout__name">
          <Link to="/careers">{municipalityName ? `${municipalityName} 職員採用情報` : '職員採用情報'}</Link>
        </p>
      </header>
      <main id="main" className="public-layout__main" tabIndex={-1}>
        {children}
      </main>
      <footer className="public-layout__footer">
        <p>このページの入力内容は、採用試験の実施のためだけに使います。選考が終わった後、合格しなかった方の個人情報は保存期間を過ぎると消去します。</p>
      </footer>
    </div>
  );
}
