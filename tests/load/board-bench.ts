/**
 * `npm run bench:board -- --cases 100000 [--source memory|database]`: seeds N cases (default
 * 10,000) into a fresh embedded FerretDB, then starts the portal in this process (so the board's
 * read model loads them, as at a real start) and times the officers' board: the first page and
 * each filter, as an officer's browser would ask for them. `--source database` times the board as
 * several processes sharing a database answer it (by database queries). Prints medians of repeated
 * runs; asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectMongoose } from '../../server/db/database';
import { startFerretDb } from '../../server/db/ferretdb';
import { foldForSearch } from '../../server/board/board-search';
import { caseModel } from '../../server/cases/case.model';
import { createLogger } from '../../server/logger';
import { startPortal } from '../../server/server';
import { createServices } from '../../server/services';
import { createUser, signIn } from '../fixtures/users';

/** `--name value` or `--name=value`. */
function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  return args[i]!.includes('=') ? args[i]!.split('=')[1] : args[i + 1];
}
const count = Number(flag('cases') ?? 10_000);
const source = (flag('source') ?? 'memory') as 'memory' | 'database';
if (!Number.isInteger(count) || count < 1 || !['memory', 'database'].includes(source)) {
  console.error('usage: npm run bench:board -- [--cases N] [--source memory|database]');
  process.exit(1);
}
const runs = 5;
const steps = [
  'invited',
  'welcome',
  'identity',
  'presence',
  'changes',
  'residential',
  'mailing',
  'photo',
  'review',
  'submitted',
  'photoRejected',
  'confirmed',
];
const names = ['Amara', 'Zoë', 'Wei', 'Lin', 'João', 'Maria', 'Étienne', 'Priya', 'Omar', 'Sofia', 'Mateo', 'Aiko'];
const families = ['Okafor', 'Tremblay', 'Chen', 'Santos', 'Nguyen', 'Singh', 'Haddad', 'García', 'Kowalski', 'Dubois'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'landing-board-bench-'));
  const logger = createLogger('error');
  const ferret = await startFerretDb({ binary: resolve('.tools/bin/ferretdb'), dataDir, logger });
  const db = await connectMongoose(ferret.uri, 'board_bench');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'error', DATA_DIR: dataDir, BOARD_READ_MODEL: source });
  const infrastructure = { config, logger, db, clock: systemClock };
  let portal: Awaited<ReturnType<typeof startPortal>> | undefined;
  try {
    const seedStarted = performance.now();
    const now = Date.now();
    const snapshot = JSON.stringify({
      context: { person: { givenName: 'x', familyName: 'y', dateOfBirth: '1990-01-01', uci: '12345678' } },
    });
    for (let batch = 0; batch < count; batch += 1000) {
      const docs = Array.from({ length: Math.min(1000, count - batch) }, (_, j) => {
        const i = batch + j;
        const step = steps[i % steps.length]!;
        const at = new Date(now - (i % 500) * 3_600_000);
        const name = `${names[i % names.length]} ${families[(i * 7) % families.length]}`;
        return {
          _id: `case-${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`,
          personId: `person-${i}`,
          userId: step === 'invited' ? null : `user-${i}`,
          invitationState: step === 'invited' ? 'sent' : 'accepted',
          applicationNumber: `E${String(100_000_000 + Math.floor(i / 2)).padStart(9, '0')}`,
          personName: name,
          searchName: foldForSearch(name),
          uci: String(10_000_000 + i),
          lang: i % 3 === 0 ? 'fr' : 'en',
          snapshot,
          version: 1,
          seq: 5,
          step,
          stepNumber: null,
          stepEnteredAt: at,
          lastActivityAt: at,
          flags: i % 17 === 0 ? ['help_requested'] : i % 11 === 0 ? ['changes_declared', 'photo_waiting'] : [],
          helpStatus: i % 17 === 0 ? 'requested' : 'none',
          photoStatus: 'none',
          createdAt: at,
        };
      });
      await caseModel(db).insertMany(docs, { ordered: false });
    }
    const seedMs = performance.now() - seedStarted;
    const startStarted = performance.now();
    const services = createServices(infrastructure);
    portal = await startPortal({ ...infrastructure, services }, { port: 0 });
    const officer = await signIn(portal.url, await createUser(db, 'officer'), systemClock);
    await officer.request('/api/board?pageSize=1');
    const startMs = performance.now() - startStarted;

    const queries: [string, string][] = [
      ['first page (newest activity)', ''],
      ['sorted by name, page 3', 'sort=personName&dir=asc&page=3'],
      ['filter: step = photo', 'step=photo'],
      ['filter: flag = help requested', 'flag=help_requested'],
      ['filter: stuck (> 48 h idle)', 'stuck=1'],
      ['search: name "tremb"', 'q=tremb'],
      ['search: name "etienne" (accents)', 'q=etienne'],
      ['search: exact UCI', `q=${10_000_000 + Math.floor(count / 2)}`],
      ['search: application number', `q=E${100_000_000 + 42}`],
    ];
    console.log(
      `\nBoard benchmark — ${count.toLocaleString('en-CA')} cases seeded in ${(seedMs / 1000).toFixed(1)} s (FerretDB 1.24 / SQLite, ${new Date().toISOString().slice(0, 10)})`,
    );
    console.log(
      `Board source: ${source}; portal start to first board answer ${(startMs / 1000).toFixed(1)} s (the read model loads every case once); portal RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB\n`,
    );
    console.log(
      'query'.padEnd(36) +
        'median ms'.padStart(10) +
        'min ms'.padStart(9) +
        'cpu ms'.padStart(9) +
        'rows'.padStart(7) +
        'total'.padStart(8),
    );
    for (const [label, query] of queries) {
      const times: number[] = [];
      const cpu: number[] = [];
      let last: { rows: unknown[]; total: number } = { rows: [], total: 0 };
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const cpuStarted = process.cpuUsage();
        const res = await officer.request(`/api/board?${query}`);
        times.push(performance.now() - started);
        const used = process.cpuUsage(cpuStarted);
        cpu.push((used.user + used.system) / 1000);
        if (res.status !== 200) throw new Error(`${label}: HTTP ${res.status} ${JSON.stringify(res.data)}`);
        last = res.data;
      }
      console.log(
        label.padEnd(36) +
          median(times).toFixed(0).padStart(10) +
          Math.min(...times)
            .toFixed(0)
            .padStart(9) +
          median(cpu).toFixed(1).padStart(9) +
          String(last.rows.length).padStart(7) +
          String(last.total).padStart(8),
      );
    }
    console.log('\nEach figure: one GET /api/board (page of 50 + total count + funnel + cached median times), median of 5.');
    console.log(
      `"cpu ms": CPU time of this process (portal and its HTTP client; FerretDB not included) per request, median. Load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores.`,
    );
  } finally {
    await portal?.close();
    await db.close();
    await ferret.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
