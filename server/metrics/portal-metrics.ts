import type { Connection } from 'mongoose';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { LandingContext } from '../../machines/landing.machine';
import { roles } from '../auth/user.model';
import { caseModel } from '../cases/case.model';
import type { Clock } from '../clock';
import { databaseIsUp } from '../db/database';
import type { Logger } from '../logger';
import { pendingEvents } from '../sockets/on-event';
import type { Realtime } from '../sockets/realtime';
import { timeDatabaseCommands } from './db-command-timing';

/** Where the gauges computed at scrape time read from. */
export interface MetricSources {
  db: Connection;
  clock: Clock;
  realtime: Realtime;
  outboxDepth: () => Promise<number>;
  /** Where slow database commands are reported. */
  logger?: Logger;
}

const FAST_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1];
const DB_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
/** Fine enough around Argon2id's 10 to 40 ms for a median read from the buckets (`histogram_quantile`). */
const SIGN_IN_BUCKETS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 20, 22, 25, 30, 35, 40, 50, 60, 80, 100, 150, 250, 500, 1000].map(
  (ms) => ms / 1000,
);
const REQUEST_BUCKETS = [0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * The portal's Prometheus metrics, in a registry of its own (two portals in one test process do not
 * share counters). Per process: a scrape answers for this node only, sum them in Prometheus.
 * Default process metrics are included (`nodejs_eventloop_lag_p99_seconds`, which resets at each
 * scrape, so it covers the time since the previous one).
 */
export class PortalMetrics {
  readonly registry = new Registry();
  /** Commits that moved a case to another step, by the step that was completed. */
  readonly stepsCompleted: Counter<'step'>;
  /** Socket event handler time until its ack is sent, by event (`case:answer`, ...). */
  readonly ackSeconds: Histogram<'event'>;
  /** Time from a case commit being written to its broadcasts being handed to Socket.IO. */
  readonly fanOutSeconds: Histogram;
  /** Sign-in time by phase: limiter and account reads, Argon2id, then (right passwords only) session and audit writes. */
  readonly signInSeconds: Histogram<'phase'>;
  private helpQueueRead: Promise<{ length: number; oldestWaitSeconds: number }> | undefined;

  constructor(private readonly sources: MetricSources) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 10 });
    this.stepsCompleted = new Counter({
      name: 'landing_steps_completed_total',
      help: 'Conversation steps completed, by step.',
      labelNames: ['step'],
      registers,
    });
    this.ackSeconds = new Histogram({
      name: 'landing_socket_ack_seconds',
      help: 'Socket event handling time until the ack, by event.',
      labelNames: ['event'],
      buckets: REQUEST_BUCKETS,
      registers,
    });
    this.fanOutSeconds = new Histogram({
      name: 'landing_fanout_seconds',
      help: 'Time from a case commit to its broadcasts being emitted.',
      buckets: FAST_BUCKETS,
      registers,
    });
    this.signInSeconds = new Histogram({
      name: 'landing_sign_in_seconds',
      help: 'Time of each phase of a sign-in: limit_and_account, password (Argon2id, while the session is written), session (right passwords only: the session and audit writes still running).',
      labelNames: ['phase'],
      buckets: SIGN_IN_BUCKETS,
      registers,
    });
    timeDatabaseCommands(
      sources.db,
      new Histogram({
        name: 'landing_db_command_seconds',
        help: 'Database command time as the driver saw it, by command, collection and filter fields.',
        labelNames: ['command', 'collection', 'filter'],
        buckets: DB_BUCKETS,
        registers,
      }),
      sources.logger,
    );
    const helpQueue = () => this.helpQueue();
    new Gauge({
      name: 'landing_sockets_connected',
      help: 'Sockets connected to this process, by role.',
      labelNames: ['role'],
      registers,
      collect() {
        const counts = new Map<string, number>(roles.map((role) => [role, 0]));
        for (const socket of sources.realtime.io?.of('/').sockets.values() ?? []) {
          const role = socket.data.identity?.user.role;
          if (role) counts.set(role, (counts.get(role) ?? 0) + 1);
        }
        for (const [role, count] of counts) this.set({ role }, count);
      },
    });
    new Gauge({
      name: 'landing_socket_events_pending',
      help: "Socket events running or waiting in their socket's lane (0 when the process has no socket work left).",
      registers,
      collect() {
        let pending = 0;
        for (const socket of sources.realtime.io?.of('/').sockets.values() ?? []) pending += pendingEvents(socket);
        this.set(pending);
      },
    });
    new Gauge({
      name: 'landing_help_queue_length',
      help: 'Applicants waiting for a support agent.',
      registers,
      async collect() {
        this.set((await helpQueue()).length);
      },
    });
    new Gauge({
      name: 'landing_help_queue_oldest_wait_seconds',
      help: 'How long the applicant waiting longest for an agent has waited (0 when nobody waits).',
      registers,
      async collect() {
        this.set((await helpQueue()).oldestWaitSeconds);
      },
    });
    new Gauge({
      name: 'landing_email_outbox_depth',
      help: 'Emails waiting for delivery (pending or being sent).',
      registers,
      async collect() {
        this.set(await sources.outboxDepth());
      },
    });
    new Histogram({
      name: 'landing_db_ping_seconds',
      help: 'Database round trip (a ping at each scrape); no sample when the database is down.',
      buckets: FAST_BUCKETS,
      registers,
      async collect() {
        const started = performance.now();
        if (await databaseIsUp(sources.db)) this.observe((performance.now() - started) / 1000);
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition. */
  scrape(): Promise<string> {
    return this.registry.metrics();
  }

  /** One read of the waiting help requests per scrape, shared by both help gauges. */
  private helpQueue() {
    this.helpQueueRead ??= this.readHelpQueue().finally(() => (this.helpQueueRead = undefined));
    return this.helpQueueRead;
  }

  private async readHelpQueue() {
    const waiting = await caseModel(this.sources.db).find({ helpStatus: 'requested' }, { snapshot: 1 }).lean();
    const now = this.sources.clock.now().getTime();
    const since = waiting
      .map((c) => (JSON.parse(c.snapshot) as { context: LandingContext }).context.help.requestedAt)
      .map((at) => (at ? Date.parse(at) : now));
    return { length: waiting.length, oldestWaitSeconds: since.length ? Math.max(0, (now - Math.min(...since)) / 1000) : 0 };
  }
}
