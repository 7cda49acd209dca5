import type { Adapter, DatabaseSession, DatabaseUser } from 'lucia';
import type { Connection } from 'mongoose';
import { InsertBatcher, UNORDERED } from '../db/insert-batcher';
import { hashSessionId } from './session-id';
import { sessionModel } from './session.model';
import { userModel } from './user.model';

/**
 * Lucia v3 adapter on Mongoose with plain queries (no `$lookup`, no transactions), storing only
 * the SHA-256 of each session id.
 */
export class MongooseSessionAdapter implements Adapter {
  /** New sessions, inserted together with those of other sign-ins in flight. */
  private readonly inserts: InsertBatcher<Record<string, unknown>>;

  constructor(
    private readonly db: Connection,
    private readonly now: () => Date,
  ) {
    this.inserts = new InsertBatcher((docs) => sessionModel(db).insertMany(docs, UNORDERED));
  }

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const session = await sessionModel(this.db).findById(hashSessionId(sessionId)).lean();
    if (!session) return [null, null];
    const user = await userModel(this.db).findById(session.userId).lean();
    if (!user) return [null, null];
    if ((session.generation ?? 0) !== (user.sessionGeneration ?? 0)) {
      await this.deleteSession(sessionId);
      return [null, null];
    }
    const { _id: userId, ...userAttributes } = user;
    return [
      {
        id: sessionId,
        userId: session.userId,
        expiresAt: session.expiresAt,
        attributes: {
          createdAt: session.createdAt,
          lastSeenAt: session.lastSeenAt,
          mfaVerified: session.mfaVerified,
          ip: session.ip ?? null,
        },
      },
      { id: userId, attributes: userAttributes },
    ];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    const sessions = await sessionModel(this.db).find({ userId }).lean();
    // The raw ids are not recoverable from their hashes; callers only use these to count or expire.
    return sessions.map((s) => ({
      id: s._id,
      userId: s.userId,
      expiresAt: s.expiresAt,
      attributes: { createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, mfaVerified: s.mfaVerified, ip: s.ip ?? null },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const now = this.now();
    const generation =
      session.attributes.generation ??
      (await userModel(this.db).findById(session.userId, { sessionGeneration: 1 }).lean())?.sessionGeneration ??
      0;
    const [taken] = await this.inserts.insert([
      {
        generation,
        _id: hashSessionId(session.id),
        userId: session.userId,
        expiresAt: session.expiresAt,
        createdAt: session.attributes.createdAt ?? now,
        lastSeenAt: session.attributes.lastSeenAt ?? now,
        mfaVerified: session.attributes.mfaVerified ?? false,
        ip: session.attributes.ip ?? null,
      },
    ]);
    if (taken !== undefined) throw new Error('session id collision');
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await sessionModel(this.db).updateOne({ _id: hashSessionId(sessionId) }, { $set: { expiresAt } });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await sessionModel(this.db).deleteOne({ _id: hashSessionId(sessionId) });
  }

  /**
   * Ends every session of the account by moving it to a new generation: one update by `_id`. (A
   * `deleteMany({ userId })` reads every session on FerretDB 1.x.) Sessions of older generations are
   * refused, and deleted, when next presented. Two concurrent calls both end every older session
   * even if FerretDB, whose updates are not atomic, counts only one.
   */
  async deleteUserSessions(userId: string): Promise<void> {
    await userModel(this.db).updateOne({ _id: userId }, { $inc: { sessionGeneration: 1 } });
  }

  async deleteExpiredSessions(): Promise<void> {
    await sessionModel(this.db).deleteMany({ expiresAt: { $lte: this.now() } });
  }
}
