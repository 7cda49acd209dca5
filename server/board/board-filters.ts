import type { BoardFlag, BoardQuery, BoardRow, BoardStep } from '../../src/lib/shared/board.contract';
import { searchTermOf } from './board-search';

/** A case as the board filters it: its row and what is derived from it once, when it is written. */
export interface IndexedRow {
  row: BoardRow;
  /** `foldForSearch(personName)`. */
  searchName: string;
  lastActivityMs: number;
  stepEnteredMs: number;
}

export type BoardFilterQuery = Pick<BoardQuery, 'step' | 'flag' | 'stuck' | 'q'>;

/** A query's filters, in the two forms the two boards need; built from one declaration so they agree. */
export interface BoardFilter {
  /** For the in-process read model. */
  matches(r: IndexedRow): boolean;
  /** For the database (MongoDB with its indexes, or FerretDB when several processes share it). */
  mongo: Record<string, unknown>;
}

const closedSteps: BoardStep[] = ['confirmed', 'declined'];
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Each filter the board offers, once: when it applies, how a row matches, and the database filter
 * that means the same. A new filter (a flag, a "ready to confirm" view) is one more entry here.
 */
export function boardFilters(query: BoardFilterQuery, now: Date, stuckAfterHours: number): BoardFilter[] {
  const filters: BoardFilter[] = [];
  if (query.step && !query.stuck) {
    const step = query.step;
    filters.push({ matches: (r) => r.row.step === step, mongo: { step } });
  }
  if (query.flag) {
    const flag: BoardFlag = query.flag;
    filters.push({ matches: (r) => r.row.flags.includes(flag), mongo: { flags: flag } });
  }
  if (query.stuck) {
    const before = now.getTime() - stuckAfterHours * 3_600_000;
    const step = query.step;
    filters.push({
      matches: (r) => r.lastActivityMs < before && (step ? r.row.step === step : !closedSteps.includes(r.row.step)),
      mongo: { lastActivityAt: { $lt: new Date(before) }, step: step ?? { $nin: closedSteps } },
    });
  }
  const term = searchTermOf(query.q);
  if (term) {
    const { name, applicationNumber, uci } = term;
    const or: Record<string, unknown>[] = [{ searchName: { $regex: escapeRegex(name) } }, { applicationNumber }];
    if (uci) or.push({ uci });
    filters.push({
      matches: (r) => r.searchName.includes(name) || r.row.applicationNumber === applicationNumber || (uci !== null && r.row.uci === uci),
      mongo: { $or: or },
    });
  }
  return filters;
}

/** All of `filters` as one database filter. */
export const mongoFilter = (filters: BoardFilter[]): Record<string, unknown> =>
  filters.length ? { $and: filters.map((f) => f.mongo) } : {};
