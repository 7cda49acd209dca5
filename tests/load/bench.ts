import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { verifyPassword, hashPassword } from '../../server/auth/password';
import { connectMongoose } from '../../server/db/database';
import { runJourney, STEPS_PER_JOURNEY } from './applicant-journey';
import { benchArgs, type BenchArgs } from './bench-args';
import { BenchState } from './bench-state';
import { runCapacity } from './capacity';
import { summariseCpuProfiles } from './cpu-profile';
import { buildIfNeeded, databaseTime, memoryOf, scrapeGauge, signInPhases, startCluster, startNodes } from './cluster';
import { BareDbStep } from './db-baseline';
import { payloadShapes } from './payload-shapes';
import { seedApplicants, seedStaff } from './seed';
import { measureSocketBaselines } from './socket-baselines';
import { openDashboard, runAgent } from './staff-sessions';
import { limiter, renderTable, Samples, sleep } from './stats';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Stops what the bench started (portal processes, FerretDB, Redis) when it is interrupted. */
let cleanup: (() => Promise<void>) | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void (cleanup?.() ?? Promise.resolve()).finally(() => process.exit(130)));
}
process.on('unhandledRejection', (err) => log(`unexpected: ${err instanceof Error ? err.message : String(err)}`));

/**
 * `npm run bench`: the portal under a realistic load on this machine, against baselines measured in
 * the same run. See README, "Performance". Everything is bounded in count and time; loopback only.
 */
