import type { Lang } from '$lib/i18n/lang';
import type { AckError } from '$lib/shared/ack';
import type { CaseUpdate, CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import type { ApplicantEventInput, Message } from '$lib/shared/landing';
import { connectPortal, type PortalSocket } from '$lib/portal-socket';
import type { ClientEvents } from '$lib/shared/socket-contract';
import { newClientEventId, type OutboxStorage, type PendingAnswer } from './outbox';
import { OutboxQueue } from './outbox-queue.svelte';
import { TranscriptLog } from './transcript-log';

export type ChatSocket = PortalSocket;
export type ConnectionStatus = 'connected' | 'reconnecting' | 'offline';

/** Why the server refused the applicant's last answer: a `conversation.error.<code>` and the field at fault. */
export interface Refusal {
  code: string;
  field: string | null;
  /** The server's own text, used only when no translation exists for `code`. */
  message: string;
}

export interface ConversationOptions {
  /** Where unsent answers are kept across reloads (one key per person). */
  storageKey: string;
  storage?: OutboxStorage;
  /** Opens the socket; defaults to same-origin Socket.IO with the session cookie. */
  connect?: () => ChatSocket;
  /** Called when the case's language changes on the server (free text, another device). */
  onLanguage?: (lang: Lang) => void;
}

const ACK_TIMEOUT_MS = 15_000;
const RECONNECT_MS = 3_000;
type CaseEvent = 'case:sync' | 'case:answer' | 'case:text' | 'case:language';
/** An answer before it is queued: `enqueue` gives it its id and time. */
type Unqueued<A> = A extends PendingAnswer ? Omit<A, 'clientEventId' | 'queuedAt'> : never;
type NewAnswer = Unqueued<PendingAnswer>;

function refusalOf(error: AckError): Refusal {
  const [path, problem] = Object.entries(error.fields ?? {}).find(([key]) => key !== 'reason' && key !== 'field') ?? [];
  const code = error.fields?.reason ?? problem ?? error.code;
  const field = error.fields?.field ?? path?.split('.').at(-1) ?? null;
  return { code, field, message: error.message };
}

/**
 * The applicant's conversation as this tab knows it: the transcript (by sequence number, synced
 * after every (re)connect and whenever a gap shows), the server's current view, the connection,
 * and the answers waiting to be acknowledged.
 */
export class Conversation {
  entries = $state.raw<readonly TranscriptEntry[]>([]);
  view = $state.raw<CaseView | null>(null);
  status = $state<ConnectionStatus>('reconnecting');
  /** False until the first connection: the badge then says "Connecting…". */
  hasConnected = $state(false);
  /** The session was signed out or expired: sign in again to continue. */
  sessionEnded = $state(false);
  refusal = $state.raw<Refusal | null>(null);
  /** The last review summary seen, to prefill what the applicant chose to change. */
  lastReview = $state.raw<CaseView['review']>([]);
  readonly outbox: OutboxQueue;

  #socket: ChatSocket | null = null;
  #log = new TranscriptLog();
  #syncing = false;
  #syncAgain = false;
  /** Broadcasts that arrive while this tab's own answer is on the wire wait for its ack. */
  #held: CaseUpdate[] = [];
  #reconnect: ReturnType<typeof setTimeout> | undefined;
  #requestedLang: Lang | null = null;

  constructor(private readonly options: ConversationOptions) {
    this.outbox = new OutboxQueue({
      storageKey: options.storageKey,
      storage: options.storage,
      connected: () => this.#socket?.connected === true,
      send: (item) =>
        item.kind === 'answer'
          ? this.emit('case:answer', { clientEventId: item.clientEventId, event: item.event })
          : this.emit('case:text', { clientEventId: item.clientEventId, text: item.text }),
      onApplied: (update) => this.take(update, false),
      onRefused: (error) => (this.refusal = refusalOf(error)),
      onSettled: () => this.#held.splice(0).forEach((update) => this.take(update, false)),
    });
  }

  /** Every entry up to this sequence number is here (or is staff-only). */
  get lastSeq(): number {
    return this.#log.lastSeq;
  }

  /** Answers shown in the transcript as waiting, oldest first. */
  get pending(): PendingAnswer[] {
    return this.outbox.items;
  }

  start() {
    const socket = this.options.connect?.() ?? connectPortal();
    this.#socket = socket;
    socket.on('connect', () => {
      this.status = 'connected';
      this.hasConnected = true;
      this.sessionEnded = false;
      void this.sync();
      void this.outbox.flush();
    });
    socket.on('disconnect', (reason) => {
      this.status = this.online() ? 'reconnecting' : 'offline';
      // Closed by the server (sign-out elsewhere, a restart): try once; a refused handshake says why.
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      this.sessionEnded = error.message === 'unauthenticated';
      this.status = this.sessionEnded || !this.online() ? 'offline' : 'reconnecting';
      // A handshake the server refused is not retried by Socket.IO itself.
      if (!socket.active && !this.sessionEnded) {
        clearTimeout(this.#reconnect);
        this.#reconnect = setTimeout(() => socket.connect(), RECONNECT_MS);
      }
    });
    socket.on('case:update', (update) => (this.outbox.sendingId ? this.#held.push(update) : this.take(update, false)));
    globalThis.addEventListener?.('online', this.#wentOnline);
    globalThis.addEventListener?.('offline', this.#wentOffline);
  }

  stop() {
    clearTimeout(this.#reconnect);
    this.outbox.stop();
    globalThis.removeEventListener?.('online', this.#wentOnline);
    globalThis.removeEventListener?.('offline', this.#wentOffline);
    this.#socket?.disconnect();
    this.#socket = null;
  }

  /** Queues an answer (a machine event) with how it reads in the transcript while it waits. */
  answer(event: ApplicantEventInput, echo: Message): string {
    return this.enqueue({ kind: 'answer', event, echo });
  }

  /** Queues free text for the assistant to interpret. */
  say(text: string): string {
    const echo = { key: 'conversation.echo.text', params: { text } };
    return this.enqueue({ kind: 'text', text, echo });
  }

  /** Saves the language on the case (screens and emails follow it); the page re-renders by itself. */
  async setLanguage(lang: Lang) {
    if (!this.view || this.#requestedLang === lang || (this.view.lang === lang && this.#requestedLang === null)) return;
    this.#requestedLang = lang;
    try {
      const ack = await this.emit('case:language', { lang });
      if (ack.ok) this.setView(ack.data);
    } catch {
      // Not connected: the page asks again when the view comes back in the other language.
    } finally {
      if (this.#requestedLang === lang) this.#requestedLang = null;
    }
  }

  /** Gives the answer its client event id and the time it was queued, then queues it. */
  private enqueue(answer: NewAnswer): string {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a timestamp turned into a string at once, not state
    const item: PendingAnswer = { ...answer, clientEventId: newClientEventId(), queuedAt: new Date().toISOString() };
    this.refusal = null;
    this.outbox.add(item);
    return item.clientEventId;
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
        const ack = await this.emit('case:sync', { after: this.#log.lastSeq });
        if (ack.ok) this.take(ack.data, true);
      } while (this.#syncAgain && this.#socket?.connected);
    } catch {
      // Disconnected mid-way: the next connect syncs again.
    } finally {
      this.#syncing = false;
    }
  }

  /** Merges entries and the view (never an older one); a gap is filled by a sync. */
  private take(update: CaseUpdate, complete: boolean) {
    const { added, gap } = this.#log.merge(update, complete);
    if (added) this.entries = this.#log.entries;
    if (!this.view || update.view.seq >= this.view.seq) this.setView(update.view);
    if (gap) void this.sync();
  }

  private setView(view: CaseView) {
    const previous = this.view;
    this.view = view;
    if (view.review.length > 0) this.lastReview = view.review;
    if (previous && previous.stateId !== view.stateId) this.refusal = null;
    // The page's language wins when it opens (the page saves it on the case); later changes come from the server.
    const langChanged = previous !== null && previous.lang !== view.lang;
    if (langChanged && (this.#requestedLang === null || this.#requestedLang === view.lang)) this.options.onLanguage?.(view.lang);
  }

  private emit<E extends CaseEvent>(event: E, payload: Parameters<ClientEvents[E]>[0]) {
    type Reply = Parameters<Parameters<ClientEvents[E]>[1]>[0];
    const socket = this.#socket;
    if (!socket?.connected) return Promise.reject(new Error('not connected'));
    const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: E, payload: unknown): Promise<Reply> };
    return timed.emitWithAck(event, payload);
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
