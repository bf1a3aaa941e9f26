/** The access area's server state: sign-in, preferences, accounts and role grants, the audit log. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken, withQuery } from '../../app/api-client.js';
import { meQueryKey } from '../../app/session.js';
import type { DateStyle } from '../../../domain/common/wareki.js';
import type { GrantRoleInput } from '../../../domain/access/access.schemas.js';
import type { AccountItem, AuditItem, Me } from '../../../domain/access/access-api.js';
import type { Paged } from '../../../domain/common/paged.js';

export type AuditFilters = {
  action: string;
  actorAccountId: string;
  objectType: string;
  objectId: string;
  outcome: string;
  from: string;
  to: string;
  page: number;
};

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { loginId: string; password: string }) => api.post<{ csrfToken: string }>('/api/auth/login', input),
    onSuccess: ({ csrfToken }) => {
      setCsrfToken(csrfToken);
      // Whatever the previous user saw must not survive into this session.
      queryClient.clear();
    },
  });
}

/** Signs out; the caller leaves the signed-in pages, then calls `forget` to drop every cached answer. */
export function useLogout() {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => api.post<void>('/api/auth/logout'),
    onSettled: () => setCsrfToken(null),
  });
  return { ...mutation, forget: () => queryClient.clear() };
}

/** Switches 和暦/西暦 at once (optimistically) and puts it back if the server refuses. */
export function useSetDateStyle() {
  const queryClient = useQueryClient();
  const apply = (dateStyle: DateStyle) =>
    queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, account: { ...me.account, dateStyle } } : me));
  return useMutation({
    mutationFn: (dateStyle: DateStyle) => api.patch<void>('/api/auth/me/preferences', { dateStyle }),
    onMutate: (dateStyle) => {
      const previous = queryClient.getQueryData<Me>(meQueryKey)?.account.dateStyle;
      apply(dateStyle);
      return { previous };
    },
    onError: (_error, _dateStyle, context) => {
      if (context?.previous) apply(context.previous);
    },
  });
}

export const accountKeys = {
  list: (q: string, page: number) => ['accounts', q, page] as const,
};

export function useAccounts(q: string, page: number) {
  return useQuery({
    queryKey: accountKeys.list(q, page),
    queryFn: ({ signal }) => api.get<Paged<AccountItem>>(withQuery('/api/accounts', { q, page, pageSize: 50 }), { signal }),
    placeholderData: keepPreviousData,
  });
}

function useAccountMutation<Input, Output = void>(fn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

export const useCreateAccount = () =>
  useAccountMutation((input: { staffId: number; password: string }) => api.post<{ id: number }>('/api/accounts', input));
export const useSetDisabled = () =>
  useAccountMutation((input: { id: number; isDisabled: boolean }) => api.put<void>(`/api/accounts/${input.id}/disabled`, { isDisabled: input.isDisabled }));
export const useResetPassword = () =>
  useAccountMutation((input: { id: number; password: string }) => api.put<void>(`/api/accounts/${input.id}/password`, { password: input.password }));
export const useGrantRole = () =>
  useAccountMutation((input: { id: number; grant: GrantRoleInput }) => api.post<{ id: number }>(`/api/accounts/${input.id}/roles`, input.grant));
export const useRevokeRole = () =>
  useAccountMutation((input: { id: number; grantId: number }) => api.delete<void>(`/api/accounts/${input.id}/roles/${input.grantId}`));

export const auditPageSize = 50;

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) =>
      api.get<Paged<AuditItem>>(
        withQuery('/api/audit', {
          action: filters.action,
          actorAccountId: filters.actorAccountId,
          objectType: filters.objectType,
          objectId: filters.objectId,
          outcome: filters.outcome,
          from: filters.from,
          to: filters.to,
          page: filters.page,
          pageSize: auditPageSize,
        }),
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}
