import type { z } from 'zod';
import type { Ack, AckCallback } from '../../src/lib/shared/ack';
import type { ClientEvents } from '../../src/lib/shared/socket-contract';
import { translateKey } from '../../src/lib/i18n/messages.server';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../http/domain-error';
import type { PortalSocket } from './realtime';
import { RateBucket } from './rate-bucket';
import { WorkLane } from './work-lane';

type AckData<E extends keyof ClientEvents> = NonNullable<Parameters<ClientEvents[E]>[1]> extends AckCallback<infer T> ? T : never;

/**
 * A socket's events run one at a time, in the order they arrived, with at most `EVENTS_WAITING`
 * waiting behind the one running; past that an event is refused at once with `rate_limited`.
 * Every case event goes through the case's commit path, which runs one commit per case at a time
 * anyway (case-store.ts), so a second slot per socket would only wait there: one keeps the
 * answers in order and one socket's cost bounded. The wait is bounded in time too: 16 events of
 * about 150 ms each on a busy 2-core machine, so a flood's leftovers are done within seconds.
 */
const EVENTS_AT_ONCE = 1;
const EVENTS_WAITING = 15;
/**
 * A socket that overflowed its lane sends faster than it is answered: no chat page does that (its
 * outbox sends one answer, waits for the ack, then the next). From then on, until it has gone
 * `SLOWED_FOR_MS` without being refused, it gets one event at a time with nothing waiting, at most
 * one a second. Otherwise such a socket would always have a commit in progress, and everyone
 * else's writes would wait behind it (SQLite has one writer); this way a flood costs the others
 * about one commit a second, and its refusals.
 */
const SLOWED_SPACING_MS = 1_000;
const SLOWED_FOR_MS = 10_000;

/**
 * Events that never touch the database (pings, typing signals, read marks): answered or relayed at
 * once, outside the lane, so they stay live while the socket's case work waits and never hold it
 * back. They have a bucket of their own (a burst of 20, 10 a second: typing sends one every few
 * keystrokes), so a flood of them is refused as cheaply as it arrives.
 */
const ephemeralEvents = new Set<keyof ClientEvents>(['system:ping', 'chat:typing', 'chat:read']);
const EPHEMERAL_BURST = 20;
const EPHEMERAL_PER_SECOND = 10;

interface SocketBudget {
  lane: WorkLane;
  ephemeral: RateBucket;
  /** Until when the socket is served slowly (`performance.now()` time; 0: never overflowed). */
  slowedUntil: number;
  lastAdmitted: number;
}

const budgets = new WeakMap<PortalSocket, SocketBudget>();

function budgetOf(socket: PortalSocket): SocketBudget {
  let budget = budgets.get(socket);
  if (!budget) {
    const lane = new WorkLane(EVENTS_AT_ONCE, EVENTS_WAITING);
    // Work nobody can be told about is not started: a client that comes back sends it again.
    socket.once('disconnect', () =>
      lane.cancelWaiting(new DomainError('conflict', 'The connection closed before this event was handled.')),
    );
    budget = { lane, ephemeral: new RateBucket(EPHEMERAL_BURST, EPHEMERAL_PER_SECOND), slowedUntil: 0, lastAdmitted: 0 };
    budgets.set(socket, budget);
  }
  return budget;
}

/** Starts `run` within the socket's budget, or returns null: the event is to be refused. */
function admit<T>(socket: PortalSocket, event: keyof ClientEvents, run: () => Promise<T>): Promise<T> | null {
  const budget = budgetOf(socket);
  if (ephemeralEvents.has(event)) return budget.ephemeral.take() ? run() : null;
  const now = performance.now();
  const slowed = now < budget.slowedUntil;
  if (budget.lane.isFull() || (slowed && (budget.lane.pending > 0 || now - budget.lastAdmitted < SLOWED_SPACING_MS))) {
    budget.slowedUntil = now + SLOWED_FOR_MS;
    return null;
  }
  budget.lastAdmitted = now;
  return budget.lane.offer(run);
}

/** Events of this socket running or waiting in its lane (metrics: is the server still busy?). */
export const pendingEvents = (socket: PortalSocket): number => budgets.get(socket)?.lane.pending ?? 0;

/**
 * Registers a socket event whose payload is parsed with `schema` before anything else runs.
 * Errors never cross the wire as exceptions: the client always gets an `Ack`.
 */
export function onEvent<E extends keyof ClientEvents, S extends z.ZodType>(
  socket: PortalSocket,
  event: E,
  schema: S,
  run: (payload: z.infer<S>) => Promise<AckData<E>>,
) {
  const listener = async (...args: unknown[]) => {
    // The ack is the last argument; a payload missing, or followed by more arguments, is refused too.
    const ack = args.at(-1);
    const reply = typeof ack === 'function' ? (ack as (r: Ack<AckData<E>>) => void) : () => undefined;
    const values = typeof ack === 'function' ? args.slice(0, -1) : args;
    const parsed = values.length === 1 ? schema.safeParse(values[0]) : null;
    if (!parsed?.success) {
      const fields = parsed
        ? Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '(payload)', i.message]))
        : { '(payload)': 'one_payload_expected' };
      reply({ ok: false, error: { code: 'validation_failed', message: 'The request was not valid.', fields } });
      return;
    }
    const work = admit(socket, event, () => run(parsed.data));
    if (!work) {
      const { lang } = socket.data.identity.user;
      reply({ ok: false, error: { code: 'rate_limited', message: translateKey(lang, 'conversation.error.rate_limited') } });
      return;
    }
    try {
      reply({ ok: true, data: await work });
    } catch (err) {
      if (err instanceof DomainError) reply({ ok: false, error: err.toJSON() });
      else if (isDatabaseUnavailable(err))
        reply({ ok: false, error: { code: 'db_unavailable', message: 'We are reconnecting. Please try again in a moment.' } });
      else {
        socket.data.log.error({ err, event }, 'socket handler failed');
        reply({ ok: false, error: { code: 'internal', message: 'Something went wrong on our side. Please try again.' } });
      }
    }
  };
  socket.on(event, listener as never);
}

/** Answers events this socket's role may not send with `forbidden`, instead of leaving them unanswered. */
export function refuseEvents(socket: PortalSocket, events: (keyof ClientEvents)[]) {
  for (const event of events) {
    socket.on(event, ((...args: unknown[]) => {
      const ack = args[args.length - 1];
      if (typeof ack === 'function') ack({ ok: false, error: { code: 'forbidden', message: 'You do not have access to this.' } });
    }) as never);
  }
}
