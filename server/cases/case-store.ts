import type { Connection } from 'mongoose';
import type { TranscriptEntry } from '../../src/lib/shared/case.contract';
import { insertNew } from '../db/insert-new';
import { InsertBatcher, UNORDERED } from '../db/insert-batcher';
import { DomainError } from '../http/domain-error';
import { caseCommitModel, caseEntryModel, caseModel, commitId, entryId, type CaseDoc } from './case.model';
import { TranscriptPages } from './transcript-pages';

/** An entry about to be written: the store gives it its sequence number. */
export interface NewEntry {
  at: Date;
  author: TranscriptEntry['author'];
  authorName?: string | null;
  message: TranscriptEntry['message'];
  visibility: TranscriptEntry['visibility'];
  clientEventId?: string | null;
  event?: unknown;
}

export type StoredCase = CaseDoc & { _id: string };

/** A case about to be created, with its first entries. */
export interface NewCase {
  doc: Omit<CaseDoc, 'seq' | 'version' | 'events'> & { _id: string };
  entries: NewEntry[];
}

/** What one commit changes on the case document besides version and seq. */
export type CaseSummary = Partial<
  Pick<
    CaseDoc,
    | 'snapshot'
    | 'step'
    | 'stepNumber'
    | 'stepEnteredAt'
    | 'lastActivityAt'
    | 'flags'
    | 'helpStatus'
    | 'photoStatus'
    | 'lang'
    | 'userId'
    | 'invitationState'
  >
>;

/** A client event and the sequence numbers of the entries it produced. */
interface ClientEventRecord {
  id: string;
  seqs: number[];
}

export type Decision<R> =
  | { commit: false; result: R }
  | { commit: true; entries: NewEntry[]; summary: CaseSummary; result: (entries: TranscriptEntry[], seq: number) => R };

/**
 * Commits of one case are serialised in the process, so only another process can win the race for
 * a version: a few attempts, spaced by a growing random pause, are plenty.
 */
const MAX_ATTEMPTS = 8;
const RETRY_PAUSE_MS = 5;
/** After a contended commit, when to check that no slower writer set the case document back. */
const REPAIR_AFTER_MS = 1000;

/**
 * Reads and writes cases with optimistic concurrency that holds on FerretDB too:
 * 1. decide on the latest version N;
 * 2. insert commit N+1 (snapshot, summary, entries): the unique `_id` makes exactly one writer win;
 * 3. copy its entries into the log and the summary onto the case document.
 * A crash after step 2 loses nothing: whoever loads the case next finds commit N+1 and finishes 3.
 * The loser of step 2 reloads and decides again, so two tabs or processes never apply events to the
 * same snapshot.
 * Every read is by `_id`, and a commit reads the case document only: a newer commit that document
 * does not show yet makes the insert of step 2 fail, and only then is it looked for. On FerretDB 1.x
 * any other filter is evaluated by decoding the whole collection (1.6 s at 20,000 entries), and even
 * an `_id` lookup is a table scan (`explain`: SCAN), so fewer reads is what keeps a step fast.
 */
export class CaseStore {
  private readonly watchers: ((c: StoredCase) => void)[] = [];
  /** The last piece of work queued for each case with work in progress (removed when it ends idle). */
  private readonly tails = new Map<string, Promise<void>>();
  private readonly pages: TranscriptPages;
  /** Inserts of commits and of entries, each grouped with those of other cases in flight (InsertBatcher). */
  private readonly commits: InsertBatcher<CommitDoc>;
  private readonly entries: InsertBatcher<EntryDoc>;

  constructor(private readonly db: Connection) {
    this.pages = new TranscriptPages(db);
    this.commits = new InsertBatcher((docs) => caseCommitModel(db).insertMany(docs, UNORDERED));
    this.entries = new InsertBatcher((docs) => caseEntryModel(db).insertMany(docs, UNORDERED));
  }

  /**
   * Calls `watch` with the case document as written, after its creation and after every commit
   * is materialised (including catch-ups): every write to `cases` goes through here. The board's
   * read model is kept this way.
   */
  onWritten(watch: (c: StoredCase) => void): void {
    this.watchers.push(watch);
  }

