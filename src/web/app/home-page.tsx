/** ホーム: the screens this user may open, with one line each. */
import { Link } from 'react-router';
import { PageHeading } from '../components/page.js';
import { useDates, todayInJapan } from './dates.js';
import { useSession } from './session.js';
import { navSectionsFor } from './shell.js';
import { NextDueCard } from '../features/evaluation/next-due-card.js';

export function HomePage() {
  const session = useSession();
  const dates = useDates();
  const today = todayInJapan();
  const sections = navSectionsFor(session);
  return (
    <>
      <PageHeading title="ホーム" />
      <p>
        {session.displayName} さん、こんにちは。今日は {dates.date(today)}({dates.fiscalYearOf(today)})です。
      </p>
      <NextDueCard />
      {sections.length === 0 ? (
        <p>利用できる画面はありません。必要な場合は職員課にお問い合わせください。</p>
      ) : (
        sections.map((section) => (
          <section key={section.id} aria-labelledby={`home-section-${section.id}`}>
            <h2 id={`home-section-${section.id}`}>{section.label}</h2>
            <ul className="card-list">
              {section.items.map((item) => (
                <li key={item.to} className="card">
                  <Link to={item.to} className="card__link">
                    {item.label}
                  </Link>
                  <p className="card__text">{item.description}</p>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </>
  );
}
