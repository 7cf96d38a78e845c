/** What provider operations need from the outside world; tests pass their own. */
import { Clock, Sleep, realSleep, systemClock } from "./clock";
import { Reporter, pulumiReporter } from "./log";
import type { RateLimiter } from "./rateLimiter";

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
}

export function defaultDeps(overrides: Partial<OperationDeps> = {}): OperationDeps {
  const reporter = overrides.reporter ?? pulumiReporter();
  return {
    clock: overrides.clock ?? systemClock,
    sleep: overrides.sleep ?? realSleep,
    random: overrides.random ?? Math.random,
    reporter,
    limiter: overrides.limiter,
    // A retry is worth a line: it is where a slow `pulumi up` spends its time.
    onRetry:
      overrides.onRetry ??
      ((action, err, n) => reporter.info(`${(err as Error).message}; retrying (attempt ${n + 1})`)),
  };
}
