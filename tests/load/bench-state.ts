import { io as connectSocket, type Socket } from 'socket.io-client';
import type { Ack, AckCallback } from '../../src/lib/shared/ack';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/socket-contract';
import { Samples } from './stats';

export type BenchSocket = Socket<ServerEvents, ClientEvents>;

/** An acknowledged commit of an applicant's answer: every dashboard must get its board patch. */
export interface AckedCommit {
  caseId: string;
  version: number;
  ackAt: number;
}

/**
 * Everything the simulated people record while the bench runs, in one place. Times are
 * `performance.now()` of this process, so sender and receiver clocks are the same clock.
 */
export class BenchState {
  readonly answerAck = new Samples();
  /** The same acks by minute of load (from the first answer), to show when the slow ones happened. */
  readonly answerAckByMinute = new Map<number, Samples>();
  readonly fanOut = new Samples();
  readonly chat = new Samples();
  readonly signIn = new Samples();
  readonly errors = new Map<string, number>();
  readonly acked: AckedCommit[] = [];
  /** `${caseId}:${version}` → arrival time at each dashboard (index), NaN until it arrives. */
  readonly boardArrivals = new Map<string, Float64Array>();
  /** Chat messages in flight: token → send time. */
  readonly chatSent = new Map<string, number>();
  lost = 0;
  duplicated = 0;
  answers = 0;
  firstAnswerAt = Number.POSITIVE_INFINITY;
  lastAnswerAt = 0;
  finished = 0;
  connected = 0;
  /** Journeys that ended, well or not. */
  settled = 0;

  constructor(readonly dashboards: number) {}

  error(kind: string) {
    this.errors.set(kind, (this.errors.get(kind) ?? 0) + 1);
  }

  get errorCount(): number {
    return [...this.errors.values()].reduce((a, b) => a + b, 0);
  }

  answered(commit: AckedCommit, latencyMs: number) {
    this.answerAck.add(latencyMs);
    this.acked.push(commit);
    this.answers++;
    this.firstAnswerAt = Math.min(this.firstAnswerAt, commit.ackAt);
    const minute = Math.floor((commit.ackAt - this.firstAnswerAt) / 60_000);
    if (!this.answerAckByMinute.has(minute)) this.answerAckByMinute.set(minute, new Samples());
    this.answerAckByMinute.get(minute)!.add(latencyMs);
    this.lastAnswerAt = Math.max(this.lastAnswerAt, commit.ackAt);
  }

  boardPatchArrived(dashboard: number, caseId: string, version: number, at: number) {
    const key = `${caseId}:${version}`;
    let arrivals = this.boardArrivals.get(key);
    if (!arrivals) this.boardArrivals.set(key, (arrivals = new Float64Array(this.dashboards).fill(Number.NaN)));
    if (Number.isNaN(arrivals[dashboard]!)) arrivals[dashboard] = at;
    else this.duplicated++;
  }

  chatArrived(token: string | undefined, at: number) {
    const sent = token === undefined ? undefined : this.chatSent.get(token);
    if (sent === undefined) return;
    this.chat.add(at - sent);
    this.chatSent.delete(token!);
  }

  /** Fan-out latencies (each dashboard's receipt minus the applicant's ack) and missing patches. */
  settleFanOut() {
    for (const { caseId, version, ackAt } of this.acked) {
      const arrivals = this.boardArrivals.get(`${caseId}:${version}`);
      for (let d = 0; d < this.dashboards; d++) {
        const at = arrivals?.[d] ?? Number.NaN;
        if (Number.isNaN(at)) this.lost++;
        else this.fanOut.add(at - ackAt);
      }
    }
  }
}

/** A real socket.io-client connection with the session cookie, WebSocket only, no auto-reconnect. */
export async function openSocket(url: string, cookie: string, timeoutMs = 30_000): Promise<BenchSocket> {
  const socket: BenchSocket = connectSocket(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
    forceNew: true,
    timeout: timeoutMs,
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      // The client's own timeout covers the transport only, not the server's authentication.
      timer = setTimeout(() => reject(new Error('socket connect timeout')), timeoutMs);
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  } catch (err) {
    socket.disconnect();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return socket;
}

type AckOf<E extends keyof ClientEvents> = NonNullable<Parameters<ClientEvents[E]>[1]> extends AckCallback<infer T> ? Ack<T> : never;

/** Emits `event` and waits for its ack; rejects when none comes within `timeoutMs`. */
export function ask<E extends keyof ClientEvents>(
  socket: BenchSocket,
  event: E,
  payload: Parameters<ClientEvents[E]>[0],
  timeoutMs = 30_000,
): Promise<AckOf<E>> {
  return (socket.timeout(timeoutMs) as unknown as { emitWithAck(event: string, payload: unknown): Promise<AckOf<E>> }).emitWithAck(
    event,
    payload,
  );
}

/** Resolves when `ready()` becomes true (checked on each `poke`) or rejects after `timeoutMs`. */
export function waitFor(ready: () => boolean, onChange: (poke: () => void) => () => void, timeoutMs: number, what: string): Promise<void> {
  if (ready()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`timeout: ${what}`));
    }, timeoutMs);
    const stop = onChange(() => {
      if (!ready()) return;
      clearTimeout(timer);
      stop();
      resolve();
    });
  });
}
