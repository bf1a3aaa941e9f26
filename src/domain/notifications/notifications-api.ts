/** The notifications API contract (/api/notifications): what the server answers and the SPA reads. Types only. */

export type NotificationItem = {
  id: number;
  /** namespaced: 'evaluation.reminder' */
  kind: string;
  title: string;
  body: string;
  /** a path inside the app, or null */
  link: string | null;
  /** ISO instant */
  createdAt: string;
  readAt: string | null;
  isRead: boolean;
};

/** GET /api/notifications?unreadOnly&page&pageSize: one's own notifications, newest first. */
export type NotificationList = {
  /** unread notifications of the person (all of them, not only this page) */
  unread: number;
  /** notifications matching the filter */
  total: number;
  page: number;
  pageSize: number;
  items: NotificationItem[];
};
