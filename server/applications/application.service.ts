import { createHash, randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { RegisterApplicationBody } from '../../src/lib/shared/application.schemas';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import { isDuplicateKey } from '../db/claim';
import { DomainError } from '../http/domain-error';
import { applicationModel, personModel, type PersonDoc } from './application.model';
import type { InvitationService } from './invitation.service';
import type { CaseService } from '../cases/case.service';

export interface PersonView {
  id: string;
  role: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  uci: string;
  email: string;
  lang: string;
  invitation: { state: string; sentAt: Date | null; expiresAt: Date | null; respondedAt: Date | null };
  hasAccount: boolean;
}

export function personView(p: PersonDoc, now: Date): PersonView {
  const expiresAt = p.invitationExpiresAt ?? null;
  const expired = p.invitationState === 'sent' && expiresAt !== null && expiresAt <= now;
  return {
    id: p._id,
    role: p.role,
    givenName: p.givenName,
    familyName: p.familyName,
    dateOfBirth: p.dateOfBirth,
    uci: p.uci,
    email: p.email,
    lang: p.lang,
    invitation: {
      state: expired ? 'expired' : p.invitationState,
      sentAt: p.invitationSentAt ?? null,
      expiresAt,
      respondedAt: p.respondedAt ?? null,
    },
    hasAccount: Boolean(p.userId),
  };
}

/** A UUID (version 8, RFC 9562) derived from the application number: the application's `_id`. */
export function applicationIdOf(applicationNumber: string): string {
  const hex = createHash('sha256').update(`application:${applicationNumber}`).digest('hex').slice(0, 32).split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Registering approved applications (invitation only: this is the one way people enter the portal). */
export class ApplicationService {
  constructor(
    private readonly db: Connection,
    private readonly invitations: InvitationService,
    private readonly cases: CaseService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers an application with every person on it and invites each one. Duplicates (the same
   * application number, or a UCI already registered) are refused with the field named, and nothing
   * is left half-written: without transactions, a late failure removes what this call inserted.
   */
  async register(body: RegisterApplicationBody, by: AuthUser, baseUrl: string, ip: string | null) {
    if (await applicationModel(this.db).exists({ applicationNumber: body.applicationNumber })) {
      throw new DomainError('conflict', 'This application is already registered.', { applicationNumber: 'already_registered' });
    }
    const known = await this.registeredUcis(body.people.map((p) => p.uci));
    if (known.size) {
      const fields = Object.fromEntries(
        body.people.flatMap((p, i) => (known.has(p.uci) ? [[`people.${i}.uci`, 'uci_already_registered']] : [])),
      );
      throw new DomainError('conflict', 'A person with this UCI is already registered.', fields);
    }
    return this.write(body, by, baseUrl, ip);
  }

  /** Which of `numbers` are registered already (one read for a whole import). */
  async registeredNumbers(numbers: string[]): Promise<Set<string>> {
    const found = await applicationModel(this.db)
      .find({ applicationNumber: { $in: numbers } }, { applicationNumber: 1 })
      .lean();
    return new Set(found.map((a) => a.applicationNumber));
  }

  /** Which of `ucis` belong to people registered already (one read for a whole import). */
  async registeredUcis(ucis: string[]): Promise<Set<string>> {
    const found = await personModel(this.db)
      .find({ uci: { $in: ucis } }, { uci: 1 })
      .lean();
    return new Set(found.map((p) => p.uci));
  }

  /**
   * Writes an application already checked to be new, and invites each person. Its `_id` comes from
   * the application number, so the same application is registered once however often (and from
   * however many processes) it is sent: the second insert fails on the unique `_id`.
   */
  async write(body: RegisterApplicationBody, by: AuthUser, baseUrl: string, ip: string | null) {
    const now = this.clock.now();
    const applicationId = applicationIdOf(body.applicationNumber);
    const people = body.people.map((p) => ({
      _id: randomUUID(),
      applicationId,
      applicationNumber: body.applicationNumber,
      ...p,
      invitationState: 'pending',
    }));
    let ours = false;
    try {
      await applicationModel(this.db).create({
        _id: applicationId,
        applicationNumber: body.applicationNumber,
        registeredAt: now,
        registeredBy: by.id,
      });
      ours = true;
      await personModel(this.db).insertMany(people);
    } catch (err) {
      // Only what this call inserted is removed: never an application someone else wrote under this `_id`.
      if (ours) await this.undo(applicationId);
      if (isDuplicateKey(err))
        throw new DomainError(
          'conflict',
          'This application or one of its people was registered at the same moment.',
          ours ? {} : { applicationNumber: 'already_registered' },
        );
      throw err;
    }
    await this.audit.record({
      action: 'application.registered',
      actor: { id: by.id, role: by.role, name: by.username },
      ip,
      target: applicationId,
      details: { applicationNumber: body.applicationNumber, people: people.length },
    });
    for (const person of people) {
      await this.cases.open({ ...person, userId: null, invitationExpiresAt: null, invitationSentAt: null, respondedAt: null });
      await this.invitations.send(person._id, baseUrl, by, ip);
    }
    return this.get(applicationId);
  }

  async get(id: string) {
    const application = await applicationModel(this.db).findById(id).lean();
    if (!application) throw new DomainError('not_found', 'No such application.');
    const people = await personModel(this.db).find({ applicationId: id }).lean();
    const now = this.clock.now();
    const order = { principal: 0, spouse: 1, dependant: 2 } as Record<string, number>;
    return {
      id: application._id,
      applicationNumber: application.applicationNumber,
      registeredAt: application.registeredAt,
      people: people.sort((a, b) => (order[a.role] ?? 3) - (order[b.role] ?? 3)).map((p) => personView(p, now)),
    };
  }

  /** Newest first; `search` matches an application number, a name or a UCI. */
  async list(search = '', limit = 50) {
    const term = search.trim();
    let ids: string[] | undefined;
    if (term) {
      const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const digits = term.replace(/\D/g, '');
      const or: Record<string, unknown>[] = [
        { applicationNumber: term.toUpperCase() },
        { givenName: { $regex: escaped, $options: 'i' } },
        { familyName: { $regex: escaped, $options: 'i' } },
      ];
      if (digits.length >= 8) or.push({ uci: digits });
      const matches = await personModel(this.db).find({ $or: or }, { applicationId: 1 }).limit(500).lean();
      ids = [...new Set(matches.map((m) => m.applicationId))];
    }
    const applications = await applicationModel(this.db)
      .find(ids ? { _id: { $in: ids } } : {})
      .sort({ registeredAt: -1 })
      .limit(limit)
      .lean();
    const people = await personModel(this.db)
      .find({ applicationId: { $in: applications.map((a) => a._id) } })
      .lean();
    const now = this.clock.now();
    return applications.map((a) => ({
      id: a._id,
      applicationNumber: a.applicationNumber,
      registeredAt: a.registeredAt,
      people: people.filter((p) => p.applicationId === a._id).map((p) => personView(p, now)),
    }));
  }

  private async undo(applicationId: string) {
    await personModel(this.db)
      .deleteMany({ applicationId })
      .catch(() => undefined);
    await applicationModel(this.db)
      .deleteOne({ _id: applicationId })
      .catch(() => undefined);
  }
}
