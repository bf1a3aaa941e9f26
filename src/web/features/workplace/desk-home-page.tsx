/** /workplace/desks: a signed-in member of staff files (anonymous to the handlers if they wish) and follows a case. */
import { Link } from 'react-router';
import { useSession } from '../../app/session.js';
import { PageHeading } from '../../components/page.js';
import { FileReportForm, FollowPanel } from './desk-report-forms.js';
import './desk.css';

export function DeskHomePage() {
  const session = useSession();
  const isHandler = session.roles.includes('case_handler');
  return (
    <>
      <PageHeading title="相談・通報窓口" />
      <p className="hint">
        内容は担当に指定された相談員・公益通報対応業務従事者だけが見ます。「匿名にする」を選ぶと、担当者にも名前は伝わりません。
        ログインしない窓口(<Link to="/desk">相談・通報窓口(ログイン不要)</Link>)も使えます。
      </p>
      {isHandler ? (
        <nav aria-label="窓口の業務" className="toolbar">
          <Link to="/workplace/desks/cases">担当する案件</Link>
          <Link to="/workplace/desks/designations">対応者の指定</Link>
          <Link to="/workplace/desks/statistics">件数の統計</Link>
        </nav>
      ) : null}
      <FileReportForm isPublic={false} />
      <FollowPanel />
    </>
  );
}
