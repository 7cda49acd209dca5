import type { Connection } from 'mongoose';
import type { RegisterApplicationBody } from '../../src/lib/shared/application.schemas';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import { derivedUuid } from '../db/derived-id';
import { insertNew } from '../db/insert-new';
import { DomainError } from '../http/domain-error';
import { applicationModel, personModel, type PersonDoc } from './application.model';
import { invitationExpiry, type InvitationService } from './invitation.service';
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

/** The application's `_id`, derived from its number: one application number, one document, however often sent. */
export const applicationIdOf = (applicationNumber: string) => derivedUuid(`application:${applicationNumber}`);

/** A person's `_id`, derived from their application and UCI, so a registration run twice writes the same person. */
export const personIdOf = (applicationNumber: string, uci: string) => derivedUuid(`person:${applicationNumber}:${uci}`);

/** What `writeMany` did with each application, by number. */
export interface WriteOutcome {
  registered: string[];
  /** Registered before (an earlier import, or another officer at the same moment): left as they are. */
  alreadyThere: string[];
  /** A UCI of theirs was registered on another application in between: nothing of theirs is kept. */
  clashed: string[];
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
   * Registers an application typed in by an officer, with every person on it, and invites each
   * one. Duplicates (the same application number, or a UCI already registered) are refused with
   * the field named.
   */
  async register(body: RegisterApplicationBody, by: AuthUser, baseUrl: string, ip: string | null) {
    if (await applicationModel(this.db).exists({ applicationNumber: body.applicationNumber })) {
      throw new DomainError('conflict', 'This application is already registered.', { applicationNumber: 'already_registered' });
    }
    const clashes = await this.uciClashes([body]);
    if (clashes.length) {
      const fields = Object.fromEntries(clashes.map(({ person }) => [`people.${person}.uci`, 'uci_already_registered']));
      throw new DomainError('conflict', 'A person with this UCI is already registered.', fields);
    }
    const outcome = await this.writeMany([body], by, baseUrl, ip);
    if (outcome.registered.length === 0)
      throw new DomainError(
        'conflict',
        'This application or one of its people was registered at the same moment.',
        outcome.alreadyThere.length ? { applicationNumber: 'already_registered' } : {},
      );
    return this.get(applicationIdOf(body.applicationNumber));
  }

  /** Which of `numbers` are registered already (one read for a whole import). */
  async registeredNumbers(numbers: string[]): Promise<Set<string>> {
    const found = await applicationModel(this.db)
      .find({ applicationNumber: { $in: numbers } }, { applicationNumber: 1 })
      .lean();
    return new Set(found.map((a) => a.applicationNumber));
  }

  /**
   * The people of `applications` whose UCI is registered on another application (one read for a
   * whole import). A person an interrupted registration of the same application left behind is not
   * a clash: registering again completes it.
   */
  async uciClashes(applications: RegisterApplicationBody[]): Promise<{ applicationNumber: string; person: number }[]> {
    const ucis = applications.flatMap((a) => a.people.map((p) => p.uci));
    const found = await personModel(this.db)
      .find({ uci: { $in: ucis } }, { uci: 1 })
      .lean();
    const holders = new Map(found.map((p) => [p.uci, p._id]));
    return applications.flatMap((a) =>
      a.people.flatMap((p, person) => {
        const holder = holders.get(p.uci);
        return holder && holder !== personIdOf(a.applicationNumber, p.uci) ? [{ applicationNumber: a.applicationNumber, person }] : [];
      }),
    );
  }

  /**
   * The one way applications are written, typed in (one) or imported (a chunk of a CSV file):
   * people, their cases, invitations, emails and audit entries, each kind in one write for all,
   * and the application document last, as the mark that it is complete. Every `_id` is derived from
   * what it stands for, so nothing is written twice: an interrupted run done again completes what
   * it left, and a concurrent one loses cleanly. There are no transactions (FerretDB has none):
   * an application whose person lost a UCI to another application meanwhile is removed again.
   */
  async writeMany(applications: RegisterApplicationBody[], by: AuthUser, baseUrl: string, ip: string | null): Promise<WriteOutcome> {
    const now = this.clock.now();
    const expiresAt = invitationExpiry(now);
    const written = applications.map((body) => ({
      body,
      id: applicationIdOf(body.applicationNumber),
      people: body.people.map((p) => ({
        _id: personIdOf(body.applicationNumber, p.uci),
        applicationId: applicationIdOf(body.applicationNumber),
        applicationNumber: body.applicationNumber,
        ...p,
        invitationState: 'sent',
        invitationSentAt: now,
        invitationExpiresAt: expiresAt,
        respondedAt: null,
        userId: null,
      })),
    }));
    const { clashed, stored } = await this.insertPeople(written.flatMap((a) => a.people));
    const kept = written
      .filter((a) => !a.people.some((p) => clashed.has(p._id)))
      .map((a) => ({ ...a, people: a.people.map((p) => stored.get(p._id) ?? p) }));
    const people = kept.flatMap((a) => a.people);
    await this.cases.openMany(people);
    await this.invitations.sendFirst(people, baseUrl, by, ip);
    await this.audit.recordMany(
      kept.map((a) => ({
        key: `application.registered:${a.id}`,
        at: a.people[0]!.invitationSentAt!,
        rank: 0,
        action: 'application.registered',
        actor: { id: by.id, role: by.role, name: by.username },
        ip,
        target: a.id,
        details: { applicationNumber: a.body.applicationNumber, people: a.people.length },
      })),
    );
    const already = await insertNew(
      applicationModel(this.db),
      kept.map((a) => ({ _id: a.id, applicationNumber: a.body.applicationNumber, registeredAt: now, registeredBy: by.id })),
    );
    return {
      registered: kept.filter((_, i) => !already.has(i)).map((a) => a.body.applicationNumber),
      alreadyThere: kept.filter((_, i) => already.has(i)).map((a) => a.body.applicationNumber),
      clashed: written.filter((a) => a.people.some((p) => clashed.has(p._id))).map((a) => a.body.applicationNumber),
    };
  }

  /**
   * Inserts people. One already there under its own `_id` (an interrupted run) is kept as stored, so
   * its invitation keeps its dates. Returns those, and the ids of the people whose UCI another
   * application took in between, after removing what this call inserted of their applications.
   */
  private async insertPeople(people: (PersonDoc & { _id: string })[]) {
    const refused = await insertNew(personModel(this.db), people);
    const stored = new Map<string, PersonDoc & { _id: string }>();
    const clashed = new Set<string>();
    for (const i of refused) {
      const found = await personModel(this.db).findById(people[i]!._id).lean();
      if (found) stored.set(found._id, found);
      else clashed.add(people[i]!._id);
    }
    if (clashed.size === 0) return { clashed, stored };
    const spoilt = new Set(people.filter((p) => clashed.has(p._id)).map((p) => p.applicationId));
    for (const [i, p] of people.entries()) {
      if (!spoilt.has(p.applicationId)) continue;
      if (!refused.has(i)) await personModel(this.db).deleteOne({ _id: p._id });
      clashed.add(p._id);
    }
    return { clashed, stored };
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
}
