import { describe, expect, it } from 'vitest';
import type { CommandStartedEvent } from 'mongodb';
import { Schema } from 'mongoose';
import { InsertBatcher, UNORDERED } from '../../server/db/insert-batcher';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('insert-batcher');
const noteSchema = new Schema({ _id: { type: String, required: true }, text: { type: String, required: true } }, { versionKey: false });
const notes = () => db().model('BatchedNote', noteSchema, 'batched_notes');
type Note = { _id: string; text?: string };
const batcher = () => new InsertBatcher<Note>((docs) => notes().insertMany(docs, UNORDERED));

/** Insert commands sent to `batched_notes` while `run` runs. */
async function insertCommands(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const watch = (event: CommandStartedEvent) => {
    if (event.commandName === 'insert' && event.command.insert === 'batched_notes') count++;
  };
  db().getClient().on('commandStarted', watch);
  try {
    await run();
  } finally {
    db().getClient().off('commandStarted', watch);
  }
  return count;
}

describe('grouped inserts', () => {
  it('sends what arrives while an insert is in flight in the next command, and inserts every document once', async () => {
    const inserts = batcher();
    const commands = await insertCommands(() =>
      Promise.all(Array.from({ length: 60 }, (_, i) => inserts.insert([{ _id: `n${i}`, text: `note ${i}` }]))),
    );
    expect(commands).toBeGreaterThanOrEqual(2); // the first goes alone, at once
    expect(commands).toBeLessThan(10);
    expect(await notes().countDocuments()).toBe(60);
  });

  it('tells each caller which of its documents found their `_id` taken, and inserts the others', async () => {
    await notes().create({ _id: 'taken', text: 'first' });
    const inserts = batcher();
    const [mine, theirs, alone] = await Promise.all([
      inserts.insert([{ _id: 'a1', text: 'a' }]),
      inserts.insert([
        { _id: 'b1', text: 'b' },
        { _id: 'taken', text: 'second' },
      ]),
      inserts.insert([{ _id: 'c1', text: 'c' }]),
    ]);
    expect([mine, theirs, alone]).toEqual([[], [1], []]);
    expect((await notes().find().sort({ _id: 1 }).lean()).map((n) => `${n._id}:${n.text}`)).toEqual([
      'a1:a',
      'b1:b',
      'c1:c',
      'taken:first',
    ]);
  });

  it('fails every caller of a command that failed for another reason than a taken `_id`', async () => {
    const inserts = batcher();
    const first = inserts.insert([{ _id: 'ok0', text: 'goes alone' }]);
    const results = await Promise.allSettled([inserts.insert([{ _id: 'ok1', text: 'fine' }]), inserts.insert([{ _id: 'bad' }])]);
    await first;
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
