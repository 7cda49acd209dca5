import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../logger';
import { freePort } from './free-port';
import { pingUri } from './ping';

export interface FerretDbOptions {
  binary: string;
  dataDir: string;
  logger: Logger;
  /** Fixed port; a free loopback port is picked when omitted. */
  port?: number;
  /** Restart FerretDB with backoff when it exits unexpectedly (default true). */
  restart?: boolean;
  /** First restart delay, doubled for each failure in a row (default 500 ms, at most 30 s). */
  restartBackoffMs?: number;
  startTimeoutMs?: number;
}

export interface FerretDb {
  readonly uri: string;
  readonly port: number;
  /** PID of the running FerretDB, if it is running. */
  pid(): number | undefined;
  stop(): Promise<void>;
}

const LOG_TAIL = 30;

/**
 * Connections a client keeps to the embedded FerretDB. SQLite has one writer: with the driver's
 * default of 100, a hundred writers can queue for its lock inside SQLite, whose busy handler sleeps
 * in steps of up to 100 ms (the lock idles while they sleep) and fails a writer that waits past
 * `busy_timeout` (`db_unavailable`). Reads, though, run beside the writer (WAL) and need connections
 * of their own: at 8 they queued behind the writes (the 500-applicant, 120 s bench on a loaded
 * machine, same code: 33 of 500 journeys finished against 486 at 32, 33.3 against 36.3 steps/s,
 * sign-in p50 20.6 s against 16.1 s). The hot inserts are grouped (InsertBatcher), so few of the 32
 * are writers at once.
 */
export const EMBEDDED_POOL_SIZE = 32;

/**
 * SQLite options on FerretDB's connections: a transaction takes the write lock when it begins
 * (`BEGIN IMMEDIATE`), so it waits for the lock in the busy handler instead of failing at once with
 * SQLITE_BUSY when a deferred one must upgrade. Durability stays SQLite's default (FULL).
 */
const SQLITE_OPTIONS = '_txlock=immediate';

/**
 * Starts the embedded FerretDB (SQLite backend, loopback only, no telemetry) as a child process and
 * resolves once it answers `ping`. An unexpected exit is logged at `fatal` with FerretDB's last log
 * lines and, unless disabled, FerretDB is restarted on the same port with exponential backoff.
 */
export async function startFerretDb(options: FerretDbOptions): Promise<FerretDb> {
  const { binary, dataDir, logger } = options;
  if (!existsSync(binary)) {
    throw new Error(`FerretDB binary not found at ${binary}. Run \`npm install\` (it builds it), or set MONGODB_URI.`);
  }
  mkdirSync(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'ferretdb.pid');
  await killOrphan(pidFile, logger);

  const port = options.port ?? (await freePort());
  const uri = `mongodb://127.0.0.1:${port}/`;
  const log = logger.child({ component: 'ferretdb', port });
  let child: ChildProcess | undefined;
  let stopping = false;
  let failures = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  const tail: string[] = [];

  const launch = () => {
    const proc = spawn(
      binary,
      [
        '--handler=sqlite',
        `--sqlite-url=file:${dataDir}/?${SQLITE_OPTIONS}`,
        `--state-dir=${dataDir}`,
        `--listen-addr=127.0.0.1:${port}`,
        '--telemetry=disable',
        '--debug-addr=-',
        '--log-level=warn',
      ],
      { env: { ...process.env, DO_NOT_TRACK: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = proc;
    if (proc.pid) writeFileSync(pidFile, String(proc.pid));
    const startedAt = Date.now();
    const remember = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        tail.push(line);
        if (tail.length > LOG_TAIL) tail.shift();
        log.debug({ line }, 'ferretdb output');
      }
    };
    proc.stdout?.on('data', remember);
    proc.stderr?.on('data', remember);
    proc.once('exit', (code, signal) => {
      if (child === proc) child = undefined;
      if (stopping) return;
      failures = Date.now() - startedAt > 30_000 ? 1 : failures + 1;
      log.fatal({ code, signal, lastOutput: tail.slice(-10) }, 'FerretDB exited unexpectedly: the database is DOWN');
      if (options.restart === false) return;
      const delay = Math.min(30_000, (options.restartBackoffMs ?? 500) * 2 ** (failures - 1));
      log.warn({ delayMs: delay }, 'restarting FerretDB');
      restartTimer = setTimeout(launch, delay);
    });
    return proc;
  };

  const first = launch();
  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  while (!(await pingUri(uri, 500))) {
    if (first.exitCode !== null || first.signalCode !== null || Date.now() > deadline) {
      stopping = true;
      first.kill('SIGKILL');
      throw new Error(`FerretDB did not start on ${uri}:\n${tail.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  log.info({ pid: first.pid, dataDir }, 'FerretDB is up');

  return {
    uri,
    port,
    pid: () => child?.pid,
    async stop() {
      stopping = true;
      clearTimeout(restartTimer);
      const proc = child;
      if (proc && proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(pidFile, { force: true });
      log.info('FerretDB stopped');
    },
  };
}

/** A portal killed with SIGKILL cannot stop its FerretDB; the next start cleans up after it. */
async function killOrphan(pidFile: string, logger: Logger) {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8'));
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1) return;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('ferretdb')) return;
    process.kill(pid, 'SIGKILL');
    logger.warn({ pid }, 'killed a FerretDB left behind by a previous run');
    for (let i = 0; i < 50 && existsSync(`/proc/${pid}`); i++) await new Promise((r) => setTimeout(r, 20));
  } catch {
    // not running any more
  }
}
