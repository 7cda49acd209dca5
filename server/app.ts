import type { Server as HttpServer } from 'node:http';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { Server } from 'socket.io';
import type { AppEnv } from './http/app-env';
import { isDatabaseUnavailable } from './db/unavailable';
import { compressResponses } from './http/compression';
import { DomainError } from './http/domain-error';
import { clientAddress, identify } from './http/identity';
import { originCheck } from './http/origin-check';
import { servePages, type PageHandler } from './http/pages';
import { apiContentSecurityPolicy, securityHeaders } from './http/security-headers';
import { applicationImportRoutes, applicationRoutes } from './routes/applications';
import { authRoutes } from './routes/auth';
import { boardRoutes } from './routes/board';
import { ecoprRoutes } from './routes/ecopr';
import { verifyRoutes } from './routes/verify';
import { staffCaseRoutes } from './routes/staff-cases';
import { devMailboxRoutes } from './routes/dev-mailbox';
import { healthRoutes } from './routes/health';
import { helpQueueRoutes } from './routes/help-queue';
import { invitationRoutes } from './routes/invitations';
import { openApiRoutes } from './routes/openapi';
import { outboxRoutes } from './routes/outbox';
import { photoRoutes } from './routes/photos';
import { timeAcks } from './metrics/ack-timing';
import { metricsRoutes } from './metrics/metrics.route';
import { staffAccountRoutes } from './routes/staff-accounts';
import type { Infrastructure, Services } from './services';
import { authenticateSockets, originAllowed } from './sockets/authenticate';
import { followSessions } from './sockets/session-watch';
import type { PortalIo } from './sockets/realtime';
import { registerCaseHandlers } from './sockets/case.handlers';
import { registerAgentHandlers } from './sockets/agent.handlers';
import { registerChatHandlers } from './sockets/chat.handlers';
import { registerStaffHandlers } from './sockets/staff.handlers';
import { registerSystemHandlers } from './sockets/system.handlers';
import { redisStreamsAdapter, type RedisClient } from './sockets/redis-adapter';

/** Everything the portal needs from the outside world; tests pass their own. */
export interface AppDeps extends Infrastructure {
  services: Services;
  /** SvelteKit's handler; without it, non-API paths answer 404 (API-only tests). */
  pages?: PageHandler;
  /** Redis for the Socket.IO adapter, when several processes serve the portal (`REDIS_URL`). */
  redis?: RedisClient;
}

export type { PortalIo };

const JSON_BODY_LIMIT = 256 * 1024;

