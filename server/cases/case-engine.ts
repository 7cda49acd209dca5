import type { Connection } from 'mongoose';
import { explainRejection } from '../../machines/landing.machine';
import type { LandingEvent, LandingSnapshot, Person } from '../../machines/landing.machine';
import type { BoardPatch, BoardStep } from '../../src/lib/shared/board.contract';
import type { CaseUpdate, CaseView, TranscriptEntry } from '../../src/lib/shared/case.contract';
import type { Message } from '../../src/lib/shared/landing';
import { translateKey } from '../../src/lib/i18n/messages.server';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import type { Logger } from '../logger';
import type { PortalMetrics } from '../metrics/portal-metrics';
import { rooms, type Realtime } from '../sockets/realtime';
import { boardFlagsOf, boardStepOf, toBoardRow } from './board-row';
import { assistantSays } from './case-entries';
import { CaseStore, type CaseSummary, type NewEntry, type StoredCase } from './case-store';
import { caseView, persist, promptMessages, restoreLanding } from './landing-actor';
import { InsertBatcher, UNORDERED } from '../db/insert-batcher';
import { stepVisitModel, type StepVisitDoc } from './step-visit.model';

/** A change to a case: a machine event (or none) and the transcript entries it produces. */
export interface Change {
  event: LandingEvent | null;
  entries: (before: LandingSnapshot, after: LandingSnapshot) => NewEntry[];
  /** Extra summary fields (account link, invitation state). */
  summary?: CaseSummary;
}

/** Where the engine reports: step and fan-out metrics, and errors (with the case id). */
export interface EngineObserver {
  metrics: Pick<PortalMetrics, 'stepsCompleted' | 'fanOutSeconds'>;
  logger: Logger;
  /** Each step change, for the board's chart over time (counted in memory, no write here). */
  stepMoved?: (from: BoardStep, to: BoardStep, at: Date) => void;
}

export const personOf = (c: Pick<StoredCase, 'snapshot'>): Person =>
  (JSON.parse(c.snapshot) as { context: { person: Person } }).context.person;

/**
 * The one commit path for every change to a case, whoever causes it (applicant, officer, agent,
 * system): dedupe by client event id, check the machine accepts the event, apply it, write snapshot
 * + summary + entries as one commit, then broadcast to the case, its staff watchers and the board.
 */
