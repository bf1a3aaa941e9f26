/**
 * お知らせ /notifications: the signed-in person's notifications (reminders of evaluation deadlines and the like),
 * newest first, unread ones marked; each can be opened (which marks it read) or marked read, or all at once.
 */
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useDates } from '../../app/dates.js';
import { ErrorAlert, Loading, PageHeading, StatusMessage } from '../../components/page.js';
import { Pagination, ResultCount } from '../../components/pagination.js';
import type { NotificationItem } from '../../../domain/notifications/notifications-api.js';
import { notificationPageSize, useMarkAllRead, useMarkRead, useNotifications } from './notifications.queries.js';
import './notifications.css';

const title = 'お知らせ';

export function NotificationsPage() {
  const id = useId();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const [message, setMessage] = useState('');
  const list = useNotifications(unreadOnly, page);
  const markAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  return (
    <>
      <PageHeading title={title}>
        <button
          type="button"
          className="button--secondary"
          disabled={unread === 0 || markAll.isPending}
          onClick={() => {
            setMessage('');
            markAll.mutate(undefined, { onSuccess: () => setMessage('すべてのお知らせを既読にしました。') });
          }}
        >
          すべて既読にする
        </button>
      </PageHeading>
      <p className="hint">評価の期限の督促など、あなた宛てのお知らせです。{list.data ? `未読 ${unread} 件。` : ''}</p>
      <div className="field field--inline">
        <input
          id={`${id}-unread`}
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) => {
            setUnreadOnly(e.target.checked);
            setPage(1);
          }}
        />
        <label htmlFor={`${id}-unread`}>未読のみ表示</label>
      </div>
      <StatusMessage>{message}</StatusMessage>
      <ErrorAlert error={markAll.error} title="既読にできませんでした。" />
      <ErrorAlert error={list.error} title="お知らせを読み込めませんでした。" />
      {list.isPending ? <Loading /> : null}
      <ResultCount total={list.data?.total} isFetching={list.isFetching} />
      {list.data && list.data.items.length === 0 ? <p>{unreadOnly ? '未読のお知らせはありません。' : 'お知らせはありません。'}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ul className="notification-list" aria-label="お知らせの一覧">
          {list.data.items.map((item) => (
            <NotificationEntry key={item.id} item={item} onMessage={setMessage} />
          ))}
        </ul>
      ) : null}
      {list.data ? <Pagination page={page} pageSize={notificationPageSize} total={list.data.total} onChange={setPage} label="お知らせのページ" /> : null}
    </>
  );
}

function NotificationEntry({ item, onMessage }: { item: NotificationItem; onMessage: (m: string) => void }) {
  const dates = useDates();
  const navigate = useNavigate();
  const markRead = useMarkRead();
  const titleId = useId();
  const open = (link: string) => {
    if (item.isRead) return void navigate(link);
    // Opening counts as reading; the page opens even if marking fails.
    markRead.mutate(item.id, { onSettled: () => void navigate(link) });
  };
  return (
    <li className={item.isRead ? 'notification' : 'notification notification--unread'}>
      <div className="notification__head">
        <h2 id={titleId} className="notification__title">
          {item.isRead ? null : <span className="badge badge--unread">未読</span>}
          {item.title}
        </h2>
        <span className="hint">{dates.timestamp(item.createdAt)}</span>
      </div>
      <p className="notification__body">{item.body}</p>
      <div className="notification__actions">
        {item.link ? (
          <Link
            to={item.link}
            onClick={(event) => {
              event.preventDefault();
              open(item.link!);
            }}
          >
            開く<span className="visually-hidden">({item.title})</span>
          </Link>
        ) : null}
        {item.isRead ? null : (
          <button
            type="button"
            className="button--link"
            disabled={markRead.isPending}
            onClick={() => {
              onMessage('');
              markRead.mutate(item.id, { onSuccess: () => onMessage(`「${item.title}」を既読にしました。`) });
            }}
          >
            既読にする<span className="visually-hidden">({item.title})</span>
          </button>
        )}
      </div>
      <ErrorAlert error={markRead.error} title="既読にできませんでした。" />
    </li>
  );
}
