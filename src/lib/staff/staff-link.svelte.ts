import { connectPortal, type PortalSocket } from '$lib/portal-socket';

export type StaffSocket = PortalSocket;
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

const RETRY_MS = 3_000;

/**
 * An officer's live connection: same-origin Socket.IO with the session cookie (the server puts
 * officers in the `staff` room), and how it is doing, for the connection indicator.
 */
export class StaffLink {
  status = $state<LinkStatus>('connecting');
  /** The session was signed out or expired. */
  sessionEnded = $state(false);
  #socket: StaffSocket | null = null;
  #retry: ReturnType<typeof setTimeout> | undefined;

  /**
   * Opens the socket. `listen` adds the event handlers once; `onConnect` runs on every connect,
   * with `again` true after the first one (whatever was missed meanwhile must be fetched again).
   */
  open(listen: (socket: StaffSocket) => void, onConnect: (socket: StaffSocket, again: boolean) => void) {
    const socket = connectPortal();
    this.#socket = socket;
    let connectedBefore = false;
    listen(socket);
    socket.on('connect', () => {
      this.status = 'connected';
      this.sessionEnded = false;
      onConnect(socket, connectedBefore);
      connectedBefore = true;
    });
    socket.on('disconnect', (reason) => {
      this.status = this.online() ? 'reconnecting' : 'offline';
      if (reason === 'io server disconnect') socket.connect();
    });
    socket.on('connect_error', (error) => {
      this.sessionEnded = error.message === 'unauthenticated';
      this.status = this.sessionEnded || !this.online() ? 'offline' : connectedBefore ? 'reconnecting' : 'connecting';
      // A handshake the server refused is not retried by Socket.IO itself.
      if (!socket.active && !this.sessionEnded) {
        clearTimeout(this.#retry);
        this.#retry = setTimeout(() => socket.connect(), RETRY_MS);
      }
    });
  }

  close() {
    clearTimeout(this.#retry);
    this.#socket?.disconnect();
    this.#socket = null;
  }

  private online(): boolean {
    return globalThis.navigator?.onLine !== false;
  }
}
