import { z } from 'zod';
import type { AckCallback } from './ack';
import type { BoardPatch } from './board.contract';
import type { ChatSignal } from './help.contract';
import type { z as zod } from 'zod';
import type {
  agentJoinPayload,
  agentLeavePayload,
  agentMessagePayload,
  agentNotePayload,
  agentSuggestPayload,
  readPayload,
  typingPayload,
} from './help.contract';
import type { AnswerPayload, CaseUpdate, CaseView, SyncPayload, TextPayload, TranscriptEntry } from './case.contract';

/** The one contract for Socket.IO events, imported by the server and the browser. */

export const pingPayload = z.strictObject({ clientTime: z.number().finite() });
export type PingPayload = z.infer<typeof pingPayload>;

export const watchPayload = z.strictObject({
  caseId: z.string().regex(/^case-[0-9a-f-]{36}$/, 'case_id_invalid'),
  after: z.number().int().min(0).max(1e9),
});
export type WatchPayload = z.infer<typeof watchPayload>;

/** What staff watching a case receive: every entry, internal ones included. */
export interface StaffCaseUpdate {
  caseId: string;
  view: CaseView;
  entries: TranscriptEntry[];
}

export interface ClientEvents {
  'system:ping': (payload: PingPayload, ack: AckCallback<{ clientTime: number; serverTime: number }>) => void;
  /** Applicant: everything after my last seen sequence number, and the current question. */
  'case:sync': (payload: SyncPayload, ack: AckCallback<CaseUpdate>) => void;
  /** Applicant: an answer (a machine event), with a client-generated id for safe retries. */
  'case:answer': (payload: AnswerPayload, ack: AckCallback<CaseUpdate>) => void;
  /** Applicant: free text the assistant interprets. */
  'case:text': (payload: TextPayload, ack: AckCallback<CaseUpdate>) => void;
  /** Applicant: switch language (persisted; emails follow it too). */
  'case:language': (payload: { lang: 'en' | 'fr' }, ack: AckCallback<CaseView>) => void;
  /** Staff: follow one case live (officers, admins, agents); answers the entries after `after`. */
  'staff:watch': (payload: WatchPayload, ack: AckCallback<StaffCaseUpdate>) => void;
  'staff:unwatch': (payload: { caseId: string }, ack: AckCallback<null>) => void;
  /** Agent: take a waiting help request (exactly one agent wins); answers like `staff:watch`. */
  'agent:join': (payload: zod.infer<typeof agentJoinPayload>, ack: AckCallback<StaffCaseUpdate>) => void;
  'agent:message': (payload: zod.infer<typeof agentMessagePayload>, ack: AckCallback<CaseUpdate>) => void;
  'agent:note': (payload: zod.infer<typeof agentNotePayload>, ack: AckCallback<CaseUpdate>) => void;
  'agent:suggest': (payload: zod.infer<typeof agentSuggestPayload>, ack: AckCallback<CaseUpdate>) => void;
  'agent:leave': (payload: zod.infer<typeof agentLeavePayload>, ack: AckCallback<CaseView>) => void;
  /** Either side: typing started/stopped, and "read up to seq" (ephemeral, relayed to the other side). */
  'chat:typing': (payload: zod.infer<typeof typingPayload>, ack?: AckCallback<null>) => void;
  'chat:read': (payload: zod.infer<typeof readPayload>, ack?: AckCallback<null>) => void;
}

export interface ServerEvents {
  'system:notice': (notice: { code: string; message: string }) => void;
  /** New entries and the new question, to every socket of the case (other tabs and devices too). */
  'case:update': (update: CaseUpdate) => void;
  /** To staff watching the case. */
  'staff:case-update': (update: StaffCaseUpdate) => void;
  /** To the `staff` room: one board row changed. */
  'board:patch': (patch: BoardPatch) => void;
  'chat:typing': (signal: ChatSignal & { typing: boolean }) => void;
  'chat:read': (signal: ChatSignal & { seq: number }) => void;
}