  /**
   * Creates cases (version 0) with their first entries, in a few round trips for any number of
   * cases (a CSV import opens thousands); a case created already, concurrently or by an interrupted
   * run, is left as it is. The entries go first: a crash in between leaves only entries, which the
   * next creation keeps.
   */
  async createMany(cases: NewCase[]): Promise<void> {
    const docs = cases.flatMap(({ doc, entries }) => entries.map((entry, i) => toDoc(doc._id, i + 1, entry)));
    await this.copyEntries(docs);
    const created = cases.map(({ doc, entries }) => ({ ...doc, version: 0, seq: entries.length, events: [] }));
    const already = await insertNew(caseModel(this.db), created);
    created.forEach((c, i) => {
      if (!already.has(i)) this.watchers.forEach((watch) => watch(c as StoredCase));
    });
  }

  /** Creates one case (see `createMany`). */
  create(doc: NewCase['doc'], entries: NewEntry[]): Promise<void> {
    return this.createMany([{ doc, entries }]);
  }

  /** The case at its latest commit (finishing any commit a crashed writer left half-applied). */
  async load(caseId: string): Promise<StoredCase> {
    return this.catchUp(await this.read(caseId));
  }

  /**
   * Runs `decide` on the case and commits what it returns; when another writer committed first, it
   * catches up and decides again. `decide` returns `{ commit: false }` to write nothing. A refusal
   * from `decide` is final only once the case is known to be at its latest commit.
   */
  update<R>(caseId: string, decide: (current: StoredCase) => Promise<Decision<R>> | Decision<R>): Promise<R> {
    return this.serially(caseId, () => this.commitOnce(caseId, decide));
  }

  /**
   * Runs `work` after the work already queued for `caseId` in this process: two events for one case
   * never decide on the same version here, so they never race each other to the database.
   */
  private serially<R>(caseId: string, work: () => Promise<R>): Promise<R> {
    const run = (this.tails.get(caseId) ?? Promise.resolve()).then(work);
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(caseId, tail);
    void tail.then(() => {
      if (this.tails.get(caseId) === tail) this.tails.delete(caseId);
    });
    return run;
  }

  private async commitOnce<R>(caseId: string, decide: (current: StoredCase) => Promise<Decision<R>> | Decision<R>): Promise<R> {
    let contended = false;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = contended ? await this.load(caseId) : await this.read(caseId);
      let decision: Decision<R>;
      try {
        decision = await decide(current);
      } catch (err) {
        if (contended || !(err instanceof DomainError) || !(await this.newerCommit(current))) throw err;
        contended = true;
        continue;
      }
      if (!decision.commit) return decision.result;
      const docs = decision.entries.map((entry, i) => toDoc(caseId, current.seq + 1 + i, entry));
      const commit: CommitDoc = {
        _id: commitId(caseId, current.version + 1),
        caseId,
        version: current.version + 1,
        seq: current.seq + docs.length,
        at: new Date(),
        summary: decision.summary,
        entries: docs,
        events: eventsOf(docs),
      };
      if ((await this.commits.insert([commit])).length) {
        contended = true;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_PAUSE_MS * 2 ** attempt));
        continue;
      }
      await this.materialise(current, commit);
      // We finished another writer's commit before ours: if that writer's own (late) update lands
      // after ours, it sets the case document back. Loading again a moment later moves it forward,
      // in this case's queue, so that repair never writes beside one of this process's own commits.
      if (contended) setTimeout(() => void this.serially(caseId, () => this.load(caseId)).catch(() => undefined), REPAIR_AFTER_MS).unref();
      return decision.result(docs.map(toEntry), commit.seq);
    }
    throw new DomainError('conflict', 'This conversation is busy; please try again.');
  }

  /**
   * Entries after `seq` up to `upTo` (default: the case's last), in order, read by page (pages are
   * written by reads, not by commits: see TranscriptPages); for the applicant only those everyone may see.
   */
  async entriesAfter(caseId: string, seq: number, audience: 'applicant' | 'staff', upTo?: number): Promise<TranscriptEntry[]> {
    const last = upTo ?? (await caseModel(this.db).findById(caseId, { seq: 1 }).lean())?.seq ?? 0;
    const docs = await this.pages.read(caseId, seq + 1, last);
    return docs.filter((d): d is EntryDoc => d !== null && (audience === 'staff' || d.visibility === 'all')).map(toEntry);
  }

  /**
   * Entries a client event already produced on case `c` (as loaded: at its latest commit), or null
   * when the event is new. The case document lists every client event applied to it with the
   * entries it produced, so a new event costs no query and a retry only reads its entries by `_id`.
   * (Looking an event up in the log instead is a filter on `case_entries`, which FerretDB answers by
   * reading the whole collection: 150 ms and growing, per answer, under the bench's load.)
   */
  async producedBy(c: StoredCase, clientEventId: string): Promise<TranscriptEntry[] | null> {
    const known = ((c.events ?? []) as ClientEventRecord[]).find((e) => e.id === clientEventId);
    if (!known) return null;
    const docs = await Promise.all(known.seqs.map((seq) => caseEntryModel(this.db).findById(entryId(c._id, seq)).lean<EntryDoc>()));
    return docs.filter((d): d is EntryDoc => d !== null).map(toEntry);
  }

  /** The case document as stored (it may not show a commit being written right now). */
  private async read(caseId: string): Promise<StoredCase> {
    const doc = (await caseModel(this.db).findById(caseId).lean()) as StoredCase | null;
    if (!doc) throw new DomainError('not_found', 'No such case.');
    return doc;
  }

  private async newerCommit(current: StoredCase): Promise<boolean> {
    return (await caseCommitModel(this.db).exists({ _id: commitId(current._id, current.version + 1) })) !== null;
  }

  /** Applies every commit after `current` that the case document does not show yet. */
  private async catchUp(current: StoredCase): Promise<StoredCase> {
    for (;;) {
      const next = await caseCommitModel(this.db)
        .findById(commitId(current._id, current.version + 1))
        .lean<CommitDoc>();
      if (!next) return current;
      current = await this.materialise(current, next);
    }
  }

  /**
   * Step 3 of a commit; idempotent, so a repeat (after a crash, or by two loaders) is harmless.
   * Entries are written before the case document moves to the new version. The commit's client
   * events are added to the case's list as a set, so a repeat adds nothing (commits written before
   * they were carried this way hold the whole list in their summary, and still apply). The update
   * filters on `_id` alone: on FerretDB 1.x any other filter field reads the whole collection.
   */
  private async materialise(current: StoredCase, commit: CommitDoc): Promise<StoredCase> {
    await this.copyEntries(commit.entries);
    const fields = { ...commit.summary, version: commit.version, seq: commit.seq };
    const added = commit.events ?? [];
    await caseModel(this.db).updateOne(
      { _id: commit.caseId },
      { $set: fields, ...(added.length ? { $addToSet: { events: { $each: added } } } : {}) },
    );
    const known = new Set(((current.events ?? []) as ClientEventRecord[]).map((e) => e.id));
    const written = { ...current, events: [...(current.events ?? []), ...added.filter((e) => !known.has(e.id))], ...fields } as StoredCase;
    this.watchers.forEach((watch) => watch(written));
    return written;
  }

  /** Copies entries into the log; those already there (a repeat) are fine. */
  private async copyEntries(docs: EntryDoc[]) {
    await this.entries.insert(docs);
  }
}

