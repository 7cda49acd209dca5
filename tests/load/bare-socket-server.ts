import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

/**
 * The baseline: a Socket.IO server with the portal's options and no work at all. Run as its own
 * process by the bench (`node --import tsx tests/load/bare-socket-server.ts`); prints its port.
 * `echo` acks at once; `join` enters a room; `broadcast` emits to rooms, then acks (as the portal
 * broadcasts a commit before acknowledging it).
 */
const http = createServer();
const io = new Server(http, { serveClient: false, perMessageDeflate: false, maxHttpBufferSize: 64 * 1024 });
io.on('connection', (socket) => {
  socket.on('echo', (payload: unknown, ack: (reply: unknown) => void) => ack(payload));
  socket.on('join', (room: string, ack: () => void) => {
    void socket.join(room);
    ack();
  });
  socket.on('broadcast', ({ rooms, event, payload }: { rooms: string[]; event: string; payload: unknown }, ack: () => void) => {
    io.to(rooms).emit(event, payload);
    ack();
  });
});
http.listen(0, '127.0.0.1', () => console.log(`bare socket.io listening on ${(http.address() as AddressInfo).port}`));
process.on('SIGTERM', () => {
  io.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('bare socket.io could not close', err);
      process.exit(1);
    },
  );
});
