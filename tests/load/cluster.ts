import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EMBEDDED_POOL_SIZE, startFerretDb, type FerretDb } from '../../server/db/ferretdb';
import { createLogger } from '../../server/logger';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { startRedisServer, type RedisServer } from '../support/redis-server';

export interface Cluster {
  dataDir: string;
  ferret: FerretDb;
  mongoUri: string;
  redis?: RedisServer;
  nodes: AppProcess[];
  stop(): Promise<void>;
}

const root = resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Runs `vite build` when the web app was never built or `src/` changed since. A build running at
 * the same time in this tree (a test run) can make ours fail: try again once, then go on with
 * whatever build is there.
 */
export async function buildIfNeeded(log: (line: string) => void) {
  const handler = join(root, 'build/handler.js');
  if (existsSync(handler) && statSync(handler).mtimeMs >= newestMtime(join(root, 'src'))) return;
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV'));
  for (let attempt = 1; attempt <= 2; attempt++) {
    log('building the web app (vite build)...');
    try {
      execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', env });
      return;
    } catch (err) {
      if (attempt === 2 && existsSync(handler)) return log('vite build failed (another build running?); using the existing build');
      if (attempt === 2) throw err;
      await new Promise((r) => setTimeout(r, 15_000));
    }
  }
}

/**
 * One FerretDB (started here, so the bench can seed it and measure bare database operations), a
 * Redis when there are several nodes, and `nodes` portal processes started as `npm run serve` does,
 * all sharing one fresh data directory (photos) and one database. Loopback only.
 */
