import { duplicateIndexes } from './claim';

interface Waiting<T> {
  docs: T[];
  resolve: (duplicates: number[]) => void;
  reject: (err: unknown) => void;
}

/** Mongoose's `insertMany` options for a batch: every document tried, and an invalid one is an error (not skipped). */
export const UNORDERED = { ordered: false, throwOnValidationError: true } as const;

/** Documents in one command at most (FerretDB writes them 100 to a SQLite transaction). */
const MAX_DOCS = 100;

/**
 * Group commit for the inserts into one collection. While an insert command is in flight, what
 * other callers insert waits and goes in the next command, all together (`insertMany`, unordered).
 * On the embedded database each insert command is a SQLite transaction, with its sync to disk, on
 * the one writer: concurrent answers then share one instead of paying one each. Nothing waits for
 * a timer: an insert with nothing in flight goes at once. Each caller learns which of its documents
 * found their `_id` taken; any other failure fails every caller of that command.
 */
export class InsertBatcher<T> {
  private readonly waiting: Waiting<T>[] = [];
  private inFlight = false;

  /** `insertMany` inserts its documents unordered (`UNORDERED`), so one taken `_id` stops no other. */
  constructor(private readonly insertMany: (docs: T[]) => Promise<unknown>) {}

  /** Inserts `docs`; resolves with the indexes (in `docs`) of those whose `_id` was already taken. */
  insert(docs: T[]): Promise<number[]> {
    if (!docs.length) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ docs, resolve, reject });
      this.next();
    });
  }

  private next() {
    if (this.inFlight || !this.waiting.length) return;
    const batch = [this.waiting.shift()!];
    let count = batch[0]!.docs.length;
    while (this.waiting.length && count + this.waiting[0]!.docs.length <= MAX_DOCS) {
      count += this.waiting[0]!.docs.length;
      batch.push(this.waiting.shift()!);
    }
    this.inFlight = true;
    void this.send(batch).finally(() => {
      this.inFlight = false;
      this.next();
    });
  }

  private async send(batch: Waiting<T>[]) {
    const docs = batch.flatMap((w) => w.docs);
    let taken = new Set<number>();
    try {
      await this.insertMany(docs);
    } catch (err) {
      const duplicates = duplicateIndexes(err, docs.length);
      if (!duplicates) return batch.forEach((w) => w.reject(err));
      taken = new Set(duplicates);
    }
    let offset = 0;
    for (const w of batch) {
      const first = offset;
      w.resolve(w.docs.map((_, i) => i).filter((i) => taken.has(first + i)));
      offset += w.docs.length;
    }
  }
}
