import { createLucia } from '../../server/auth/lucia';
import { SessionService, userOfAccount } from '../../server/auth/session.service';
import { userModel } from '../../server/auth/user.model';
import { systemClock } from '../../server/clock';
import { connectMongoose } from '../../server/db/database';
import { openSocket, type BenchSocket } from './bench-state';
import { buildIfNeeded, memoryOf, scrapeGauge, startCluster, startNodes } from './cluster';
import { seedApplicants } from './seed';
import { limiter, sleep } from './stats';

const installed = (name: string) =>
  import(name).then(
    () => true,
    () => false,
  );

/**
 * `--capacity N`: N applicants each get a session, then hold N idle authenticated sockets on one
 * portal process. Reports the process's RSS and V8 heap growth per socket. Sessions are created with
 * the portal's own SessionService (what a sign-in does once the password is checked): N HTTP
 * sign-ins would mostly measure Argon2id and FerretDB's full scan of `users` per sign-in.
 */
export async function runCapacity(count: number, log: (line: string) => void, started: (stop: () => Promise<void>) => void) {
  await buildIfNeeded(log);
  const cluster = await startCluster(1);
  started(() => cluster.stop());
  const sockets: BenchSocket[] = [];
  try {
    const db = await connectMongoose(cluster.mongoUri);
    log(`seeding ${count} applicants`);
    const applicants = await seedApplicants(db, count);
    const sessions = new SessionService(createLucia(db, systemClock, false), db, systemClock);
    const create = limiter(16);
    const cookies = await Promise.all(
      applicants.map((a) =>
        create(async () => {
          const account = (await userModel(db).findById(a.userId).lean())!;
          return (await sessions.create(userOfAccount(account), { mfaVerified: false, ip: '127.0.0.1' })).cookie.split(';')[0]!;
        }),
      ),
    );
    await db.close();
    await startNodes(cluster, 1);
    const [node] = cluster.nodes;
    const url = node!.url;
    const pid = node!.child.pid;
    await sleep(5000);
    const before = { ...memoryOf(pid), heapMiB: (await scrapeGauge(url, 'nodejs_heap_size_used_bytes')) / 2 ** 20 };
    log(`opening ${count} sockets`);
    const open = limiter(50);
    const started = performance.now();
    const failures = new Map<string, number>();
    await Promise.all(
      cookies.map((cookie) =>
        open(async () => {
          try {
            sockets.push(await openSocket(url, cookie));
          } catch (err) {
            failures.set((err as Error).message, (failures.get((err as Error).message) ?? 0) + 1);
          }
        }),
      ),
    );
    if (failures.size) {
      log(`sockets refused: ${[...failures].map(([why, n]) => `${why} × ${n}`).join(', ')}; the portal said:`);
      console.log(
        node!
          .output()
          .split('\n')
          .filter((line) => /"level":(40|50|60)/.test(line))
          .slice(-5)
          .join('\n'),
      );
    }
    const openSeconds = (performance.now() - started) / 1000;
    // Opening thousands of sockets leaves garbage that only a later GC collects: sample for a minute
    // of idling and keep the lowest reading, which is what the sockets themselves hold.
    const after = { rssMiB: Number.POSITIVE_INFINITY, heapMiB: Number.POSITIVE_INFINITY, peakMiB: 0 };
    for (let i = 0; i < 12; i++) {
      await sleep(5_000);
      const now = memoryOf(pid);
      after.rssMiB = Math.min(after.rssMiB, now.rssMiB);
      after.peakMiB = now.peakMiB;
      after.heapMiB = Math.min(after.heapMiB, (await scrapeGauge(url, 'nodejs_heap_size_used_bytes')) / 2 ** 20);
    }
    const connected = await scrapeGauge(url, 'landing_sockets_connected\\{role="applicant"\\}');
    const perSocket = (a: number, b: number) => `${(((a - b) * 1024) / count).toFixed(1)} KiB`;
    console.log(`
Capacity, ${new Date().toISOString().slice(0, 10)}: ${connected} idle authenticated applicant sockets on one process (opened in ${openSeconds.toFixed(0)} s)
| measure | before sockets | with sockets | per socket |
|---|---|---|---|
| RSS | ${before.rssMiB.toFixed(0)} MiB | ${after.rssMiB.toFixed(0)} MiB | ${perSocket(after.rssMiB, before.rssMiB)} |
| V8 heap used | ${before.heapMiB.toFixed(0)} MiB | ${after.heapMiB.toFixed(0)} MiB | ${perSocket(after.heapMiB, before.heapMiB)} |
| peak RSS | | ${after.peakMiB.toFixed(0)} MiB | |
perMessageDeflate: off (no per-socket zlib context). bufferutil: ${(await installed('bufferutil')) ? 'installed' : 'not installed: ws masks and unmasks frames in JavaScript (CPU, not memory)'}.`);
  } finally {
    for (const socket of sockets) socket.disconnect();
    await cluster.stop();
  }
}
