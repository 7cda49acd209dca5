import type { Connection } from 'mongoose';
import type { TranscriptEntry } from '../../src/lib/shared/case.contract';
import { isDuplicateKey } from '../db/claim';
import { DomainError } from '../http/domain-error';
import { caseCommitModel, caseEntryModel, caseModel, commitId, entryId, type CaseDoc } from './case.model';

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

/** What one commit changes on the case document besides version and seq. */
export type CaseSummary = Partial<
  Pick<CaseDoc, 'snapshot' | 'step' | 'stepNumber' | 'stepEnteredAt' | 'lastActivityAt' | 'flags' | 'helpStatus' | 'photoStatus' | 'lang' | 'userId' | 'invitationState'>
>;

export type Decision<R> =
  | { commit: false; result: R }
  | { commit: true; entries: NewEntry[]; summary: CaseSummary; result: (entries: TranscriptEntry[], seq: number) => R };

const MAX_ATTEMPTS = 10;

/**
 * Reads and writes cases with optimistic concurrency that holds on FerretDB too:
 * 1. decide on the latest version N;
 * 2. insert commit N+1 (snapshot, summary, entries): the unique `_id` makes exactly one writer win;
 * 3. copy its entries into the log and the summary onto the case document.
 * A crash after step 2 loses nothing: whoever loads the case next finds commit N+1 and finishes 3.
 * The loser of step 2 reloads and decides again, so two tabs or processes never apply events to the
 * same snapshot.
 */
export class CaseStore {
  constructor(private readonly db: Connection) {}

  /** Creates a case (version 0) with its first entries; a concurrent creation of the same id is fine. */
  async create(doc: Omit<CaseDoc, 'seq' | 'version'> & { _id: string }, entries: NewEntry[]): Promise<void> {
    const docs = entries.map((entry, i) => toDoc(doc._id, i + 1, entry));
    try {
      await caseModel(this.db).create({ ...doc, version: 0, seq: docs.length });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      return;
    }
    await this.copyEntries(docs);
  }

  /** The case at its latest commit (finishing any commit a crashed writer left half-applied). */
  async load(caseId: string): Promise<StoredCase> {
    const doc = (await caseModel(this.db).findById(caseId).lean()) as StoredCase | null;
    if (!doc) throw new DomainError('not_found', 'No such case.');
    const later = await caseCommitModel(this.db).find({ caseId, version: { $gt: doc.version } }).sort({ version: 1 }).lean();
    let current = doc;
    for (const commit of later) {
      if (commit.version !== current.version + 1) break;
      current = await this.materialise(current, commit as CommitDoc);
    }
    return current;
  }

  /**
   * Runs `decide` on the latest case and commits what it returns; when another writer committed
   * first, it reloads and decides again. `decide` returns `{ commit: false }` to write nothing.
   */
  async update<R>(caseId: string, decide: (current: StoredCase) => Promise<Decision<R>> | Decision<R>): Promise<R> {
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const current = await this.load(caseId);
      const decision = await decide(current);
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
      };
      try {
        await caseCommitModel(this.db).create(commit);
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * (attempt + 1)));
        continue;
      }
      await this.materialise(current, commit);
      return decision.result(docs.map(toEntry), commit.seq);
    }
    throw new DomainError('conflict', 'This conversation is busy; please try again.');
  }

  /** Entries after `seq`, in order (for the applicant: only those everyone may see). */
  async entriesAfter(caseId: string, seq: number, audience: 'applicant' | 'staff'): Promise<TranscriptEntry[]> {
    const filter: Record<string, unknown> = { caseId, seq: { $gt: seq } };
    if (audience === 'applicant') filter.visibility = 'all';
    const docs = await caseEntryModel(this.db).find(filter).sort({ seq: 1 }).lean();
    return docs.map((d) => toEntry(d as EntryDoc));
  }

  /** Entries a client event already produced, or null when the event is new. */
  async producedBy(caseId: string, clientEventId: string): Promise<TranscriptEntry[] | null> {
    const docs = await caseEntryModel(this.db).find({ clientEventId, caseId }).sort({ seq: 1 }).lean();
    return docs.length ? docs.map((d) => toEntry(d as EntryDoc)) : null;
  }

  /** Step 3 of a commit; idempotent, so a repeat (after a crash, or by two loaders) is harmless. */
  private async materialise(current: StoredCase, commit: CommitDoc): Promise<StoredCase> {
    await this.copyEntries(commit.entries);
    const fields = { ...commit.summary, version: commit.version, seq: commit.seq };
    await caseModel(this.db).updateOne({ _id: commit.caseId, version: { $lt: commit.version } }, { $set: fields });
    return { ...current, ...fields } as StoredCase;
  }

  private async copyEntries(docs: EntryDoc[]) {
    if (!docs.length) return;
    try {
      await caseEntryModel(this.db).insertMany(docs, { ordered: false });
    } catch (err) {
      const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors ?? [];
      const onlyDuplicates = writeErrors.length > 0 && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
      if (!onlyDuplicates && !isDuplicateKey(err)) throw err;
    }
  }
}

interface CommitDoc {
  _id: string;
  caseId: string;
  version: number;
  seq: number;
  at: Date;
  summary: CaseSummary;
  entries: EntryDoc[];
}

interface EntryDoc {
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
