import type { Server as HttpServer } from 'node:http';
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { Server } from 'socket.io';
import type { Connection } from 'mongoose';
import type { ClientEvents, ServerEvents } from '../src/lib/shared/socket-contract';
import type { Config } from './config';
import type { Logger } from './logger';
import type { AppEnv } from './http/app-env';
import { DomainError } from './http/domain-error';
import { originCheck } from './http/origin-check';
import { servePages, type PageHandler } from './http/pages';
import { apiContentSecurityPolicy, securityHeaders } from './http/security-headers';
import { healthRoutes } from './routes/health';
import { registerSystemHandlers } from './sockets/system.handlers';

/** Everything the portal needs from the outside world; tests pass their own. */
export interface AppDeps {
  config: Config;
  logger: Logger;
  db: Connection;
  /** SvelteKit's handler; without it, non-API paths answer 404 (API-only tests). */
  pages?: PageHandler;
}

export type PortalIo = Server<ClientEvents, ServerEvents>;

/** Builds the HTTP app: `/api` (Hono) and every other path to SvelteKit. */
export function createApp(deps: AppDeps) {
  const production = deps.config.NODE_ENV === 'production';
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', deps.logger.child({ requestId: c.var.requestId }));
    await next();
    const path = c.req.path;
    if (path.startsWith('/_app/')) return; // static assets: too chatty to log
    c.var.log.info(
      { method: c.req.method, path, status: c.env?.outgoing?.statusCode ?? c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });

  const api = new Hono<AppEnv>();
  api.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders(production))) c.header(name, value);
    c.header('Content-Security-Policy', apiContentSecurityPolicy);
  });
  api.use(originCheck(deps.config.ORIGIN));
  api.route('/health', healthRoutes(deps.db));
  api.all('*', (c) => c.json({ code: 'not_found', message: 'No such API route.' }, 404));
  app.route('/api', api);

  app.onError((err, c) => {
    if (err instanceof DomainError) return c.json(err.toJSON(), err.status);
    const log = c.get('log') ?? deps.logger;
    log.error({ err }, 'unhandled error');
    return c.json({ code: 'internal', message: 'Something went wrong on our side. Please try again.' }, 500);
  });

  if (deps.pages) app.all('*', servePages(deps.pages, production));
  else app.all('*', (c) => c.text('Not found', 404));
  return app;
}

/** Attaches Socket.IO to the same HTTP server as the pages and the API. */
export function createSocketServer(httpServer: HttpServer, deps: AppDeps): PortalIo {
  const io: PortalIo = new Server(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    cors: deps.config.ORIGIN ? { origin: new URL(deps.config.ORIGIN).origin, credentials: true } : undefined,
  });
  io.on('connection', (socket) => {
    registerSystemHandlers(socket, deps);
  });
  return io;
}
