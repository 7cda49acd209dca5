import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/audit.service';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import type { Identity, SignInStage } from './auth-types';
import { isStaff } from './auth-types';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { RateLimiter } from './rate-limit';
import type { SessionService } from './session.service';
import { userModel } from './user.model';
import { foldUsername, userIdOf } from './username.model';

const FIFTEEN_MINUTES = 15 * 60_000;
/** 10 wrong passwords per account in 15 min; the 11th attempt is refused. */
export const accountLimit = { limit: 10, windowMs: FIFTEEN_MINUTES };
/** Per address, generous enough for a shared office or family router. */
export const addressLimit = { limit: 50, windowMs: FIFTEEN_MINUTES };

const INVALID = 'The username or password is not correct.';

export interface AuthServiceOptions {
  /** Demo mode: staff may skip TOTP (shown by a banner). Never in production. */
  demo: boolean;
}

/** Sign-in, password change and the stages a new session must pass. */
export class AuthService {
  private dummyHash: Promise<string> | undefined;

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
   * the same error after the same work (a dummy hash is verified), so nothing reveals which.
   */
  async login(usernameInput: string, password: string, ip: string | null): Promise<{ id: string; cookie: string }> {
    const username = foldUsername(usernameInput);
    const accountKey = `login:account:${username}`;
    const addressKey = `login:ip:${ip ?? 'unknown'}`;
    const wait = Math.max(await this.limiter.retryAfter(accountKey, accountLimit), await this.limiter.retryAfter(addressKey, addressLimit));
    if (wait > 0) {
      await this.audit.record({ action: 'auth.login_rate_limited', ip, target: username });
      throw new DomainError('rate_limited', 'Too many attempts. Please wait before trying again.', { retryAfterSeconds: String(wait) });
    }
    const user = await this.accountNamed(username);
    const valid = await verifyPassword(user?.passwordHash ?? (await this.dummy()), password);
    if (!user || !valid || user.disabled) {
      await Promise.all([this.limiter.hit(accountKey, accountLimit), this.limiter.hit(addressKey, addressLimit)]);
      await this.audit.record({ action: 'auth.login_failed', ip, target: username, details: { known: Boolean(user) } });
      throw new DomainError('invalid_credentials', INVALID);
    }
    await this.limiter.reset(accountKey);
    const session = await this.sessions.create(user._id, { mfaVerified: false, ip, generation: user.sessionGeneration ?? 0 });
    await this.audit.record({ action: 'auth.login', ip, actor: { id: user._id, role: user.role, name: user.username } });
    return session;
  }

  /**
   * Replaces the password after checking the current one and the policy, ends every session of
   * the account (other devices too) and returns a fresh session for this device.
   */
  async changePassword(identity: Identity, current: string, next: string, ip: string | null) {
    const { user } = identity;
    const record = await userModel(this.db).findById(user.id).lean();
    if (!record || !(await verifyPassword(record.passwordHash, current))) {
      throw new DomainError('validation_failed', 'The current password is not correct.', { currentPassword: 'incorrect' });
    }
    if (current === next) throw new DomainError('validation_failed', 'Choose a password you have not used here.', { newPassword: 'same_as_current' });
    const problem = passwordProblem(next, { username: user.username });
    if (problem) throw new DomainError('validation_failed', 'This password cannot be used.', { newPassword: problem });
    await userModel(this.db).updateOne(
      { _id: user.id },
      { $set: { passwordHash: await hashPassword(next), mustChangePassword: false, passwordChangedAt: this.clock.now() } },
    );
    await this.sessions.invalidateUser(user.id);
    const session = await this.sessions.create(user.id, { mfaVerified: identity.session.mfaVerified, ip });
    await this.audit.record({ action: 'auth.password_changed', ip, actor: { id: user.id, role: user.role, name: user.username } });
    return session;
  }

  async logout(identity: Identity, ip: string | null): Promise<void> {
    await this.sessions.invalidate(identity.session.id);
    await this.audit.record({ action: 'auth.logout', ip, actor: { id: identity.user.id, role: identity.user.role, name: identity.user.username } });
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
