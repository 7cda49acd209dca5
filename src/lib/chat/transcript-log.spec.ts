import { describe, expect, it } from 'vitest';
import type { CaseUpdate, CaseView, TranscriptEntry } from '$lib/shared/case.contract';
import { TranscriptLog } from './transcript-log';

const entry = (seq: number): TranscriptEntry => ({
  seq,
  at: '2026-01-05T10:00:00.000Z',
  author: seq % 2 ? 'assistant' : 'applicant',
  message: { key: `m${seq}` },
  visibility: 'all',
});
const update = (viewSeq: number, seqs: number[]): CaseUpdate => ({ view: { seq: viewSeq } as CaseView, entries: seqs.map(entry) });
const seqsOf = (log: TranscriptLog) => log.entries.map((e) => e.seq);

describe('the transcript as one tab holds it', () => {
  it('keeps each entry once, in order, whatever the order and repeats of arrival', () => {
    const log = new TranscriptLog();
    expect(log.merge(update(3, [1, 2, 3]), true)).toEqual({ added: true, gap: false });
    expect(log.merge(update(5, [4, 5]), false)).toEqual({ added: true, gap: false });
    // A retried answer is acknowledged with what it produced the first time: nothing new.
    expect(log.merge(update(5, [4, 5]), false)).toEqual({ added: false, gap: false });
    expect(seqsOf(log)).toEqual([1, 2, 3, 4, 5]);
    expect(log.lastSeq).toBe(5);
  });

  it('sees a gap when an update is ahead of what it holds, and a sync closes it', () => {
    const log = new TranscriptLog();
    log.merge(update(2, [1, 2]), true);
    expect(log.merge(update(6, [5, 6]), false)).toEqual({ added: true, gap: true });
    expect(log.lastSeq).toBe(2);
    log.merge(update(6, [3, 4, 5, 6]), true);
    expect(seqsOf(log)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(log.lastSeq).toBe(6);
  });

  it('does not keep asking for staff-only entries it will never receive', () => {
    const log = new TranscriptLog();
    log.merge(update(2, [1, 2]), true);
    // Seq 3 is an officer's internal note: the broadcast skips it, so this looks like a gap once...
    expect(log.merge(update(4, [4]), false).gap).toBe(true);
    // ...and the sync that follows is complete up to 4, so the hole is closed for good.
    log.merge(update(4, []), true);
    expect(log.lastSeq).toBe(4);
    expect(log.merge(update(5, [5]), false)).toEqual({ added: true, gap: false });
  });

  it('drops entries at or below what it already holds completely', () => {
    const log = new TranscriptLog();
    log.merge(update(4, [1, 2, 4]), true);
    expect(log.merge(update(4, [3]), false).added).toBe(false);
    expect(seqsOf(log)).toEqual([1, 2, 4]);
  });
});
