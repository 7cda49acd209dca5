import { createHash } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { AuditInput, AuditLog } from '../audit/audit.service';
import type { Clock } from '../clock';
import { claimOnce } from '../db/claim';
import { DomainError } from '../http/domain-error';
import type { AuthUser, Identity, SignInStage } from './auth-types';
import { isStaff } from './auth-types';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { RateLimiter } from './rate-limit';
import { userOfAccount, type NewSession, type SessionService } from './session.service';
import { userModel } from './user.model';
import { foldUsername, userIdOf } from './username.model';

const FIFTEEN_MINUTES = 15 * 60_000;
/** 10 wrong passwords per account in 15 min; the 11th attempt is refused. */
export const accountLimit = { limit: 10, windowMs: FIFTEEN_MINUTES };
/** Per address, generous enough for a shared office or family router. */
export const addressLimit = { limit: 50, windowMs: FIFTEEN_MINUTES };
/** 5 wrong current passwords per account in 15 min, so a stolen session cannot guess the password. */
export const passwordChangeLimit = { limit: 5, windowMs: FIFTEEN_MINUTES };

const INVALID = 'The username or password is not correct.';

/** Who an unknown name's discarded session is for (see `sessionInAdvance`). */
const NOBODY: AuthUser = {
  id: '',
  username: '',
  role: 'applicant',
  displayName: '',
  fullName: '',
  lang: 'en',
  personId: null,
  mustChangePassword: false,
  totpEnabled: false,
};

export interface AuthServiceOptions {
  /** Demo mode: staff may skip TOTP (shown by a banner). Never in production. */
  demo: boolean;
}

/** The parts of a sign-in timed into `landing_sign_in_seconds`: see `AuthService.login`. */
export type SignInPhase = 'limit_and_account' | 'password' | 'session';

/** Sign-in, password change and the stages a new session must pass. */
export class AuthService {
  private dummyHash: Promise<string> | undefined;
  private timePhase: (phase: SignInPhase, seconds: number) => void = () => {};

  constructor(
    private readonly db: Connection,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly options: AuthServiceOptions,
  ) {}

  /** What this identity must still do before using the portal. */
  stage({ user, session }: Identity): SignInStage {
    if (user.mustChangePassword) return 'change_password';
    if (!isStaff(user.role) || session.mfaVerified) return 'ready';
    return user.totpEnabled ? 'totp_verify' : 'totp_enroll';
  }

