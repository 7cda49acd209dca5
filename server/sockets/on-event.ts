import type { z } from 'zod';
import type { Ack, AckCallback } from '../../src/lib/shared/ack';
import type { ClientEvents } from '../../src/lib/shared/socket-contract';
import { isDatabaseUnavailable } from '../db/unavailable';
import { DomainError } from '../http/domain-error';
import type { PortalSocket } from './realtime';

type AckData<E extends keyof ClientEvents> = NonNullable<Parameters<ClientEvents[E]>[1]> extends AckCallback<infer T> ? T : never;

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
    try {
      reply({ ok: true, data: await run(parsed.data) });
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
