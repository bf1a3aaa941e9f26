/**
 * The signed-in person's notifications (/api/notifications) as TanStack Query hooks: the list, the unread count for
 * the header, and marking read. Shapes: domain/notifications/notifications-api.ts.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { NotificationList } from '../../../domain/notifications/notifications-api.js';

export const notificationPageSize = 20;

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (unreadOnly: boolean, page: number) => ['notifications', 'list', unreadOnly, page] as const,
};

/**
 * The unread count for the header. Refreshed when a page opens or the window regains focus, never on a timer:
 * a poll would keep an idle session alive past its idle timeout.
 */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<NotificationList>(withQuery('/api/notifications', { unreadOnly: true, pageSize: 1 }), { signal }),
    select: (list) => list.unread,
    staleTime: 30_000,
  });
}

export function useNotifications(unreadOnly: boolean, page: number) {
  return useQuery({
    queryKey: notificationKeys.list(unreadOnly, page),
    queryFn: ({ signal }) =>
      api.get<NotificationList>(withQuery('/api/notifications', { unreadOnly: unreadOnly ? true : undefined, page, pageSize: notificationPageSize }), {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<void>(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/notifications/read-all'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
