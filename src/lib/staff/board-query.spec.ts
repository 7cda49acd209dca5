import { describe, expect, it } from 'vitest';
import { boardApiPath, boardExportPath, boardSearch, isFiltered, queryFromUrl } from './board-query';

describe('the board query in the URL', () => {
  it('reads valid parameters and falls back to the default for each invalid one', () => {
    const query = queryFromUrl(
      new URLSearchParams('step=photo&flag=nope&stuck=1&q=%20E000123456%20&sort=password&dir=asc&page=3&pageSize=200'),
    );
    expect(query).toEqual({ step: 'photo', stuck: '1', q: 'E000123456', sort: 'lastActivityAt', dir: 'asc', page: 3, pageSize: 50 });
    expect(isFiltered(query)).toBe(true);
    expect(isFiltered(queryFromUrl(new URLSearchParams('page=2&q=')))).toBe(false);
  });

  it('writes short links, asks the API for 50 rows, and exports with the filters but without the page', () => {
    const query = queryFromUrl(new URLSearchParams('flag=photo_waiting&sort=personName&dir=asc&page=2'));
    expect(boardSearch(query)).toBe('?flag=photo_waiting&sort=personName&dir=asc&page=2');
    expect(boardSearch(queryFromUrl(new URLSearchParams()))).toBe('');
    expect(boardApiPath(query)).toBe('/api/board?flag=photo_waiting&sort=personName&dir=asc&page=2&pageSize=50');
    expect(boardExportPath(query)).toBe('/api/board/export.csv?flag=photo_waiting&sort=personName&dir=asc');
  });
});
