/**
 * 職員の自己申告書 /workplace/self-declaration/:id/staff/:staffId: one person's declaration as far as the reader may
 * see it — HR every field, the evaluator and unit head only the fields the form allows (the server leaves the
 * others out of the answer altogether). The read is recorded in the audit log.
 */
import { Link, useParams } from 'react-router';
import { ErrorAlert, Loading, PageHeading } from '../../components/page.js';
import { useDates } from '../../app/dates.js';
import { useDeclarationOf } from './self-declaration.queries.js';
import { DeclarationAnswers, statusLabels } from './self-declaration-answers.js';
import './self-declaration.css';

const title = '職員の自己申告書';

export function SelfDeclarationViewPage() {
  const params = useParams();
  const id = Number(params.id);
  const staffId = Number(params.staffId);
  const declaration = useDeclarationOf(id, staffId);
  const dates = useDates();
  if (declaration.isPending) return <><PageHeading title={title} /><Loading /></>;
  if (declaration.error) return <><PageHeading title={title} /><ErrorAlert error={declaration.error} title="自己申告書を読み込めませんでした。" /></>;
  const view = declaration.data;
  return (
    <>
      <PageHeading title={`${title}: ${view.staff.name}`} />
      <p>
        {view.campaign.title}。{view.staff.unitName ?? ''} {view.staff.employeeNumber}。状況: {statusLabels[view.status]}
        {view.submittedAt ? `(提出 ${dates.timestamp(view.submittedAt)})` : ''}
      </p>
      <p className="hint">
        {view.viewer === 'supervisor'
          ? '上司に見せると様式で定めた項目だけを表示しています。健康・家庭の事情などの項目は表示されません。'
          : view.viewer === 'hr'
            ? '人事担当として全項目を表示しています。この閲覧は記録されます。'
            : ''}
      </p>
      {view.status === 'submitted' ? <DeclarationAnswers view={view} /> : <p>まだ提出されていません。</p>}
      <p>
        <Link to={view.viewer === 'hr' ? '/workplace/self-declaration/admin' : '/workplace/self-declaration'}>一覧へ戻る</Link>
      </p>
    </>
  );
}
