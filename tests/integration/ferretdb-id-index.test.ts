import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('ferretdb-id-index', { resetEachTest: false });
const ROWS = 3000;
const idOf = (i: number) => `case-${String(i).padStart(5, '0')}`;

/** The SQLite plan FerretDB reports for a command, flattened to one string. */
async function planOf(command: Record<string, unknown>): Promise<string> {
  const explained = await db().db!.command({ explain: command });
  return JSON.stringify(explained.queryPlanner);
}

/**
 * The embedded FerretDB is built with one source patch (scripts/install-ferretdb.mjs,
 * `sqlite-id-index`) so that a lookup by `_id` uses the `_id` index instead of reading every row.
 * Every case read and write is by `_id`, so without it a step gets slower as the database grows.
 */
describe('the embedded FerretDB looks `_id` up in its index', () => {
  it('plans a find by string `_id` as an index search, and any other filter as a scan', async () => {
    const docs = db().db!.collection<{ _id: string; n: number; pad: string }>('id_probe');
    await docs.insertMany(Array.from({ length: ROWS }, (_, i) => ({ _id: idOf(i), n: i, pad: 'x'.repeat(200) })));
    const byId = await planOf({ find: 'id_probe', filter: { _id: idOf(1234) } });
    expect(byId).toMatch(/SEARCH/);
    expect(byId).toMatch(/USING INDEX/);
    expect(await planOf({ find: 'id_probe', filter: { n: 1234 } })).toMatch(/SCAN/);
  });

  it('still finds, updates and deletes exactly the document with that `_id`', async () => {
    const docs = db().db!.collection<{ _id: string; n: number; pad?: string }>('id_probe');
    expect(await docs.findOne({ _id: idOf(2999) })).toMatchObject({ n: 2999 });
    expect(await docs.findOne({ _id: 'case-missing' })).toBeNull();
    // A prefix or a different type is another value, never a match.
    expect(await docs.findOne({ _id: 'case-0' })).toBeNull();
    await expect(docs.updateOne({ _id: idOf(7) }, { $set: { n: -7 } })).resolves.toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await docs.countDocuments({ n: -7 })).toBe(1);
    expect(await docs.findOne({ _id: idOf(8) })).toMatchObject({ n: 8 });
    await expect(docs.deleteOne({ _id: idOf(9) })).resolves.toMatchObject({ deletedCount: 1 });
    expect(await docs.findOne({ _id: idOf(9) })).toBeNull();
    expect(await docs.countDocuments()).toBe(ROWS - 1);
    await expect(docs.insertOne({ _id: idOf(10), n: 0 })).rejects.toMatchObject({ code: 11000 });
  });

  it('looks ObjectId `_id`s up the same way', async () => {
    const docs = db().db!.collection<{ _id: mongoose.Types.ObjectId; n: number }>('id_probe_oid');
    const ids = Array.from({ length: 50 }, () => new mongoose.Types.ObjectId());
    await docs.insertMany(ids.map((_id, n) => ({ _id, n })));
    expect(await docs.findOne({ _id: ids[31]! })).toMatchObject({ n: 31 });
    expect(await planOf({ find: 'id_probe_oid', filter: { _id: ids[31] } })).toMatch(/USING INDEX/);
  });
});
