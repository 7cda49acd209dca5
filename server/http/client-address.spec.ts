import { describe, expect, it } from 'vitest';
import { clientAddress } from './identity';

describe('clientAddress', () => {
  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 0)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', undefined, 1)).toBe('10.0.0.5');
  });

  it('takes the entry the outermost trusted proxy appended, never one the client wrote', () => {
    // The client forged "1.2.3.4"; the one trusted proxy appended the address it really saw.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 203.0.113.9', 1)).toBe('203.0.113.9');
    // CDN then load balancer: the CDN saw the client, the load balancer saw the CDN.
    expect(clientAddress('10.0.0.5', '1.2.3.4, 203.0.113.9, 198.51.100.2', 2)).toBe('203.0.113.9');
    expect(clientAddress('10.0.0.5', '2001:db8::7', 1)).toBe('2001:db8::7');
  });

  it('falls back to the peer when the header is shorter than the chain or not an address', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.9', 2)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'unknown', 1)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', '<script>', 1)).toBe('10.0.0.5');
  });
});
