/** /careers/complete: the receipt number of an application, from the router's state (nothing personal in the URL). */
import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../components/page.js';
import { PublicLayout } from './public-layout.js';

export function PublicReceiptPage() {
  usePageTitle('申込みを受け付けました');
  const state = useLocation().state as { receiptNumber?: string; campaignTitle?: string; kind?: 'internship' } | null;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <PublicLayout>
      <h1 ref={heading} tabIndex={-1}>
        申込みを受け付けました
      </h1>
      {state?.receiptNumber ? (
        <>
          <p>{state.campaignTitle}への申込みを受け付けました。受付番号は次のとおりです。お問い合わせや合格発表の確認に使いますので、控えておいてください。</p>
          <p className="receipt-number" aria-label={`受付番号 ${state.receiptNumber.split('').join(' ')}`}>
            {state.receiptNumber}
          </p>
          <p>確認のメールは送信していません。受付番号は、このページを閉じると再表示できません。</p>
        </>
      ) : state?.kind === 'internship' ? (
        <p>インターンシップ・職場体験の申込みを受け付けました。受入れの可否は、職員課から入力されたメールアドレスにご連絡します。</p>
      ) : (
        <p>このページは申込みの直後にだけ受付番号を表示します。</p>
      )}
      <p>
        <Link to="/careers">採用情報の一覧へ戻る</Link>
      </p>
    </PublicLayout>
  );
}
