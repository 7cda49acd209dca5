import { io, type Socket } from 'socket.io-client';
import type { ClientEvents, ServerEvents } from '$lib/shared/socket-contract';

export type PortalSocket = Socket<ServerEvents, ClientEvents>;

/**
 * Opens the page's Socket.IO connection: same origin, the session cookie identifies the user.
 * WebSocket first; HTTP long-polling only where a proxy blocks WebSocket. Behind several portal
 * processes that fallback needs sticky sessions at the load balancer (README, "Deployment").
 */
// `tryAllTransports`: without it engine.io-client (6.6) reports a refused WebSocket as a connection
// error and tries WebSocket again, never polling; with it, a failed WebSocket moves on to polling.
export const connectPortal = (): PortalSocket => io({ transports: ['websocket', 'polling'], tryAllTransports: true });
