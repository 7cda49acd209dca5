import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../db/claim';
import { insertNew } from '../db/insert-new';
import { caseEntryModel, entryId, PAGE_SIZE, pageId, transcriptPageModel } from './case.model';
import type { EntryDoc } from './case-store';

/** Entries read one by one (an entry a page lacks) in flight at once. */
const ENTRY_READS_AT_ONCE = 16;

/**
 * Transcripts by page: every commit's entries are also set on their page document, and a read
 * takes one `_id` lookup per page (the only lookup FerretDB answers from an index: a range or an
 * `$in` on `_id` reads the whole collection there). Writes are idempotent (`$set` of `entries.s<seq>`,
 * upserted), so a repeat after a crash is harmless; an update FerretDB lost to a concurrent one
 * (its updates are not atomic) only means a page lacks an entry, which the read takes from the
 * log and puts back.
 */
export class TranscriptPages {
  constructor(private readonly db: Connection) {}

  async write(docs: EntryDoc[]): Promise<void> {
    const byPage = new Map<string, EntryDoc[]>();
    for (const doc of docs) byPage.set(pageId(doc.caseId, doc.seq), [...(byPage.get(pageId(doc.caseId, doc.seq)) ?? []), doc]);
    await Promise.all([...byPage].map(([id, onPage]) => this.setOnPage(id, onPage)));
  }

  /**
   * The first pages of new cases, inserted in one round trip; a page that exists already (an
   * interrupted creation run again) gets the entries set on it instead.
   */
  async create(docs: EntryDoc[]): Promise<void> {
    const pages = new Map<string, Record<string, EntryDoc>>();
    for (const doc of docs) pages.set(pageId(doc.caseId, doc.seq), { ...pages.get(pageId(doc.caseId, doc.seq)), [`s${doc.seq}`]: doc });
    const ids = [...pages.keys()];
    const already = await insertNew(
      transcriptPageModel(this.db),
      ids.map((id) => ({ _id: id, caseId: Object.values(pages.get(id)!)[0]!.caseId, entries: pages.get(id) })),
    );
    const existing = new Set(ids.filter((_, i) => already.has(i)));
    await this.write(docs.filter((doc) => existing.has(pageId(doc.caseId, doc.seq))));
  }

  /** Entries `from`..`to` of the case, in order (null where the log has none). */
  async read(caseId: string, from: number, to: number): Promise<(EntryDoc | null)[]> {
    if (to < from) return [];
    const ids = new Set<string>();
    for (let seq = from; seq <= to; seq += PAGE_SIZE) ids.add(pageId(caseId, seq));
    ids.add(pageId(caseId, to));
    const pages = await Promise.all([...ids].map((id) => transcriptPageModel(this.db).findById(id).lean()));
    const found = new Map<number, EntryDoc>();
    for (const page of pages) for (const doc of Object.values((page?.entries ?? {}) as Record<string, EntryDoc>)) found.set(doc.seq, doc);
    const missing = Array.from({ length: to - from + 1 }, (_, i) => from + i).filter((seq) => !found.has(seq));
    const recovered: EntryDoc[] = [];
    for (let i = 0; i < missing.length; i += ENTRY_READS_AT_ONCE) {
      const batch = await Promise.all(
        missing.slice(i, i + ENTRY_READS_AT_ONCE).map((seq) => caseEntryModel(this.db).findById(entryId(caseId, seq)).lean<EntryDoc>()),
      );
      recovered.push(...batch.filter((d): d is EntryDoc => d !== null));
    }
    for (const doc of recovered) found.set(doc.seq, doc);
    // Cases written before pages existed (or a page update lost) are read one by one once.
    if (recovered.length) await this.write(recovered);
    return Array.from({ length: to - from + 1 }, (_, i) => found.get(from + i) ?? null);
  }

  private async setOnPage(id: string, docs: EntryDoc[]) {
    const update = { $set: { caseId: docs[0]!.caseId, ...Object.fromEntries(docs.map((doc) => [`entries.s${doc.seq}`, doc])) } };
    try {
      await transcriptPageModel(this.db).updateOne({ _id: id }, update, { upsert: true });
    } catch (err) {
      // Two writers created the page at once: it exists now, so this update applies.
      if (!isDuplicateKey(err)) throw err;
      await transcriptPageModel(this.db).updateOne({ _id: id }, update);
    }
  }
}
