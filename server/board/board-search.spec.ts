import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTermOf } from './board-search';

describe('board search terms', () => {
  it('folds case and accents, so "belanger" finds "Bélanger"', () => {
    expect(foldForSearch('Bélanger')).toBe(searchTermOf('BELANGER')!.name);
    expect(foldForSearch('Éloïse Çelik')).toBe('eloise celik');
  });

  it('reads a UCI or an application number in the forms people write them', () => {
    for (const form of ['12345678', '1234-5678', '1234 5678', '1234.5678', ' 1234/5678 '])
      expect(searchTermOf(form)!.uci, form).toBe('12345678');
    for (const form of ['1234567890', '12-3456-7890', '12 3456 7890']) expect(searchTermOf(form)!.uci, form).toBe('1234567890');
    expect(searchTermOf('123-4567')!.uci).toBeNull();
    expect(searchTermOf('e 000-123 456')!.applicationNumber).toBe('E000123456');
    expect(searchTermOf('   ')).toBeNull();
  });
});
