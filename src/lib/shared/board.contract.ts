import { z } from 'zod';
import { stepIds } from './landing/steps';

/** Where a case is, as the officers' board shows it: before the conversation, or one of its steps. */
export const boardSteps = ['invited', 'declined', ...stepIds] as const;
export type BoardStep = (typeof boardSteps)[number];

/** Flags on the board: the machine's own, plus what the board derives. */
export const boardFlags = [
  'outside_canada',
  'identity_mismatch',
  'changes_declared',
  'referred',
  'help_requested',
  'photo_waiting',
  'invitation_declined',
  /** Not a problem: submitted, photo approved and no open flag, so it can be confirmed now. */
  'ready_to_confirm',
] as const;
export type BoardFlag = (typeof boardFlags)[number];

export interface BoardRow {
  caseId: string;
  personName: string;
  applicationNumber: string;
  uci: string;
  lang: 'en' | 'fr';
  step: BoardStep;
  stepNumber: number | null;
  stepEnteredAt: string;
  lastActivityAt: string;
  flags: BoardFlag[];
  helpStatus: 'none' | 'requested' | 'agentJoined';
  photoStatus: string;
  /** Case version: a client keeps the newest row it has seen. */
  version: number;
}

export const boardSortKeys = ['personName', 'applicationNumber', 'step', 'stepEnteredAt', 'lastActivityAt'] as const;

/** `GET /api/board` query: filters, search, sort, server-side pages. */
export const boardQuery = z.strictObject({
  step: z.enum(boardSteps).optional(),
  flag: z.enum(boardFlags).optional(),
  stuck: z.enum(['1', 'true']).optional(),
  q: z.string().trim().max(100).optional(),
  sort: z.enum(boardSortKeys).default('lastActivityAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type BoardQuery = z.infer<typeof boardQuery>;

export interface BoardPage {
  rows: BoardRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Count of cases per step (all cases, not just this filter). */
  funnel: Partial<Record<BoardStep, number>>;
  /** Median milliseconds spent in each step, over completed visits. */
  medianMs: Partial<Record<BoardStep, number>>;
  stuckAfterHours: number;
}

/** A changed row, pushed to the `staff` room; `previousStep` lets the funnel move without a reload. */
export interface BoardPatch {
  row: BoardRow;
  previousStep: BoardStep | null;
}