export class CaseEngine {
  readonly store: CaseStore;
  private observer: EngineObserver | undefined;
  /** Step visits, inserted together with those of other cases in flight. */
  private readonly stepVisits: InsertBatcher<StepVisitDoc & { _id: string }>;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
  ) {
    this.store = new CaseStore(db);
    this.stepVisits = new InsertBatcher((docs) => stepVisitModel(db).insertMany(docs, UNORDERED));
  }

  /** Reports metrics and errors to `observer` from now on (wired once by `createServices`). */
  observe(observer: EngineObserver) {
    this.observer = observer;
  }

  async apply(caseId: string, lang: 'en' | 'fr', clientEventId: string | null, change: Change): Promise<CaseUpdate> {
    try {
      return await this.commit(caseId, lang, clientEventId, change);
    } catch (err) {
      if (!(err instanceof DomainError)) this.observer?.logger.error({ err, caseId }, 'case commit failed');
      throw err;
    }
  }

  private async commit(caseId: string, lang: 'en' | 'fr', clientEventId: string | null, change: Change): Promise<CaseUpdate> {
    const outcome = await this.store.update<{
      entries: TranscriptEntry[];
      view: CaseView;
      fresh: boolean;
      before: StoredCase;
      after?: StoredCase;
    }>(caseId, async (c) => {
      if (clientEventId) {
        const previous = await this.store.producedBy(c, clientEventId);
        if (previous)
          return {
            commit: false,
            result: { entries: previous.filter((e) => e.visibility === 'all'), view: this.view(c), fresh: false, before: c },
          };
      }
      const actor = restoreLanding(c.snapshot, personOf(c));
      const before = actor.getSnapshot();
      if (change.event) {
        const rejection = explainRejection(before, change.event);
        if (rejection) {
          throw new DomainError('event_refused', translateKey(lang, rejection.messageKey), {
            reason: rejection.code,
            ...(rejection.field ? { field: rejection.field } : {}),
          });
        }
        actor.send(change.event);
      }
      const after = actor.getSnapshot();
      const at = this.clock.now();
      const summary = {
        ...this.summarize(c, after, at, persist(actor), change.summary?.invitationState ?? c.invitationState),
        ...change.summary,
      };
      return {
        commit: true,
        entries: change.entries(before, after),
        summary,
        result: (written, seq) => ({
          entries: written,
          view: caseView(caseId, seq, (summary.lang ?? c.lang) as 'en' | 'fr', after),
          fresh: true,
          before: c,
          after: { ...c, ...summary, seq, version: c.version + 1 } as StoredCase,
        }),
      };
    });
    if (outcome.fresh && outcome.after) this.afterCommit(outcome.before, outcome.after, outcome.entries, outcome.view, performance.now());
    return { view: outcome.view, entries: outcome.entries.filter((e) => e.visibility === 'all') };
  }

  /** The machine's refusal of `event` on case `c`, as the error the caller would get, or null. */
  check(c: StoredCase, event: LandingEvent, lang: 'en' | 'fr'): DomainError | null {
    const rejection = explainRejection(restoreLanding(c.snapshot, personOf(c)).getSnapshot(), event);
    return rejection ? new DomainError('event_refused', translateKey(lang, rejection.messageKey), { reason: rejection.code }) : null;
  }

  /** After an event: the next question when the step changed, or the help region's news. */
  followUp(at: Date, before: LandingSnapshot, after: LandingSnapshot): NewEntry[] {
    const flowOf = (s: LandingSnapshot) => JSON.stringify((s.value as { flow: unknown }).flow);
    const helpOf = (s: LandingSnapshot) => (s.value as { help: string }).help;
    const helpNews: Message[] =
      helpOf(before) !== helpOf(after) && helpOf(after) === 'requested' ? [{ key: 'conversation.help.waiting' }] : [];
    const flowMoved = flowOf(before) !== flowOf(after);
    const helpEnded = helpOf(before) !== helpOf(after) && helpOf(after) === 'none';
    return [...helpNews, ...(flowMoved || helpEnded ? promptMessages(after) : [])].map((m) => assistantSays(at, m));
  }

  view(c: Pick<StoredCase, '_id' | 'seq' | 'lang' | 'snapshot'>): CaseView {
    const actor = restoreLanding(c.snapshot, personOf(c));
    return caseView(c._id, c.seq, c.lang as 'en' | 'fr', actor.getSnapshot());
  }

  private summarize(c: StoredCase, after: LandingSnapshot, at: Date, snapshot: string, invitationState: string): CaseSummary {
    const view = caseView(c._id, c.seq, c.lang as 'en' | 'fr', after);
    const step = boardStepOf(view.step, invitationState);
    return {
      snapshot,
      step,
      stepNumber: view.stepNumber,
      stepEnteredAt: step !== c.step ? at : c.stepEnteredAt,
      lastActivityAt: at,
      flags: boardFlagsOf(view, invitationState),
      helpStatus: view.help.status,
      photoStatus: view.photo.status,
    };
  }

  private afterCommit(before: StoredCase, after: StoredCase, entries: TranscriptEntry[], view: CaseView, committedAt: number) {
    this.broadcast(before, after, entries, view);
    this.observer?.metrics.fanOutSeconds.observe((performance.now() - committedAt) / 1000);
    if (after.step === before.step) return;
    this.observer?.metrics.stepsCompleted.inc({ step: before.step });
    this.observer?.stepMoved?.(before.step as BoardStep, after.step as BoardStep, new Date(after.stepEnteredAt));
    const ms = new Date(after.stepEnteredAt).getTime() - new Date(before.stepEnteredAt).getTime();
    // Statistics only, written after the ack: a lost visit skews a median slightly; it must not
    // delay or fail the applicant's answer.
    this.stepVisits
      .insert([
        {
          _id: `${after._id}:${after.version}`,
          caseId: after._id,
          step: before.step,
          enteredAt: before.stepEnteredAt,
          leftAt: after.stepEnteredAt,
          ms,
        },
      ])
      .catch((err: unknown) => this.observer?.logger.warn({ err, caseId: after._id }, 'step visit not recorded'));
  }

  /** To the case's sockets (applicant-visible entries), its staff watchers (all entries) and the board. */
  private broadcast(before: StoredCase, after: StoredCase, entries: TranscriptEntry[], view: CaseView) {
    const io = this.realtime.io;
    if (!io) return;
    const visible = entries.filter((e) => e.visibility === 'all');
    if (visible.length || after.lang !== before.lang || after.version !== before.version)
      io.to(rooms.case(after._id)).emit('case:update', { view, entries: visible });
    io.to(rooms.caseStaff(after._id)).emit('staff:case-update', { caseId: after._id, view, entries });
    const patch: BoardPatch = { row: toBoardRow(after), previousStep: before.step as BoardPatch['previousStep'] };
    this.realtime.boardPatch(patch, toBoardRow(before));
  }
}
