import { describe, expect, it, vi } from 'vitest';
import { CaseStore, type NewEntry } from '../../server/cases/case-store';
import { caseCommitModel, caseEntryModel, caseModel, commitId, entryId, transcriptPageModel } from '../../server/cases/case.model';
import { DomainError } from '../../server/http/domain-error';
import { useTestDatabase } from '../support/database';

const db = useTestDatabase('case-store');
const caseId = 'case-00000000-0000-4000-8000-000000000001';
const at = new Date('2024-06-01T12:00:00Z');
const say = (text: string, clientEventId: string | null = null, visibility: NewEntry['visibility'] = 'all'): NewEntry => ({
  at,
  author: clientEventId ? 'applicant' : 'assistant',
  message: { key: 'conversation.echo.text', params: { text } },
  visibility,
  clientEventId,
});

async function openCase(store: CaseStore) {
  const summary = {
    step: 'welcome',
    stepNumber: 1,
    stepEnteredAt: at,
    lastActivityAt: at,
    flags: [],
    helpStatus: 'none',
    photoStatus: 'none',
  };
  await store.create(
    {
      _id: caseId,
      personId: 'p-1',
      userId: null,
      invitationState: 'accepted',
      applicationNumber: 'E000000001',
      personName: 'Zoë Okafor',
      uci: '12345678',
      lang: 'en',
      snapshot: '{}',
      createdAt: at,
      ...summary,
    },
    [say('welcome')],
  );
}

/** Appends entries as one commit, as the engine does (the decision ignores the case's content). */
const append = (store: CaseStore, ...entries: NewEntry[]) =>
  store.update(caseId, () => ({
    commit: true as const,
    entries,
    summary: { lastActivityAt: at },
    result: (written, seq) => ({ written, seq }),
  }));

