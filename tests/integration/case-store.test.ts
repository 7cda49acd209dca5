import { describe, expect, it, vi } from 'vitest';
import { CaseStore, type NewEntry } from '../../server/cases/case-store';
import { caseCommitModel, caseEntryModel, caseModel, commitId, entryId } from '../../server/cases/case.model';
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
  const summary = { step: 'welcome', stepNumber: 1, stepEnteredAt: at, lastActivityAt: at, flags: [], helpStatus: 'none', photoStatus: 'none' };
  await store.create({ _id: caseId, personId: 'p-1', userId: null, invitationState: 'accepted', applicationNumber: 'E000000001', personName: 'Zoë Okafor', uci: '12345678', lang: 'en', snapshot: '{}', createdAt: at, ...summary }, [say('welcome')]);
}

/** Appends entries as one commit, as the engine does (the decision ignores the case's content). */
const append = (store: CaseStore, ...entries: NewEntry[]) =>
  store.update(caseId, () => ({ commit: true as const, entries, summary: { lastActivityAt: at }, result: (written, seq) => ({ written, seq }) }));

describe('the case store on `_id` lookups only', () => {
  it('finishes a commit whose writer stopped right after inserting it, and recognises its client event', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    const entry = { _id: entryId(caseId, 2), caseId, seq: 2, at, author: 'applicant', authorName: null, message: { key: 'conversation.echo.text', params: { text: 'yes' } }, visibility: 'all', clientEventId: 'evt-crashed-01', event: null };
    // What `update` inserts before materialising: the commit, with the client event it answers.
    const summary = { step: 'identity', events: [{ id: 'evt-crashed-01', seqs: [2] }] };
    await caseCommitModel(db()).create({ _id: commitId(caseId, 1), caseId, version: 1, seq: 2, at, summary, entries: [entry] });

    const loaded = await store.load(caseId);
    expect(loaded).toMatchObject({ version: 1, seq: 2, step: 'identity' });
    expect(await caseModel(db()).findById(caseId).lean()).toMatchObject({ version: 1, step: 'identity' });
    expect((await store.producedBy(loaded, 'evt-crashed-01'))?.map((e) => e.seq)).toEqual([2]);
    expect(await store.producedBy(loaded, 'evt-never-sent')).toBeNull();
  });

  it('decides again at the latest commit when the case document does not show it yet', async () => {
    const store = new CaseStore(db());
    await openCase(store);
    await caseCommitModel(db()).create({ _id: commitId(caseId, 1), caseId, version: 1, seq: 1, at, summary: { step: 'identity' }, entries: [] });
    const seen: string[] = [];
    const result = await store.update(caseId, (current) => {
      seen.push(current.step);
      if (current.step !== 'identity') throw new DomainError('event_refused', 'Not at this step.');
      return { commit: true as const, entries: [say('yes', 'evt-after-lag-01')], summary: { step: 'presence' }, result: (_w: unknown, seq: number) => seq };
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
    await Promise.all(Array.from({ length: 12 }, (_, i) => append(i % 2 ? a : b, say(`answer ${i}`, `evt-parallel-${String(i).padStart(2, '0')}`), say(`reply ${i}`))));
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
