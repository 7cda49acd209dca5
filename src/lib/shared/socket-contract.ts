import { z } from 'zod';
import type { AckCallback } from './ack';
import type { AnswerPayload, CaseUpdate, CaseView, SyncPayload, TextPayload } from './case.contract';

/** The one contract for Socket.IO events, imported by the server and the browser. */

export const pingPayload = z.strictObject({ clientTime: z.number().finite() });
export type PingPayload = z.infer<typeof pingPayload>;

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
}

export interface ServerEvents {
  'system:notice': (notice: { code: string; message: string }) => void;
  /** New entries and the new question, to every socket of the case (other tabs and devices too). */
  'case:update': (update: CaseUpdate) => void;
}