export async function startCluster(nodes: number): Promise<Cluster> {
  const dataDir = mkdtempSync(join(tmpdir(), 'landing-bench-'));
  const ferret = await startFerretDb({
    binary: join(root, '.tools/bin/ferretdb'),
    dataDir: join(dataDir, 'db'),
    logger: createLogger('error'),
    restart: false,
  });
  // The pool bound the portal applies to its embedded FerretDB, given here through MONGODB_URI.
  const mongoUri = `${ferret.uri}landing?maxPoolSize=${process.env.BENCH_POOL_SIZE ?? EMBEDDED_POOL_SIZE}`;
  const redis = nodes > 1 ? await startRedisServer() : undefined;
  const cluster: Cluster = {
    dataDir,
    ferret,
    mongoUri,
    redis,
    nodes: [],
    async stop() {
      const quietly = (step: Promise<unknown> | undefined) => step?.catch((err: Error) => console.error(`cleanup: ${err.message}`));
      for (const node of cluster.nodes) await quietly(node.stop());
      await quietly(redis?.stop());
      await quietly(ferret.stop());
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return cluster;
}

/**
 * Starts the portal processes (after seeding, so demo mode finds a populated database and stays
 * quiet). Another `vite build` in this tree (a test run) empties `build/` for a few seconds: wait.
 */
export async function startNodes(cluster: Cluster, count: number, extraEnv: Record<string, string> = {}) {
  for (let i = 0; i < count; i++) {
    // One process is the only writer of the bench's FerretDB, as with the embedded database: it
    // keeps the board in memory. Two processes share it, as with MongoDB: the board reads the database.
    const board = count === 1 ? 'memory' : 'database';
    // Applicants sign in from addresses of their own, as they do behind the load balancer of a
    // deployment (one trusted proxy hop): the per-address sign-in limit then counts each one apart.
    const env: Record<string, string> = {
      MONGODB_URI: cluster.mongoUri,
      BOARD_READ_MODEL: board,
      TRUST_PROXY_HOPS: '1',
      LOG_LEVEL: 'warn',
      DEMO_PASSWORD: 'bench-demo-password-not-secret',
      ...extraEnv,
    };
    if (cluster.redis) env.REDIS_URL = cluster.redis.url;
    for (let attempt = 1; ; attempt++) {
      for (let waited = 0; !existsSync(join(root, 'build/handler.js')) && waited < 120; waited++)
        await new Promise((r) => setTimeout(r, 1000));
      try {
        cluster.nodes.push(await startAppProcess(env, join(cluster.dataDir, 'app')));
        break;
      } catch (err) {
        if (attempt >= 3 || !/not built/.test(String(err))) throw err;
      }
    }
  }
}

/** Peak resident set size (VmHWM) and current RSS of a process, in MiB, from /proc. */
export function memoryOf(pid: number | undefined): { peakMiB: number; rssMiB: number } {
  if (!pid) return { peakMiB: Number.NaN, rssMiB: Number.NaN };
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

/** One gauge from a node's `/metrics` (scraped from loopback, which needs no token). */
export async function scrapeGauge(url: string, name: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
}

/**
 * A sign-in's time by phase on every node, from `landing_sign_in_seconds`: the median read from the
 * buckets as Prometheus' `histogram_quantile` does (linear within a bucket), and the mean, as
 * `limit_and_account p50 4.1 / mean 5.1 ms, password p50 15.2 / mean 17.9 ms, … (n = 2000)`.
 */
export async function signInPhases(urls: string[]): Promise<string> {
  const phases = new Map<string, { buckets: Map<number, number>; count: number; seconds: number }>();
  const phase = (name: string) => {
    if (!phases.has(name)) phases.set(name, { buckets: new Map(), count: 0, seconds: 0 });
    return phases.get(name)!;
  };
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const [, le, name, value] of text.matchAll(/^landing_sign_in_seconds_bucket\{le="([^"]*)",phase="([^"]*)"\} (\S+)$/gm)) {
      const buckets = phase(name!).buckets;
      const upper = le === '+Inf' ? Infinity : Number(le);
      buckets.set(upper, (buckets.get(upper) ?? 0) + Number(value));
    }
    for (const [, kind, name, value] of text.matchAll(/^landing_sign_in_seconds_(sum|count)\{phase="([^"]*)"\} (\S+)$/gm)) {
      if (kind === 'sum') phase(name!).seconds += Number(value);
      else phase(name!).count += Number(value);
    }
  }
  const ms = (seconds: number) => (seconds * 1000).toFixed(1);
  const parts = [...phases].map(
    ([name, { buckets, count, seconds }]) =>
      `${name} p50 ${ms(bucketQuantile(0.5, buckets))} / mean ${ms(seconds / Math.max(count, 1))} ms`,
  );
  return `${parts.join(', ')} (n = ${phases.get('session')?.count ?? 0})`;
}

/** The q-quantile of cumulative bucket counts (upper bound → count), linear within its bucket. */
function bucketQuantile(q: number, cumulative: Map<number, number>): number {
  const bounds = [...cumulative.keys()].sort((a, b) => a - b);
  const total = cumulative.get(Infinity) ?? 0;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const upper of bounds) {
    const count = cumulative.get(upper)!;
    if (count >= rank) return upper === Infinity ? lower : lower + ((upper - lower) * (rank - below)) / Math.max(count - below, 1);
    lower = upper;
    below = count;
  }
  return Number.NaN;
}

/**
 * Where the portal's database time went, from `landing_db_command_seconds` on every node: the
 * commands with the most total time, as `find cases {_id}: 1234 × 5.2 ms = 6.4 s`.
 */
export async function databaseTime(urls: string[], top = 8): Promise<string[]> {
  const totals = new Map<string, { count: number; seconds: number }>();
  for (const url of urls) {
    const text = await (await fetch(`${url}/metrics`)).text();
    for (const [, kind, labels, value] of text.matchAll(/^landing_db_command_seconds_(sum|count)\{([^}]*)\} (\S+)$/gm)) {
      const command = /command="([^"]*)"/.exec(labels!)?.[1];
      const collection = /collection="([^"]*)"/.exec(labels!)?.[1];
      const filter = /filter="([^"]*)"/.exec(labels!)?.[1];
      const key = `${command} ${collection}${filter ? ` {${filter}}` : ''}`;
      const entry = totals.get(key) ?? { count: 0, seconds: 0 };
      if (kind === 'sum') entry.seconds += Number(value);
      else entry.count += Number(value);
      totals.set(key, entry);
    }
  }
  return [...totals]
    .sort((a, b) => b[1].seconds - a[1].seconds)
    .slice(0, top)
    .map(
      ([key, { count, seconds }]) =>
        `${key}: ${count} × ${((seconds * 1000) / Math.max(count, 1)).toFixed(1)} ms = ${seconds.toFixed(1)} s`,
    );
}
