import { describe, expect, it } from 'vitest';
import { safeAgentLink } from './agent-link';

describe('links agents share', () => {
  it('are links when https or a page of the portal', () => {
    expect(safeAgentLink('https://www.canada.ca/en/immigration-refugees-citizenship.html')).toBe(
      'https://www.canada.ca/en/immigration-refugees-citizenship.html',
    );
    expect(safeAgentLink('/conversation')).toBe('/conversation');
  });

  it('are plain text otherwise', () => {
    for (const link of [
      'javascript:alert(1)',
      'http://example.com',
      '//evil.example',
      'data:text/html,hi',
      'https://a b',
      'www.canada.ca',
      42,
      undefined,
    ]) {
      expect(safeAgentLink(link)).toBeNull();
    }
  });
});
