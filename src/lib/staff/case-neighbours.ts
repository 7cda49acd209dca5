import { resolve } from '$app/paths';
import { api } from '$lib/api';
import type { BoardPage, BoardQuery } from '$lib/shared/board.contract';
import { boardApiPath, boardSearch } from './board-query';

/**
 * The case before or after `caseId` in the board's list, as the officer left it (filters, search,
 * order and page travel in the case's URL): asked of `GET /api/board`, so it is the live order.
 * Returns the case view's address for it, or null at either end of the list.
 */
export async function neighbourOf(caseId: string, query: BoardQuery, direction: 1 | -1): Promise<string | null> {
  const here = await api.get<BoardPage>(boardApiPath(query));
  if (!here.ok) return null;
  const index = here.data.rows.findIndex((row) => row.caseId === caseId);
  // A case that left the filter meanwhile: the list goes on from the top of its page.
  const target = index < 0 ? (direction === 1 ? 0 : -1) : index + direction;
  if (target >= 0 && target < here.data.rows.length) return caseLink(here.data.rows[target]!.caseId, query);
  const page = query.page + direction;
  if (page < 1 || (page - 1) * query.pageSize >= here.data.total) return null;
  const next = await api.get<BoardPage>(boardApiPath({ ...query, page }));
  if (!next.ok || next.data.rows.length === 0) return null;
  const row = direction === 1 ? next.data.rows[0]! : next.data.rows.at(-1)!;
  return caseLink(row.caseId, { ...query, page });
}

/** The case view of `caseId`, carrying the board's query along. */
export function caseLink(caseId: string, query: BoardQuery): string {
  return `${resolve('/staff/cases/[id]', { id: caseId })}${boardSearch(query)}`;
}
