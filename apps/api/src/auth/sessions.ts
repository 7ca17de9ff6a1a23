import { type Orm, Session } from '@candor/db';
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
  /** Set when the session was extended and the cookie must be sent again. */
  refreshedCookie: string | null;
}

export interface Sessions {
  cookieName: string;
  create(userId: string, tenantId: string): Promise<{ token: string; cookie: string }>;
  validate(token: string): Promise<ValidSession | null>;
  invalidate(token: string): Promise<void>;
  invalidateForUser(userId: string, tenantId?: string): Promise<void>;
  setActiveTenant(token: string, tenantId: string): Promise<void>;
  blankCookie(): string;
  readCookie(cookieHeader: string | undefined): string | null;
}

declare module 'lucia' {
  interface Register {
    Lucia: Lucia<{ activeTenantId: string }>;
    DatabaseSessionAttributes: { activeTenantId: string };
  }
}

export function createSessions(orm: Orm, options: { secureCookies: boolean }): Sessions {
  const lucia = new Lucia(new MikroOrmSessionAdapter(orm), {
    sessionExpiresIn: new TimeSpan(12, 'h'),
    sessionCookie: {
      name: 'candor_session',
      expires: false,
      attributes: { secure: options.secureCookies, sameSite: 'lax', path: '/' },
    },
    getSessionAttributes: (attributes) => ({ activeTenantId: attributes.activeTenantId }),
  });

  return {
    cookieName: lucia.sessionCookieName,
    async create(userId, tenantId) {
      const session = await lucia.createSession(userId, { activeTenantId: tenantId });
      return { token: session.id, cookie: lucia.createSessionCookie(session.id).serialize() };
    },
    async validate(token) {
      const { session } = await lucia.validateSession(token);
      if (!session) return null;
      return {
        token,
        userId: session.userId,
        activeTenantId: session.activeTenantId,
        refreshedCookie: session.fresh ? lucia.createSessionCookie(session.id).serialize() : null,
      };
    },
    invalidate: (token) => lucia.invalidateSession(token),
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
    readCookie: (header) => (header ? (parseCookies(header, lucia.sessionCookieName)[lucia.sessionCookieName] ?? null) : null),
  };
}
