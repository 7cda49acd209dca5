import type { Connection } from 'mongoose';
import type { Clock } from '../clock';
import { isDatabaseUnavailable } from '../db/unavailable';
import type { AuthSession, AuthUser, Identity } from './auth-types';
import type { RegisteredDatabaseUserAttributes } from 'lucia';
import { accountAttributes, type PortalLucia } from './lucia';
import { hashSessionId } from './session-id';
import { sessionModel } from './session.model';
import type { Role } from './user.model';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Idle and absolute lifetimes: staff 30 min / 12 h, applicants 2 h / 7 days. */
export const sessionLimits: Record<Role, { idleMs: number; absoluteMs: number }> = {
  applicant: { idleMs: 2 * HOUR, absoluteMs: 7 * 24 * HOUR },
  officer: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  agent: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
  admin: { idleMs: 30 * MINUTE, absoluteMs: 12 * HOUR },
};

/**
 * Activity is written at most once per twelfth of the idle limit (applicants every 10 minutes,
 * staff every 2.5): a page load or socket event is a read, and the writes that keep an active session
 * alive stay off the embedded database's one writer. The price: a session may time out up to that
 * much before its idle limit (never after).
 */
export const touchEveryMs = (role: Role) => sessionLimits[role].idleMs / 12;

/** A session just created: its raw id, its `Set-Cookie` value and the identity it opens. */
export interface NewSession {
  id: string;
  cookie: string;
  identity: Identity;
}

/** The signed-in person as routes see them, from an account's attributes (`accountAttributes`). */
export function authUserOf(id: string, account: ReturnType<typeof accountAttributes>): AuthUser {
  const { disabled: _disabled, ...user } = account;
  return { id, ...user };
}

/** The signed-in person an account document makes (as read at sign-in). */
export const userOfAccount = (account: { _id: string } & RegisteredDatabaseUserAttributes): AuthUser =>
  authUserOf(account._id, accountAttributes(account));

export class SessionService {
  constructor(
    private readonly lucia: PortalLucia,
    private readonly db: Connection,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts a new session for `user` (a new random id, so a planted id can never be adopted) and
   * returns the identity it opens, without reading it back. Its cookie lives as long as the role's
   * session can (7 days, 12 hours), not the browser default of 400 days.
   */
  async create(user: AuthUser, options: { mfaVerified: boolean; ip: string | null; generation?: number }): Promise<NewSession> {
    const now = this.clock.now();
    const session = await this.lucia.createSession(user.id, {
      createdAt: now,
      lastSeenAt: now,
      mfaVerified: options.mfaVerified,
      ip: options.ip,
      generation: options.generation,
    });
    const cookie = this.lucia.createSessionCookie(session.id);
    cookie.attributes.maxAge = Math.floor(sessionLimits[user.role].absoluteMs / 1000);
    return {
      id: session.id,
      cookie: cookie.serialize(),
      identity: {
        user,
        session: { id: session.id, hash: hashSessionId(session.id), mfaVerified: options.mfaVerified, createdAt: now, lastSeenAt: now },
      },
    };
  }

  /**
   * Resolves a cookie's session id to the signed-in identity, or null when it is unknown,
   * idle too long, past its absolute lifetime, or its account is disabled. Expired sessions are deleted.
   * A validation is activity (it keeps the session alive) unless `activity` is false: a check from
   * the server itself, such as the socket sweep, must not extend a session nobody uses.
   */
  async validate(sessionId: string | undefined | null, options: { activity: boolean } = { activity: true }): Promise<Identity | null> {
    if (!sessionId || !/^[a-z0-9]{20,64}$/.test(sessionId)) return null;
    const { session, user } = await this.lucia.validateSession(sessionId);
    if (!session || !user) return null;
    const now = this.clock.now().getTime();
    const limits = sessionLimits[user.role];
    const idle = now - session.lastSeenAt.getTime() > limits.idleMs;
    const tooOld = now - session.createdAt.getTime() > limits.absoluteMs;
    if (idle || tooOld || user.disabled) {
      await this.lucia.invalidateSession(sessionId);
      return null;
    }
    let lastSeenAt = session.lastSeenAt;
    if (options.activity && now - session.lastSeenAt.getTime() > touchEveryMs(user.role)) {
      lastSeenAt = new Date(now);
      // Bookkeeping for the idle limit: if the database is too busy to take it now, the next
      // request touches the session again; the person in front of the screen is not refused.
      await sessionModel(this.db)
        .updateOne({ _id: hashSessionId(sessionId) }, { $set: { lastSeenAt: new Date(now) } })
        .catch((err: unknown) => {
          if (!isDatabaseUnavailable(err)) throw err;
        });
    }
    const authSession: AuthSession = {
      id: sessionId,
      hash: hashSessionId(sessionId),
      mfaVerified: session.mfaVerified,
      createdAt: session.createdAt,
      lastSeenAt,
    };
    return { user: authUserOf(user.id, user), session: authSession };
  }

  invalidate(sessionId: string): Promise<void> {
    return this.lucia.invalidateSession(sessionId);
  }

  invalidateUser(userId: string): Promise<void> {
    return this.lucia.invalidateUserSessions(userId);
  }

  blankCookie(): string {
    return this.lucia.createBlankSessionCookie().serialize();
  }

  get cookieName(): string {
    return this.lucia.sessionCookieName;
  }
}