describe('the case store on `_id` lookups only', () => {
  it('finishes a commit whose writer stopped right after inserting it, and recognises its client event', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    const entry = {
      _id: entryId(caseId, 2),
      caseId,
      seq: 2,
      at,
      author: 'applicant',
      authorName: null,
      message: { key: 'conversation.echo.text', params: { text: 'yes' } },
      visibility: 'all',
      clientEventId: 'evt-crashed-01',
      event: null,
    };
    // What `update` inserts before materialising: the commit, with the client event it answers.
    const summary = { step: 'identity', events: [{ id: 'evt-crashed-01', seqs: [2] }] };
    await caseCommitModel(db()).create({ _id: commitId(caseId, 1), caseId, version: 1, seq: 2, at, summary, entries: [entry] });

    const loaded = await store.load(caseId);
    expect(loaded).toMatchObject({ version: 1, seq: 2, step: 'identity' });
    expect(await caseModel(db()).findById(caseId).lean()).toMatchObject({ version: 1, step: 'identity' });
    expect((await store.producedBy(loaded, 'evt-crashed-01'))?.map((e) => e.seq)).toEqual([2]);
    expect(await store.producedBy(loaded, 'evt-never-sent')).toBeNull();
  });

  it('finishes a commit that carries only its own client events, and a retry of that event is answered from it', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    await append(store, say('first', 'evt-before-crash'));
    const entry = {
      _id: entryId(caseId, 3),
      caseId,
      seq: 3,
      at,
      author: 'applicant',
      authorName: null,
      message: { key: 'conversation.echo.text', params: { text: 'yes' } },
      visibility: 'all',
      clientEventId: 'evt-crashed-02',
      event: null,
    };
    await caseCommitModel(db()).create({
      _id: commitId(caseId, 2),
      caseId,
      version: 2,
      seq: 3,
      at,
      summary: { step: 'identity' },
      entries: [entry],
      events: [{ id: 'evt-crashed-02', seqs: [3] }],
    });

    // The retry decides on the stale document, loses the insert of version 2, finishes it and finds its event.
    const decided: number[] = [];
    const answer = await store.update(caseId, async (current) => {
      decided.push(current.version);
      const previous = await store.producedBy(current, 'evt-crashed-02');
      return previous
        ? { commit: false as const, result: previous.map((e) => e.seq) }
        : { commit: true as const, entries: [say('again', 'evt-crashed-02')], summary: {}, result: () => [-1] };
    });
    expect(decided).toEqual([1, 2]);
    expect(answer).toEqual([3]);
    const stored = await caseModel(db()).findById(caseId).lean();
    expect(stored?.events).toEqual([
      { id: 'evt-before-crash', seqs: [2] },
      { id: 'evt-crashed-02', seqs: [3] },
    ]);
    // Finishing the same commit again (two loaders, a late writer) adds nothing.
    await caseModel(db()).updateOne({ _id: caseId }, { $set: { version: 1, seq: 2 } });
    await store.load(caseId);
    expect((await caseModel(db()).findById(caseId).lean())?.events).toHaveLength(2);
  });

  it("runs one process's commits of a case one after another: no insert of a version is ever lost", async () => {
    const store = new CaseStore(db());
    await openCase(store);
    const inserts = vi.spyOn(caseCommitModel(db()), 'insertMany');
    await Promise.all(Array.from({ length: 30 }, (_, i) => append(store, say(`burst ${i}`, `evt-burst-${String(i).padStart(2, '0')}`))));
    expect(inserts.mock.calls.flatMap(([docs]) => docs as unknown[])).toHaveLength(30);
    inserts.mockRestore();
    expect(await store.load(caseId)).toMatchObject({ version: 30, seq: 31 });
    // Each commit holds its own client event, not the case's list so far.
    const last = await caseCommitModel(db()).findById(commitId(caseId, 30)).lean();
    expect(last?.events).toHaveLength(1);
    expect((last?.summary as { events?: unknown }).events).toBeUndefined();
  });

  it('writes transcript pages when a transcript is read, not on commit: each complete page once, then one `_id` lookup per page', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    const pageWrites = vi.spyOn(transcriptPageModel(db()), 'updateOne');
    for (let i = 0; i < 100; i++) await append(store, say(`question ${i}`), say(`answer ${i}`, `evt-long-${String(i).padStart(3, '0')}`));
    expect(pageWrites).not.toHaveBeenCalled();
    expect(await transcriptPageModel(db()).countDocuments()).toBe(0);

    const pageReads = vi.spyOn(transcriptPageModel(db()), 'findById');
    const entryReads = vi.spyOn(caseEntryModel(db()), 'findById');
    const everyEntry = Array.from({ length: 201 }, (_, i) => i + 1);
    // First read: every entry from the log, in order; the three complete pages (1-64, 65-128,
    // 129-192) written back once, the page still filling (193-201) not.
    expect((await store.entriesAfter(caseId, 0, 'staff')).map((e) => e.seq)).toEqual(everyEntry);
    expect(entryReads).toHaveBeenCalledTimes(201);
    expect(pageWrites).toHaveBeenCalledTimes(3);
    const written = await transcriptPageModel(db()).find().sort({ _id: 1 }).lean();
    expect(written.map((p) => [p._id, Object.keys(p.entries as object).length])).toEqual([
      [`${caseId}:p000000`, 64],
      [`${caseId}:p000001`, 64],
      [`${caseId}:p000002`, 64],
    ]);

    // Then by page: four lookups, the nine entries of the last page from the log, nothing written.
    pageReads.mockClear();
    entryReads.mockClear();
    pageWrites.mockClear();
    expect((await store.entriesAfter(caseId, 0, 'staff')).map((e) => e.seq)).toEqual(everyEntry);
    expect(pageReads).toHaveBeenCalledTimes(4);
    expect(entryReads).toHaveBeenCalledTimes(9);
    expect(pageWrites).not.toHaveBeenCalled();
    expect((await store.entriesAfter(caseId, 150, 'applicant')).map((e) => e.seq)).toEqual(Array.from({ length: 51 }, (_, i) => i + 151));
    expect(pageWrites).not.toHaveBeenCalled(); // a read of part of a page writes nothing

    // A page lost (or a case from before pages): read entry by entry once, then by page again.
    await transcriptPageModel(db()).deleteOne({ _id: `${caseId}:p000001` });
    entryReads.mockClear();
    expect((await store.entriesAfter(caseId, 0, 'staff')).map((e) => e.seq)).toEqual(everyEntry);
    expect(entryReads).toHaveBeenCalledTimes(64 + 9);
    expect(pageWrites).toHaveBeenCalledTimes(1);
    entryReads.mockClear();
    expect(await store.entriesAfter(caseId, 0, 'staff')).toHaveLength(201);
    expect(entryReads).toHaveBeenCalledTimes(9);
    pageReads.mockRestore();
    entryReads.mockRestore();
    pageWrites.mockRestore();
  });

  it('decides again at the latest commit when the case document does not show it yet', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    await caseCommitModel(db()).create({
      _id: commitId(caseId, 1),
      caseId,
      version: 1,
      seq: 1,
      at,
      summary: { step: 'identity' },
      entries: [],
    });
    const seen: string[] = [];
    const result = await store.update(caseId, (current) => {
      seen.push(current.step);
      if (current.step !== 'identity') throw new DomainError('event_refused', 'Not at this step.');
      return {
        commit: true as const,
        entries: [say('yes', 'evt-after-lag-01')],
        summary: { step: 'presence' },
        result: (_w: unknown, seq: number) => seq,
      };
    });
    expect(seen).toEqual(['welcome', 'identity']);
    expect(result).toBe(2);
    expect(await store.load(caseId)).toMatchObject({ version: 2, step: 'presence' });
  });

  it('moves a case document that a slower writer set back to an older version forward again', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    await append(store, say('one'));
    await append(store, say('two'));
    await caseModel(db()).updateOne({ _id: caseId }, { $set: { version: 1, seq: 2 } });
    expect(await store.load(caseId)).toMatchObject({ version: 2, seq: 3 });
    expect(await caseModel(db()).findById(caseId).lean()).toMatchObject({ version: 2, seq: 3 });
  });

  it('never loses or doubles an entry when many writers append at once', async () => {
    const [a, b] = [new CaseStore(db()), new CaseStore(db())];
    await openCase(a);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        append(i % 2 ? a : b, say(`answer ${i}`, `evt-parallel-${String(i).padStart(2, '0')}`), say(`reply ${i}`)),
      ),
    );
    const c = await a.load(caseId);
    expect(c).toMatchObject({ version: 12, seq: 25 });
    const entries = await a.entriesAfter(caseId, 0, 'staff');
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await caseEntryModel(db()).countDocuments({ caseId })).toBe(25);
    for (let i = 0; i < 12; i++) expect(await a.producedBy(c, `evt-parallel-${String(i).padStart(2, '0')}`)).toHaveLength(1);
  });

  it('recognises a retry of any event the case has applied, however many came after, without a query on the log', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    for (let i = 0; i < 40; i++) await append(store, say(`message ${i}`, `evt-many-${String(i).padStart(4, '0')}`), say('reply'));
    const c = await store.load(caseId);
    expect(c.events).toHaveLength(40);
    expect((await store.producedBy(c, 'evt-many-0000'))?.map((e) => e.seq)).toEqual([2]);
    const scans = vi.spyOn(caseEntryModel(db()), 'find');
    expect((await store.producedBy(c, 'evt-many-0039'))?.map((e) => e.seq)).toEqual([80]);
    expect(await store.producedBy(c, 'evt-many-9999')).toBeNull();
    expect(scans).not.toHaveBeenCalled();
    scans.mockRestore();
  });

  it('reads a transcript after a sequence number, keeping internal entries from applicants', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    await append(store, say('hello', 'evt-visible-0001'), say('internal note', null, 'staff'), say('question'));
    expect((await store.entriesAfter(caseId, 1, 'staff')).map((e) => e.seq)).toEqual([2, 3, 4]);
    expect((await store.entriesAfter(caseId, 1, 'applicant')).map((e) => e.seq)).toEqual([2, 4]);
    expect(await store.entriesAfter(caseId, 4, 'applicant')).toEqual([]);
  });
});
