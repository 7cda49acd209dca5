import { createActor } from 'xstate';
import type { CaseView } from '../../src/lib/shared/case.contract';
import {
  addressMessage,
  describeState,
  landingMachine,
  reviewSummary,
  type LandingContext,
  type LandingSnapshot,
} from '../../machines/landing.machine';
import type { Message } from '../../src/lib/shared/landing';
import type { Person } from '../../machines/landing.machine';

/** The PR card goes to the mailing address, or the home address when they are the same. */
function cardAddressOf(context: LandingContext) {
  const address = context.mailing.address ?? context.residentialAddress;
  return address ? addressMessage(address) : null;
}

/** A running conversation machine restored from a case's persisted snapshot (or a new one). */
export function restoreLanding(snapshotJson: string | null, person: Person) {
  const actor = snapshotJson
    ? createActor(landingMachine, { snapshot: JSON.parse(snapshotJson), input: { person } })
    : createActor(landingMachine, { input: { person } });
  actor.start();
  return actor;
}

export const persist = (actor: ReturnType<typeof restoreLanding>) => JSON.stringify(actor.getPersistedSnapshot());

/** The assistant's messages for the current question: notes, the prompt, then what follows it. */
export function promptMessages(snapshot: LandingSnapshot): Message[] {
  const view = describeState(snapshot);
  return [...view.notes, { key: view.promptKey, params: view.params }, ...view.after];
}

/** What the applicant's screen needs, computed on the server from the machine. */
export function caseView(caseId: string, seq: number, lang: 'en' | 'fr', snapshot: LandingSnapshot): CaseView {
  const view = describeState(snapshot);
  const context: LandingContext = snapshot.context;
  return {
    caseId,
    seq,
    stateId: view.stateId,
    step: view.step,
    stepNumber: view.stepNumber,
    totalSteps: view.totalSteps,
    promptKey: view.promptKey,
    params: view.params,
    input: view.input,
    editing: view.editing,
    flags: view.flags,
    help: view.help,
    done: view.done,
    lang,
    photo: { id: context.photo.id, status: context.photo.status },
    review: view.step === 'review' ? reviewSummary(context) : [],
    confirmation: context.confirmation
      ? {
          documentNumber: context.confirmation.documentNumber,
          prDate: context.confirmation.prDate,
          downloadUntil: context.confirmation.downloadUntil,
          cardAddress: cardAddressOf(context),
        }
      : null,
  };
}
