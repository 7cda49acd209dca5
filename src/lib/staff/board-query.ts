import { boardQuery, type BoardQuery } from '$lib/shared/board.contract';

/** Rows per board page. */
export const BOARD_PAGE_SIZE = 50;

type Key = keyof BoardQuery;
const keys = Object.keys(boardQuery.shape) as Key[];
const defaults = boardQuery.parse({});

/**
 * The board's query from the page URL (which owns it, so back, forward and shared links show the
 * same board). Each parameter is checked with the shared schema; an invalid one falls back to its default.
 */
export function queryFromUrl(params: URLSearchParams): BoardQuery {
  const query: Record<string, unknown> = { ...defaults, pageSize: BOARD_PAGE_SIZE };
  for (const key of keys) {
    const raw = params.get(key);
    if (raw === null || key === 'pageSize') continue;
    const parsed = boardQuery.shape[key].safeParse(raw);
    if (parsed.success && parsed.data !== undefined && parsed.data !== '') query[key] = parsed.data;
  }
  return query as BoardQuery;
}

/** URL parameters for `query`, leaving out defaults so links stay short. */
function params(query: BoardQuery, include: readonly Key[]): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of include) {
    const value = query[key];
    if (value === undefined || value === '' || value === defaults[key]) continue;
    out.set(key, String(value));
  }
  return out;
}

const pageKeys: Key[] = ['q', 'step', 'flag', 'stuck', 'sort', 'dir', 'page'];

/** The board page's own search string (`?…`, or '' when everything is default). */
export function boardSearch(query: BoardQuery): '' | `?${string}` {
  const search = params(query, pageKeys).toString();
  return search ? `?${search}` : '';
}

/** `GET /api/board` for this query. */
export function boardApiPath(query: BoardQuery): string {
  const search = params(query, pageKeys);
  search.set('pageSize', String(BOARD_PAGE_SIZE));
  return `/api/board?${search}`;
}

/** The CSV export of every case matching the filters, in the board's order. */
export function boardExportPath(query: BoardQuery): string {
  const search = params(query, ['q', 'step', 'flag', 'stuck', 'sort', 'dir']).toString();
  return `/api/board/export.csv${search ? `?${search}` : ''}`;
}

/** True when a filter or a search narrows the board. */
export const isFiltered = (query: BoardQuery) => Boolean(query.q || query.step || query.flag || query.stuck);
