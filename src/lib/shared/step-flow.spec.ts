import { describe, expect, it } from 'vitest';
import { addToFlow, daysUpTo, emptyFlow, flowBucketKey, flowSlot, stepFlowQuery } from './step-flow';

const move = { entered: { submitted: 1 }, left: { review: 1 } } as const;

describe('step flow buckets', () => {
  it('keys a moment by the half hour it falls in (UTC)', () => {
    expect(flowBucketKey(new Date('2026-12-05T10:29:59.999Z'))).toBe('2026-12-05T10:00Z');
    expect(flowBucketKey(new Date('2026-12-05T10:30:00.000Z'))).toBe('2026-12-05T10:30Z');
    expect(flowBucketKey(new Date('2026-12-31T23:59:00Z'))).toBe('2026-12-31T23:30Z');
  });

  it('places a moment in the officer’s own day and hour', () => {
    // 04:59 UTC is still the evening before in Toronto (UTC−5 in December), 05:00 is midnight.
    expect(flowSlot(new Date('2026-12-05T04:59:00Z'), 'America/Toronto')).toEqual({ date: '2026-12-04', hour: 23 });
    expect(flowSlot(new Date('2026-12-05T05:00:00Z'), 'America/Toronto')).toEqual({ date: '2026-12-05', hour: 0 });
    // Newfoundland is UTC−3:30: its midnight is a bucket edge too.
    expect(flowSlot(new Date('2026-12-05T03:29:00Z'), 'America/St_Johns')).toEqual({ date: '2026-12-04', hour: 23 });
    expect(flowSlot(new Date('2026-12-05T03:30:00Z'), 'America/St_Johns')).toEqual({ date: '2026-12-05', hour: 0 });
    // Saskatchewan keeps UTC−6 all year. (Not Vancouver: the tzdata of Node.js 24, 2026e, puts it at
    // UTC−7 in December 2026 where Node.js 20's 2025c says UTC−8.)
    expect(flowSlot(new Date('2026-12-05T05:59:00Z'), 'America/Regina')).toEqual({ date: '2026-12-04', hour: 23 });
    expect(flowSlot(new Date('2026-12-05T06:00:00Z'), 'America/Regina')).toEqual({ date: '2026-12-05', hour: 0 });
  });

  it('lists the days ending today, across a month and a daylight-saving change', () => {
    expect(daysUpTo('2026-11-03', 4)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02', '2026-11-03']);
  });

  it('adds a move to its day and, today, to its hour; the step shown or every step', () => {
    const one = emptyFlow('submitted', 'America/Toronto', '2026-12-05');
    const all = emptyFlow(null, 'America/Toronto', '2026-12-05');
    for (const flow of [one, all]) {
      addToFlow(flow, new Date('2026-12-05T14:10:00Z'), move); // 09:10 in Toronto, today
      addToFlow(flow, new Date('2026-12-05T04:30:00Z'), move); // 23:30 yesterday
      addToFlow(flow, new Date('2026-11-21T12:00:00Z'), move); // 14 days ago: outside the chart
    }
    expect(one.days.at(-1)).toEqual({ date: '2026-12-05', entered: 1, left: 0 });
    expect(one.days.at(-2)).toEqual({ date: '2026-12-04', entered: 1, left: 0 });
    expect(one.days[0]!.date).toBe('2026-11-22');
    expect(one.hours[9]).toEqual({ hour: 9, entered: 1, left: 0 });
    expect(all.days.at(-1)).toEqual({ date: '2026-12-05', entered: 1, left: 1 });
    expect(all.hours[9]).toEqual({ hour: 9, entered: 1, left: 1 });
    expect(all.hours.reduce((sum, h) => sum + h.entered, 0)).toBe(1);
    expect(one.days.reduce((sum, d) => sum + d.entered, 0)).toBe(2);
  });

  it('counts the hour that repeats when the clocks go back twice in that hour', () => {
    const flow = emptyFlow('submitted', 'America/Toronto', '2026-11-01');
    addToFlow(flow, new Date('2026-11-01T05:15:00Z'), move); // 01:15 EDT
    addToFlow(flow, new Date('2026-11-01T06:15:00Z'), move); // 01:15 EST
    expect(flow.hours[1]!.entered).toBe(2);
  });

  it('accepts real time zones only', () => {
    expect(stepFlowQuery.safeParse({ tz: 'America/Halifax' }).success).toBe(true);
    expect(stepFlowQuery.safeParse({ tz: 'Mars/Olympus' }).success).toBe(false);
    expect(stepFlowQuery.parse({}).tz).toBe('America/Toronto');
  });
});
