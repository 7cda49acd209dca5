import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../server/clock';
import { loadConfig } from '../../server/config';
import { connectMongoose } from '../../server/db/database';
import { startFerretDb, type FerretDb } from '../../server/db/ferretdb';
import { freePort } from '../../server/db/free-port';
import { listMailbox } from '../../server/email/dev-mailbox.sender';
import { createLogger } from '../../server/logger';
import { startPortal, type RunningPortal } from '../../server/server';
import { createServices, type Services } from '../../server/services';
import { createApplicant, signIn } from '../fixtures/users';
import { auditDelivery, cleanUpDataDir } from './support/app-database';
import { inParallel, printFigures, sleep } from './support/figures';
import { answersBeforePhoto, answersFromPhoto } from './support/landing-script';
import { ResilientApplicant } from './support/resilient-applicant';
import { longRun } from './support/seeded-random';

/**
 * The portal against a FerretDB this test controls: mid-activity the database is killed, stays down
 * for 10 s, and a new one starts on the same port and data directory. The server must stay up, say
 * so on /api/health, tell clients `db_unavailable`, and lose or double nothing.
 */
const APPLICANTS = 10;
const OUTAGE_MS = longRun ? 30_000 : 10_000;
const binary = resolve('.tools/bin/ferretdb');
const dataDir = mkdtempSync(join(tmpdir(), 'landing-resilience-outage-'));
const filesDir = mkdtempSync(join(tmpdir(), 'landing-resilience-outage-files-'));
/** What the server logged as failures it did not expect: each would have reached a client as `internal`. */
const unexpected: string[] = [];
const logger = createLogger(
  'error',
  {},
  {
    write(line: string) {
      const record = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string; code?: string } };
      if (record.msg === 'unhandled error' || record.msg === 'socket handler failed')
        unexpected.push(`${record.msg}: ${record.err?.type} ${record.err?.code ?? ''} ${record.err?.message}`);
    },
  },
);
const validPhoto = readFileSync(new URL('../fixtures/photo-valid.jpg', import.meta.url));
let port = 0;
let ferret: FerretDb | undefined;
let db: Connection;
let portal: RunningPortal | undefined;
let services: Services;

beforeAll(async () => {
  port = await freePort();
  ferret = await startFerretDb({ binary, dataDir, logger, port, restart: false });
  db = await connectMongoose(ferret.uri, 'landing');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: filesDir });
  const infrastructure = { config, logger, db, clock: systemClock };
  services = createServices(infrastructure);
  portal = await startPortal({ ...infrastructure, services }, { port: 0 });
});

afterAll(async () => {
  await services?.outboxWorker.stop();
  await portal?.close();
  await db?.close(true);
  await ferret?.stop();
  cleanUpDataDir(dataDir);
  rmSync(filesDir, { recursive: true, force: true });
});

const health = async () => (await fetch(`${portal!.url}/api/health`).catch(() => null))?.status ?? 0;

describe('database outage', () => {
  it(`survives ${OUTAGE_MS / 1000} s without its database: 503 meanwhile, nothing lost or doubled, the queued email still goes`, async () => {
    const names = Array.from({ length: APPLICANTS }, (_, i) => ({ givenName: `Olga${String.fromCharCode(97 + i)}`, familyName: 'Outage' }));
    const people = [];
    for (const name of names) people.push(await createApplicant(db, name));
    const cookies: string[] = [];
    await inParallel(people, 4, async (person, i) => void (cookies[i] = (await signIn(portal!.url, person, systemClock)).cookieHeader));
    const clients = cookies.map((cookie) => new ResilientApplicant(portal!.url, cookie, { ackTimeoutMs: 8_000 }));
    const codes: string[] = [];
    for (const client of clients) client.onRefusal = (code) => codes.push(code);

    let resolveOutage: () => void = () => undefined;
    const outageOver = new Promise<void>((r) => (resolveOutage = r));
    const progress = Promise.all(
      clients.map(async (client, i) => {
        for (const event of answersBeforePhoto) {
          await client.answer(event);
          await sleep(200 + Math.random() * 600);
        }
        await outageOver;
        const upload = await fetch(`${portal!.url}/api/photos`, {
          method: 'PUT',
          headers: { cookie: cookies[i]! },
          body: new Uint8Array(validPhoto),
        });
        const { photoId } = (await upload.json()) as { photoId: string };
        for (const event of answersFromPhoto(photoId, names[i]!)) await client.answer(event);
      }),
    );

    // Mid-activity: an email is queued, then the database dies.
    await sleep(1_500);
    const subject = `Outage probe ${Date.now()}`;
    await services.outbox.enqueue(
      { to: 'probe@example.com', subject, text: 'still delivered', html: '<p>still delivered</p>', links: [] },
      { kind: 'invitation' },
    );
    process.kill(ferret!.pid()!, 'SIGKILL');
    const down = Date.now();
    services.outboxWorker.start();

    const during: number[] = [];
    const signedInDuring: { status: number; code?: string }[] = [];
    const watching = async (probe: () => Promise<void>) => {
      while (Date.now() - down < OUTAGE_MS) await Promise.all([probe(), sleep(500)]);
    };
    await Promise.all([
      watching(async () => void during.push(await health())),
      watching(async () => {
        const me = await fetch(`${portal!.url}/api/auth/me`, { headers: { cookie: cookies[0]! } }).catch(() => null);
        if (me) signedInDuring.push({ status: me.status, code: ((await me.json().catch(() => ({}))) as { code?: string }).code });
      }),
    ]);
    ferret = await startFerretDb({ binary, dataDir, logger, port, restart: false });
    const upAgain = Date.now();
    await expect.poll(health, { timeout: 30_000, interval: 250 }).toBe(200);
    const recoveredMs = Date.now() - upAgain;
    resolveOutage();
    await progress;
    await Promise.all(clients.map((client) => client.resync()));

    await expect
      .poll(async () => (await listMailbox(db, { to: 'probe@example.com' })).filter((m) => m.subject === subject).length, {
        timeout: 30_000,
      })
      .toBe(1);
    const audit = await auditDelivery(db, clients);
    for (const client of clients) client.close();
    printFigures('db-outage', {
      outageSecondsSurvived: Math.round((upAgain - down) / 1000),
      recoveredMs,
      health503: during.filter((s) => s === 503).length,
      acknowledged: audit.acknowledged,
      lost: audit.lost,
      duplicates: audit.duplicates,
      refusals: [...new Set(codes)].join('+') || 'none',
      emailDelivered: 1,
    });

    expect(unexpected).toEqual([]); // every database failure is told apart from a bug
    expect(during.filter((s) => s !== 503 && s !== 200)).toEqual([]); // never 5xx other than 503, never down
    expect(during.length).toBeGreaterThan(10);
    expect(during.slice(4).every((s) => s === 503)).toBe(true); // 503 once the driver noticed (≤ 2 s)
    expect(signedInDuring.filter((r) => r.status >= 500).every((r) => r.status === 503 && r.code === 'db_unavailable')).toBe(true);
    expect(codes.filter((c) => c === 'internal')).toEqual([]);
    expect(clients.every((c) => c.view?.step === 'submitted')).toBe(true);
    expect(audit).toEqual({
      acknowledged: APPLICANTS * (answersBeforePhoto.length + 2),
      lost: 0,
      duplicates: 0,
      outOfOrder: 0,
      diverged: 0,
    });
  });
});
