import { pingPayload } from '../../src/lib/shared/socket-contract';
import type { AppDeps } from '../app';
import { onEvent } from './on-event';
import type { PortalSocket } from './realtime';

/** `system:*` events: liveness and clock checks. */
export function registerSystemHandlers(socket: PortalSocket, _deps: AppDeps) {
  onEvent(socket, 'system:ping', pingPayload, async ({ clientTime }) => ({ clientTime, serverTime: Date.now() }));
}
