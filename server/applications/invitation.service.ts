import { greetingNameOf } from '../../src/lib/shared/person-name';
import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import { claimOnce, releaseClaim } from '../db/claim';
import { derivedUuid } from '../db/derived-id';
import { insertNew } from '../db/insert-new';
import type { Outbox } from '../email/outbox';
import type { CaseService } from '../cases/case.service';
import { credentialsEmail } from '../email/templates/credentials.email';
import { invitationEmail } from '../email/templates/invitation.email';
import { DomainError } from '../http/domain-error';
import { createApplicantAccount } from './applicant-account';
import { personModel, type PersonDoc } from './application.model';
import { invitationModel } from './invitation.model';
import { hashInvitationToken, newInvitationToken } from './invitation-token';

const THIRTY_DAYS = 30 * 24 * 60 * 60_000;

/** When an invitation sent at `now` stops working. */
export const invitationExpiry = (now: Date) => new Date(now.getTime() + THIRTY_DAYS);

export type InvitationLookup =
  { status: 'open'; givenName: string; lang: 'en' | 'fr'; expiresAt: Date } | { status: 'used' | 'expired' | 'revoked' | 'unknown' };

const staffActor = (by: AuthUser | null) => by && { id: by.id, role: by.role, name: by.username };

/** The invitation email of `person`, with the links of `token`. */
function invitationMessage(
  person: Pick<PersonDoc, 'givenName' | 'familyName' | 'lang' | 'email' | 'applicationNumber'>,
  token: string,
  expiresAt: Date,
  baseUrl: string,
) {
  const link = `${baseUrl}/invitations/${token}`;
  const email = invitationEmail({
    person: { givenName: person.givenName, familyName: person.familyName },
    lang: person.lang as 'en' | 'fr',
    acceptUrl: `${link}?answer=accept`,
    declineUrl: `${link}?answer=decline`,
    expiresAt,
    applicationNumber: person.applicationNumber,
  });
  return { to: person.email, ...email };
}

