// Who is signed in: resumes the session on load, signs in and out, and keeps the CSRF token for writes.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiFailure, setCsrfToken } from '../api/api-client';
import type { Role, SessionAnswer, SessionUser } from '../api/types';

interface AuthState {
  user: SessionUser | null;
  ready: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  hasRole(...roles: Role[]): boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    api<SessionAnswer>('GET', '/api/auth/session')
      .then((answer) => {
        setCsrfToken(answer.csrfToken);
        setUser(answer.user);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiFailure)) console.error(error);
      })
      .finally(() => setReady(true));
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const answer = await api<SessionAnswer>('POST', '/api/auth/login', { username, password });
    setCsrfToken(answer.csrfToken);
    setUser(answer.user);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api('POST', '/api/auth/logout', {});
    } finally {
      setCsrfToken(undefined);
      setUser(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      ready,
      login,
      logout,
      hasRole: (...roles) => !!user && user.roles.some((r) => roles.includes(r)),
    }),
    [user, ready, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth outside AuthProvider');
  return state;
}
