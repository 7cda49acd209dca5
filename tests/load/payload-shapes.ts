import { caseView, restoreLanding } from '../../server/cases/landing-actor';
import type { BoardPatch } from '../../src/lib/shared/board.contract';
import type { CaseUpdate, TranscriptEntry } from '../../src/lib/shared/case.contract';

/** Payloads of the portal's real shape and size, for the bare Socket.IO baselines. */
export function payloadShapes() {
  const view = caseView(
    'case-00000000-0000-4000-8000-000000000000',
    12,
    'en',
    restoreLanding(null, { givenName: 'Amara', familyName: 'Okafor', dateOfBirth: '1990-05-17', uci: '12345678' }).getSnapshot(),
  );
  const at = new Date().toISOString();
  const entries: TranscriptEntry[] = [
    { seq: 11, at, author: 'applicant', message: { key: 'conversation.echo.identity.yes' }, visibility: 'all' },
    { seq: 12, at, author: 'assistant', message: { key: 'conversation.presence.prompt', params: {} }, visibility: 'all' },
  ];
  const caseUpdate: CaseUpdate = { view, entries };
  const boardPatch: BoardPatch = {
    row: {
      caseId: view.caseId,
      personName: 'Amara Okafor',
      applicationNumber: 'E001234567',
      uci: '12345678',
      lang: 'en',
      step: 'presence',
      stepNumber: 3,
      stepEnteredAt: at,
      lastActivityAt: at,
      flags: [],
      helpStatus: 'none',
      photoStatus: 'none',
      version: 4,
    },
    previousStep: 'identity',
  };
  return { ackReply: { ok: true, data: caseUpdate }, boardPatch, caseUpdate };
}
