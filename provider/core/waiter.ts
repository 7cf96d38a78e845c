/**
 * Polls until a target state, a terminal failure or a deadline. The first poll comes soon, later
 * ones back off up to a cap, and the last one is squeezed in just before the deadline.
 */
import { Clock, Sleep } from "./clock";
import { RedisBackupError, WaitTimeoutError } from "./errors";

export interface PollSchedule {
  firstDelayMs: number;
  factor: number;
  maxDelayMs: number;
}

/** 1 s, then ×1.5 up to 15 s: quick for short tasks, and under 5 calls a minute on long ones. */
export const defaultPollSchedule: PollSchedule = { firstDelayMs: 1_000, factor: 1.5, maxDelayMs: 15_000 };

/** What one poll observed. */
export type PollOutcome<T> = { state: "done"; value: T } | { state: "pending"; status: string };

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

export function nextDelay(previous: number | undefined, s: PollSchedule): number {
  return previous === undefined ? s.firstDelayMs : Math.min(s.maxDelayMs, Math.round(previous * s.factor));
}

export async function waitFor<T>(o: WaitOptions<T>): Promise<T> {
  const schedule = o.schedule ?? defaultPollSchedule;
  const started = o.clock.now();
  const deadline = started + o.timeoutMs;
  let delay: number | undefined;
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
    delay = nextDelay(delay, schedule);
    await o.sleep(Math.min(delay, deadline - now));
  }
}
