/**
 * `node --import tsx tests/load/import-bench.ts [--runs 3] [--applications 1000]`: imports the
 * 2,000-row test file (1,000 applications of two people, 5 bad rows) into a fresh embedded FerretDB
 * through the real API, as the import page does, and times it from the upload to the job's "done";
 * then imports it again (everything already registered) and measures how fast the outbox worker
 * sends the invitations (dev mailbox, 30 s). Each run starts on an empty database. Prints every run and the median; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectMongoose } from '../../server/db/database';
import { startFerretDb } from '../../server/db/ferretdb';
import { createLogger } from '../../server/logger';
import { startPortal } from '../../server/server';
import { createServices } from '../../server/services';
import type { ImportJobView } from '../../src/lib/shared/application-import';
import { FIVE_BAD_ROWS, importFile } from '../fixtures/import-file';
import { createUser, signIn } from '../fixtures/users';
import type { HttpSession } from '../support/http-session';

function flag(name: string, fallback: number): number {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return Number(args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1]);
}
const runs = flag('runs', 3);
const applications = flag('applications', 1_000);
/** How long the outbox's pace is measured after the imports. */
const DRAIN_MS = 30_000;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function imported(officer: HttpSession, csv: string): Promise<{ ms: number; job: ImportJobView; polls: number[] }> {
  const started = performance.now();
  let job = (await officer.post('/api/applications/import', { csv })).data as ImportJobView;
  const polls: number[] = [];
  while (job.state === 'running') {
    await new Promise((r) => setTimeout(r, 250));
    job = (await officer.request(`/api/applications/import/${job.id}`)).data as ImportJobView;
    polls.push(job.registered);
  }
  return { ms: performance.now() - started, job, polls };
}

async function run(n: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'landing-import-bench-'));
  const logger = createLogger('error');
  const ferret = await startFerretDb({ binary: resolve('.tools/bin/ferretdb'), dataDir, logger });
  const db = await connectMongoose(ferret.uri, 'import_bench');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir });
  const infrastructure = { config, logger, db, clock: systemClock };
  const services = createServices(infrastructure);
  const portal = await startPortal({ ...infrastructure, services }, { port: 0 });
  try {
    await services.outboxWorker.stop();
    const officer = await signIn(portal.url, await createUser(db, 'officer'), systemClock);
    const csv = importFile(applications, applications === 1_000 ? FIVE_BAD_ROWS : {});
    const first = await imported(officer, csv);
    const again = await imported(officer, csv);
    // The outbox worker's pace over at most DRAIN_MS (a full drain can take far longer).
    const drainStarted = performance.now();
    let sent = 0;
    while (performance.now() - drainStarted < DRAIN_MS) {
      const done = await services.outboxWorker.processDue();
      sent += done.sent;
      if (done.sent + done.retried + done.failed === 0) break;
    }
    const drainMs = performance.now() - drainStarted;
    const rate = sent / (drainMs / 1000);
    console.log(
      `run ${n}: import ${(first.ms / 1000).toFixed(1)} s (${first.job.registered} applications registered, ${first.job.problems.length} problems, ${first.polls.length} progress reads: ${first.polls.filter((p, i, a) => p !== a[i - 1]).length} distinct); ` +
        `again ${(again.ms / 1000).toFixed(1)} s (${again.job.alreadyRegistered.length} already registered); outbox: ${sent} emails sent in ${(drainMs / 1000).toFixed(1)} s, ${rate.toFixed(1)}/s (dev mailbox)`,
    );
    return { first: first.ms, again: again.ms, rate };
  } finally {
    await portal.close();
    await db.close();
    await ferret.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(
    `Import benchmark: ${applications * 2} rows, ${runs} runs, each on an empty FerretDB 1.24 / SQLite (${new Date().toISOString()})`,
  );
  const results = [];
  for (let n = 1; n <= runs; n++) results.push(await run(n));
  console.log(
    `median: import ${(median(results.map((r) => r.first)) / 1000).toFixed(1)} s, again ${(median(results.map((r) => r.again)) / 1000).toFixed(1)} s, outbox ${median(results.map((r) => r.rate)).toFixed(1)} emails/s. ` +
      `Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores (a shared machine: noisy).`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
