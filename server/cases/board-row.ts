import type { BoardFlag, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import type { CaseView } from '../../src/lib/shared/case.contract';
import type { StoredCase } from './case-store';

/** The board's flags for a case: the machine's open flags plus what the board derives. */
export function boardFlagsOf(view: Pick<CaseView, 'flags' | 'help' | 'photo' | 'step'>, invitationState: string): BoardFlag[] {
  const flags: BoardFlag[] = [...view.flags];
  if (view.help.status === 'requested') flags.push('help_requested');
  if (view.photo.status === 'uploaded' && (view.step === 'submitted' || view.step === 'review')) flags.push('photo_waiting');
  if (invitationState === 'declined') flags.push('invitation_declined');
  // Submitted, photo approved, no open flag: an officer can confirm it now.
  if (view.step === 'submitted' && view.photo.status === 'approved' && view.flags.length === 0) flags.push('ready_to_confirm');
  return flags;
}

/** The board's step: before acceptance the conversation has not started. */
export function boardStepOf(machineStep: string, invitationState: string): BoardStep {
  if (invitationState === 'declined') return 'declined';
  if (invitationState !== 'accepted') return 'invited';
  return machineStep as BoardStep;
}

/** A case as the board reads it: everything but the snapshot and the event list. */
export type BoardCase = Omit<StoredCase, 'snapshot' | 'events'>;

export function toBoardRow(c: BoardCase): BoardRow {
  return {
    caseId: c._id,
    personName: c.personName,
    applicationNumber: c.applicationNumber,
    uci: c.uci,
    lang: c.lang as 'en' | 'fr',
    step: c.step as BoardStep,
    stepNumber: c.stepNumber ?? null,
    stepEnteredAt: new Date(c.stepEnteredAt).toISOString(),
    lastActivityAt: new Date(c.lastActivityAt).toISOString(),
    flags: (c.flags ?? []) as BoardFlag[],
    helpStatus: (c.helpStatus ?? 'none') as BoardRow['helpStatus'],
    photoStatus: c.photoStatus ?? 'none',
    version: c.version,
  };
}
