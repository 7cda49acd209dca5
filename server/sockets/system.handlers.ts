import type { Socket } from 'socket.io';
import type { ClientEvents, ServerEvents } from '../../src/lib/shared/socket-contract';
import { pingPayload } from '../../src/lib/shared/socket-contract';
import type { AppDeps } from '../app';
import { onEvent } from './on-event';

/** `system:*` events: liveness and clock checks. */
export function registerSystemHandlers(socket: Socket<ClientEvents, ServerEvents>, _deps: AppDeps) {
  onEvent(socket, 'system:ping', pingPayload, async ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
}
