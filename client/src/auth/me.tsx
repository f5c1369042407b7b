// The signed-in person in the active tenant (GET /api/identity/me) and the access flags computed from it.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { access, type Access, type Me } from '@/access';
import { api, call } from '@/api/client';
import FullPageSpin from '@/components/FullPageSpin';
import ProblemResult from '@/components/ProblemResult';
import { rememberTenant } from './tenant';

export interface Session {
  me: Me;
  access: Access;
}

export const SessionContext = createContext<Session | undefined>(undefined);

/** The session of the console; only inside <MeProvider> (every console page is). */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <MeProvider>');
  return session;
}

export const meQueryKey = ['identity', 'me'] as const;

export function useMeQuery() {
  return useQuery({ queryKey: meQueryKey, queryFn: () => call(api.GET('/api/identity/me')), staleTime: 60_000 });
}

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const value = useMemo(() => ({ me, access: access(me) }), [me]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export default function MeProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const query = useMeQuery();
  const me = query.data;
  useEffect(() => {
    if (me) rememberTenant(me.tenant.code);
  }, [me]);
  if (query.isPending) {
    return (
      <FullPageSpin text={t('common.loading')} testId="me-loading" />
    );
  }
  if (query.isError || !me) {
    return (
      <div className="full-page-center">
        <ProblemResult error={query.error} onRetry={() => void query.refetch()} />
      </div>
    );
  }
  return <SessionProvider me={me}>{children}</SessionProvider>;
}
