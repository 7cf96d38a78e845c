/**
 * Client-side rate limiter: at most `limit` calls per key (cloud, endpoint, action) per `windowMs`.
 *
 * A server counts requests when they *arrive*, and under load a request can reach it well after
 * we decided to send it. So a slot is reused only `windowMs` after the call that held it has
 * *finished* — by then the server has certainly counted it — which keeps every one of the
 * server's windows within the limit, whatever the latency, at the cost of one round trip per
 * window. All resources of a `pulumi up` share one provider process, hence one limiter.
 */
import { Clock, Sleep, Timeline, realSleep, realTimeline, systemClock } from "./clock";

/** Call when the request is finished (answered or failed). */
export type Release = () => void;

interface KeyState {
  /** When each slot may next be used; Infinity while its call is in flight. */
  freeAt: number[];
  waiters: (() => void)[];
}

/** @internal At most `limit` calls per key per window; a slot is reused a window after its call finished. */
export class RateLimiter {
  private readonly keys = new Map<string, KeyState>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly clock: Clock = systemClock,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Resolves when a call under `key` may start; call the returned function when it is done. */
  async acquire(key: string): Promise<Release> {
    if (this.limit <= 0) return () => {};
    let state = this.keys.get(key);
    if (!state) {
      state = { freeAt: new Array<number>(this.limit).fill(0), waiters: [] };
      this.keys.set(key, state);
    }
    for (;;) {
      const slot = earliest(state.freeAt);
      if (slot >= 0) {
        const at = state.freeAt[slot];
        state.freeAt[slot] = Infinity;
        // Checked against the clock again after each sleep: Node's timers count from the event
        // loop's cached time, so one can fire a millisecond or two before Date.now() reaches the
        // time asked, and a server counting arrivals by its clock would see the window one short.
        for (let now = this.clock.now(); at > now; now = this.clock.now()) await this.sleep(at - now);
        return once(() => this.release(state!, slot));
      }
      await new Promise<void>((resolve) => state!.waiters.push(resolve));
    }
  }

  private release(state: KeyState, slot: number): void {
    state.freeAt[slot] = this.clock.now() + this.windowMs;
    state.waiters.shift()?.();
  }
}

/** The slot free soonest, or -1 when every slot's call is still in flight. */
function earliest(freeAt: number[]): number {
  let best = -1;
  for (let i = 0; i < freeAt.length; i++) {
    if (freeAt[i] !== Infinity && (best < 0 || freeAt[i] < freeAt[best])) best = i;
  }
  return best;
}

function once(fn: () => void): Release {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}

const processLimiters = new WeakMap<Timeline, Map<number, RateLimiter>>();

/**
 * The limiter shared by every call of this process on `timeline` (real time unless a test or a
 * simulation keeps its own) at `perSecond` calls per second per key.
 */
export function processRateLimiter(perSecond: number, timeline: Timeline = realTimeline): RateLimiter {
  let byRate = processLimiters.get(timeline);
  if (!byRate) {
    byRate = new Map();
    processLimiters.set(timeline, byRate);
  }
  let limiter = byRate.get(perSecond);
  if (!limiter) {
    // Exactly a second: a slot is reused a second after its call *finished* (by the clock, not
    // by a timer alone: see acquire), by when the server has counted it.
    limiter = new RateLimiter(perSecond, 1_000, timeline.clock, timeline.sleep);
    byRate.set(perSecond, limiter);
  }
  return limiter;
}
