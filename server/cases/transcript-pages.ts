import type { Connection } from 'mongoose';
import { isDuplicateKey } from '../db/claim';
import { caseEntryModel, entryId, PAGE_SIZE, pageId, transcriptPageModel } from './case.model';
import type { EntryDoc } from './case-store';

/** Entries read one by one (an entry a page lacks) in flight at once. */
const ENTRY_READS_AT_ONCE = 16;

/**
 * Transcripts by page, written when a transcript is read rather than with every commit (a commit
 * writes its entries to the log only: on the embedded database's one writer, a page update per
 * answer was the largest write of all). A read takes one `_id` lookup per page (the only lookup
 * FerretDB answers from an index: a range or an `$in` on `_id` reads the whole collection there),
 * reads what the pages lack from the log by `_id`, and writes back each page it read whole that
 * is complete now (`PAGE_SIZE` entries, all in the log), once: the next read finds it full. The page
 * still filling up is read from the log, at most `PAGE_SIZE - 1` lookups. Writes are idempotent
 * (`$set` of `entries.s<seq>`, upserted), so two readers writing one page is harmless.
 */
export class TranscriptPages {
  constructor(private readonly db: Connection) {}

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
    await this.writeCompletePages(caseId, from, to, recovered, found);
    return Array.from({ length: to - from + 1 }, (_, i) => found.get(from + i) ?? null);
  }

  /** Writes the pages this read completed from the log: those inside `from`..`to` with every entry found. */
  private async writeCompletePages(caseId: string, from: number, to: number, recovered: EntryDoc[], found: Map<number, EntryDoc>) {
    const firstSeqs = new Set(recovered.map((doc) => doc.seq - ((doc.seq - 1) % PAGE_SIZE)));
    const complete = [...firstSeqs].filter((first) => {
      const last = first + PAGE_SIZE - 1;
      if (first < from || last > to) return false;
      for (let seq = first; seq <= last; seq++) if (!found.has(seq)) return false;
      return true;
    });
    await Promise.all(
      complete.map((first) =>
        this.setOnPage(
          pageId(caseId, first),
          Array.from({ length: PAGE_SIZE }, (_, i) => found.get(first + i)!),
        ),
      ),
    );
  }

  private async setOnPage(id: string, docs: EntryDoc[]) {
    const update = { $set: { caseId: docs[0]!.caseId, ...Object.fromEntries(docs.map((doc) => [`entries.s${doc.seq}`, doc])) } };
    try {
      await transcriptPageModel(this.db).updateOne({ _id: id }, update, { upsert: true });
    } catch (err) {
      // Two readers created the page at once: it exists now, so this update applies.
      if (!isDuplicateKey(err)) throw err;
      await transcriptPageModel(this.db).updateOne({ _id: id }, update);
    }
  }
}
