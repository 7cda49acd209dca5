import { io, type Socket } from 'socket.io-client';
import type { Lang } from '$lib/i18n/lang';
import type { Ack, AckError } from '$lib/shared/ack';
import type { CaseUpdate, CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import type { ApplicantEventInput, Message } from '$lib/shared/landing';
import type { ClientEvents, ServerEvents } from '$lib/shared/socket-contract';
import { loadOutbox, newClientEventId, saveOutbox, type OutboxStorage, type PendingAnswer } from './outbox';

export type ChatSocket = Socket<ServerEvents, ClientEvents>;
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/** Why the server refused the applicant's last answer: a `conversation.error.<code>` and the field at fault. */
export interface Refusal {
  code: string;
  field: string | null;
  /** The server's own text, used only when no translation exists for `code`. */
  message: string;
}

export interface ConversationOptions {
  /** Where the outbox is kept across reloads (one key per person). */
  storageKey: string;
  storage?: OutboxStorage;
  /** Opens the socket; defaults to same-origin Socket.IO with the session cookie. */
  connect?: () => ChatSocket;
  /** Called when the case's language changes on the server (free text, another device). */
  onLanguage?: (lang: Lang) => void;
}

const ACK_TIMEOUT_MS = 15_000;
const RETRY_MS = 3_000;
/** Failures worth sending again: the answer itself was fine. */
const transientCodes = new Set(['internal', 'db_unavailable', 'conflict', 'rate_limited']);

function refusalOf(error: AckError): Refusal {
  const [path, problem] = Object.entries(error.fields ?? {}).find(([key]) => key !== 'reason' && key !== 'field') ?? [];
  const code = error.fields?.reason ?? problem ?? error.code;
  const field = error.fields?.field ?? path?.split('.').at(-1) ?? null;
  return { code, field, message: error.message };
}

/**
 * The applicant's conversation as this tab knows it: transcript entries by sequence number (no
 * duplicates; a gap or a reconnect asks the server for everything after the last one), the
 * server's current view, the connection, and an outbox of answers not yet acknowledged, kept in
 * `sessionStorage` and re-sent in order until the server acknowledges them.
 */
export class Conversation {
  entries = $state.raw<TranscriptEntry[]>([]);
  view = $state.raw<CaseView | null>(null);
  status = $state<ConnectionStatus>('reconnecting');
  /** False until the first connection: the badge then says "Connecting…". */
  hasConnected = $state(false);
  /** The session was signed out or expired: sign in again to continue. */
  sessionEnded = $state(false);
  outbox = $state.raw<PendingAnswer[]>([]);
  /** The client id of the answer on the wire right now. */
  sendingId = $state<string | null>(null);
  refusal = $state.raw<Refusal | null>(null);

  #socket: ChatSocket | null = null;
  #seqs = new Set<number>();
  #known = 0;
  #syncing = false;
  #syncAgain = false;
  #flushing = false;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #requestedLang: Lang | null = null;

  constructor(private readonly options: ConversationOptions) {
    this.outbox = loadOutbox(options.storage, options.storageKey);
  }

  /** Every entry up to this sequence number is here (or is staff-only). */
  get lastSeq(): number {
    return this.#known;
  }

  start() {
    const socket = this.options.connect?.() ?? (io({ transports: ['websocket', 'polling'] }) as ChatSocket);
    this.#socket = socket;
    socket.on('connect', () => {
      this.status = 'connected';
      this.hasConnected = true;
      this.sessionEnded = false;
      void this.sync();
      void this.flush();
    });
    socket.on('disconnect', (reason) => {
      this.status = this.online() ? 'reconnecting' : 'offline';
      // The server closed it (sign-out elsewhere, or a restart): try once; a refused handshake says why.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      this.sessionEnded = error.message === 'unauthenticated';
      this.status = this.sessionEnded || !this.online() ? 'offline' : 'reconnecting';
      // A handshake refused by the server is not retried by Socket.IO itself.
      if (!socket.active && !this.sessionEnded) this.later(() => socket.connect(), RETRY_MS);
    });
    socket.on('case:update', (update) => this.take(update, false));
    globalThis.addEventListener?.('online', this.#wentOnline);
    globalThis.addEventListener?.('offline', this.#wentOffline);
  }

  stop() {
    clearTimeout(this.#retry);
    globalThis.removeEventListener?.('online', this.#wentOnline);
    globalThis.removeEventListener?.('offline', this.#wentOffline);
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Queues an answer (a machine event) with how it reads in the transcript while it waits. */
  answer(event: ApplicantEventInput, echo: Message): string {
    return this.enqueue({ kind: 'answer', clientEventId: newClientEventId(), event, echo, queuedAt: new Date().toISOString() });
  }

  /** Queues free text for the assistant to interpret. */
  say(text: string): string {
    const echo = { key: 'conversation.echo.text', params: { text } };
    return this.enqueue({ kind: 'text', clientEventId: newClientEventId(), text, echo, queuedAt: new Date().toISOString() });
  }

  /** Saves the language on the case (screens and emails follow it); the page re-renders by itself. */
  async setLanguage(lang: Lang) {
    if (!this.view || this.#requestedLang === lang || (this.view.lang === lang && this.#requestedLang === null)) return;
    this.#requestedLang = lang;
    try {
      const ack = await this.emit('case:language', { lang });
      if (ack.ok) this.setView(ack.data);
    } catch {
      // Not connected: the page asks again once the view comes back in the other language.
    } finally {
      if (this.#requestedLang === lang) this.#requestedLang = null;
    }
  }

  dismissRefusal() {
    this.refusal = null;
  }

  private enqueue(item: PendingAnswer): string {
    this.refusal = null;
    this.outbox = [...this.outbox, item];
    saveOutbox(this.options.storage, this.options.storageKey, this.outbox);
    void this.flush();
    return item.clientEventId;
  }

  private drop(clientEventId: string) {
    this.outbox = this.outbox.filter((item) => item.clientEventId !== clientEventId);
    saveOutbox(this.options.storage, this.options.storageKey, this.outbox);
  }

  /** Sends the outbox in order, one answer at a time; stops at the first one that did not get through. */
  private async flush() {
    if (this.#flushing) return;
    this.#flushing = true;
    try {
      while (this.outbox.length > 0 && this.#socket?.connected) {
        const item = this.outbox[0]!;
        this.sendingId = item.clientEventId;
        let ack: Ack<CaseUpdate>;
        try {
          ack = item.kind === 'answer'
            ? await this.emit('case:answer', { clientEventId: item.clientEventId, event: item.event })
            : await this.emit('case:text', { clientEventId: item.clientEventId, text: item.text });
        } catch {
          break; // disconnected or timed out: kept, and sent again on reconnect (or by the retry below)
        }
        if (!ack.ok && ack.error.code === 'unauthenticated') this.sessionEnded = true;
        if (!ack.ok && (transientCodes.has(ack.error.code) || ack.error.code === 'unauthenticated')) break;
        this.drop(item.clientEventId);
        if (ack.ok) this.take(ack.data, false);
        else this.refusal = refusalOf(ack.error);
      }
    } finally {
      this.sendingId = null;
      this.#flushing = false;
    }
    if (this.outbox.length > 0 && this.#socket?.connected) this.later(() => void this.flush(), RETRY_MS);
  }

  /** Asks for every entry after the last one this tab has, and the current question. */
  private async sync() {
    if (this.#syncing) {
      this.#syncAgain = true;
      return;
    }
    this.#syncing = true;
    try {
      do {
        this.#syncAgain = false;
        const ack = await this.emit('case:sync', { after: this.#known });
        if (ack.ok) this.take(ack.data, true);
      } while (this.#syncAgain && this.#socket?.connected);
    } catch {
      // Disconnected mid-way: the next connect syncs again.
    } finally {
      this.#syncing = false;
    }
  }

  /**
   * Merges entries and the view. A sync answer is complete up to its view's seq; any other update
   * whose view is ahead of what this tab holds reveals a gap, which a sync fills.
   */
  private take(update: CaseUpdate, complete: boolean) {
    const fresh = update.entries.filter((entry) => entry.seq > this.#known && !this.#seqs.has(entry.seq));
    if (fresh.length > 0) {
      for (const entry of fresh) this.#seqs.add(entry.seq);
      this.entries = [...this.entries, ...fresh].sort((a, b) => a.seq - b.seq);
    }
    if (complete) this.#known = Math.max(this.#known, update.view.seq);
    while (this.#seqs.has(this.#known + 1)) this.#known += 1;
    if (!this.view || update.view.seq >= this.view.seq) this.setView(update.view);
    if (!complete && update.view.seq > this.#known) void this.sync();
  }

  private setView(view: CaseView) {
    const previous = this.view;
    this.view = view;
    if (previous && previous.stateId !== view.stateId) this.refusal = null;
    const langChanged = previous?.lang !== view.lang;
    if (langChanged && (this.#requestedLang === null || this.#requestedLang === view.lang)) this.options.onLanguage?.(view.lang);
  }

  private emit<E extends 'case:sync' | 'case:answer' | 'case:text' | 'case:language'>(event: E, payload: Parameters<ClientEvents[E]>[0]) {
    type Reply = Parameters<Parameters<ClientEvents[E]>[1]>[0];
    const socket = this.#socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    const emitter = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: E, payload: unknown): Promise<Reply> };
    return emitter.emitWithAck(event, payload);
  }

  private later(run: () => void, ms: number) {
    clearTimeout(this.#retry);
    this.#retry = setTimeout(run, ms);
  }

  private online(): boolean {
    return globalThis.navigator?.onLine !== false;
  }

  #wentOnline = () => {
    if (this.#socket && !this.#socket.connected) {
      this.status = 'reconnecting';
      this.#socket.connect();
    }
  };

  #wentOffline = () => {
    if (!this.#socket?.connected) this.status = 'offline';
  };
}
