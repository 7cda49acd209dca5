import type { Connection } from 'mongoose';
import { eventNotice, type LandingContext, type LandingEvent } from '../../machines/landing.machine';
import type { StaffEvent } from '../../src/lib/shared/landing';
import { translateKey } from '../../src/lib/i18n/messages.server';
import { personModel } from '../applications/application.model';
import type { AuditLog } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-types';
import type { Clock } from '../clock';
import type { Outbox } from '../email/outbox';
import { noticeEmail } from '../email/templates/notice.email';
import type { EcoprService } from '../ecopr/ecopr.service';
import { mailingAddressLine } from '../ecopr/issue-input';
import { DomainError } from '../http/domain-error';
import { toBoardRow } from './board-row';
import { assistantSays, staffRecord } from './case-entries';
import type { CaseEngine } from './case-engine';
import { photoModel } from './photo.model';
import { readableParams } from '../../src/lib/dates/readable-date';
import { signInPath } from '../../src/lib/auth/destinations';
import { ECOPR_IN_CONVERSATION } from '../../src/lib/shared/ecopr-window';

const actorOf = (u: AuthUser) => ({ id: u.id, role: u.role, name: u.username });

/**
 * What officers do with a case: read it (audited), review the photo, resolve flags, confirm PR.
 * Every decision is a machine event through the same commit path as the applicant's answers,
 * so the applicant sees it at once, and it is audited and recorded in the case's log.
 */
export class StaffCaseService {
  constructor(
    private readonly db: Connection,
    private readonly engine: CaseEngine,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly ecopr: EcoprService,
  ) {}

  /** Everything an officer reviews: the board row, every answer, the transcript (internal entries too), the audit trail. */
  async detail(caseId: string, officer: AuthUser, ip: string | null) {
    const c = await this.engine.store.load(caseId).catch(() => {
      throw new DomainError('not_found', 'No such case.');
    });
    const context = (JSON.parse(c.snapshot) as { context: LandingContext }).context;
    // One "viewed" entry per officer and case per quarter hour: the live view re-reads often. It is
    // written before the trail is read, so the trail the officer sees already says "Opened".
    const recent = await this.audit.list({ caseId, action: 'case.viewed', actorId: officer.id }, 1);
    if (!recent[0] || this.clock.now().getTime() - new Date(recent[0].at).getTime() > 15 * 60_000) {
      await this.audit.record({ action: 'case.viewed', actor: actorOf(officer), ip, caseId });
    }
    const [entries, trail, photos] = await Promise.all([
      this.engine.store.entriesAfter(caseId, 0, 'staff'),
      this.audit.list({ caseId }, 200),
      photoModel(this.db).find({ caseId }, { _id: 1, uploadedAt: 1, width: 1, height: 1 }).sort({ uploadedAt: -1 }).lean(),
    ]);
    return {
      row: toBoardRow(c),
      view: this.engine.view(c),
      answers: context,
      entries,
      photos: photos.map((p) => ({ id: p._id, uploadedAt: p.uploadedAt, width: p.width, height: p.height })),
      audit: trail.map((a) => ({ at: a.at, action: a.action, actorName: a.actorName, actorRole: a.actorRole, details: a.details })),
    };
  }

  /** Applies an officer's decision (already parsed with the staff event schema). */
  /** `baseUrl`: the portal's public address, for the link in the email a decision sends (confirmation). */
  async decide(caseId: string, officer: AuthUser, event: StaffEvent, ip: string | null, baseUrl?: string) {
    const at = this.clock.now();
    const c = await this.engine.store.load(caseId);
    const update = await this.engine
      .apply(caseId, officer.lang, null, {
        event: { ...event, at: at.toISOString() } as LandingEvent,
        entries: (before, after) => {
          const notice = eventNotice(event);
          const record = staffRecord(
            at,
            { key: `staff.decision.${event.type}`, params: decisionParams(event) },
            officer.displayName,
            event,
          );
          return [record, ...(notice ? [assistantSays(at, notice)] : []), ...this.engine.followUp(at, before, after)];
        },
      })
      .catch((err: unknown) => {
        throw err instanceof DomainError ? staffWording(err, c.step, officer.lang) : err;
      });
    await this.audit.record({
      action: `case.${event.type.toLowerCase()}`,
      actor: actorOf(officer),
      ip,
      caseId,
      details: decisionParams(event),
    });
    await this.notify(c.personId, caseId, event, update.view.confirmation, baseUrl);
    return update;
  }

