import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { Schema } from 'mongoose';
import { loadConfig } from '../../server/config';
import { connectMongoose, openDatabase } from '../../server/db/database';
import { EMBEDDED_POOL_SIZE, startFerretDb } from '../../server/db/ferretdb';
import { createLogger } from '../../server/logger';
import { startPortal } from '../../server/server';
import { createServices } from '../../server/services';
import { systemClock } from '../../server/clock';

const binary = resolve('.tools/bin/ferretdb');
const logger = createLogger('silent');
const dataDir = mkdtempSync(join(tmpdir(), 'landing-ferret-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}

describe('embedded FerretDB', () => {
  it('keeps documents across a restart (data lives in the data directory)', async () => {
    const first = await startFerretDb({ binary, dataDir, logger });
    let conn = await connectMongoose(first.uri, 'landing');
    await conn.model('Note', new Schema({ text: String })).create({ text: 'survives' });
    await conn.close();
    await first.stop();
    expect(first.pid()).toBeUndefined();

    const second = await startFerretDb({ binary, dataDir, logger });
    conn = await connectMongoose(second.uri, 'landing');
    const found = await conn
      .model('Note', new Schema({ text: String }))
      .findOne()
      .lean();
    expect(found?.text).toBe('survives');
    await conn.close();
    await second.stop();
  });

  it('reports the database down when FerretDB dies, then recovers when it is restarted', async () => {
    // Down for 3 s before the restart: longer than a health check waits (1.5 s), so the outage is
    // seen (with the default 500 ms a quick restart can be over before a check gives up).
    const ferret = await startFerretDb({ binary, dataDir, logger, restartBackoffMs: 3000 });
    const db = await connectMongoose(ferret.uri, 'landing');
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
    const infrastructure = { config, logger, db, clock: systemClock };
    const portal = await startPortal({ ...infrastructure, services: createServices(infrastructure) }, { port: 0 });
    const health = async () => (await fetch(`${portal.url}/api/health`)).status;
    try {
      expect(await health()).toBe(200);
      const firstPid = ferret.pid()!;
      process.kill(firstPid, 'SIGKILL');
      const downAfter = await waitFor(async () => (await health()) === 503, 5000);
      expect(downAfter).toBeLessThan(5000);
      // The supervisor restarts FerretDB on the same port; the portal's connection recovers by itself.
      await waitFor(async () => (await health()) === 200, 20_000);
      expect(ferret.pid()).not.toBe(firstPid);
      expect(await db.model('Note', new Schema({ text: String })).countDocuments()).toBeGreaterThanOrEqual(1);
    } finally {
      await portal.close();
      await db.close(true);
      await ferret.stop();
    }
  });

  it('queues in a small driver pool, and begins SQLite transactions IMMEDIATE, on the embedded database only', async () => {
    const embedded = await openDatabase(loadConfig({ NODE_ENV: 'test', DATA_DIR: join(dataDir, 'pool'), FERRETDB_BIN: binary }), logger);
    try {
      expect(embedded.connection.getClient().options.maxPoolSize).toBe(EMBEDDED_POOL_SIZE);
      expect(EMBEDDED_POOL_SIZE).toBeLessThan(100);
      const args = readFileSync(`/proc/${embedded.ferret!.pid()!}/cmdline`, 'utf8').split('\0');
      expect(args.find((arg) => arg.startsWith('--sqlite-url='))).toMatch(/\?_txlock=immediate$/);
    } finally {
      await embedded.close();
    }
    // MONGODB_URI: the operator's URI decides (here without maxPoolSize: the driver's default).
    const external = await openDatabase(loadConfig({ NODE_ENV: 'test', MONGODB_URI: inject('mongoUri') }), logger);
    try {
      expect(external.ferret).toBeUndefined();
      expect(external.connection.getClient().options.maxPoolSize).toBe(100);
    } finally {
      await external.close();
    }
  });
});
