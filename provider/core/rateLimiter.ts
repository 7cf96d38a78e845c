/**
 * Client-side rate limiter: at most `limit` calls per key (cloud, endpoint, action) in any sliding
 * window of `windowMs`. Slots are reserved synchronously, so concurrent callers (every resource of
 * a `pulumi up` shares one provider process) queue fairly instead of racing.
 */
import { Clock, Sleep, realSleep, systemClock } from "./clock";

export class RateLimiter {
  private readonly slots = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Resolves when a call under `key` may start. */
  async acquire(key: string): Promise<void> {
    if (this.limit <= 0) return;
    const now = this.clock.now();
    const taken = (this.slots.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const start =
      taken.length < this.limit ? now : Math.max(now, taken[taken.length - this.limit] + this.windowMs);
    taken.push(start);
    this.slots.set(key, taken);
    if (start > now) await this.sleep(start - now);
  }
}

/**
 * One limiter per process: the vendors limit per account and action, and all resources of one
 * deployment run in one provider process. The window carries a small margin over one second so
 * that the server's own window, measured from when requests arrive, never sees one too many.
 */
const processLimiters = new Map<number, RateLimiter>();

export function processRateLimiter(perSecond: number): RateLimiter {
  let limiter = processLimiters.get(perSecond);
  if (!limiter) {
    limiter = new RateLimiter(perSecond, 1_050);
    processLimiters.set(perSecond, limiter);
  }
  return limiter;
}
