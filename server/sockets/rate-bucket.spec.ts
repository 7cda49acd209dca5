import { describe, expect, it } from 'vitest';
import { RateBucket } from './rate-bucket';

describe('RateBucket', () => {
  it('lets a burst through, then one per refill interval, and refuses in between', async () => {
    const bucket = new RateBucket(3, 20);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
  });
});
