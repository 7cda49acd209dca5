import type { Connection } from 'mongoose';
import type { LandingContext, LandingEvent } from '../../machines/landing.machine';
import type { HelpOutcome, HelpQueueRow, ReferralRow } from '../../src/lib/shared/help.contract';
import type { EditableSection } from '../../src/lib/shared/landing';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import { isDuplicateKey } from '../db/claim';
import { DomainError } from '../http/domain-error';
import { assistantSays } from '../cases/case-entries';
import type { CaseEngine } from '../cases/case-engine';
import type { NewEntry, StoredCase } from '../cases/case-store';
import { caseModel } from '../cases/case.model';
import { helpClaimModel } from './help-claim.model';

const actorOf = (u: AuthUser) => ({ id: u.id, role: u.role, name: u.username });
const contextOf = (c: StoredCase) => (JSON.parse(c.snapshot) as { context: LandingContext }).context;

/**
 * Support agents in applicants' conversations. An agent talks, suggests going back to a step and
 * writes internal notes; they never answer, sign or upload for the applicant (no representatives:
 * agent sockets have no applicant events, and nothing here sends one).
 */
export class HelpService {
  constructor(
    private readonly db: Connection,
    private readonly engine: CaseEngine,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Applicants waiting for a person, oldest first, and those being helped (with who has them). */
  async queue(): Promise<HelpQueueRow[]> {
    const cases = (await caseModel(this.db)
      .find({ helpStatus: { $in: ['requested', 'agentJoined'] } })
      .lean()) as StoredCase[];
    const claims = await helpClaimModel(this.db)
      .find({ caseId: { $in: cases.map((c) => c._id) }, closedAt: null })
      .lean();
    return cases
      .map((c) => {
        const help = contextOf(c).help;
        const claim = claims.find((k) => k._id === `${c._id}:${help.requestedAt}`);
        return {
          caseId: c._id,
          personName: c.personName,
          step: c.step,
          lang: c.lang as 'en' | 'fr',
          requestedAt: help.requestedAt,
          status: c.helpStatus as HelpQueueRow['status'],
          agentName: claim?.agentName ?? help.agentName,
          agentId: claim?.agentId ?? null,
        };
      })
      .sort((a, b) => (a.requestedAt ?? '').localeCompare(b.requestedAt ?? ''));
  }

  /** Takes a waiting request. Exactly one agent wins; the others are told who has it. */
  async join(agent: AuthUser, caseId: string) {
    const c = await this.engine.store.load(caseId);
    const help = contextOf(c).help;
    if (c.helpStatus !== 'requested' || !help.requestedAt) {
      const holder = await this.holder(caseId, help.requestedAt);
      throw new DomainError(
        'conflict',
        holder ? `${holder} is already helping this person.` : 'This person is not waiting for help.',
        holder ? { agentName: holder } : { reason: 'not_waiting' },
      );
    }
    try {
      await helpClaimModel(this.db).create({
        _id: `${caseId}:${help.requestedAt}`,
        caseId,
        agentId: agent.id,
        agentName: agent.displayName,
        at: this.clock.now(),
      });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const holder = await this.holder(caseId, help.requestedAt);
      throw new DomainError('conflict', `${holder ?? 'Another agent'} is already helping this person.`, { agentName: holder ?? '' });
    }
    const at = this.clock.now();
    const update = await this.engine.apply(caseId, 'en', null, {
      event: { type: 'AGENT_JOINED', agentName: agent.displayName, at: at.toISOString() } as LandingEvent,
      entries: () => [
        { ...assistantSays(at, { key: 'conversation.notice.agentJoined', params: { agentName: agent.displayName } }), author: 'system' },
      ],
    });
    await this.audit.record({ action: 'help.joined', actor: actorOf(agent), caseId });
    return update;
  }

  /** A chat message from the agent (text, and optionally a link), part of the transcript. */
  async message(agent: AuthUser, caseId: string, clientEventId: string, text: string, link?: string) {
    await this.assertHolder(agent, caseId);
    const at = this.clock.now();
    return this.engine.apply(caseId, 'en', clientEventId, {
      event: null,
      entries: () => [
        agentSays(
          at,
          agent,
          { key: link ? 'conversation.agent.messageWithLink' : 'conversation.agent.message', params: link ? { text, link } : { text } },
          clientEventId,
        ),
      ],
    });
  }

  /** Suggests going back to a section; only the applicant can act on it. */
  async suggest(agent: AuthUser, caseId: string, section: EditableSection) {
    await this.assertHolder(agent, caseId);
    const at = this.clock.now();
    const update = await this.engine.apply(caseId, 'en', null, {
      event: null,
      entries: () => [
        agentSays(at, agent, { key: `conversation.agent.suggest.${section}`, params: { section, agentName: agent.displayName } }),
      ],
    });
    await this.audit.record({ action: 'help.suggested', actor: actorOf(agent), caseId, details: { section } });
    return update;
  }

  /** An internal note by the agent helping: staff see it, the applicant never does. */
  async note(agent: AuthUser, caseId: string, text: string) {
    await this.assertHolder(agent, caseId);
    const at = this.clock.now();
    const update = await this.engine.apply(caseId, 'en', null, {
      event: null,
      entries: () => [{ ...agentSays(at, agent, { key: 'conversation.agent.note', params: { text } }), visibility: 'staff' }],
    });
    await this.audit.record({ action: 'help.note', actor: actorOf(agent), caseId });
    return update;
  }

  /**
   * Leaves with an outcome; the assistant takes over and repeats the current question. `transferred`
   * puts the request straight back in the queue for another agent.
   */
  async leave(agent: AuthUser, caseId: string, outcome: HelpOutcome, note?: string) {
    const c = await this.engine.store.load(caseId);
    const requestedAt = contextOf(c).help.requestedAt;
    await this.assertHolder(agent, caseId);
    if (outcome === 'referred_to_officer') await this.refer(agent, caseId, note ?? '');
    const at = this.clock.now();
    await this.engine.apply(caseId, 'en', null, {
      event: { type: 'AGENT_LEFT', at: at.toISOString() } as LandingEvent,
      entries: (before, after) => [
        { ...assistantSays(at, { key: 'conversation.notice.agentLeft' }), author: 'system' as const },
        ...this.engine.followUp(at, before, after),
      ],
    });
    await helpClaimModel(this.db).updateOne({ _id: `${caseId}:${requestedAt}` }, { $set: { closedAt: at, outcome } });
    await this.audit.record({
      action: outcome === 'transferred' ? 'help.transferred' : 'help.left',
      actor: actorOf(agent),
      caseId,
      details: { outcome },
    });
    if (outcome !== 'transferred') return this.engine.store.load(caseId).then((s) => this.engine.view(s));
    const requeued = new Date(at.getTime() + 1);
    const { view } = await this.engine.apply(caseId, 'en', null, {
      event: { type: 'REQUEST_HELP', at: requeued.toISOString() } as LandingEvent,
      entries: () => [{ ...assistantSays(requeued, { key: 'conversation.help.transferred' }), author: 'system' }],
    });
    return view;
  }

  /**
   * "Referred to an officer": the `referred` flag goes up with the agent's note, through the one
   * commit path, so the board, the case view and confirmation all see it like any other flag.
   */
  private async refer(agent: AuthUser, caseId: string, note: string) {
    const at = this.clock.now();
    await this.engine.apply(caseId, agent.lang, null, {
      event: { type: 'REFERRED', agentName: agent.displayName, note, at: at.toISOString() } as LandingEvent,
      entries: () => [{ ...agentSays(at, agent, { key: 'conversation.agent.referred', params: { text: note } }), visibility: 'staff' }],
    });
    await this.audit.record({ action: 'help.referred', actor: actorOf(agent), caseId, details: { note } });
  }

  /** The referrals `agent` made (newest first), open until an officer resolves the flag. */
  async referrals(agent: AuthUser): Promise<ReferralRow[]> {
    const claims = await helpClaimModel(this.db)
      .find({ agentId: agent.id, outcome: 'referred_to_officer' })
      .sort({ closedAt: -1 })
      .limit(50)
      .lean();
    const caseIds = [...new Set(claims.map((k) => k.caseId))];
    const cases = (await caseModel(this.db)
      .find({ _id: { $in: caseIds } })
      .lean()) as StoredCase[];
    return cases
      .map((c) => {
        const context = contextOf(c);
        const resolved = context.resolvedFlags.findLast((r) => r.flag === 'referred');
        const open = context.flags.includes('referred');
        return {
          caseId: c._id,
          personName: c.personName,
          note: context.referral?.note ?? '',
          referredAt: context.referral?.at ?? '',
          open,
          resolution: open ? null : (resolved?.note ?? null),
          resolvedAt: open ? null : (resolved?.at ?? null),
        };
      })
      .sort((a, b) => b.referredAt.localeCompare(a.referredAt));
  }

  /** The agent currently holding the case's help request, or a `forbidden` error. */
  async assertHolder(agent: AuthUser, caseId: string) {
    const c = await this.engine.store.load(caseId);
    const requestedAt = contextOf(c).help.requestedAt;
    const claim = requestedAt ? await helpClaimModel(this.db).findById(`${caseId}:${requestedAt}`).lean() : null;
    if (c.helpStatus !== 'agentJoined' || !claim || claim.closedAt || claim.agentId !== agent.id) {
      throw new DomainError('forbidden', 'Join this conversation first.');
    }
  }

  private async holder(caseId: string, requestedAt: string | null) {
    if (!requestedAt) return null;
    return (await helpClaimModel(this.db).findById(`${caseId}:${requestedAt}`).lean())?.agentName ?? null;
  }
}

function agentSays(at: Date, agent: AuthUser, message: NewEntry['message'], clientEventId?: string): NewEntry {
  return { at, author: 'agent', authorName: agent.displayName, message, visibility: 'all', clientEventId: clientEventId ?? null };
}
