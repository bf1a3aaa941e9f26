/** /desk: the consultation and whistleblowing desk without sign-in (anyone; anonymous reports accepted). */
import { Link } from 'react-router';
import { usePageTitle } from '../../components/page.js';
import { FileReportForm, FollowPanel } from './desk-report-forms.js';
import './desk.css';

export function PublicDeskPage() {
  usePageTitle('相談・通報窓口');
  return (
    <div className="desk-public">
      <header className="desk-public__brand">
        <p className="desk-public__name">Jinzai</p>
        <p className="desk-public__sub">ハラスメント相談窓口・公益通報窓口</p>
      </header>
      <main id="main" className="desk-public__main">
        <h1>相談・通報窓口</h1>
        <p>
          ログインせずに、匿名で相談・通報できます。相談・通報したこと、協力したことを理由に不利益な取扱いを受けることはありません。
          窓口の担当者には、あなたが誰かを探すことが禁じられています。
        </p>
        <FileReportForm isPublic />
        <FollowPanel />
        <p>
          <Link to="/login">職員のログイン画面へ</Link>
        </p>
      </main>
    </div>
  );
}
