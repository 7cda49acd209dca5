import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('ferretdb-writer-queue', { resetEachTest: false });

/**
 * The embedded FerretDB is built with the `writer-queue` patches (scripts/install-ferretdb.mjs):
 * SQLite's one writer is handed out by a queue in FerretDB instead of by SQLite's busy handler,
 * which makes a loser sleep up to 100 ms at a time. Its speed is shown by `npm run bench`; what a
 * test can hold is that the binary carries it and that every kind of write still finishes, with
 * nothing lost, when many arrive at once (no deadlock between the queue and FerretDB's own locks).
 */
describe('the embedded FerretDB queues its writes', () => {
  it('is built with the writer queue', () => {
    const stamp = readFileSync(resolve('.tools/bin/ferretdb.patches'), 'utf8');
    for (const id of ['writer-queue-field', 'writer-queue-make', 'writer-queue-transaction', 'writer-queue-exec']) {
      expect(stamp.split('\n')).toContain(id);
    }
  });

  it('finishes inserts, updates, deletes, index builds and new collections sent at once, losing nothing', async () => {
    const database = db().db!;
    const counters = database.collection<{ _id: string; n: number }>('queue_counters');
    const victims = database.collection<{ _id: string }>('queue_victims');
    await counters.insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: `c${i}`, n: 0 })));
    await victims.insertMany(Array.from({ length: 40 }, (_, i) => ({ _id: `v${i}` })));
    const entries = database.collection<{ _id: string; i: number }>('queue_entries');

    await Promise.all([
      // One command each, so they reach FerretDB side by side over the driver's pool.
      ...Array.from({ length: 300 }, (_, i) => entries.insertOne({ _id: `e${i}`, i })),
      ...Array.from({ length: 40 }, (_, i) => counters.updateOne({ _id: `c${i}` }, { $set: { n: i + 1 } })),
      ...Array.from({ length: 40 }, (_, i) => victims.deleteOne({ _id: `v${i}` })),
      entries.createIndex({ i: 1 }),
      ...Array.from({ length: 5 }, (_, i) => database.collection(`queue_new_${i}`).insertOne({ _id: 'first' } as never)),
      database.createCollection('queue_created'),
    ]);

    expect(await entries.countDocuments()).toBe(300);
    expect((await counters.find().toArray()).map((c) => c.n).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(await victims.countDocuments()).toBe(0);
    expect((await entries.indexes()).map((index) => index.name)).toContain('i_1');
    for (let i = 0; i < 5; i++) expect(await database.collection(`queue_new_${i}`).countDocuments()).toBe(1);
    expect((await database.listCollections({ name: 'queue_created' }).toArray()).length).toBe(1);
    // A write refused by a unique `_id` leaves the queue as it found it.
    await expect(entries.insertOne({ _id: 'e0', i: -1 })).rejects.toMatchObject({ code: 11000 });
    await entries.insertOne({ _id: 'after', i: 301 });
    expect(await entries.countDocuments()).toBe(301);
  });
});
