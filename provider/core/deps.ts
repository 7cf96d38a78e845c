/** What provider operations need from the outside world; tests pass their own. */
import { Clock, Sleep, Timeline, realSleep, systemClock } from "./clock";
import { Reporter, pulumiReporter } from "./reporter";
import type { RateLimiter } from "./rateLimiter";

/** What lifecycle operations need from the outside world: time, randomness, where logs go. */
export interface OperationDeps {
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  reporter: Reporter;
  /** Told of every retried call (the soak run counts them). */
  onRetry?: (action: string, err: unknown, attempt: number) => void;
  /**
   * The rate limiter every call waits for; by default the one this process shares at the cloud's
   * rate. A simulation on a timeline of its own (the soak) passes one that keeps that timeline.
   */
  limiter?: RateLimiter;
  /**
   * The timeline the process-wide limiter keeps when no `limiter` is given: real time, unless tests
   * run provider and emulator on a timeline of their own (their sleeps then never really wait).
   */
  timeline?: Timeline;
  /**
   * How long a create (or the update or delete that completes one) may wait, in milliseconds, when
   * the engine says so: the native provider passes a resource's `customTimeouts` here, and they win
   * over `waitTimeoutMinutes` (the dynamic provider never learns of them).
   */
  timeoutMs?: number;
}

/** What a waiter needs: time, sleep, and where progress goes. */
export type WaitDeps = Pick<OperationDeps, "clock" | "sleep" | "reporter">;

/** The real world, with `overrides` where a caller (a test, the soak) brings its own. */
export function defaultDeps(overrides: Partial<OperationDeps> = {}): OperationDeps {
  const reporter = overrides.reporter ?? pulumiReporter();
  return {
    clock: overrides.clock ?? systemClock,
    sleep: overrides.sleep ?? realSleep,
    random: overrides.random ?? Math.random,
    reporter,
    limiter: overrides.limiter,
    timeline: overrides.timeline,
    timeoutMs: overrides.timeoutMs,
    // A retry is worth a line: it is where a slow `pulumi up` spends its time.
    onRetry:
      overrides.onRetry ??
      ((action, err, n) => reporter.info(`${(err as Error).message}; retrying (attempt ${n + 1})`)),
  };
}