  /**
   * Checks a username and password. Unknown usernames, wrong passwords and disabled accounts get
   * the same error after the same work (a dummy hash is verified, and the same database commands
   * are made), so nothing reveals which.
   */
  async login(usernameInput: string, password: string, ip: string | null): Promise<NewSession> {
    const lap = this.stopwatch();
    const username = foldUsername(usernameInput);
    const accountKey = `login:account:${username}`;
    // Recorded before the password is checked, so a burst cannot have more guesses checked than the
    // limit: both slots in one insert, while the account is looked up (two reads by `_id`).
    const counted = this.audited(
      this.limiter.attemptAll([
        { key: `login:ip:${ip ?? 'unknown'}`, rule: addressLimit },
        { key: accountKey, rule: accountLimit },
      ]),
      { action: 'auth.login_rate_limited', ip, target: username },
    );
    const [[address], user] = await Promise.all([counted, this.accountNamed(username)]);
    lap('limit_and_account');
    const session = this.sessionInAdvance(username, user, ip);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummy()), password);
    lap('password');
    if (!user || !valid || user.disabled || !(await this.temporaryPasswordUnused(user))) {
      session.discard();
      await this.audit.record({ action: 'auth.login_failed', ip, target: username, details: { known: Boolean(user) } });
      throw new DomainError('invalid_credentials', INVALID);
    }
    address!.release();
    this.limiter.reset(accountKey, accountLimit);
    try {
      const [opened] = await Promise.all([
        session.opened,
        this.audit.record({ action: 'auth.login', ip, actor: { id: user._id, role: user.role, name: user.username } }),
      ]);
      lap('session');
      return opened;
    } catch (err) {
      session.discard(); // the audit entry could not be written: this sign-in did not happen
      throw err;
    }
  }

  /**
   * Replaces the password after checking the current one and the policy, ends every session of
   * the account (other devices too) and returns a fresh session for this device.
   */
  async changePassword(identity: Identity, current: string, next: string, ip: string | null) {
    const { user } = identity;
    const limitKey = `password-change:account:${user.id}`;
    await this.audited(this.limiter.attempt(limitKey, passwordChangeLimit), {
      action: 'auth.password_change_rate_limited',
      ip,
      actor: { id: user.id, role: user.role, name: user.username },
    });
    const record = await userModel(this.db).findById(user.id).lean();
    if (!record || !(await verifyPassword(record.passwordHash, current))) {
      throw new DomainError('validation_failed', 'The current password is not correct.', { currentPassword: 'incorrect' });
    }
    this.limiter.reset(limitKey, passwordChangeLimit);
    if (current === next)
      throw new DomainError('validation_failed', 'Choose a password you have not used here.', { newPassword: 'same_as_current' });
    const problem = passwordProblem(next, { username: user.username });
    if (problem) throw new DomainError('validation_failed', 'This password cannot be used.', { newPassword: problem });
    await userModel(this.db).updateOne(
      { _id: user.id },
      { $set: { passwordHash: await hashPassword(next), mustChangePassword: false, passwordChangedAt: this.clock.now() } },
    );
    await this.sessions.invalidateUser(user.id);
    const session = await this.sessions.create({ ...user, mustChangePassword: false }, { mfaVerified: identity.session.mfaVerified, ip });
    await this.audit.record({ action: 'auth.password_changed', ip, actor: { id: user.id, role: user.role, name: user.username } });
    return session;
  }

  async logout(identity: Identity, ip: string | null): Promise<void> {
    await this.sessions.invalidate(identity.session.id);
    await this.audit.record({
      action: 'auth.logout',
      ip,
      actor: { id: identity.user.id, role: identity.user.role, name: identity.user.username },
    });
  }

  /**
   * A temporary password opens exactly one session: the first sign-in with it claims it (atomically,
   * by a unique `_id`), and every later one is refused until the account sets its own password.
   */
  private temporaryPasswordUnused(user: { _id: string; mustChangePassword: boolean; passwordHash: string }): Promise<boolean> {
    if (!user.mustChangePassword) return Promise.resolve(true);
    const issued = createHash('sha256').update(user.passwordHash).digest('base64url').slice(0, 22);
    return claimOnce(this.db, `temporary-password:${user._id}:${issued}`, this.clock.now());
  }

  /**
   * Writes the sign-in's session while Argon2id runs, so that a right password waits for the hash
   * and not for the session insert after it. Safe because the raw session id never leaves this
   * process unless the password is right: a session written for a wrong one can never be presented,
   * and `discard` deletes it (if that fails, it expires unread). An unknown name gets one for an
   * account id no account can have (`unknown:<name>`), so known and unknown names make the same
   * database commands.
   */
  private sessionInAdvance(username: string, user: Awaited<ReturnType<AuthService['accountNamed']>>, ip: string | null) {
    const account = user ? userOfAccount(user) : { ...NOBODY, id: `unknown:${username}`, username };
    const opened = this.sessions.create(account, { mfaVerified: false, ip, generation: user?.sessionGeneration ?? 0 });
    opened.catch(() => {}); // awaited only for a right password; a failure meanwhile is not unhandled
    return {
      opened,
      discard: () => void opened.then((session) => this.sessions.invalidate(session.id)).catch(() => {}),
    };
  }

  /** Audits a refusal by the rate limiter before passing it on. */
  private async audited<T>(attempts: Promise<T>, entry: AuditInput): Promise<T> {
    try {
      return await attempts;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'rate_limited') await this.audit.record(entry);
      throw err;
    }
  }

  /** Reports how long each phase of a sign-in took (the portal's metrics). */
  observe(timePhase: (phase: SignInPhase, seconds: number) => void) {
    this.timePhase = timePhase;
  }

  /** Times consecutive phases: each call reports the time since the previous one. */
  private stopwatch() {
    let mark = performance.now();
    return (phase: SignInPhase) => {
      const now = performance.now();
      this.timePhase(phase, (now - mark) / 1000);
      mark = now;
    };
  }

  get demo(): boolean {
    return this.options.demo;
  }

  /**
   * The account a folded username names, in two reads by `_id` (username document, then account)
   * whether or not the name exists: an unknown name reads an account id that cannot exist, so it
   * makes the same round trips as a known one (and then verifies the dummy hash).
   */
  private async accountNamed(username: string) {
    const userId = (await userIdOf(this.db, username)) ?? `unknown:${username}`;
    const user = await userModel(this.db).findById(userId).lean();
    return user && foldUsername(user.username) === username ? user : null;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword('not-a-real-password-just-for-timing');
    return this.dummyHash;
  }
}