async function main(args: BenchArgs) {
  if (args.capacity) return runCapacity(args.capacity, log, (stop) => (cleanup = stop));
  const startLoad = loadavg()[0]!;
  await buildIfNeeded(log);
  const cluster = await startCluster(args.nodes);
  cleanup = () => cluster.stop();
  try {
    const db = await connectMongoose(cluster.mongoUri);
    log(`seeding ${args.applicants} applicants, ${args.dashboards} officers, ${args.agents} agents`);
    const applicants = await seedApplicants(db, args.applicants);
    const officers = await seedStaff(db, 'officer', args.dashboards);
    const agents = await seedStaff(db, 'agent', args.agents);
    await db.close();
    const profileDir = args['cpu-prof'] ? resolve(args['cpu-prof']) : undefined;
    await startNodes(cluster, args.nodes, profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {});
    const urls = cluster.nodes.map((node) => node.url);
    log(`portal: ${urls.join(', ')} (${args.nodes === 2 ? `shared FerretDB and Redis ${cluster.redis!.url}` : 'FerretDB'})`);

    log('baselines: bare Socket.IO, bare Argon2id, bare database step (idle)');
    const sockets = await measureSocketBaselines({ ...args, ...payloadShapes() });
    const argon = new Samples();
    const hash = await hashPassword(BASELINE_PASSPHRASE);
    for (let i = 0; i < 30; i++) await timeVerify(hash, argon);
    const dbStep = await BareDbStep.open(cluster.mongoUri);
    const state = new BenchState(args.dashboards);
    const dbFailed = (err: Error) => state.error(`bare DB step: ${err.message.slice(0, 80)}`);
    const dbIdle = await dbStep.measure(200, dbFailed);

    const dashboards = await Promise.all(officers.map((officer, i) => openDashboard(state, i, urls[i % urls.length]!, officer)));
    let running = true;
    const agentRuns = agents.map((agent, i) =>
      runAgent(state, urls[i % urls.length]!, agent, () => running).catch((err: Error) => state.error(`agent: ${err.message}`)),
    );
    for (const url of urls) await scrapeGauge(url, 'nodejs_eventloop_lag_p99_seconds'); // resets the lag histogram
    const durationMs = args.duration * 1000;
    const thinkMs = (durationMs * 0.75) / STEPS_PER_JOURNEY;
    const deadline = performance.now() + durationMs + 60_000;
    const photo = new Uint8Array(readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url)));
    log(
      `load: ${args.applicants} applicants over ${args.duration} s (think ${Math.round(thinkMs)} ms ± 50 %), ${args.dashboards} dashboards, ${args.agents} agents`,
    );
    const dbUnderLoad = dbStep.measureWhile(() => running, dbFailed);
    const helpEvery = args.help > 0 ? Math.round(1 / args.help) : 0;
    // Final full syncs cost the server a whole transcript each: they run after the measured load.
    let openGate = () => {};
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const checks = limiter(8);
    const stepsDone: Promise<void>[] = [];
    const journeys = applicants.map((applicant, i) =>
      runJourney(state, applicant, {
        url: urls[i % urls.length]!,
        address: `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`, // the benchmarking range (RFC 2544), never routed
        startAfterMs: Math.random() * durationMs * 0.15,
        thinkMs,
        helpAfter: helpEvery && i % helpEvery === 0 ? 10 : null,
        photo,
        deadline,
        stepsDone: (() => {
          let done = () => {};
          stepsDone.push(new Promise<void>((resolve) => (done = resolve)));
          return () => done();
        })(),
        verify: (check) => gate.then(() => checks(check)),
      })
        .catch((err: Error) => state.error(err.message))
        .finally(() => state.settled++),
    );
    // The same bare verify every 250 ms while the applicants sign in: what Argon2id costs on these
    // two cores during the ramp, beside the idle figure.
    const argonRamp = new Samples();
    const rampBaseline = (async () => {
      while (running && state.signIn.count < args.applicants) {
        await timeVerify(hash, argonRamp);
        await sleep(250);
      }
      if (state.signIn.count < args.applicants) return;
      const phases = await signInPhases(urls).catch(() => 'not scraped');
      log(
        `all signed in: sign-in p50 ${state.signIn.p50.toFixed(1)} ms, bare Argon2id during the sign-ins p50 ${argonRamp.p50.toFixed(1)} ms (${(state.signIn.p50 / argonRamp.p50).toFixed(1)}×); portal's time by phase: ${phases}`,
      );
    })();
    let ticks = 0;
    const progress = setInterval(() => {
      log(
        `${state.signIn.count} signed in, ${state.connected} connected, ${state.answers} answers, ${state.finished} done, ${state.errorCount} errors`,
      );
      if (++ticks % 6 === 0)
        void databaseTime(urls, 3).then(
          (top) => log(`database time so far: ${top.join('; ')}`),
          () => undefined,
        );
    }, 10_000);
    await Promise.race([Promise.all(stepsDone), sleep(deadline - performance.now())]);
    const lag = await Promise.all(urls.map((url) => scrapeGauge(url, 'nodejs_eventloop_lag_p99_seconds')));
    const dbTime = await databaseTime(urls);
    const phases = await signInPhases(urls);
    running = false;
    log('load over; checking every transcript');
    openGate();
    await Promise.race([Promise.all(journeys), sleep(180_000)]);
    clearInterval(progress);
    for (let i = state.settled; i < args.applicants; i++) state.error('journey still running at the deadline');
    await Promise.all(agentRuns);
    const dbLoad = await dbUnderLoad;
    await rampBaseline;
    await sleep(1000); // stragglers
    state.settleFanOut();
    for (const socket of dashboards) socket.disconnect();
    await dbStep.close();

    const seconds = (state.lastAnswerAt - state.firstAnswerAt) / 1000;
    const memory = cluster.nodes.map((node) => memoryOf(node.child.pid));
    const ferret = memoryOf(cluster.ferret.pid());
    const mib = (v: number) => `${v.toFixed(0)} MiB`;
    const table = renderTable(
      [
        { label: 'answer ack (case:answer)', ours: state.answerAck, baseline: { label: 'bare DB step, during load', samples: dbLoad } },
        { label: 'answer ack (case:answer)', ours: state.answerAck, baseline: { label: 'bare Socket.IO ack', samples: sockets.ack } },
        {
          label: 'dashboard fan-out (ack → board:patch)',
          ours: state.fanOut,
          baseline: { label: 'bare broadcast (ack → receipt)', samples: sockets.broadcast },
        },
        {
          label: 'agent ↔ applicant chat delivery',
          ours: state.chat,
          baseline: { label: 'bare relay (emit → receipt)', samples: sockets.relay },
        },
        {
          label: 'HTTP sign-in (POST /api/auth/login)',
          ours: state.signIn,
          baseline: { label: 'bare Argon2id verify, idle', samples: argon },
        },
        {
          label: 'HTTP sign-in (POST /api/auth/login)',
          ours: state.signIn,
          baseline: { label: 'bare Argon2id verify, during the sign-ins', samples: argonRamp },
        },
        { label: 'bare DB step, idle (reference)', ours: dbIdle },
      ],
      [
        [
          'throughput',
          `${(state.answers / seconds).toFixed(1)} steps/s (${state.answers} answers in ${seconds.toFixed(0)} s; ${state.finished}/${args.applicants} journeys complete)`,
        ],
        ['event-loop lag p99 (server /metrics)', lag.map((v) => `${(v * 1000).toFixed(1)} ms`).join(', ')],
        ['peak RSS, portal process(es)', memory.map((m) => mib(m.peakMiB)).join(', ')],
        ['peak RSS, FerretDB', mib(ferret.peakMiB)],
        ['errors', `${state.errorCount}${state.errorCount ? ` (${[...state.errors].map(([k, n]) => `${k}: ${n}`).join('; ')})` : ''}`],
        ['lost events', String(state.lost)],
        ['duplicated events', String(state.duplicated)],
      ],
    );
    console.log(
      `\nLanding Portal bench, ${new Date().toISOString().slice(0, 10)}: ${args.applicants} applicants, ${args.dashboards} dashboards, ${args.agents} agents, ${args.nodes} process(es), ${args.duration} s, ${availableParallelism()} cores (load average before ${startLoad.toFixed(2)}, after ${loadavg()[0]!.toFixed(2)})\n`,
    );
    console.log(table);
    const byMinute = [...state.answerAckByMinute]
      .sort(([a], [b]) => a - b)
      .map(
        ([minute, samples]) =>
          `${minute}: ${samples.count} × ${samples.p50.toFixed(0)}/${samples.p95.toFixed(0)}/${samples.p99.toFixed(0)}`,
      );
    console.log(`\nAnswer ack by minute of load (minute: answers × p50/p95/p99 ms): ${byMinute.join('; ')}`);
    console.log(
      `\nPortal database time during the load, by command (landing_db_command_seconds):\n${dbTime.map((line) => `- ${line}`).join('\n')}`,
    );
    console.log(`\nPortal sign-in time by phase (landing_sign_in_seconds): ${phases}`);
    console.log(`
Notes:
- The bench's clients, the portal process(es), FerretDB${args.nodes > 1 ? ' and Redis' : ''} all share this ${availableParallelism()}-core machine; client work is kept light.
- The server broadcasts a commit before it acknowledges it, so a dashboard can get the patch before
  the applicant gets the ack: fan-out latency (dashboard receipt minus the applicant's ack) can be negative.${
    args.nodes > 1
      ? `
- With 2 processes every broadcast goes through Redis first (the adapter publishes, then delivers
  locally), so fan-out includes a Redis round trip; the bare broadcast baseline is one process.`
      : ''
  }
- Socket.IO and Argon2id baselines are measured idle, before the load, with as many sockets as the run;
  the bare DB step runs every 250 ms during the load against the same FerretDB and collections, and a
  bare Argon2id verify every 250 ms while the applicants sign in (from the bench's process, on the same cores).
- Lost/duplicated: board patches per dashboard for every acked answer, live case:update entries per
  applicant, and every acked answer exactly once in a final case:sync {after: 0}.`);
  } finally {
    await cluster.stop();
  }
  if (args['cpu-prof'])
    console.log(`\nPortal CPU, self time (profiles in ${resolve(args['cpu-prof'])}):\n${summariseCpuProfiles(resolve(args['cpu-prof']))}`);
}

main(benchArgs(process.argv.slice(2))).then(
  () => process.exit(0),
  (err) => {
    console.error('bench failed:', err);
    process.exit(1);
  },
);

const BASELINE_PASSPHRASE = 'bench baseline passphrase';

/** One bare Argon2id verify (the portal's own parameters), timed into `samples`. */
async function timeVerify(hash: string, samples: Samples) {
  const started = performance.now();
  await verifyPassword(hash, BASELINE_PASSPHRASE);
  samples.add(performance.now() - started);
}
