/**
 * Polls until a target state, a terminal failure or a deadline. Polls come every 1.5 s at first,
 * then every `proportion` (2.5%) of the time waited so far (up to a cap), and the last one is
 * squeezed in at the deadline. A task that takes D is seen done at most one gap late, and the gap
 * before D is at most max(1.5 s, 2.5% of D): within max(2 s, 3% of D) with room for the calls that
 * follow. A wait of D costs 1 + D / 1.5 s polls up to a minute, then log₁.₀₂₅(D / 60 s) more: 41
 * for a minute, 107 for five, 135 for ten, 179 for half an hour, 207 for an hour (~log D); and
 * never more than one poll per 1.5 s per create, so 20 creates at once poll 13 times a second.
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

/**
 * @internal Every 1.5 s at first, then every 2.5% of the time waited (from a minute on), at most
 * every 5 minutes (from 3⅓ hours on). The lateness a user sees is the gap before the poll that
 * finds the task done; 1.5 s and 2.5% keep it under 2 s and 3% of D with half a second, or 0.5%
 * of D, to spare for the calls that follow (listing, detail) and a busy machine.
 */
export const defaultPollSchedule: PollSchedule = {
  minDelayMs: 1_500,
  proportion: 0.025,
  maxDelayMs: 300_000,
};

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
      `backup of ${instance}: ${describe(status)} (${Math.round(elapsedMs / 1000)}s, timeout ${budget(timeoutMs)})`,
    );
}

/** A wait's budget as the progress line says it: minutes, or seconds under one (customTimeouts of `20s`). */
const budget = (ms: number) => (ms < 60_000 ? `${Math.round(ms / 1000)}s` : `${Math.round(ms / 60_000)}m`);

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
