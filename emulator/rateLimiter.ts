/**
 * Per-action request rate limit over a sliding one-second window, cloud-neutral.
 * Tencent documents 20 requests/s for each backup action; the vendor decides what error a
 * refused request gets. Admin calls never pass through here.
 */

/** The outcome of one request's check. */
export interface RateCheck {
  allowed: boolean;
  /** Requests for this action within the last second, this one included. */
  count: number;
  limit: number;
}

/** Counts requests per key (an action, as its vendor names it) over the last second, against the limit. */
export class SlidingWindowRateLimiter {
  private readonly windows = new Map<string, number[]>();

  /**
   * @param limitPerSecond requests allowed per action within any one second; 0 turns limiting off.
   * @param now source of real time in ms. Rate limits follow real time, never the emulator's
   *   advanced world clock, because they are about how fast the client really calls.
   */
  constructor(
    private limitPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.setLimit(limitPerSecond);
  }

  /** Changes the limit (0 turns limiting off) and starts counting afresh under it. */
  setLimit(limitPerSecond: number): void {
    if (!Number.isInteger(limitPerSecond) || limitPerSecond < 0) {
      throw new RangeError(`rate limit must be an integer >= 0, got ${limitPerSecond}`);
    }
    this.limitPerSecond = limitPerSecond;
    this.windows.clear();
  }

  get limit(): number {
    return this.limitPerSecond;
  }

  /**
   * Records a request for `key` and says whether it is within the limit. Refused requests count
   * too, as at Tencent ("your current request times equals to N"): a client that keeps hammering
   * stays refused until it slows down.
   */
  check(key: string): RateCheck {
    const now = this.now();
    const recent = (this.windows.get(key) ?? []).filter((t) => now - t < 1000);
    recent.push(now);
    this.windows.set(key, recent);
    if (this.limitPerSecond === 0) return { allowed: true, count: recent.length, limit: 0 };
    return {
      allowed: recent.length <= this.limitPerSecond,
      count: recent.length,
      limit: this.limitPerSecond,
    };
  }

  /** Forgets all recorded requests. */
  reset(): void {
    this.windows.clear();
  }
}
