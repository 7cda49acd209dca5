import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardRow } from '$lib/shared/board.contract';
import type { HelpQueueRow } from '$lib/shared/help.contract';
import { HelpQueue } from './help-queue.svelte';

const boardRow = (caseId: string, helpStatus: BoardRow['helpStatus'], at: string, step: BoardRow['step'] = 'presence'): BoardRow => ({
  caseId,
  personName: `Person ${caseId}`,
  applicationNumber: 'E000000001',
  uci: '12345678',
  lang: 'fr',
  step,
  stepNumber: 3,
  stepEnteredAt: at,
  lastActivityAt: at,
  flags: [],
  helpStatus,
  photoStatus: 'none',
  version: 1,
});

describe('the help queue kept live by board patches', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows a new request at once, oldest first, announces it once, and follows it until it is over', () => {
    const arrivals: HelpQueueRow[] = [];
    const queue = new HelpQueue((row) => arrivals.push(row));
    queue.patch(boardRow('case-b', 'none', '2026-01-05T10:05:00.000Z'));
    expect(queue.rows).toEqual([]);

    queue.patch(boardRow('case-b', 'requested', '2026-01-05T10:05:00.000Z'));
    queue.patch(boardRow('case-a', 'requested', '2026-01-05T10:01:00.000Z'));
    queue.patch(boardRow('case-a', 'requested', '2026-01-05T10:02:00.000Z', 'changes'));
    expect(queue.rows.map((r) => [r.caseId, r.step, r.status])).toEqual([
      ['case-a', 'changes', 'requested'],
      ['case-b', 'presence', 'requested'],
    ]);
    expect(arrivals.map((r) => r.caseId)).toEqual(['case-b', 'case-a']);
    expect([...queue.fresh].sort()).toEqual(['case-a', 'case-b']);
    expect(queue.waiting).toHaveLength(2);

    queue.patch(boardRow('case-a', 'agentJoined', '2026-01-05T10:03:00.000Z'));
    expect(queue.rows[0]).toMatchObject({ caseId: 'case-a', status: 'agentJoined' });
    queue.taken('case-a', { id: 'agent-1', displayName: 'Adam' });
    expect(queue.rows[0]).toMatchObject({ agentId: 'agent-1', agentName: 'Adam' });
    expect(queue.waiting.map((r) => r.caseId)).toEqual(['case-b']);

    queue.patch(boardRow('case-b', 'none', '2026-01-05T10:06:00.000Z'));
    expect(queue.rows.map((r) => r.caseId)).toEqual(['case-a']);
    vi.advanceTimersByTime(60_000);
    expect(queue.fresh.size).toBe(0);
    queue.stop();
  });
});