/** Invitation emails, their single-use tokens, and what accepting or declining does. */
export class InvitationService {
  constructor(
    private readonly db: Connection,
    private readonly outbox: Outbox,
    private readonly cases: CaseService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Re-sends a person's invitation (or sends one registered before imports): any earlier open token stops working. */
  async send(personId: string, baseUrl: string, by: AuthUser | null, ip: string | null) {
    const person = await personModel(this.db).findById(personId).lean();
    if (!person) throw new DomainError('not_found', 'No such person.');
    if (person.userId || person.invitationState === 'accepted')
      throw new DomainError('conflict', 'This person already accepted; they have an account.');
    const now = this.clock.now();
    const expiresAt = invitationExpiry(now);
    const { token, hash } = newInvitationToken();
    if (person.invitationState !== 'pending')
      await invitationModel(this.db).updateMany({ personId, state: 'sent' }, { $set: { state: 'superseded' } });
    await invitationModel(this.db).create({ _id: randomUUID(), personId, tokenHash: hash, state: 'sent', createdAt: now, expiresAt });
    await this.outbox.enqueue(invitationMessage(person, token, expiresAt, baseUrl), { kind: 'invitation', personId });
    await personModel(this.db).updateOne(
      { _id: personId },
      { $set: { invitationState: 'sent', invitationSentAt: now, invitationExpiresAt: expiresAt, respondedAt: null } },
    );
    await this.audit.record({
      action: person.invitationState === 'pending' ? 'invitation.sent' : 'invitation.resent',
      actor: staffActor(by),
      ip,
      target: personId,
    });
  }

  /**
   * The first invitation of people just registered (already `sent`, with their expiry), in a few
   * writes for any number of them: each invitation, its email and its audit entry have an `_id`
   * derived from the person, so registering again after an interruption adds nothing twice. The
   * token lives only in the email: when an earlier run stored the invitation but this run's email is
   * the one queued, the invitation takes this run's token, so the link that goes out always works.
   */
  async sendFirst(people: PersonDoc[], baseUrl: string, by: AuthUser | null, ip: string | null) {
    const now = this.clock.now();
    const seen = new Map<string, number>();
    const issued = people.map((person) => {
      // Where the person stands on their application: ids sort in the order the officer listed people.
      const rank = (seen.get(person.applicationId) ?? 0) + 1;
      seen.set(person.applicationId, rank);
      return { person, rank, at: person.invitationSentAt!, id: derivedUuid(`invitation:${person._id}:first`), ...newInvitationToken() };
    });
    const invited = await insertNew(
      invitationModel(this.db),
      issued.map(({ person, id, hash }) => ({
        _id: id,
        personId: person._id,
        tokenHash: hash,
        state: 'sent',
        createdAt: now,
        expiresAt: person.invitationExpiresAt,
      })),
    );
    const queued = await this.outbox.enqueueMany(
      issued.map(({ person, rank, at, id, token }) => ({
        key: id,
        at,
        rank,
        email: invitationMessage(person, token, person.invitationExpiresAt!, baseUrl),
        options: { kind: 'invitation' as const, personId: person._id },
      })),
    );
    await Promise.all(
      issued
        .filter((_, i) => invited.has(i) && !queued.has(i))
        .map(({ id, hash }) => invitationModel(this.db).updateOne({ _id: id }, { $set: { tokenHash: hash } })),
    );
    await this.audit.recordMany(
      issued.map(({ person, rank, at, id }) => ({
        key: id,
        at,
        rank,
        action: 'invitation.sent',
        actor: staffActor(by),
        ip,
        target: person._id,
      })),
    );
  }

  /** Revokes a person's open invitation: its links stop working. */
  async revoke(personId: string, by: AuthUser, ip: string | null) {
    const result = await invitationModel(this.db).updateMany({ personId, state: 'sent' }, { $set: { state: 'revoked' } });
    if (result.modifiedCount === 0) throw new DomainError('conflict', 'There is no open invitation to revoke.');
    await personModel(this.db).updateOne({ _id: personId }, { $set: { invitationState: 'revoked' } });
    await this.audit.record({ action: 'invitation.revoked', actor: staffActor(by), ip, target: personId });
  }

  /** What the invitation page shows for a token, without using it. */
  async lookup(token: string): Promise<InvitationLookup> {
    const invitation = await invitationModel(this.db)
      .findOne({ tokenHash: hashInvitationToken(token) })
      .lean();
    if (!invitation) return { status: 'unknown' };
    if (invitation.state === 'revoked' || invitation.state === 'superseded') return { status: 'revoked' };
    if (invitation.state !== 'sent') return { status: 'used' };
    if (invitation.expiresAt <= this.clock.now()) return { status: 'expired' };
    const person = await personModel(this.db).findById(invitation.personId).lean();
    if (!person) return { status: 'unknown' };
    return { status: 'open', givenName: greetingNameOf(person), lang: person.lang as 'en' | 'fr', expiresAt: invitation.expiresAt };
  }

  /**
   * Accepts: claims the token (single use), creates this person's own applicant account and emails
   * their username and temporary password. If the account cannot be created the claim is undone,
   * so the link still works.
   */
  async accept(token: string, baseUrl: string, ip: string | null) {
    const { invitation, person } = await this.claim(token, 'accepted');
    try {
      const account = await createApplicantAccount(this.db, person, this.clock.now());
      const email = credentialsEmail({
        person: { givenName: person.givenName, familyName: person.familyName },
        lang: person.lang as 'en' | 'fr',
        username: account.username,
        temporaryPassword: account.password,
        signInUrl: `${baseUrl}/signin`,
      });
      await this.outbox.enqueue({ to: person.email, ...email }, { kind: 'credentials', personId: person._id });
      await personModel(this.db).updateOne(
        { _id: person._id },
        { $set: { invitationState: 'accepted', respondedAt: this.clock.now(), userId: account.userId } },
      );
      await this.cases.invitationAnswered(person._id, 'accepted', account.userId);
      await this.audit.record({ action: 'invitation.accepted', ip, target: person._id, details: { userId: account.userId } });
      return { givenName: greetingNameOf(person), lang: person.lang };
    } catch (err) {
      await invitationModel(this.db).updateOne({ _id: invitation._id }, { $set: { state: 'sent', respondedAt: null } });
      await releaseClaim(this.db, `invitation:${invitation._id}`);
      throw err;
    }
  }

  /** Declines: recorded and shown to officers, who arrange an in-person landing. */
  async decline(token: string, ip: string | null) {
    const { person } = await this.claim(token, 'declined');
    await personModel(this.db).updateOne({ _id: person._id }, { $set: { invitationState: 'declined', respondedAt: this.clock.now() } });
    await this.cases.invitationAnswered(person._id, 'declined', null);
    await this.audit.record({ action: 'invitation.declined', ip, target: person._id });
    return { givenName: greetingNameOf(person), lang: person.lang };
  }

  /** Moves an open, unexpired invitation to `state` in one filtered update, or explains why not. */
  private async claim(token: string, state: 'accepted' | 'declined') {
    const now = this.clock.now();
    const refuse = (status: string) =>
      new DomainError(status === 'unknown' ? 'not_found' : 'conflict', `This invitation link cannot be used (${status}).`, {
        token: status,
      });
    const why = await this.lookup(token);
    if (why.status !== 'open') throw refuse(why.status);
    const invitation = (await invitationModel(this.db)
      .findOne({ tokenHash: hashInvitationToken(token) })
      .lean())!;
    // Single use across processes: only the first atomic claim insert wins.
    if (!(await claimOnce(this.db, `invitation:${invitation._id}`, now))) throw refuse('used');
    await invitationModel(this.db).updateOne({ _id: invitation._id }, { $set: { state, respondedAt: now } });
    const person = await personModel(this.db).findById(invitation.personId).lean();
    if (!person) throw new DomainError('not_found', 'No such person.');
    return { invitation, person };
  }
}