  /**
   * Confirms PR: the machine's guard first (photo approved, no open flag), then the eCOPR is issued
   * under a new document number, then the confirmation is applied with that number. If the case
   * changed in between and the machine refuses, the just-issued eCOPR is withdrawn.
   */
  async confirm(caseId: string, officer: AuthUser, ip: string | null, baseUrl?: string) {
    const now = this.clock.now();
    const c = await this.engine.store.load(caseId);
    const probe = {
      type: 'PR_CONFIRMED',
      documentNumber: 'ECOPR-CHECK',
      prDate: now.toISOString().slice(0, 10),
      at: now.toISOString(),
    } as LandingEvent;
    const refusal = this.engine.check(c, probe, officer.lang);
    if (refusal) throw staffWording(refusal, c.step, officer.lang);
    const context = (JSON.parse(c.snapshot) as { context: LandingContext }).context;
    const person = await personModel(this.db).findById(c.personId).lean();
    const address = context.mailing.address ?? context.residentialAddress;
    if (!person || !address) throw new DomainError('conflict', 'This case is missing its person record or address.');
    const { ecopr, created } = await this.ecopr.issue(
      {
        caseId,
        personId: person._id,
        givenName: person.givenName,
        familyName: person.familyName,
        dateOfBirth: person.dateOfBirth,
        uci: person.uci,
        applicationNumber: person.applicationNumber,
        mailingAddress: mailingAddressLine(address),
        lang: person.lang as 'en' | 'fr',
      },
      now,
    );
    try {
      return await this.decide(caseId, officer, { type: 'PR_CONFIRMED', documentNumber: ecopr._id, prDate: ecopr.prDate }, ip, baseUrl);
    } catch (err) {
      // Only an eCOPR this call created may be withdrawn: a second "Confirm" (double click) gets the
      // first one back and must never delete it.
      const confirmed = (await this.engine.store.load(caseId)).step === 'confirmed';
      if (created && !confirmed) await this.ecopr.withdraw(ecopr._id);
      throw err;
    }
  }

  /**
   * Bulk confirm: each case is confirmed on its own (the machine's guard, its own eCOPR, its own audit
   * record), one after another; a case that stopped being ready since the officer chose it is
   * skipped and reported with the reason, and the others go on.
   */
  async confirmMany(caseIds: string[], officer: AuthUser, ip: string | null, baseUrl?: string) {
    const confirmed: { caseId: string; documentNumber: string }[] = [];
    const skipped: { caseId: string; code: string; message: string }[] = [];
    for (const caseId of new Set(caseIds)) {
      try {
        const update = await this.confirm(caseId, officer, ip, baseUrl);
        confirmed.push({ caseId, documentNumber: update.view.confirmation?.documentNumber ?? '' });
      } catch (err) {
        if (!(err instanceof DomainError)) throw err;
        skipped.push({ caseId, code: err.fields?.reason ?? err.code, message: err.message });
      }
    }
    return { confirmed, skipped };
  }

  private async notify(
    personId: string,
    caseId: string,
    event: StaffEvent,
    confirmation: { prDate: string; downloadUntil: string } | null,
    baseUrl?: string,
  ) {
    if (event.type !== 'PHOTO_REJECTED' && event.type !== 'PR_CONFIRMED') return;
    const person = await personModel(this.db).findById(personId).lean();
    if (!person) return;
    const common = { person: { givenName: person.givenName, familyName: person.familyName }, lang: person.lang as 'en' | 'fr' };
    const email =
      event.type === 'PHOTO_REJECTED'
        ? noticeEmail({
            ...common,
            subject: 'notice.photoRejected.subject',
            heading: 'notice.photoRejected.heading',
            paragraphs: ['notice.photoRejected.reason', 'notice.photoRejected.next'],
            params: (lang) => ({
              reason: translateKey(lang, `conversation.photoReason.${event.reason}`) + (event.note ? ` ${event.note}` : ''),
            }),
          })
        : noticeEmail({
            ...common,
            subject: 'notice.confirmed.subject',
            heading: 'notice.confirmed.heading',
            paragraphs: ['notice.confirmed.body', 'notice.confirmed.download'],
            params: (lang) =>
              readableParams(lang, { prDate: confirmation?.prDate ?? '', downloadUntil: confirmation?.downloadUntil ?? '' })!,
            // Only to the sign-in page, which then opens the conversation at the eCOPR: no document, no token.
            ...(baseUrl
              ? { action: { label: 'notice.confirmed.action' as const, url: new URL(signInPath(ECOPR_IN_CONVERSATION), baseUrl).href } }
              : {}),
          });
    await this.outbox.enqueue(
      { to: person.email, ...email },
      { kind: event.type === 'PHOTO_REJECTED' ? 'photo_rejected' : 'pr_confirmed', personId, caseId },
    );
  }
}

/**
 * The machine's "not at this step" is written for the applicant ("Here is the current question");
 * an officer is told where the case is instead. Other refusals (photo not approved, flags open) keep
 * their own words.
 */
function staffWording(refusal: DomainError, step: string, lang: 'en' | 'fr'): DomainError {
  if (refusal.fields?.reason !== 'event_not_allowed_now') return refusal;
  const message = translateKey(lang, 'caseView.error.notAtThisStep', { step: translateKey(lang, `board.step.${step}`) });
  return new DomainError('event_refused', message, { reason: 'event_not_allowed_now' });
}

function decisionParams(event: StaffEvent): Record<string, string> {
  switch (event.type) {
    case 'PHOTO_REJECTED':
      return { reason: event.reason, note: event.note ?? '' };
    case 'FLAG_RESOLVED':
      return { flag: event.flag, note: event.note };
    case 'PR_CONFIRMED':
      return { documentNumber: event.documentNumber, prDate: event.prDate };
    default:
      return {};
  }
}
