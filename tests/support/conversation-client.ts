import { randomUUID } from 'node:crypto';
import type { Ack } from '../../src/lib/shared/ack';
import type { CaseUpdate, CaseView, TranscriptEntry } from '../../src/lib/shared/case.contract';
import type { ApplicantEventInput } from '../../src/lib/shared/landing/events';
import type { TestSocket } from './portal';

/**
 * An applicant's conversation as a client keeps it: entries by seq (duplicates dropped), the
 * latest view, and every `case:update` broadcast it received.
 */
export class ConversationClient {
  entries = new Map<number, TranscriptEntry>();
  view: CaseView | undefined;
  broadcasts: CaseUpdate[] = [];

  constructor(readonly socket: TestSocket) {
    socket.on('case:update', (update) => {
      this.broadcasts.push(update);
      this.take(update);
    });
  }

  get lastSeq(): number {
    return Math.max(0, ...this.entries.keys());
  }

  take(update: CaseUpdate) {
    for (const entry of update.entries) this.entries.set(entry.seq, entry);
    if (!this.view || update.view.seq >= this.view.seq) this.view = update.view;
  }

  async sync(): Promise<CaseView> {
    return this.unwrap(await this.socket.emitWithAck('case:sync', { after: this.lastSeq }));
  }

  async answer(event: ApplicantEventInput, clientEventId: string = randomUUID()): Promise<Ack<CaseUpdate>> {
    const ack = await this.socket.emitWithAck('case:answer', { clientEventId, event });
    if (ack.ok) this.take(ack.data);
    return ack;
  }

  async text(text: string, clientEventId: string = randomUUID()): Promise<Ack<CaseUpdate>> {
    const ack = await this.socket.emitWithAck('case:text', { clientEventId, text });
    if (ack.ok) this.take(ack.data);
    return ack;
  }

  /** Sends an answer that must be accepted, and returns the new view. */
  async must(event: ApplicantEventInput): Promise<CaseView> {
    return this.unwrap(await this.answer(event));
  }

  private unwrap(ack: Ack<CaseUpdate>): CaseView {
    if (!ack.ok) throw new Error(`refused: ${JSON.stringify(ack.error)}`);
    this.take(ack.data);
    return ack.data.view;
  }
}
