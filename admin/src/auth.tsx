// Who is signed in: the session token (kept in this browser) and the user it belongs to.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { loadSession, onUnauthenticated, request, saveSession } from "./api";
import { graphql } from "./gql";
import type { Role } from "./gql/graphql";

// The same text as the contract's Login: accepted even where only published operations are.
const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
      expiresAt
      user {
        id
        name
        email
        role
      }
    }
  }
`);

const MeQuery = graphql(`
  query Me {
    me {
      id
      name
      email
      role
    }
  }
`);

const SignOutEverywhereMutation = graphql(`
  mutation ConsoleSignOutEverywhere {
    signOutEverywhere
  }
`);

export interface CurrentUser {
  id: string;
  name: string;
  email?: string | null;
  role: Role;
}

interface AuthState {
  user: CurrentUser | null;
  /** True until a stored session has been checked with the server. */
  loading: boolean;
  /** Set when the session ended by itself (expired or revoked). */
  notice: string | null;
  signIn(email: string, password: string): Promise<void>;
  signOut(): void;
  signOutEverywhere(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** A user's role is shown only to themselves (and administrators): for the signed-in user it is always there. */
const currentUser = (user: Omit<CurrentUser, "role"> & { role: CurrentUser["role"] | null }): CurrentUser => ({ ...user, role: user.role ?? "READER" });

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<CurrentUser | null>(null);
  const [loading, setLoading] = useState(() => loadSession() !== null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (!loadSession()) return;
    request(MeQuery)
      .then((data) => {
        if (data.me) setUser(currentUser(data.me));
        else saveSession(null);
      })
      .catch(() => saveSession(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(
    () =>
      onUnauthenticated(() => {
        saveSession(null);
        setUser(null);
        setNotice("Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.");
      }),
    [],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    saveSession(null);
    const data = await request(LoginMutation, { email, password });
    saveSession({ token: data.login.token, expiresAt: data.login.expiresAt });
    setNotice(null);
    setUser(currentUser(data.login.user));
  }, []);

  const signOut = useCallback(() => {
    saveSession(null);
    setUser(null);
    setNotice("Bạn đã đăng xuất.");
  }, []);

  const signOutEverywhere = useCallback(async () => {
    await request(SignOutEverywhereMutation);
    saveSession(null);
    setUser(null);
    setNotice("Bạn đã đăng xuất khỏi mọi thiết bị.");
  }, []);

  const value = useMemo(() => ({ user, loading, notice, signIn, signOut, signOutEverywhere }), [user, loading, notice, signIn, signOut, signOutEverywhere]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth outside AuthProvider");
  return value;
}

/** The signed-in user (inside the signed-in part of the app). */
export function useUser(): CurrentUser {
  const { user } = useAuth();
  if (!user) throw new Error("no signed-in user");
  return user;
}
