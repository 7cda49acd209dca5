import type { ApiFailure } from '$lib/api';
import type { HelpQueueRow } from '$lib/shared/help.contract';
import { StaffLink, type StaffSocket } from '$lib/staff/staff-link.svelte';
import { AgentChat, failureOf } from './agent-chat.svelte';
import { ask } from './agent-socket';
import { playChime } from './chime';
import { HelpQueue } from './help-queue.svelte';
import { Referrals } from './referrals.svelte';

const SOUND_KEY = 'landing.agent.sound';
const TICK_MS = 1_000;

/** Why opening a conversation failed; `agentName` when another agent has it. */
export interface OpenFailure {
  caseId: string;
  personName: string;
  failure: ApiFailure;
  agentName: string | null;
}

/**
 * A support agent's desk: one live connection (the server puts agents in the `agents` room, so
 * every board patch arrives), the help queue, and the one conversation the agent is in. New
 * requests are announced (and chimed when the agent turned sound on).
 */
export class AgentDesk {
  readonly link = new StaffLink();
  readonly queue = new HelpQueue((row) => this.arrived(row));
  readonly referrals = new Referrals();
  chat = $state.raw<AgentChat | null>(null);
  /** The case being opened, while `agent:join` or `staff:watch` is on the wire. */
  opening = $state<string | null>(null);
  openFailure = $state.raw<OpenFailure | null>(null);
  /** The latest new request, for the live announcement. */
  lastArrival = $state.raw<HelpQueueRow | null>(null);
  sound = $state(false);
  now = $state(Date.now());

  #socket: StaffSocket | null = null;
  #tick: ReturnType<typeof setInterval> | undefined;

  constructor(readonly me: { id: string; displayName: string }) {}

  start() {
    this.sound = globalThis.localStorage?.getItem(SOUND_KEY) === 'on';
    this.link.open(
      (socket) => {
        socket.on('board:patch', ({ row }) => {
          this.queue.patch(row);
          this.referrals.patch(row);
        });
        socket.on('staff:case-update', (update) => update.caseId === this.chat?.caseId && this.chat.update(update));
        socket.on('chat:typing', (signal) => this.chat?.signal(signal));
        socket.on('chat:read', (signal) => this.chat?.signal(signal));
      },
      (socket, again) => {
        this.#socket = socket;
        void this.queue.load();
        void this.referrals.load();
        if (again) void this.chat?.reconnected();
      },
    );
    this.#tick = setInterval(() => (this.now = Date.now()), TICK_MS);
  }

  stop() {
    clearInterval(this.#tick);
    this.chat?.stop();
    this.queue.stop();
    this.link.close();
  }

  setSound(on: boolean) {
    this.sound = on;
    globalThis.localStorage?.setItem(SOUND_KEY, on ? 'on' : 'off');
    if (on) playChime();
  }

  /** Takes a waiting request (exactly one agent wins), or reopens one this agent already holds. */
  async open(row: HelpQueueRow) {
    if (this.opening) return;
    this.opening = row.caseId;
    this.openFailure = null;
    try {
      const mine = row.status === 'agentJoined' && row.agentId === this.me.id;
      const ack = mine
        ? await ask(this.#socket, 'staff:watch', { caseId: row.caseId, after: 0 })
        : await ask(this.#socket, 'agent:join', { caseId: row.caseId });
      if (!ack.ok) {
        const agentName = ack.error.fields?.agentName || null;
        this.openFailure = { caseId: row.caseId, personName: row.personName, failure: failureOf(ack.error), agentName };
        // Lost the race: the card says at once who took it (the queue read below confirms it).
        if (agentName) this.queue.taken(row.caseId, { id: '', displayName: agentName });
        void this.queue.load();
        return;
      }
      this.queue.taken(row.caseId, this.me);
      this.chat?.stop();
      this.chat = new AgentChat(row.caseId, row.personName, () => this.#socket, ack.data);
    } catch {
      this.openFailure = {
        caseId: row.caseId,
        personName: row.personName,
        failure: { ok: false, status: 0, code: 'network', message: '', fields: {} },
        agentName: null,
      };
    } finally {
      this.opening = null;
    }
  }

  /** Closes the conversation panel (after leaving it). */
  close() {
    const chat = this.chat;
    if (!chat) return;
    chat.stop();
    this.chat = null;
    void this.referrals.load();
    void ask(this.#socket, 'staff:unwatch', { caseId: chat.caseId }).catch(() => undefined);
  }

  private arrived(row: HelpQueueRow) {
    this.lastArrival = row;
    if (this.sound) playChime();
  }
}