/** Builds the HTTP app: `/api` (Hono) and every other path to SvelteKit. */
export function createApp(deps: AppDeps) {
  const { config, services } = deps;
  const production = config.NODE_ENV === 'production';
  const app = new Hono<AppEnv>();

  app.use(requestId());
  app.use((c, next) => {
    c.set(
      'clientIp',
      clientAddress(c.env?.incoming?.socket?.remoteAddress ?? null, c.req.header('x-forwarded-for'), config.TRUST_PROXY_HOPS),
    );
    return next();
  });
  app.use(compressResponses());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('log', deps.logger.child({ requestId: c.var.requestId }));
    await next();
    if (c.req.path.startsWith('/_app/')) return; // static assets: too chatty to log
    const status = c.env?.outgoing?.headersSent ? c.env.outgoing.statusCode : c.res.status;
    c.var.log.info({ method: c.req.method, path: c.req.path, status, ms: Math.round(performance.now() - started) }, 'request');
  });
  // Prometheus scrapes: before `identify` (no session lookup) and outside `/api` and SvelteKit.
  app.route('/metrics', metricsRoutes(services.metrics, config.METRICS_TOKEN));
  app.use(async (c, next) => {
    // Static assets need no session; health must answer even when the session lookup cannot.
    if (c.req.path.startsWith('/_app/') || c.req.path === '/api/health') return next();
    return identify(services.sessions)(c, next);
  });

  const api = new Hono<AppEnv>();
  api.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders(production))) c.header(name, value);
    c.header('Content-Security-Policy', apiContentSecurityPolicy);
    c.header('Cache-Control', 'no-store');
  });
  api.use(originCheck(config.ORIGIN));
  // Photos have their own limit, enforced while streaming (routes/photos.ts).
  api.route('/photos', photoRoutes(services));
  api.route('/applications/import', applicationImportRoutes(services, config.ORIGIN));
  api.use(
    bodyLimit({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new DomainError('payload_too_large', 'The request is too large.');
      },
    }),
  );
  api.route('/health', healthRoutes(deps.db));
  api.route('/auth', authRoutes(services));
  api.route('/staff-accounts', staffAccountRoutes(services));
  const { applications, people } = applicationRoutes(services, config.ORIGIN);
  api.route('/applications', applications);
  api.route('/people', people);
  api.route('/invitations', invitationRoutes(services, config.ORIGIN));
  api.route('/board', boardRoutes(services));
  api.route('/help-queue', helpQueueRoutes(services));
  api.route('/outbox', outboxRoutes(services));
  api.route(
    '/ecopr',
    ecoprRoutes({
      ecopr: services.ecopr,
      auth: services.auth,
      audit: services.audit,
      clock: deps.clock,
      caseIdOf: (user) => services.cases.caseIdFor(user),
      origin: config.ORIGIN,
    }),
  );
  api.route('/verify', verifyRoutes({ ecopr: services.ecopr, limiter: services.limiter }));
  api.route('/staff/cases', staffCaseRoutes(services, config.ORIGIN));
  api.route('/openapi.json', openApiRoutes());
  // The development mailbox exists only with the development transport, never in production.
  if (services.emailSender.kind === 'dev' && !production) api.route('/dev/mailbox', devMailboxRoutes(deps.db));
  api.all('*', (c) => c.json({ code: 'not_found', message: 'No such API route.' }, 404));
  app.route('/api', api);

  app.onError((err, c) => {
    if (err instanceof DomainError) {
      const retry = err.fields?.retryAfterSeconds;
      if (retry) c.header('Retry-After', retry);
      // The unread body stays behind a 413: this connection cannot carry another request.
      if (err.code === 'payload_too_large') c.header('Connection', 'close');
      return c.json(err.toJSON(), err.status);
    }
    if (isDatabaseUnavailable(err))
      return c.json({ code: 'db_unavailable', message: 'We are reconnecting. Please try again in a moment.' }, 503);
    if (err instanceof HTTPException && err.status < 500) {
      return c.json({ code: err.status === 413 ? 'payload_too_large' : 'bad_request', message: err.message || 'Bad request.' }, err.status);
    }
    (c.get('log') ?? deps.logger).error({ err }, 'unhandled error');
    return c.json({ code: 'internal', message: 'Something went wrong on our side. Please try again.' }, 500);
  });

  if (deps.pages) app.all('*', servePages(deps.pages, { production, demo: config.demo, stage: (i) => services.auth.stage(i) }));
  else app.all('*', (c) => c.text('Not found', 404));
  return app;
}

/** Attaches Socket.IO to the same HTTP server as the pages and the API. */
export function createSocketServer(httpServer: HttpServer, deps: AppDeps): PortalIo {
  const io: PortalIo = new Server(httpServer, {
    serveClient: false,
    perMessageDeflate: false,
    maxHttpBufferSize: 64 * 1024,
    allowRequest: (req, callback) => callback(null, originAllowed(req, deps.config.ORIGIN)),
  });
  // Long-polling and engine.io's own refusals are HTTP responses too: they get the API's headers.
  // Set before engine.io writes its head (writeHead merges them), so no response path is missed.
  const pollingHeaders = {
    ...securityHeaders(deps.config.NODE_ENV === 'production'),
    'Content-Security-Policy': apiContentSecurityPolicy,
    'Cache-Control': 'no-store',
  };
  httpServer.prependListener('request', (req, res) => {
    if (req.url?.startsWith('/socket.io/')) for (const [name, value] of Object.entries(pollingHeaders)) res.setHeader(name, value);
  });
  if (deps.redis) io.adapter(redisStreamsAdapter(deps.redis));
  authenticateSockets(io, deps);
  deps.services.realtime.sweepSessions = followSessions(io, httpServer, deps.services.sessions, deps.clock);
  io.on('connection', (socket) => {
    // Authenticated: `socket.handshake` keeps the headers it needs, and nothing reads the raw HTTP
    // request again, so the connection need not hold it for its lifetime (memory per socket).
    (socket.conn as unknown as { request: unknown }).request = null;
    if (socket.data.caseId) socket.data.log = socket.data.log.child({ caseId: socket.data.caseId });
    timeAcks(socket, deps.services.metrics.ackSeconds);
    registerSystemHandlers(socket, deps);
    registerCaseHandlers(socket, deps);
    registerStaffHandlers(socket, deps);
    registerAgentHandlers(socket, deps);
    registerChatHandlers(socket, deps);
  });
  deps.services.realtime.attach(io);
  return io;
}
