import { Link } from 'react-router';
import { PageHeading } from '../components/page.js';

export function NotFoundPage() {
  return (
    <>
      <PageHeading title="ページが見つかりません" />
      <p>お探しのページは存在しないか、移動しました。URL をご確認ください。</p>
      <p>
        <Link to="/">ホームへ戻る</Link>
      </p>
    </>
  );
}

/** Shown when rendering a route throws: a bug, not an answer from the server. */
export function RouteErrorPage() {
  return (
    <main id="main" className="main main--centred">
      <h1>エラーが発生しました</h1>
      <div role="alert" className="alert alert--error">
        <p>画面の表示中に問題が発生しました。画面を再読み込みしてください。解決しない場合は職員課にお問い合わせください。</p>
      </div>
      <p>
        <a href="/">ホームへ戻る</a>
      </p>
    </main>
  );
}
