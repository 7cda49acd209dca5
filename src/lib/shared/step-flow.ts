import { z } from 'zod';
import { READER_TIME_ZONE } from '../dates/readable-date';
import { boardSteps, type BoardStep } from './board.contract';

/**
 * Cases entering and leaving the board's steps over time. The server counts moves in buckets of
 * half an hour (UTC), so that every local hour and day, Newfoundland's included, is made of whole
 * buckets; the chart groups them by the officer's own day and hour.
 */
export const FLOW_BUCKET_MS = 30 * 60_000;
/** Days the chart shows, today included. */
export const FLOW_DAYS = 14;

/** Where a bucket is stored: its first instant, `2026-12-05T10:30Z`. */
export function flowBucketKey(at: Date): string {
  const start = new Date(Math.floor(at.getTime() / FLOW_BUCKET_MS) * FLOW_BUCKET_MS);
  return `${start.toISOString().slice(0, 16)}Z`;
}

const isTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** `GET /api/board/flow`: one step (all steps when absent), grouped in the officer's time zone. */
export const stepFlowQuery = z.strictObject({
  step: z.enum(boardSteps).optional(),
  tz: z.string().max(64).refine(isTimeZone, 'must be a time zone such as America/Toronto').default(READER_TIME_ZONE),
});
export type StepFlowQuery = z.infer<typeof stepFlowQuery>;

const count = z.number().int().nonnegative();
/** The answer: the last 14 days (oldest first, today last) and today's 24 hours. */
export const stepFlow = z.object({
  step: z.enum(boardSteps).nullable(),
  timeZone: z.string(),
  today: z.string(),
  days: z.array(z.object({ date: z.string(), entered: count, left: count })).length(FLOW_DAYS),
  hours: z.array(z.object({ hour: z.number().int().min(0).max(23), entered: count, left: count })).length(24),
});
export type StepFlow = z.infer<typeof stepFlow>;

/** Moves in one bucket: how many cases entered and left each step. */
export interface FlowCounts {
  entered: Partial<Record<BoardStep, number>>;
  left: Partial<Record<BoardStep, number>>;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** The local calendar day (`YYYY-MM-DD`) and hour (0–23) of `at` in `timeZone`. */
export function flowSlot(at: Date | number, timeZone: string): { date: string; hour: number } {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  const part = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, hour: Number(part.hour) };
}

/** The `count` calendar days ending with `today` (`YYYY-MM-DD`), oldest first. */
export function daysUpTo(today: string, count: number): string[] {
  const last = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** An empty chart for `today`: every day and hour at zero. */
export function emptyFlow(step: BoardStep | null, timeZone: string, today: string): StepFlow {
  return {
    step,
    timeZone,
    today,
    days: daysUpTo(today, FLOW_DAYS).map((date) => ({ date, entered: 0, left: 0 })),
    hours: Array.from({ length: 24 }, (_, hour) => ({ hour, entered: 0, left: 0 })),
  };
}

/**
 * Adds moves at `at` to the chart in place: `entered`/`left` for the step shown (or every step
 * when the chart shows all). Moves outside the chart's days are ignored.
 */
export function addToFlow(flow: StepFlow, at: Date | number, moves: FlowCounts): void {
  const pick = (counts: FlowCounts['entered']) =>
    flow.step ? (counts[flow.step] ?? 0) : Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const entered = pick(moves.entered);
  const left = pick(moves.left);
  if (!entered && !left) return;
  const slot = flowSlot(at, flow.timeZone);
  const day = flow.days.find((d) => d.date === slot.date);
  if (!day) return;
  day.entered += entered;
  day.left += left;
  if (slot.date !== flow.today) return;
  flow.hours[slot.hour]!.entered += entered;
  flow.hours[slot.hour]!.left += left;
}
