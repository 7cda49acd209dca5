import { describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { boardQuery, type BoardStep } from '../../src/lib/shared/board.contract';
import { createLogger } from '../logger';
import { boardFilters } from './board-filters';
import { compareRows } from './board-order';
import { BoardReadModel, indexRow } from './board-read-model';

/** A connection whose `cases` collection is empty: the rows come from `written`. */
const emptyCases = { models: { Case: { find: () => ({ lean: () => ({ cursor: async function* () {} }) }) } } } as unknown as Connection;

const steps: BoardStep[] = ['invited', 'welcome', 'identity', 'photo', 'review', 'submitted', 'confirmed', 'declined'];
const names = ['Zoë Lévesque', 'Amara Okafor', 'Étienne Okafor', 'Wei Chen', 'zoe levesque', 'Ana García'];
const now = new Date('2026-06-01T12:00:00Z');

function stored(i: number, version = 1, step = steps[i % steps.length]!) {
  const at = new Date(now.getTime() - (i % 9) * 10 * 3_600_000);
  return {
    _id: `case-${String((i * 7919) % 30_000).padStart(5, '0')}-${i}`,
    personId: `p-${i}`,
    userId: null,
    invitationState: 'accepted',
    applicationNumber: `E${String(100_000_000 + Math.floor(i / 3))}`,
    personName: names[i % names.length]!,
    uci: String(10_000_000 + i),
    lang: 'en' as const,
    version,
    seq: 1,
    step,
    stepNumber: null,
    stepEnteredAt: at,
    lastActivityAt: at,
    flags: i % 5 === 0 ? ['help_requested'] : i % 7 === 0 ? ['changes_declared', 'photo_waiting'] : [],
    helpStatus: 'none',
    photoStatus: 'none',
    createdAt: at,
  };
}

describe('the board read model', () => {
  it('answers like a plain filter and sort over every row, through kept orders, flag sets and the search index', async () => {
    const model = new BoardReadModel(emptyCases, createLogger('silent'));
    await model.ready;
    const count = 12_000;
    for (let i = 0; i < count; i++) model.written(stored(i));
    // Later commits: a step change, a stale write (ignored), and a new case after the orders exist.
    await model.page(boardQuery.parse({ sort: 'personName' }), now, 48);
    model.written(stored(3, 2, 'photo'));
    model.written(stored(3, 1, 'welcome'));
    model.written(stored(count));
    const rows = [...Array(count + 1).keys()].map((i) => indexRow(i === 3 ? stored(3, 2, 'photo') : stored(i)));

    const queries = [
      {},
      { page: '40' },
      { sort: 'personName', dir: 'asc', page: '3' },
      { sort: 'personName', dir: 'desc', page: '2', pageSize: '200' },
      { sort: 'applicationNumber', dir: 'desc', page: '7' },
      { sort: 'step', dir: 'asc', page: '120' },
      { step: 'photo', sort: 'stepEnteredAt' },
      { flag: 'help_requested', sort: 'personName', dir: 'desc', page: '5' },
      { stuck: '1', sort: 'applicationNumber' },
      { q: 'levesque', sort: 'personName', dir: 'desc', page: '3' },
      { q: 'E 100-000-042' },
      { q: '1000-0007', step: 'identity' },
      { q: 'okafor', flag: 'photo_waiting', sort: 'personName', dir: 'asc' },
    ];
    for (const raw of queries) {
      const query = boardQuery.parse(raw);
      const filters = boardFilters(query, now, 48);
      const expected = rows.filter((r) => filters.every((f) => f.matches(r))).sort(compareRows(query));
      const page = await model.page(query, now, 48);
      const start = (query.page - 1) * query.pageSize;
      expect(page.total, JSON.stringify(raw)).toBe(expected.length);
      expect(
        page.rows.map((r) => r.caseId),
        JSON.stringify(raw),
      ).toEqual(expected.slice(start, start + query.pageSize).map((r) => r.row.caseId));
    }
    expect((await model.page(boardQuery.parse({ q: 'levesque' }), now, 48)).total).toBe(4001);
    expect(model.funnel().photo).toBe(rows.filter((r) => r.row.step === 'photo').length);
  });
});
