import { type InferEntity, type Orm, Session, User } from '@candor/db';
import { ZSignInMethod } from '@candor/schemas';
import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import { hashToken } from './token-hash.js';

function attributesOf(
  row: Pick<InferEntity<typeof Session>, 'activeTenant' | 'deviceLabel' | 'lastSeenAt' | 'signedInWith'>,
): DatabaseSession['attributes'] {
  return {
    activeTenantId: row.activeTenant.id,
    deviceLabel: row.deviceLabel ?? null,
    lastSeenAt: row.lastSeenAt ?? null,
    signedInWith: ZSignInMethod.catch('password').parse(row.signedInWith),
  };
}

/**
 * lucia's seven adapter methods over MikroORM. Session ids are hashed on the
 * way in, so the table holds no usable cookie values.
 */
export class MikroOrmSessionAdapter implements Adapter {
  constructor(private readonly orm: Orm) {}

  private em() {
    return this.orm.em.fork();
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.em().findOne(Session, { id: hashToken(sessionId) });
    if (!row) return [null, null];
    return [
      {
        id: sessionId,
        userId: row.user.id,
        expiresAt: row.expiresAt,
        attributes: attributesOf(row),
      },
      { id: row.user.id, attributes: {} },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const rows = await this.em().find(Session, { user: userId });
    return rows.map((row) => ({
      id: row.id,
      userId,
      expiresAt: row.expiresAt,
      attributes: attributesOf(row),
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const em = this.em();
    em.create(Session, {
      id: hashToken(session.id),
      user: em.getReference(User, session.userId),
      activeTenant: session.attributes.activeTenantId,
      deviceLabel: session.attributes.deviceLabel,
      lastSeenAt: session.attributes.lastSeenAt,
      signedInWith: session.attributes.signedInWith,
      expiresAt: session.expiresAt,
    });
    await em.flush();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.em().nativeUpdate(Session, { id: hashToken(sessionId) }, { expiresAt });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.em().nativeDelete(Session, { id: hashToken(sessionId) });
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.em().nativeDelete(Session, { user: userId });
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.em().nativeDelete(Session, { expiresAt: { $lte: new Date() } });
  }
}
