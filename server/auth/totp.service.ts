import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/audit.service';
import type { Clock } from '../clock';
import { claimOnce } from '../db/claim';
import { DomainError } from '../http/domain-error';
import type { Identity } from './auth-types';
import type { RateLimiter } from './rate-limit';
import type { SessionService } from './session.service';
import { newTotpSecret, totpEnrolment, verifyTotp } from './totp';
import { userModel } from './user.model';

/** 5 wrong codes per account in 15 min (a 6-digit code cannot be walked through at that pace)... */
export const totpAccountLimit = { limit: 5, windowMs: 15 * 60_000 };
/** ...and 20 per address, so one address cannot spread its guesses over many accounts. */
export const totpAddressLimit = { limit: 20, windowMs: 15 * 60_000 };

/** The staff second factor: enrolment with a QR code, then a code at every sign-in. */
export class TotpService {
  constructor(
    private readonly db: Connection,
    private readonly sessions: SessionService,
    private readonly limiter: RateLimiter,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly demo: boolean,
  ) {}

  /** A new secret, kept pending until the first valid code confirms the authenticator has it. */
  async startEnrolment({ user }: Identity) {
    if (user.totpEnabled) throw new DomainError('conflict', 'Two-step verification is already set up.');
    const secret = newTotpSecret();
    await userModel(this.db).updateOne({ _id: user.id }, { $set: { totpPendingSecret: secret } });
    return totpEnrolment(secret, user.username);
  }

  /** Checks a code (enrolling a pending secret on success) and returns a fresh, verified session. */
  async verify(identity: Identity, code: string, ip: string | null) {
    const { user } = identity;
    const accountKey = `totp:account:${user.id}`;
    // Recorded before the code is checked: a burst of guesses gets no more checks than the limit.
    const [address] = await this.limiter.attemptAll([
      { key: `totp:ip:${ip ?? 'unknown'}`, rule: totpAddressLimit },
      { key: accountKey, rule: totpAccountLimit },
    ]);
    const record = await userModel(this.db).findById(user.id).lean();
    const secret = record?.totpSecret ?? record?.totpPendingSecret;
    if (!record || !secret) throw new DomainError('bad_request', 'Set up two-step verification first.');
    const step = verifyTotp(secret, code.trim(), this.clock.now(), record.totpLastStep ?? 0);
    const actor = { id: user.id, role: user.role, name: user.username };
    if (step === null) {
      await this.audit.record({ action: 'auth.totp_failed', ip, actor });
      throw new DomainError('invalid_credentials', 'That code is not correct. Check the time on your device and try the newest code.');
    }
    // A code is good once: the claim insert is atomic, so two concurrent uses cannot both succeed.
    if (!(await claimOnce(this.db, `totp:${user.id}:${step}`, this.clock.now()))) {
      throw new DomainError('invalid_credentials', 'That code was already used.');
    }
    await userModel(this.db).updateOne({ _id: user.id }, { $set: { totpSecret: secret, totpPendingSecret: null, totpLastStep: step } });
    address!.release();
    this.limiter.reset(accountKey, totpAccountLimit);
    await this.audit.record({ action: record.totpSecret ? 'auth.totp_verified' : 'auth.totp_enrolled', ip, actor });
    return this.elevate({ ...identity, user: { ...user, totpEnabled: true } }, ip);
  }

  /** Demo mode only: continue without a second factor. */
  async skip(identity: Identity, ip: string | null) {
    if (!this.demo) throw new DomainError('forbidden', 'Two-step verification is required.');
    await this.audit.record({
      action: 'auth.totp_skipped_demo',
      ip,
      actor: { id: identity.user.id, role: identity.user.role, name: identity.user.username },
    });
    return this.elevate(identity, ip);
  }

  /** Privilege changes get a new session id. */
  private async elevate(identity: Identity, ip: string | null) {
    await this.sessions.invalidate(identity.session.id);
    return this.sessions.create(identity.user, { mfaVerified: true, ip });
  }
}
