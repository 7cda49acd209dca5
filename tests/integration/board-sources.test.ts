import { describe, expect, it } from 'vitest';
import type { BoardQuery, BoardStep } from '../../src/lib/shared/board.contract';
import { boardQuery } from '../../src/lib/shared/board.contract';
import { foldForSearch } from '../../server/board/board-search';
import { BoardService } from '../../server/board/board.service';
import { CaseStore } from '../../server/cases/case-store';
import { caseModel } from '../../server/cases/case.model';
import { ManualClock } from '../../server/clock';
import { createLogger } from '../../server/logger';
import { useTestDatabase } from '../support/database';

/**
 * The board has two sources: the in-process read model (one process on the embedded database)
 * and the database with its indexes (several processes, MongoDB). Over the same cases they must
 * answer every query the same way; here the database source runs on the test FerretDB.
 */
const db = useTestDatabase('board-sources', { resetEachTest: false });
const clock = new ManualClock(new Date('2026-06-01T12:00:00Z'));
const logger = createLogger('silent');
const STUCK_HOURS = 48;

const steps: BoardStep[] = [
  'invited',
  'welcome',
  'identity',
  'presence',
  'photo',
  'review',
  'submitted',
  'photoRejected',
  'confirmed',
  'declined',
];
const names = [
  'Zoë Lévesque-Tremblay',
  'Amara Okafor',
  'Étienne Okafor',
  'Wei Chen',
  'João Santos',
  'Zoe Levesque',
  'Ana García',
  'Mateo Dubois',
  'Åsa Ökvist',
  'amara okafor',
];
const flagSets = [[], ['help_requested'], ['changes_declared', 'photo_waiting'], ['outside_canada'], [], ['invitation_declined']];

/** 300 varied cases: accents, case, shared names, equal timestamps (ties broken by `_id`), stuck and fresh ones. */
function seededCase(i: number) {
  const step = steps[i % steps.length]!;
  const at = new Date(clock.now().getTime() - (i % 7) * 20 * 3_600_000);
  const personName = names[i % names.length]!;
  return {
    _id: `case-${String((i * 7919) % 1000).padStart(4, '0')}-${i}`,
    personId: `person-${i}`,
    userId: step === 'invited' ? null : `user-${i}`,
    invitationState: step === 'invited' ? 'sent' : step === 'declined' ? 'declined' : 'accepted',
    applicationNumber: `E${String(100_000_000 + Math.floor(i / 3)).padStart(9, '0')}`,
    personName,
    searchName: foldForSearch(personName),
    uci: i % 2 ? String(10_000_000 + i) : String(1_000_000_000 + i),
    lang: (i % 3 ? 'en' : 'fr') as 'en' | 'fr',
    snapshot: '{}',
    version: 1,
    seq: 1,
    step,
    stepNumber: null,
    stepEnteredAt: new Date(at.getTime() - (i % 3) * 3_600_000),
    lastActivityAt: at,
    flags: flagSets[i % flagSets.length]!,
    helpStatus: i % 6 === 1 ? 'requested' : 'none',
    photoStatus: 'none',
    createdAt: at,
    events: [],
  };
}

const queries: Partial<Record<keyof BoardQuery, string>>[] = [
  {},
  { page: '2' },
  { page: '7', pageSize: '40' },
  ...(['personName', 'applicationNumber', 'step', 'stepEnteredAt', 'lastActivityAt'] as const).flatMap((sort) => [
    { sort, dir: 'asc' },
    { sort, dir: 'desc', page: '3', pageSize: '20' },
  ]),
  { step: 'photo' },
  { step: 'confirmed', sort: 'personName', dir: 'asc' },
  { flag: 'help_requested' },
  { flag: 'photo_waiting', sort: 'applicationNumber', dir: 'asc' },
  { stuck: '1' },
  { stuck: '1', step: 'welcome' },
  { stuck: '1', flag: 'help_requested', sort: 'personName', dir: 'asc', page: '2', pageSize: '5' },
  { q: 'levesque' },
  { q: 'ZOË' },
  { q: 'okafor', step: 'identity' },
  { q: 'okafor', sort: 'personName', dir: 'asc', pageSize: '200' },
  { q: 'e100000042' },
  { q: 'E 100-000-042' },
  { q: '1000-0003' },
  { q: '1000000010' },
  { q: 'nobody at all' },
  { q: '.*' },
];

describe('board sources', () => {
  it('answer every query the same way over the same cases, and the read model follows commits', async () => {
    await caseModel(db()).insertMany(Array.from({ length: 300 }, (_, i) => seededCase(i)));
    const memory = new BoardService(db(), clock, STUCK_HOURS, { source: 'memory', logger });
    const database = new BoardService(db(), clock, STUCK_HOURS, { source: 'database', logger });
    const store = new CaseStore(db());
    store.onWritten((c) => memory.written(c));

    const compare = async (label: string) => {
      for (const raw of queries) {
        const query = boardQuery.parse(raw);
        const [fromMemory, fromDatabase] = await Promise.all([memory.page(query), database.page(query)]);
        expect(fromMemory, `${label} ${JSON.stringify(raw)}`).toEqual(fromDatabase);
        const exported = async (board: BoardService) => {
          const rows = [];
          for await (const row of board.rows(query)) rows.push(row.caseId);
          return rows;
        };
        expect(await exported(memory), `${label} export ${JSON.stringify(raw)}`).toEqual(await exported(database));
      }
    };
    await compare('seeded');
    const sample = await memory.page(boardQuery.parse({ q: 'levesque' }));
    expect(sample.total).toBe(60);
    expect(sample.rows.map((r) => r.personName)).toContain('Zoë Lévesque-Tremblay');

    // Commits through the case store (the one write path) move both the same way.
    const moved = seededCase(5);
    await store.update(moved._id, () => ({
      commit: true,
      entries: [],
      summary: { step: 'photo', lastActivityAt: new Date(clock.now().getTime() + 1000), flags: ['help_requested'] },
      result: () => null,
    }));
    await store.create({ ...seededCase(300), _id: 'case-new-0001' }, []);
    clock.advance(6_000); // past the database source's 5 s count cache
    await compare('after commits');
    expect((await memory.page(boardQuery.parse({ step: 'photo' }))).rows[0]!.caseId).toBe(moved._id);
  });
});
