import type { z } from 'zod';
import type { Ack, AckCallback } from '../../src/lib/shared/ack';
import type { ClientEvents } from '../../src/lib/shared/socket-contract';
import { translateKey } from '../../src/lib/i18n/messages';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../http/domain-error';
import type { PortalSocket } from './realtime';
import { WorkLane } from './work-lane';

type AckData<E extends keyof ClientEvents> = NonNullable<Parameters<ClientEvents[E]>[1]> extends AckCallback<infer T> ? T : never;

/**
 * A socket's events run one at a time, in the order they arrived, with at most `EVENTS_WAITING`
 * waiting behind the one running; past that an event is refused at once with `rate_limited`.
 * Every case event goes through the case's commit path, which runs one commit per case at a time
 * anyway (case-store.ts), so a second slot per socket would only wait there: one keeps the
 * answers in order and one socket's cost bounded. A chat page sends its answers one by one; a
 * full lane means a client sending faster than the server answers, whose extra events are told
 * to come back later (the chat's outbox keeps `rate_limited` answers and sends them again).
 */
const EVENTS_AT_ONCE = 1;
const EVENTS_WAITING = 24;

/**
 * Events that never touch the database: relayed or answered at once, they bypass the lane, so
 * typing signals and pings stay live while the socket's case work waits, and cannot themselves
 * hold case work back (each costs a validation and an emit).
 */
const ephemeralEvents = new Set<keyof ClientEvents>(['system:ping', 'chat:typing', 'chat:read']);

const lanes = new WeakMap<PortalSocket, WorkLane>();

function laneOf(socket: PortalSocket): WorkLane {
  let lane = lanes.get(socket);
  if (!lane) {
    const created = new WorkLane(EVENTS_AT_ONCE, EVENTS_WAITING);
    // Work nobody can be told about is not started: a client that comes back sends it again.
    socket.once('disconnect', () => created.cancelWaiting(new DomainError('conflict', 'The connection closed before this event was handled.')));
    lanes.set(socket, (lane = created));
  }
  return lane;
}

/** Events of this socket running or waiting in its lane (metrics: is the server still busy?). */
export const pendingEvents = (socket: PortalSocket): number => lanes.get(socket)?.pending ?? 0;

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
      const fields = parsed ? Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '(payload)', i.message])) : { '(payload)': 'one_payload_expected' };
      reply({ ok: false, error: { code: 'validation_failed', message: 'The request was not valid.', fields } });
      return;
    }
    const work = ephemeralEvents.has(event) ? run(parsed.data) : laneOf(socket).offer(() => run(parsed.data));
    if (!work) {
      const { lang } = socket.data.identity.user;
      reply({ ok: false, error: { code: 'rate_limited', message: translateKey(lang, 'conversation.error.rate_limited') } });
      return;
    }
    try {
      reply({ ok: true, data: await work });
    } catch (err) {
      if (err instanceof DomainError) reply({ ok: false, error: err.toJSON() });
      else if (isDatabaseUnavailable(err)) reply({ ok: false, error: { code: 'db_unavailable', message: 'We are reconnecting. Please try again in a moment.' } });
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
