import type { Connection } from 'mongoose';
import { foldForSearch } from '../board/board-search';
import { answerEcho } from '../../machines/landing.machine';
import type { LandingEvent } from '../../machines/landing.machine';
import type { CaseUpdate, CaseView } from '../../src/lib/shared/case.contract';
import type { ApplicantEvent, Message } from '../../src/lib/shared/landing';
import { fullNameOf } from '../../src/lib/shared/person-name';
import { interpretText } from '../../src/lib/shared/landing/free-text';
import { translateKey } from '../../src/lib/i18n/messages.server';
import type { PersonDoc } from '../applications/application.model';
import { personModel } from '../applications/application.model';
import type { AuthUser } from '../auth/auth-types';
import type { RateLimiter } from '../auth/rate-limit';
import { countUse } from '../auth/usage-limits';
import { userModel } from '../auth/user.model';
import type { Clock } from '../clock';
import { DomainError } from '../http/domain-error';
import type { Realtime } from '../sockets/realtime';
import { applicantSays, assistantSays } from './case-entries';
import { CaseEngine, type Change } from './case-engine';
import { caseModel } from './case.model';
import { persist, promptMessages, restoreLanding } from './landing-actor';
import { photoModel } from './photo.model';

export const caseIdOf = (personId: string) => `case-${personId}`;

/**
 * The applicant's side of a case. The server is authoritative: the engine restores the snapshot,
 * checks the machine's guards, applies, persists snapshot + transcript in one commit, then
 * acknowledges and broadcasts. A retried client event id is answered with what it first produced.
 */
export class CaseService {
  readonly engine: CaseEngine;

  constructor(
    private readonly db: Connection,
    private readonly clock: Clock,
    realtime: Realtime,
    private readonly limiter: RateLimiter,
  ) {
    this.engine = new CaseEngine(db, clock, realtime);
  }

  get store() {
    return this.engine.store;
  }

  /** Opens a person's case when their application is registered, so officers see it from day one. */
  async open(person: PersonDoc, invitationState = 'sent'): Promise<string> {
    await this.openMany([person], invitationState);
    return caseIdOf(person._id);
  }

  /** Opens the cases of many people at once (a CSV import), in a few writes; an open case stays as it is. */
  async openMany(people: PersonDoc[], invitationState = 'sent'): Promise<void> {
    const now = this.clock.now();
    await this.store.createMany(
      people.map((person) => {
        const actor = restoreLanding(null, {
          givenName: person.givenName,
          familyName: person.familyName,
          dateOfBirth: person.dateOfBirth,
          uci: person.uci,
        });
        return {
          doc: {
            _id: caseIdOf(person._id),
            personId: person._id,
            userId: person.userId ?? null,
            invitationState,
            applicationNumber: person.applicationNumber,
            personName: fullNameOf(person),
            searchName: foldForSearch(fullNameOf(person)),
            uci: person.uci,
            lang: person.lang,
            snapshot: persist(actor),
            step: invitationState === 'accepted' ? 'welcome' : 'invited',
            stepNumber: null,
            stepEnteredAt: now,
            lastActivityAt: now,
            flags: [],
            helpStatus: 'none',
            photoStatus: 'none',
            createdAt: now,
          },
          entries: promptMessages(actor.getSnapshot()).map((m) => assistantSays(now, m)),
        };
      }),
    );
  }

  /** The invitation was answered: link the new account, or mark the case declined (board flag). */
  async invitationAnswered(personId: string, answer: 'accepted' | 'declined', userId: string | null) {
    const id = caseIdOf(personId);
    if (!(await caseModel(this.db).exists({ _id: id }))) {
      const person = await personModel(this.db).findById(personId).lean();
      if (!person) return;
      await this.open(person, answer);
    }
    await this.engine.apply(id, 'en', null, {
      event: null,
      entries: () => [],
      summary: { invitationState: answer, ...(userId ? { userId } : {}) },
    });
  }

  /** The applicant's own case id (created on first use for records from before cases existed). */
  async caseIdFor(user: AuthUser): Promise<string> {
    if (user.role !== 'applicant' || !user.personId) throw new DomainError('forbidden', 'Only applicants have a conversation.');
    const id = caseIdOf(user.personId);
    // `_id`-only lookups: FerretDB 1.x reads the whole collection for any other filter.
    const existing = await caseModel(this.db).findById(id, { userId: 1 }).lean();
    if (existing?.userId === user.id) return id;
    if (existing) {
      await this.invitationAnswered(user.personId, 'accepted', user.id);
      return id;
    }
    const person = await personModel(this.db).findById(user.personId).lean();
    if (!person) throw new DomainError('not_found', 'Your application record was not found.');
    await this.open({ ...person, userId: user.id }, 'accepted');
    return id;
  }

