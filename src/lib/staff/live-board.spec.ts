import { describe, expect, it } from 'vitest';
import type { BoardRow } from '$lib/shared/board.contract';
import { LiveBoard } from './live-board.svelte';

const row = (caseId: string, step: BoardRow['step'], version: number): BoardRow => ({
  caseId,
  personName: 'Zoë Lévesque-Tremblay',
  applicationNumber: 'E000123456',
  uci: '11223344',
  lang: 'fr',
  step,
  stepNumber: null,
  stepEnteredAt: '2025-03-05T12:00:00.000Z',
  lastActivityAt: '2025-03-05T12:00:00.000Z',
  flags: [],
  helpStatus: 'none',
  photoStatus: 'none',
  version,
});

describe('live board patches', () => {
  it('replaces a row on the page in place, counts others, and moves the funnel once per version', () => {
    const board = new LiveBoard();
    board.rows = [row('case-a', 'welcome', 3)];
    board.funnel = { welcome: 2, identity: 0 };

    board.apply({ row: row('case-a', 'identity', 4), previousStep: 'welcome' });
    expect(board.rows.map((r) => [r.caseId, r.step])).toEqual([['case-a', 'identity']]);
    expect(board.funnel).toEqual({ welcome: 1, identity: 1 });
    expect(board.flashes.get('case-a')).toBe(1);

    // A repeated or older version changes nothing.
    board.apply({ row: row('case-a', 'identity', 4), previousStep: 'welcome' });
    board.apply({ row: row('case-a', 'welcome', 2), previousStep: null });
    expect(board.funnel).toEqual({ welcome: 1, identity: 1 });
    expect(board.rows[0]!.version).toBe(4);

    // A case that is not on the page is counted, never shuffled in.
    board.apply({ row: row('case-b', 'welcome', 1), previousStep: 'invited' });
    board.apply({ row: row('case-b', 'identity', 2), previousStep: 'welcome' });
    expect(board.rows).toHaveLength(1);
    expect([...board.elsewhere]).toEqual(['case-b']);
    expect(board.funnel).toEqual({ invited: 0, welcome: 1, identity: 2 });
  });
});
