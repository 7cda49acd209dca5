import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp, createSocketServer, type AppDeps, type PortalIo } from './app';

export interface RunningPortal {
  httpServer: HttpServer;
  io: PortalIo;
  port: number;
  /** Base URL on loopback, e.g. http://127.0.0.1:3000 */
  url: string;
  close(): Promise<void>;
}

/** One HTTP server on one port: pages, `/api` and Socket.IO. Port 0 picks a free one. */
export async function startPortal(deps: AppDeps, listen: { port: number; host?: string }): Promise<RunningPortal> {
  const app = createApp(deps);
  const httpServer = await new Promise<HttpServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: listen.port, hostname: listen.host ?? '127.0.0.1' }, () =>
      resolve(server as HttpServer),
    ) as HttpServer;
    server.once('error', reject);
  });
  const io = createSocketServer(httpServer, deps);
  const { port } = httpServer.address() as AddressInfo;
  return {
    httpServer,
    io,
    port,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await io.close(); // also closes the HTTP server
      httpServer.closeAllConnections();
    },
  };
}