  /** The current question and every entry after `after` that the applicant may see. */
  async sync(user: AuthUser, after: number): Promise<CaseUpdate> {
    const caseId = await this.caseIdFor(user);
    const c = await this.store.load(caseId);
    const entries = await this.store.entriesAfter(caseId, after, 'applicant', c.seq);
    return { view: this.engine.view(c), entries };
  }

  /** Applies an applicant's answer (already parsed with the applicant-only schema). */
  async answer(user: AuthUser, clientEventId: string, event: ApplicantEvent): Promise<CaseUpdate> {
    if (event.type === 'REQUEST_HELP') await countUse(this.limiter, user, 'help');
    const caseId = await this.caseIdFor(user);
    if (event.type === 'PHOTO_UPLOADED' && (await photoModel(this.db).findById(event.photoId, { caseId: 1 }).lean())?.caseId !== caseId) {
      throw new DomainError('event_refused', translateKey(user.lang, 'conversation.error.photo_not_found'), { reason: 'photo_not_found' });
    }
    const at = this.clock.now();
    return this.engine.apply(caseId, user.lang, clientEventId, {
      event: { ...event, at: at.toISOString() } as LandingEvent,
      entries: (before, after) => [
        applicantSays(at, answerEcho(event, before.context), clientEventId, event),
        ...this.engine.followUp(at, before, after),
      ],
    });
  }

  /**
   * Free text: understood as an answer where one can be typed, or as a request (help, status,
   * change, language). Anything else gets a short helpful reply and the question again. The typed
   * text and the reply are part of the transcript.
   */
  async text(user: AuthUser, clientEventId: string, text: string): Promise<CaseUpdate> {
    const caseId = await this.caseIdFor(user);
    const current = this.engine.view(await this.store.load(caseId));
    const at = this.clock.now();
    if (current.help.status === 'agentJoined') {
      // A person is in the conversation: the text is for them, not for the assistant.
      return this.engine.apply(caseId, user.lang, clientEventId, {
        event: null,
        entries: () => [applicantSays(at, { key: 'conversation.echo.text', params: { text } }, clientEventId)],
      });
    }
    const meaning = interpretText(text, current.input, user.lang);
    const typed = (event?: unknown) => applicantSays(at, { key: 'conversation.echo.text', params: { text } }, clientEventId, event);
    const reply = (...messages: Message[]): Change => ({
      event: null,
      entries: (_before, after) => [
        typed(),
        ...messages.map((m) => assistantSays(at, m)),
        ...promptMessages(after).map((m) => assistantSays(at, m)),
      ],
    });
    const say = (lang: 'en' | 'fr', message: Message) => this.engine.apply(caseId, lang, clientEventId, reply(message));
    const answerWith = (event: ApplicantEvent) =>
      this.engine
        .apply(caseId, user.lang, clientEventId, {
          event: { ...event, at: at.toISOString() } as LandingEvent,
          entries: (before, after) => [typed(event), ...this.engine.followUp(at, before, after)],
        })
        .catch((err) => {
          if (!(err instanceof DomainError) || err.code !== 'event_refused') throw err;
          return say(user.lang, { key: `conversation.error.${err.fields?.reason ?? 'event_not_allowed_now'}` });
        });
    switch (meaning.kind) {
      case 'help':
        await countUse(this.limiter, user, 'help');
        return answerWith(meaning.event);
      case 'answer':
        return answerWith(meaning.event);
      case 'edit':
        if (current.step === 'review' && meaning.section) return answerWith({ type: 'EDIT', section: meaning.section });
        return say(user.lang, {
          key: current.step === 'submitted' ? 'conversation.reply.editAfterSubmit' : 'conversation.reply.editFromReview',
        });
      case 'language':
        await this.setLanguage(user, meaning.lang);
        return say(meaning.lang, { key: 'conversation.reply.languageSwitched' });
      case 'status':
        return say(user.lang, { key: 'conversation.reply.status' });
      case 'postalCode':
        return say(user.lang, { key: 'conversation.reply.useAddressForm', params: { postalCode: meaning.postalCode } });
      case 'invalid':
        return say(user.lang, { key: `conversation.error.${meaning.code}` });
      default:
        return say(user.lang, { key: current.input.kind === 'photo' ? 'conversation.reply.usePhotoUpload' : 'conversation.reply.unknown' });
    }
  }

  /** Switches the applicant's language everywhere (screens, emails); the transcript re-renders by itself. */
  async setLanguage(user: AuthUser, lang: 'en' | 'fr'): Promise<CaseView> {
    const caseId = await this.caseIdFor(user);
    await userModel(this.db).updateOne({ _id: user.id }, { $set: { lang } });
    user.lang = lang;
    const { view } = await this.engine.apply(caseId, lang, null, { event: null, entries: () => [], summary: { lang } });
    return view;
  }
}
