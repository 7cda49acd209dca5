import type { ClientEvents } from '../../../src/lib/shared/socket-contract';

export interface SocketEventShape {
  event: keyof ClientEvents;
  /** A valid-shaped payload; `caseId` is filled with a real case where the payload takes one. */
  base: (caseId: string) => Record<string, unknown>;
  required: string[];
}

/** Every client event of src/lib/shared/socket-contract.ts with a valid-shaped payload. */
export const socketEvents: SocketEventShape[] = [
  { event: 'system:ping', base: () => ({ clientTime: 1 }), required: ['clientTime'] },
  { event: 'case:sync', base: () => ({ after: 0 }), required: ['after'] },
  {
    event: 'case:answer',
    base: () => ({ clientEventId: 'hostile-0001', event: { type: 'MAILING_SAME_AS_RESIDENTIAL', same: true } }),
    required: ['clientEventId', 'event'],
  },
  { event: 'case:text', base: () => ({ clientEventId: 'hostile-0002', text: 'hello' }), required: ['clientEventId', 'text'] },
  { event: 'case:language', base: () => ({ lang: 'fr' }), required: ['lang'] },
  { event: 'staff:watch', base: (caseId) => ({ caseId, after: 0 }), required: ['caseId', 'after'] },
  { event: 'staff:unwatch', base: (caseId) => ({ caseId }), required: ['caseId'] },
  { event: 'agent:join', base: (caseId) => ({ caseId }), required: ['caseId'] },
  {
    event: 'agent:message',
    base: (caseId) => ({ caseId, clientEventId: 'hostile-0003', text: 'hi' }),
    required: ['caseId', 'clientEventId', 'text'],
  },
  { event: 'agent:note', base: (caseId) => ({ caseId, text: 'note' }), required: ['caseId', 'text'] },
  { event: 'agent:suggest', base: (caseId) => ({ caseId, section: 'photo' }), required: ['caseId', 'section'] },
  { event: 'agent:leave', base: (caseId) => ({ caseId, outcome: 'resolved' }), required: ['caseId', 'outcome'] },
  { event: 'chat:typing', base: (caseId) => ({ caseId, typing: true }), required: ['typing'] },
  { event: 'chat:read', base: (caseId) => ({ caseId, seq: 1 }), required: ['seq'] },
];

/** Event names no handler has: each must still be answered (or at least never hurt). */
export const unknownEvents = [
  'case:delete',
  'disconnect',
  'newListener',
  'admin:grant',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'x'.repeat(2_000),
  '',
];
