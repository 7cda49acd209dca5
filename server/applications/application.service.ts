import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { RegisterApplicationBody } from '../../src/lib/shared/application.schemas';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
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
    invitation: { state: expired ? 'expired' : p.invitationState, sentAt: p.invitationSentAt ?? null, expiresAt, respondedAt: p.respondedAt ?? null },
    hasAccount: Boolean(p.userId),
  };
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
    const known = await personModel(this.db).find({ uci: { $in: body.people.map((p) => p.uci) } }, { uci: 1 }).lean();
    if (known.length) {
      const fields = Object.fromEntries(body.people.flatMap((p, i) => (known.some((k) => k.uci === p.uci) ? [[`people.${i}.uci`, 'uci_already_registered']] : [])));
      throw new DomainError('conflict', 'A person with this UCI is already registered.', fields);
    }
    const now = this.clock.now();
    const applicationId = randomUUID();
    const people = body.people.map((p) => ({ _id: randomUUID(), applicationId, applicationNumber: body.applicationNumber, ...p, invitationState: 'pending' }));
    try {
      await applicationModel(this.db).create({ _id: applicationId, applicationNumber: body.applicationNumber, registeredAt: now, registeredBy: by.id });
      await personModel(this.db).insertMany(people);
    } catch (err) {
      await this.undo(applicationId);
      if ((err as { code?: number }).code === 11000) throw new DomainError('conflict', 'This application or one of its people was registered at the same moment.');
      throw err;
    }
    await this.audit.record({ action: 'application.registered', actor: { id: by.id, role: by.role, name: by.username }, ip, target: applicationId, details: { applicationNumber: body.applicationNumber, people: people.length } });
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
      const or: Record<string, unknown>[] = [{ applicationNumber: term.toUpperCase() }, { givenName: { $regex: escaped, $options: 'i' } }, { familyName: { $regex: escaped, $options: 'i' } }];
      if (digits.length >= 8) or.push({ uci: digits });
      const matches = await personModel(this.db).find({ $or: or }, { applicationId: 1 }).limit(500).lean();
      ids = [...new Set(matches.map((m) => m.applicationId))];
    }
    const applications = await applicationModel(this.db)
      .find(ids ? { _id: { $in: ids } } : {})
      .sort({ registeredAt: -1 })
      .limit(limit)
      .lean();
    const people = await personModel(this.db).find({ applicationId: { $in: applications.map((a) => a._id) } }).lean();
    const now = this.clock.now();
    return applications.map((a) => ({
      id: a._id,
      applicationNumber: a.applicationNumber,
      registeredAt: a.registeredAt,
      people: people.filter((p) => p.applicationId === a._id).map((p) => personView(p, now)),
    }));
  }

  private async undo(applicationId: string) {
    await personModel(this.db).deleteMany({ applicationId }).catch(() => undefined);
    await applicationModel(this.db).deleteOne({ _id: applicationId }).catch(() => undefined);
  }
}
