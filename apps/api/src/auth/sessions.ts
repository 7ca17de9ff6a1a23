import { type Orm, Session } from '@candor/db';
import { SESSION_LIFETIME_HOURS, type TSessionSummary, type TSignInMethod } from '@candor/schemas';
import { parse as parseCookies } from 'hono/utils/cookie';
import { Lucia, TimeSpan } from 'lucia';
import { MikroOrmSessionAdapter } from './lucia-adapter.js';
import { hashToken } from './token-hash.js';

/**
 * Staff sessions. lucia (no longer maintained upstream) stays behind these
 * few functions, so replacing it touches this file only.
 */
export interface ValidSession {
  token: string;
  userId: string;
  activeTenantId: string;
  signedInWith: TSignInMethod;
  /** Set when the session was extended and the cookie must be sent again. */
  refreshedCookie: string | null;
}

export interface Sessions {
  cookieName: string;
  create(userId: string, tenantId: string, how: NewSession): Promise<{ token: string; cookie: string }>;
  validate(token: string): Promise<ValidSession | null>;
  /** The user's unexpired sessions, most recently used first; `current` marks the one of `currentToken`. */
  listForUser(userId: string, currentToken: string): Promise<TSessionSummary[]>;
  invalidate(token: string): Promise<void>;
  /** Ends one session of the user by its listed id; false when the user has no such session. */
  invalidateById(userId: string, id: string): Promise<boolean>;
  invalidateForUser(userId: string, tenantId?: string): Promise<void>;
  /** Ends every session of the user except the one of `keepToken` (after a password change, "sign out everywhere else"). */
  invalidateOthers(userId: string, keepToken: string): Promise<number>;
  setActiveTenant(token: string, tenantId: string): Promise<void>;
  blankCookie(): string;
  readCookie(cookieHeader: string | undefined): string | null;
}

export interface NewSession {
  signedInWith: TSignInMethod;
  /** What "Your sessions" shows (see device-label.ts), never the raw user agent. */
  deviceLabel?: string | null;
}

type SessionAttributes = {
  activeTenantId: string;
  deviceLabel: string | null;
  lastSeenAt: Date | null;
  signedInWith: TSignInMethod;
};

/** "Last seen" is written at most this often, so browsing does not write on every request. */
const LAST_SEEN_PRECISION_MS = 5 * 60_000;

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<SessionAttributes>;
    DatabaseSessionAttributes: SessionAttributes;
  }
}

export function createSessions(orm: Orm, options: { secureCookies: boolean }): Sessions {
  const lucia = new Lucia(new MikroOrmSessionAdapter(orm), {
    sessionExpiresIn: new TimeSpan(SESSION_LIFETIME_HOURS, 'h'),
    sessionCookie: {
      name: 'candor_session',
      // The cookie lasts as long as the session (Max-Age = the lifetime) and is sent
      // again whenever lucia extends the session; `false` would make it last 400 days.
      expires: true,
      attributes: { secure: options.secureCookies, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => attributes,
  });

  return {
    cookieName: lucia.sessionCookieName,
    async create(userId, tenantId, { signedInWith, deviceLabel = null }) {
      const session = await lucia.createSession(userId, {
        activeTenantId: tenantId,
        deviceLabel,
        lastSeenAt: new Date(),
        signedInWith,
      });
      return { token: session.id, cookie: lucia.createSessionCookie(session.id).serialize() };
    },
    async validate(token) {
      const { session } = await lucia.validateSession(token);
      if (!session) return null;
      const now = Date.now();
      if (!session.lastSeenAt || now - session.lastSeenAt.getTime() > LAST_SEEN_PRECISION_MS) {
        await orm.em.fork().nativeUpdate(Session, { id: hashToken(token) }, { lastSeenAt: new Date(now) });
      }
      return {
        token,
        userId: session.userId,
        activeTenantId: session.activeTenantId,
        signedInWith: session.signedInWith,
        refreshedCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
      };
    },
    async listForUser(userId, currentToken) {
      const currentId = hashToken(currentToken);
      const rows = await orm.em.fork().find(Session, { user: userId, expiresAt: { $gt: new Date() } });
      return rows
        .map((row) => ({
          id: row.id,
          device: row.deviceLabel ?? null,
          createdAt: row.createdAt.toISOString(),
          lastSeenAt: (row.lastSeenAt ?? row.createdAt).toISOString(),
          current: row.id === currentId,
        }))
        .sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
    },
    invalidate: (token) => lucia.invalidateSession(token),
    async invalidateById(userId, id) {
      return (await orm.em.fork().nativeDelete(Session, { id, user: userId })) === 1;
    },
    invalidateOthers: (userId, keepToken) =>
      orm.em.fork().nativeDelete(Session, { user: userId, id: { $ne: hashToken(keepToken) } }),
    async invalidateForUser(userId, tenantId) {
      if (!tenantId) return lucia.invalidateUserSessions(userId);
      await orm.em.fork().nativeDelete(Session, { user: userId, activeTenant: tenantId });
    },
    async setActiveTenant(token, tenantId) {
      await orm.em.fork().nativeUpdate(Session, { id: hashToken(token) }, { activeTenant: tenantId });
    },
    blankCookie: () => lucia.createBlankSessionCookie().serialize(),
    // Not lucia's reader: it throws on any cookie of the header that is not valid
    // percent-encoding, so one foreign cookie would break every request. Hono's
    // parser (also behind the portal's cookie) leaves undecodable values as they are.
    readCookie: (header) =>
      header ? (parseCookies(header, lucia.sessionCookieName)[lucia.sessionCookieName] ?? null) : null,
  };
}
