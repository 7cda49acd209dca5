import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../server/db/free-port';
import { createApplicant } from '../fixtures/users';
import { startAppProcess, type AppProcess } from '../support/app-process';
import { auditDelivery, cleanUpDataDir, connectToAppDatabase } from './support/app-database';
import { printFigures, sleep } from './support/figures';
import { answersBeforePhoto, answersFromPhoto } from './support/landing-script';
import { ResilientApplicant } from './support/resilient-applicant';
import { sessionCookies } from './support/sign-in';
import { longRun, runSeed, SeededRandom } from './support/seeded-random';

/**
 * 50 applicants go through the whole conversation while the portal is killed with SIGKILL at
 * random moments, 5 times, and restarted on the same port and data directory. Clients retry
 * unacknowledged answers with the same ids and re-sync on reconnect, like the chat page.
 */
const APPLICANTS = longRun ? 100 : 50;
const KILLS = longRun ? 10 : 5;
const seed = runSeed();
const rng = new SeededRandom(seed);
const dataDir = mkdtempSync(join(tmpdir(), 'landing-resilience-crash-'));
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
let app: AppProcess | undefined;

afterAll(async () => {
  await app?.stop();
  cleanUpDataDir(dataDir);
});

/** Uploads the photo over HTTP, retrying through restarts, and returns its id. */
async function uploadPhoto(url: string, cookie: string): Promise<string> {
  for (;;) {
    const res = await fetch(`${url}/api/photos`, { method: 'PUT', headers: { cookie }, body: new Uint8Array(validPhoto) }).catch(
      () => null,
    );
    if (res?.status === 201) return ((await res.json()) as { photoId: string }).photoId;
    await sleep(300);
  }
}

describe('SIGKILL at random moments', () => {
  it(`keeps every acknowledged answer exactly once, in order, through ${KILLS} kills, and every client finishes`, async () => {
    const started = Date.now();
    const env = { DEMO_PASSWORD: 'demo passphrase for crash tests', PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    app = await startAppProcess(env, dataDir);
    const url = app.url;

    const seeding = await connectToAppDatabase(app);
    const names = Array.from({ length: APPLICANTS }, (_, i) => ({
      givenName: `Ana${String.fromCharCode(97 + (i % 26))}`,
      familyName: `Crash${String.fromCharCode(97 + Math.floor(i / 26))}`,
    }));
    const people = [];
    for (const name of names) people.push(await createApplicant(seeding, name));
    await seeding.close();
    const cookies = await sessionCookies(url, people);

    let kills = 0;
    const restartMs: number[] = [];
    let resolveKills: () => void = () => undefined;
    const killsDone = new Promise<void>((resolve) => (resolveKills = resolve));
    const killer = (async () => {
      while (kills < KILLS) {
        await sleep(rng.int(1_500, 5_000));
        await app!.kill();
        kills++;
        await sleep(rng.int(0, 1_000));
        const restarting = Date.now();
        app = await startAppProcess(env, dataDir);
        restartMs.push(Date.now() - restarting);
      }
      resolveKills();
    })();

    const clients = people.map((_, i) => new ResilientApplicant(url, cookies[i]!));
    const think = () => sleep(rng.int(50, 600));
    await Promise.all(
      clients.map(async (client, i) => {
        await think();
        for (const event of answersBeforePhoto) {
          await client.answer(event);
          await think();
        }
        const photoId = await uploadPhoto(url, cookies[i]!);
        const [photo, sign] = answersFromPhoto(photoId, names[i]!);
        await client.answer(photo!);
        await killsDone; // every client is still mid-conversation when the last kill comes
        await client.answer(sign!);
      }),
    );
    await killer;
    await Promise.all(clients.map((client) => client.resync()));

    const db = await connectToAppDatabase(app);
    const audit = await auditDelivery(db, clients);
    await db.close();
    for (const client of clients) client.close();
    const seconds = Math.round((Date.now() - started) / 1000);
    printFigures('crash', {
      seed,
      applicants: APPLICANTS,
      killsSurvived: kills,
      acknowledged: audit.acknowledged,
      lost: audit.lost,
      duplicates: audit.duplicates,
      outOfOrder: audit.outOfOrder,
      diverged: audit.diverged,
      retries: clients.reduce((n, c) => n + c.retries, 0),
      restartSeconds: (restartMs.reduce((a, b) => a + b, 0) / 1000).toFixed(1),
      seconds,
    });

    expect(kills).toBe(KILLS);
    expect(clients.every((c) => c.view?.step === 'submitted')).toBe(true);
    expect(clients.every((c) => c.connects >= 2)).toBe(true); // each resumed by itself at least once
    expect(audit).toEqual({
      acknowledged: APPLICANTS * (answersBeforePhoto.length + 2),
      lost: 0,
      duplicates: 0,
      outOfOrder: 0,
      diverged: 0,
    });
  });
});
