import type { ApiFailure } from '$lib/api';
import { newClientEventId } from '$lib/chat/outbox';
import { RemoteTyping } from '$lib/chat/remote-typing.svelte';
import { TranscriptLog } from '$lib/chat/transcript-log';
import { TypingSignal } from '$lib/chat/typing-signal';
import type { Ack, AckError } from '$lib/shared/ack';
import type { CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import type { ChatSignal, HelpOutcome } from '$lib/shared/help.contract';
import type { EditableSection } from '$lib/shared/landing';
import type { StaffCaseUpdate } from '$lib/shared/socket-contract';
import type { StaffSocket } from '$lib/staff/staff-link.svelte';
import { ask } from './agent-socket';

/** A message the agent wrote that the server has not stored yet. */
export interface OutgoingMessage {
  clientEventId: string;
  text: string;
  link?: string;
  /** `waiting`: not connected, sent again on reconnect (the same id, so never twice). */
  state: 'sending' | 'waiting' | 'failed';
  failure?: ApiFailure;
}

/** A socket refusal in the shape the page explains (`explainFailure`). */
export const failureOf = (error: AckError): ApiFailure => ({
  ok: false,
  status: 0,
  code: error.code,
  message: error.message,
  fields: error.fields ?? {},
});
const noAnswer: ApiFailure = { ok: false, status: 0, code: 'network', message: 'No answer from the server.', fields: {} };

/**
 * One conversation an agent has joined: the transcript with internal entries (merged by seq, no
 * duplicates; re-watched from the last contiguous seq after a reconnect or a gap), the applicant's
 * live view, the agent's messages on their way, typing and read marks. The agent talks, suggests
 * and notes; nothing here answers for the applicant.
 */
export class AgentChat {
  view: CaseView;
  entries = $state.raw<readonly TranscriptEntry[]>([]);
  outgoing = $state.raw<OutgoingMessage[]>([]);
  /** The applicant has seen everything up to this seq (their `chat:read`). */
  readSeq = $state(0);
  readonly applicantTyping = new RemoteTyping();
  readonly typing: TypingSignal;

  readonly #log = new TranscriptLog();
  #readSent = 0;

  constructor(
    readonly caseId: string,
    readonly personName: string,
    private readonly socket: () => StaffSocket | null,
    first: StaffCaseUpdate,
  ) {
    this.view = $state.raw(first.view);
    this.typing = new TypingSignal((typing) => this.socket()?.emit('chat:typing', { caseId, typing }));
    this.take(first.view, first.entries, true);
  }

  /** Whether `agentName` still holds this request (they have not left, nobody else has it). */
  heldBy(agentName: string): boolean {
    return this.view.help.status === 'agentJoined' && this.view.help.agentName === agentName;
  }

  /** A `staff:case-update`: merged, and a gap (an update past what this page holds) is filled. */
  update(update: StaffCaseUpdate) {
    if (this.take(update.view, update.entries, false)) void this.watch();
  }

  /** After a reconnect: what was missed, then the messages that could not be sent. */
  async reconnected() {
    await this.watch();
    for (const message of this.outgoing) if (message.state === 'waiting') await this.deliver(message);
  }

  send(text: string, link?: string) {
    const message: OutgoingMessage = { clientEventId: newClientEventId(), text, ...(link ? { link } : {}), state: 'sending' };
    this.outgoing = [...this.outgoing, message];
    this.typing.stop();
    void this.deliver(message);
  }

  /** Drops a message the server refused. */
  discard(clientEventId: string) {
    this.outgoing = this.outgoing.filter((m) => m.clientEventId !== clientEventId);
  }

  note(text: string) {
    return this.act(ask(this.socket(), 'agent:note', { caseId: this.caseId, text }));
  }

  suggest(section: EditableSection) {
    return this.act(ask(this.socket(), 'agent:suggest', { caseId: this.caseId, section }));
  }

  /** Leaves with `outcome`; a referral to an officer carries `note`. */
  async leave(outcome: HelpOutcome, note?: string): Promise<Ack<CaseView> | { ok: false; failure: ApiFailure }> {
    this.typing.stop();
    try {
      const ack = await ask(this.socket(), 'agent:leave', { caseId: this.caseId, outcome, ...(note ? { note } : {}) });
      if (ack.ok) this.view = ack.data;
      return ack;
    } catch {
      return { ok: false, failure: noAnswer };
    }
  }

  signal(signal: ChatSignal & ({ typing: boolean } | { seq: number })) {
    if (signal.caseId !== this.caseId || signal.from !== 'applicant') return;
    if ('typing' in signal) this.applicantTyping.signal(signal.name ?? this.personName, signal.typing);
    else this.readSeq = Math.max(this.readSeq, signal.seq);
  }

  /** Tells the applicant their messages were read (call while the page is visible). */
  markRead() {
    const last = this.entries.findLast((e) => e.author === 'applicant');
    if (!last || last.seq <= this.#readSent || !this.socket()?.connected) return;
    this.#readSent = last.seq;
    this.socket()!.emit('chat:read', { caseId: this.caseId, seq: this.entries.at(-1)!.seq });
  }

  stop() {
    this.typing.stop();
    this.applicantTyping.clear();
  }

  private async act(pending: Promise<Ack<{ view: CaseView; entries: TranscriptEntry[] }>>): Promise<ApiFailure | null> {
    try {
      const ack = await pending;
      if (!ack.ok) return failureOf(ack.error);
      this.take(ack.data.view, ack.data.entries, false);
      return null;
    } catch {
      return noAnswer;
    }
  }

  private async deliver(message: OutgoingMessage) {
    this.replace(message.clientEventId, { state: 'sending' });
    const { caseId } = this;
    try {
      const ack = await ask(this.socket(), 'agent:message', {
        caseId,
        clientEventId: message.clientEventId,
        text: message.text,
        ...(message.link ? { link: message.link } : {}),
      });
      if (!ack.ok) return this.replace(message.clientEventId, { state: 'failed', failure: failureOf(ack.error) });
      this.take(ack.data.view, ack.data.entries, false);
      this.discard(message.clientEventId);
    } catch {
      this.replace(message.clientEventId, { state: 'waiting' });
    }
  }

  private replace(clientEventId: string, change: Partial<OutgoingMessage>) {
    this.outgoing = this.outgoing.map((m) => (m.clientEventId === clientEventId ? { ...m, ...change } : m));
  }

  /** Follows the case from the last contiguous entry this page holds. */
  private async watch() {
    try {
      const ack = await ask(this.socket(), 'staff:watch', { caseId: this.caseId, after: this.#log.lastSeq });
      if (ack.ok) this.take(ack.data.view, ack.data.entries, true);
    } catch {
      // Disconnected or timed out: the next connect watches again.
    }
  }

  /** Merges entries (see TranscriptLog) and keeps the newest view; true when the update reveals a gap. */
  private take(view: CaseView, entries: TranscriptEntry[], complete: boolean): boolean {
    const { added, gap } = this.#log.merge({ view, entries }, complete);
    if (added) this.entries = this.#log.entries;
    if (view.seq >= this.view.seq) this.view = view;
    return gap;
  }
}
