import type { Ack, AckCallback } from '$lib/shared/ack';
import type { ClientEvents } from '$lib/shared/socket-contract';
import type { StaffSocket } from '$lib/staff/staff-link.svelte';

const ACK_TIMEOUT_MS = 15_000;

export type AckData<E extends keyof ClientEvents> = NonNullable<Parameters<ClientEvents[E]>[1]> extends AckCallback<infer T> ? T : never;

/**
 * Emits `event` and waits for its ack. Rejects when the socket is not connected or no answer came
 * in time (the caller then keeps what it was doing for the next connection).
 */
export function ask<E extends keyof ClientEvents>(
  socket: StaffSocket | null,
  event: E,
  payload: Parameters<ClientEvents[E]>[0],
): Promise<Ack<AckData<E>>> {
  if (!socket?.connected) return Promise.reject(new Error('not connected'));
  const timed = socket.timeout(ACK_TIMEOUT_MS) as unknown as { emitWithAck(event: E, payload: unknown): Promise<Ack<AckData<E>>> };
  return timed.emitWithAck(event, payload);
}
