import { getContext, setContext } from 'svelte';
import { connectPortal } from '$lib/portal-socket';
import type { ChatSocket } from './conversation.svelte';
import { RemoteTyping } from './remote-typing.svelte';
import { TypingSignal } from './typing-signal';

/**
 * The applicant's side of the live chat with a support agent, beside the conversation: the
 * agent's typing and read marks, and the applicant's own (sent on the conversation's socket, which
 * `connect` opens). Ephemeral: nothing here is stored.
 */
export class ChatSignals {
  readonly agentTyping = new RemoteTyping();
  /** The agent has read everything up to this seq. */
  agentReadSeq = $state(0);
  readonly typing = new TypingSignal((typing) => this.#socket?.connected && this.#socket.emit('chat:typing', { typing }));
  #socket: ChatSocket | null = null;
  #readSent = 0;

  /** Opens the page's socket (same-origin, session cookie) and listens for the agent on it. */
  connect = (): ChatSocket => {
    const socket = connectPortal();
    this.#socket = socket;
    socket.on('chat:typing', (signal) => signal.from === 'agent' && this.agentTyping.signal(signal.name ?? '', signal.typing));
    socket.on('chat:read', (signal) => {
      if (signal.from === 'agent') this.agentReadSeq = Math.max(this.agentReadSeq, signal.seq);
    });
    return socket;
  };

  /** Tells the agent everything up to `seq` was seen (once per new seq). */
  markRead(seq: number) {
    if (seq <= this.#readSent || !this.#socket?.connected) return;
    this.#readSent = seq;
    this.#socket.emit('chat:read', { seq });
  }

  /** The agent left: whatever they were typing is over. */
  agentGone() {
    this.agentTyping.clear();
  }
}

const KEY = Symbol('chat-signals');

export const provideChatSignals = (signals: ChatSignals) => setContext(KEY, signals);

/** The page's chat signals, or undefined outside the chat page. */
export const useChatSignals = () => getContext<ChatSignals | undefined>(KEY);
