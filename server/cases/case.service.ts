import type { Connection } from 'mongoose';
import { answerEcho, explainRejection } from '../../machines/landing.machine';
import type { LandingEvent, LandingSnapshot, Person } from '../../machines/landing.machine';
import type { CaseUpdate, CaseView, TranscriptEntry } from '../../src/lib/shared/case.contract';
import type { ApplicantEvent, Message } from '../../src/lib/shared/landing';
import { interpretText } from '../../src/lib/shared/landing/free-text';
import { translateKey } from '../../src/lib/i18n/messages';
import { personModel } from '../applications/application.model';
import type { AuthUser } from '../auth/auth-types';
import { userModel } from '../auth/user.model';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import { rooms, type Realtime } from '../sockets/realtime';
import { applicantSays, assistantSays } from './case-entries';
import type { CaseSummary, NewEntry, StoredCase } from './case-store';
import { CaseStore } from './case-store';
import { caseModel } from './case.model';
import { caseView, persist, promptMessages, restoreLanding } from './landing-actor';
import { photoModel } from './photo.model';

/** A change the server applies to a case: a machine event and/or transcript entries. */
interface Change {
  event: LandingEvent | null;
  entries: (before: LandingSnapshot, after: LandingSnapshot) => NewEntry[];
}

const personOf = (c: StoredCase): Person => {
  const context = (JSON.parse(c.snapshot) as { context: { person: Person } }).context;
  return context.person;
};

/**
 * The applicant's conversation on the server, which is authoritative: restore the snapshot,
 * validate (zod already ran; here the machine's guards), apply, persist snapshot + transcript in
 * one commit, then acknowledge and broadcast. A retried client event id is answered with what it
 * produced the first time.
 */
