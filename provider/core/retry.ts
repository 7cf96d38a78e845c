/**
 * Retry with exponential backoff and full jitter, bounded by attempts and by a time budget.
 * Which errors are worth another attempt is the caller's call (each vendor classifies its own).
 */
import { Clock, Sleep } from "./clock";

/** @internal How often and how long a call is tried, and what is worth another attempt. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** No new attempt starts once this much time has passed since the first. */
  budgetMs: number;
  shouldRetry(err: unknown, attempt: number): boolean;
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  /** Told before each wait, e.g. to count retries or log them. */
  onRetry?(err: unknown, attempt: number, delayMs: number): void;
}

/** @internal The retry bounds every client uses: six attempts, half a second to 8 s apart, a minute in all. */
export const defaultRetry = {
  maxAttempts: 6,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  budgetMs: 60_000,
} as const;

/** The delay before retry number `attempt` (1-based): uniform in [0, min(max, base·2^(attempt-1))]. */
export function backoffDelay(
  attempt: number,
  o: Pick<RetryOptions, "baseDelayMs" | "maxDelayMs" | "random">,
) {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * o.random());
}

/** @internal Runs `attempt` until it succeeds or `o` says to stop (see RetryOptions). */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, o: RetryOptions): Promise<T> {
  const started = o.clock.now();
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      const delay = backoffDelay(n, o);
      const outOfBudget = o.clock.now() + delay - started > o.budgetMs;
      if (n >= o.maxAttempts || outOfBudget || !o.shouldRetry(err, n)) throw err;
      o.onRetry?.(err, n, delay);
      await o.sleep(delay);
    }
  }
}
