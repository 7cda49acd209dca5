/**
 * A token bucket in memory: `burst` tokens at most, refilled at `perSecond`. `take` spends one when
 * there is one; a caller without a token is refused, never made to wait, so a bucket adds no backlog.
 */
export class RateBucket {
  private tokens: number;
  private refilledAt = performance.now();

  constructor(
    readonly burst: number,
    readonly perSecond: number,
  ) {
    this.tokens = burst;
  }

  take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.refilledAt) / 1000) * this.perSecond);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