export class CaseService {
  readonly store: CaseStore;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    private readonly realtime: Realtime,
  ) {
    this.store = new CaseStore(db);
  }

  /** The applicant's own case id, creating the case (and its first questions) on first use. */
  async caseIdFor(user: AuthUser): Promise<string> {
    if (user.role !== 'applicant' || !user.personId) throw new DomainError('forbidden', 'Only applicants have a conversation.');
    const id = `case-${user.personId}`;
    if (await caseModel(this.db).exists({ _id: id })) return id;
    const person = await personModel(this.db).findById(user.personId).lean();
    if (!person) throw new DomainError('not_found', 'Your application record was not found.');
    const actor = restoreLanding(null, { givenName: person.givenName, familyName: person.familyName, dateOfBirth: person.dateOfBirth, uci: person.uci });
    const snapshot = actor.getSnapshot();
    const now = this.clock.now();
    const view = caseView(id, 0, user.lang, snapshot);
    await this.store.create(
      {
        _id: id,
        personId: person._id,
        userId: user.id,
        applicationNumber: person.applicationNumber,
        personName: `${person.givenName} ${person.familyName}`,
        uci: person.uci,
        lang: user.lang,
        snapshot: persist(actor),
        step: view.step,
        stepNumber: view.stepNumber,
        stepEnteredAt: now,
        lastActivityAt: now,
        flags: [],
        helpStatus: 'none',
        photoStatus: 'none',
        createdAt: now,
      },
      promptMessages(snapshot).map((m) => assistantSays(now, m)),
    );
    return id;
  }

  /** The current question and every entry after `after` that the applicant may see. */
  async sync(user: AuthUser, after: number): Promise<CaseUpdate> {
    const caseId = await this.caseIdFor(user);
    const c = await this.store.load(caseId);
    const entries = await this.store.entriesAfter(caseId, after, 'applicant');
    return { view: this.view(c), entries };
  }

  /** Applies an applicant's answer (already parsed with the applicant-only schema). */
  async answer(user: AuthUser, clientEventId: string, event: ApplicantEvent): Promise<CaseUpdate> {
    const caseId = await this.caseIdFor(user);
    if (event.type === 'PHOTO_UPLOADED' && !(await photoModel(this.db).exists({ _id: event.photoId, caseId }))) {
      throw new DomainError('event_refused', translateKey(user.lang, 'conversation.error.photo_not_found'), { reason: 'photo_not_found' });
    }
    const at = this.clock.now();
    return this.apply(caseId, user.lang, clientEventId, {
      event: { ...event, at: at.toISOString() } as LandingEvent,
      entries: (before, after) => [applicantSays(at, answerEcho(event, before.context), clientEventId, event), ...this.followUp(at, before, after)],
    });
  }

  /**
   * Free text: understood as an answer where one can be typed, or as a request (help, status,
   * change, language). Anything else gets a short helpful reply and the question again. The typed
   * text and the reply are part of the transcript.
   */
  async text(user: AuthUser, clientEventId: string, text: string): Promise<CaseUpdate> {
    const caseId = await this.caseIdFor(user);
    const current = this.view(await this.store.load(caseId));
    const meaning = interpretText(text, current.input, user.lang);
    const at = this.clock.now();
    const typed = (event?: unknown) => applicantSays(at, { key: 'conversation.echo.text', params: { text } }, clientEventId, event);
    const reply = (...messages: Message[]): Change => ({
      event: null,
      entries: (_before, after) => [typed(), ...messages.map((m) => assistantSays(at, m)), ...promptMessages(after).map((m) => assistantSays(at, m))],
    });
    const answerWith = (event: ApplicantEvent) =>
      this.apply(caseId, user.lang, clientEventId, {
        event: { ...event, at: at.toISOString() } as LandingEvent,
        entries: (before, after) => [typed(event), ...this.followUp(at, before, after)],
      }).catch((err) => {
        if (!(err instanceof DomainError) || err.code !== 'event_refused') throw err;
        return this.apply(caseId, user.lang, clientEventId, reply({ key: `conversation.error.${err.fields?.reason ?? 'event_not_allowed_now'}` }));
      });
    switch (meaning.kind) {
      case 'answer':
      case 'help':
        return answerWith(meaning.event);
      case 'edit':
        if (current.step === 'review' && meaning.section) return answerWith({ type: 'EDIT', section: meaning.section });
        return this.apply(caseId, user.lang, clientEventId, reply({ key: current.step === 'submitted' ? 'conversation.reply.editAfterSubmit' : 'conversation.reply.editFromReview' }));
      case 'language': {
        await this.setLanguage(user, meaning.lang);
        return this.apply(caseId, meaning.lang, clientEventId, reply({ key: 'conversation.reply.languageSwitched' }));
      }
      case 'status':
        return this.apply(caseId, user.lang, clientEventId, reply({ key: 'conversation.reply.status' }));
      case 'postalCode':
        return this.apply(caseId, user.lang, clientEventId, reply({ key: 'conversation.reply.useAddressForm', params: { postalCode: meaning.postalCode } }));
      case 'invalid':
        return this.apply(caseId, user.lang, clientEventId, reply({ key: `conversation.error.${meaning.code}` }));
      default:
        return this.apply(caseId, user.lang, clientEventId, reply({ key: current.input.kind === 'photo' ? 'conversation.reply.usePhotoUpload' : 'conversation.reply.unknown' }));
    }
  }

  /** Switches the applicant's language everywhere (screens, emails); the transcript re-renders by itself. */
  async setLanguage(user: AuthUser, lang: 'en' | 'fr'): Promise<CaseView> {
    const caseId = await this.caseIdFor(user);
    await userModel(this.db).updateOne({ _id: user.id }, { $set: { lang } });
    user.lang = lang;
    const view = await this.store.update(caseId, (c) => ({
      commit: true,
      entries: [],
      summary: { lang },
      result: (_entries, seq) => this.view({ ...c, lang, seq }),
    }));
    this.broadcast(caseId, [], view);
    return view;
  }

  /**
   * The generic commit path: dedupe by client event id, check the machine accepts the event,
   * apply it, write snapshot + summary + entries in one filtered update, broadcast.
   */
  async apply(caseId: string, lang: 'en' | 'fr', clientEventId: string | null, change: Change): Promise<CaseUpdate> {
    const outcome = await this.store.update<{ entries: TranscriptEntry[]; view: CaseView; fresh: boolean }>(caseId, async (c) => {
      if (clientEventId) {
        const previous = await this.store.producedBy(caseId, clientEventId);
        if (previous) return { commit: false, result: { entries: previous.filter((e) => e.visibility === 'all'), view: this.view(c), fresh: false } };
      }
      const actor = restoreLanding(c.snapshot, personOf(c));
      const before = actor.getSnapshot();
      if (change.event) {
        const rejection = explainRejection(before, change.event);
        if (rejection) {
          throw new DomainError('event_refused', translateKey(lang, rejection.messageKey), { reason: rejection.code, ...(rejection.field ? { field: rejection.field } : {}) });
        }
        actor.send(change.event);
      }
      const after = actor.getSnapshot();
      const entries = change.entries(before, after);
      const at = this.clock.now();
      const summary = this.summarize(c, after, at, persist(actor));
      return {
        commit: true,
        entries,
        summary,
        result: (written, seq) => ({ entries: written, view: caseView(caseId, seq, c.lang as 'en' | 'fr', after), fresh: true }),
      };
    });
    if (outcome.fresh) this.broadcast(caseId, outcome.entries, outcome.view);
    return { view: outcome.view, entries: outcome.entries.filter((e) => e.visibility === 'all') };
  }

  /** After an event: the next question when the step changed, or the help region's news. */
  private followUp(at: Date, before: LandingSnapshot, after: LandingSnapshot): NewEntry[] {
    const moved = JSON.stringify(before.value) !== JSON.stringify(after.value);
    if (!moved) return [];
    const flowMoved = JSON.stringify((before.value as { flow: unknown }).flow) !== JSON.stringify((after.value as { flow: unknown }).flow);
    const helpNow = (after.value as { help: string }).help;
    const helpNews: Message[] = (before.value as { help: string }).help !== helpNow && helpNow === 'requested' ? [{ key: 'conversation.help.waiting' }] : [];
    return [...helpNews, ...(flowMoved || helpNow === 'none' ? promptMessages(after) : [])].map((m) => assistantSays(at, m));
  }

  private summarize(c: StoredCase, after: LandingSnapshot, at: Date, snapshot: string): CaseSummary {
    const view = caseView(c._id, c.seq, c.lang as 'en' | 'fr', after);
    return {
      snapshot,
      step: view.step,
      stepNumber: view.stepNumber,
      stepEnteredAt: view.step !== c.step ? at : c.stepEnteredAt,
      lastActivityAt: at,
      flags: view.flags,
      helpStatus: view.help.status,
      photoStatus: view.photo.status,
    };
  }

  view(c: Pick<StoredCase, '_id' | 'seq' | 'lang' | 'snapshot'>): CaseView {
    const actor = restoreLanding(c.snapshot, personOf(c as StoredCase));
    return caseView(c._id, c.seq, c.lang as 'en' | 'fr', actor.getSnapshot());
  }

  private broadcast(caseId: string, entries: TranscriptEntry[], view: CaseView) {
    const io = this.realtime.io;
    if (!io) return;
    const visible = entries.filter((e) => e.visibility === 'all');
    io.to(rooms.case(caseId)).emit('case:update', { view, entries: visible });
  }
}
