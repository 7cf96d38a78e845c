/**
 * Polls until a target state, a terminal failure or a deadline. Polls come every second at first,
 * then every `proportion` of the time waited so far (up to a cap), and the last one is squeezed in
 * at the deadline. So a task that takes D is seen done at most max(1 s, 10% of D) late, and a
 * wait of D costs about 10 + log₁.₁(D / 10 s) calls: 43 for ten minutes, 54 for half an hour.
 */
import { Clock, Sleep } from "./clock";
import { RedisBackupError, WaitTimeoutError } from "./errors";
import type { Reporter } from "./reporter";

/** @internal When the next poll comes: a floor, a fraction of the time waited, a ceiling. */
export interface PollSchedule {
  minDelayMs: number;
  /** Wait this fraction of the time already waited before the next poll. */
  proportion: number;
  maxDelayMs: number;
}

/** @internal Every second at first, then every tenth of the time waited, at most every 5 minutes. */
export const defaultPollSchedule: PollSchedule = { minDelayMs: 1_000, proportion: 0.1, maxDelayMs: 300_000 };

/** What one poll observed. */
export type PollOutcome<T> = { state: "done"; value: T } | { state: "pending"; status: string };

/** @internal What a wait polls, for how long, and where its progress goes. */
export interface WaitOptions<T> {
  /** Named in the timeout error, e.g. "backup task 123 of crs-xxx". */
  what: string;
  poll: () => Promise<PollOutcome<T>>;
  timeoutMs: number;
  clock: Clock;
  sleep: Sleep;
  schedule?: PollSchedule;
  /** Told of every status change (and once a minute while unchanged), for progress logs. */
  onProgress?: (status: string, elapsedMs: number) => void;
}

/**
 * A poll that failed in a way worth asking again (the client already retried it) does not end a
 * wait that may last half an hour: it counts as one more pending poll, and the deadline decides.
 */
function transientStatus(err: unknown): string | undefined {
  return err instanceof RedisBackupError && err.retryable ? `no answer (${err.message})` : undefined;
}

/**
 * The progress line every create logs while it waits, e.g.
 * `backup of crs-x: task 123 running (12s, timeout 30m)`; `describe` turns a status into words.
 */
export function progressReporter(
  reporter: Reporter,
  instance: string,
  timeoutMs: number,
  describe: (status: string) => string = (status) => status,
): (status: string, elapsedMs: number) => void {
  return (status, elapsedMs) =>
    reporter.info(
      `backup of ${instance}: ${describe(status)} (${Math.round(elapsedMs / 1000)}s, timeout ${Math.round(timeoutMs / 60_000)}m)`,
    );
}

/** The pause before the next poll, having waited `elapsedMs` so far. */
export function nextDelay(elapsedMs: number, s: PollSchedule): number {
  return Math.min(s.maxDelayMs, Math.max(s.minDelayMs, Math.round(elapsedMs * s.proportion)));
}

/** Polls `o.poll` until it is done, fails, or the deadline passes (see the module's comment). */
export async function waitFor<T>(o: WaitOptions<T>): Promise<T> {
  const schedule = o.schedule ?? defaultPollSchedule;
  const started = o.clock.now();
  const deadline = started + o.timeoutMs;
  let lastStatus: string | undefined;
  let lastReported = started;
  for (;;) {
    let outcome: PollOutcome<T>;
    try {
      outcome = await o.poll();
    } catch (err) {
      const status = transientStatus(err);
      if (status === undefined) throw err;
      outcome = { state: "pending", status: lastStatus ?? status };
    }
    if (outcome.state === "done") return outcome.value;
    const now = o.clock.now();
    if (outcome.status !== lastStatus || now - lastReported >= 60_000) {
      o.onProgress?.(outcome.status, now - started);
      lastReported = now;
    }
    lastStatus = outcome.status;
    if (now >= deadline) throw new WaitTimeoutError(o.what, lastStatus, (now - started) / 1000);
    await o.sleep(Math.min(nextDelay(now - started, schedule), deadline - now));
  }
}
