/**
 * The header's link to お知らせ with the number of unread notifications. The count is refreshed when the person
 * moves to another page (if older than half a minute) or comes back to the window — on their activity only.
 */
import { useEffect } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useUnreadCount } from './notifications.queries.js';
import './notifications.css';

export function NotificationBell() {
  const unread = useUnreadCount();
  const { pathname } = useLocation();
  const { isStale, refetch } = unread;
  useEffect(() => {
    if (isStale) void refetch();
    // Only a change of page triggers this; isStale and refetch are read as they are at that moment.
  }, [pathname]);
  const count = unread.data ?? 0;
  return (
    <NavLink to="/notifications" className="notification-bell">
      お知らせ
      {count > 0 ? (
        <span className="notification-bell__count">
          {count > 99 ? '99+' : count}
          <span className="visually-hidden">件の未読</span>
        </span>
      ) : (
        <span className="visually-hidden">(未読なし)</span>
      )}
    </NavLink>
  );
}
