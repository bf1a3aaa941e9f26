/**
 * Who is signed in (GET /api/auth/me), what they may see in the navigation, and their date style.
 * Hiding a link is convenience only: the server checks every request.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { Me } from '../../domain/access/access-api.js';

export const meQueryKey = ['auth', 'me'] as const;

export type Session = Me['account'] & {
  /** 人事 (hr_admin or hr_officer): organisation, directory, imports, exports, relations. */
  isHr: boolean;
  isAuditor: boolean;
  /** account administration: hr_admin or system_admin */
  canManageAccounts: boolean;
};

export function toSession(me: Me): Session {
  const roles = me.account.roles;
  return {
    ...me.account,
    isHr: roles.includes('hr_admin') || roles.includes('hr_officer'),
    isAuditor: roles.includes('auditor'),
    canManageAccounts: roles.includes('hr_admin') || roles.includes('system_admin'),
  };
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** The signed-in account; only inside the signed-in layout. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the signed-in layout');
  return session;
}
