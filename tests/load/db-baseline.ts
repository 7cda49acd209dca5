import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { persist, restoreLanding } from '../../server/cases/landing-actor';
import { Samples, sleep } from './stats';

const { MongoClient } = mongoose.mongo;
type Db = ReturnType<InstanceType<typeof MongoClient>['db']>;
type Doc = { _id: string; [field: string]: unknown };

const person = { givenName: 'Base', familyName: 'Line', dateOfBirth: '1990-05-17', uci: '99999999' };
const pad = (n: number) => String(n).padStart(9, '0');

/**
 * The database work of one conversation step, done directly with the MongoDB driver against the
 * portal's own database (same FerretDB, same collections, same sizes), exactly as `CaseStore.update`
 * does it when nobody else writes the case: read the case (its client event ids included),
 * insert the commit, copy its entries, update the case document. No machine, no sockets, no Mongoose.
 */
export class BareDbStep {
  private readonly cases = new Map<string, { version: number; seq: number }>();

  private constructor(
    private readonly client: InstanceType<typeof MongoClient>,
    private readonly db: Db,
    private readonly snapshot: string,
  ) {}

  static async open(uri: string, caseCount = 4): Promise<BareDbStep> {
    const client = await new MongoClient(uri).connect();
    const step = new BareDbStep(client, client.db(), persist(restoreLanding(null, person)));
    for (let i = 0; i < caseCount; i++) {
      const _id = `case-baseline-${randomUUID()}`;
      const now = new Date();
      await step.db.collection<Doc>('cases').insertOne({
        _id,
        personId: `baseline-${_id}`,
        userId: null,
        invitationState: 'accepted',
        applicationNumber: 'B999999999',
        personName: 'Base Line',
        uci: person.uci,
        lang: 'en',
        snapshot: step.snapshot,
        version: 0,
        seq: 0,
        step: 'welcome',
        stepNumber: 1,
        stepEnteredAt: now,
        lastActivityAt: now,
        flags: [],
        helpStatus: 'none',
        photoStatus: 'none',
        createdAt: now,
      });
      step.cases.set(_id, { version: 0, seq: 0 });
    }
    return step;
  }

  /** One step on one of the baseline cases; returns its duration in ms. */
  async run(): Promise<number> {
    const ids = [...this.cases.keys()];
    const caseId = ids[Math.floor(Math.random() * ids.length)]!;
    const clientEventId = randomUUID();
    const cases = this.db.collection<{ _id: string; version: number; seq: number; events?: unknown[] }>('cases');
    const commits = this.db.collection<Doc>('case_commits');
    const entries = this.db.collection<Doc>('case_entries');
    const started = performance.now();
    const stored = (await cases.findOne({ _id: caseId }))!;
    // Go on from the last commit this baseline wrote, even when a failed step left the case document
    // behind it (the real store catches up the same way); otherwise every later step would collide.
    const known = this.cases.get(caseId)!;
    const current = { ...stored, version: Math.max(stored.version, known.version), seq: Math.max(stored.seq, known.seq) };
    const [version, at] = [current.version + 1, new Date()];
    const docs = [0, 1, 2].map((i) => ({
      _id: `${caseId}:${pad(current.seq + 1 + i)}`,
      caseId,
      seq: current.seq + 1 + i,
      at,
      author: i ? 'assistant' : 'applicant',
      authorName: null,
      message: { key: 'conversation.echo.text', params: { text: 'yes' } },
      visibility: 'all',
      clientEventId: i ? null : clientEventId,
      event: null,
    }));
    // The store keeps every client event on the case; a whole conversation has about 15 to 20. The
    // baseline's four cases take thousands of steps, so they keep a conversation's worth, not more.
    const events = [...(current.events ?? []), { id: clientEventId, seqs: [current.seq + 1] }].slice(-20);
    const summary = {
      snapshot: this.snapshot,
      step: 'identity',
      stepNumber: 2,
      stepEnteredAt: at,
      lastActivityAt: at,
      flags: [],
      helpStatus: 'none',
      photoStatus: 'none',
      events,
    };
    await commits.insertOne({ _id: `${caseId}:${pad(version)}`, caseId, version, seq: current.seq + 3, at, summary, entries: docs });
    this.cases.set(caseId, { version, seq: current.seq + 3 });
    await entries.insertMany(docs, { ordered: false });
    await cases.updateOne({ _id: caseId }, { $set: { ...summary, version, seq: current.seq + 3 } });
    return performance.now() - started;
  }

  /** `count` steps one after another (idle database); failed steps are passed to `failed`. */
  async measure(count: number, failed: (err: Error) => void): Promise<Samples> {
    const samples = new Samples();
    for (let i = 0; i < count; i++) await this.run().then((ms) => samples.add(ms), failed);
    return samples;
  }

  /** Steps every `everyMs` while `running()`: the same database work under the bench's load. */
  async measureWhile(running: () => boolean, failed: (err: Error) => void, everyMs = 250): Promise<Samples> {
    const samples = new Samples();
    while (running()) {
      await this.run().then((ms) => samples.add(ms), failed);
      await sleep(everyMs);
    }
    return samples;
  }

  close() {
    return this.client.close();
  }
}