/**
 * The client events a commit of `docs` applies (about 60 bytes each), appended to the case's list
 * when the commit is materialised: a commit carries only its own, never the case's whole list.
 */
function eventsOf(docs: EntryDoc[]): ClientEventRecord[] {
  const added = new Map<string, number[]>();
  for (const doc of docs) if (doc.clientEventId) added.set(doc.clientEventId, [...(added.get(doc.clientEventId) ?? []), doc.seq]);
  return [...added].map(([id, seqs]) => ({ id, seqs }));
}

interface CommitDoc {
  _id: string;
  caseId: string;
  version: number;
  seq: number;
  at: Date;
  /** Legacy commits also hold `events` (the case's whole list) here. */
  summary: CaseSummary & { events?: ClientEventRecord[] };
  entries: EntryDoc[];
  /** The client events this commit applied (absent on commits written before it was added). */
  events?: ClientEventRecord[];
}

export interface EntryDoc {
  _id: string;
  caseId: string;
  seq: number;
  at: Date;
  author: string;
  authorName: string | null;
  message: TranscriptEntry['message'];
  visibility: string;
  clientEventId: string | null;
  event: unknown;
}

function toDoc(caseId: string, seq: number, entry: NewEntry): EntryDoc {
  return {
    _id: entryId(caseId, seq),
    caseId,
    seq,
    at: entry.at,
    author: entry.author,
    authorName: entry.authorName ?? null,
    message: entry.message,
    visibility: entry.visibility,
    clientEventId: entry.clientEventId ?? null,
    event: entry.event ?? null,
  };
}

function toEntry(doc: EntryDoc): TranscriptEntry {
  const entry: TranscriptEntry = {
    seq: doc.seq,
    at: new Date(doc.at).toISOString(),
    author: doc.author as TranscriptEntry['author'],
    message: doc.message,
    visibility: doc.visibility as TranscriptEntry['visibility'],
  };
  if (doc.authorName) entry.authorName = doc.authorName;
  return entry;
}
