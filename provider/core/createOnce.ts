/**
 * Sending a create that takes no idempotency token — none of the three vendors' does — without
 * ever taking two backups. When an attempt's outcome is unknown (no answer, a garbled one, a
 * gateway's error page), look for what it may have made, twice, before trying again. When the
 * vendor refused before acting (throttled, another flow holds the instance), wait our turn up to
 * the deadline.
 */
import { OperationDeps } from "./deps";
import { CloudApiError, RedisBackupError, ResponseValidationError, TransportError } from "./errors";
import { backoffDelay, defaultRetry } from "./retry";

export interface CreateOnceOptions<T> {
  /** The vendor's action, e.g. `ManualBackupInstance`, and what it acts on, e.g. `crs-xxx`: for log lines. */
  action: string;
  target: string;
  /** What a lost attempt may have made, for the log: "the backup it may have made". */
  lookingFor: string;
  send(): Promise<T>;
  /** What a lost attempt made, if anything. */
  find(): Promise<T | undefined>;
  /** Errors after which the attempt may or may not have acted; by default lost and garbled answers. */
  outcomeUnknown?(e: unknown): boolean;
  /** Refusals worth waiting out; by default vendor errors classified retryable. */
  refusedForNow?(e: unknown): boolean;
  /** How a refusal reads in the log; by default its code. */
  describeRefusal?(e: CloudApiError): string;
  deadline: number;
  deps: OperationDeps;
}

/** Lost or garbled answers: the attempt may have acted. */
export function lostOrGarbled(e: unknown): boolean {
  return (e instanceof TransportError && e.outcomeUnknown) || e instanceof ResponseValidationError;
}

export async function createOnce<T>(o: CreateOnceOptions<T>): Promise<T> {
  const { deps } = o;
  const unknown = o.outcomeUnknown ?? lostOrGarbled;
  const refused = o.refusedForNow ?? ((e: unknown) => e instanceof CloudApiError && e.retryable);
  // Lost answers in a row are bounded by a count (an endpoint that never answers is not waited out);
  // an answer of any kind, a refusal included, starts the count again. Everything is bounded by the
  // deadline: a lost attempt whose look found nothing made nothing, so trying again is safe.
  let lost = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.send();
    } catch (e) {
      if (unknown(e)) {
        lost++;
        deps.reporter.warn(
          `${o.target}: ${o.action} outcome unknown (${(e as Error).message}); looking for ${o.lookingFor} before trying again`,
        );
        for (let look = 0; look < 2; look++) {
          if (look > 0) await deps.sleep(2_000);
          const found = await lookPersistently(
            o.find,
            deps,
            `${o.action}'s outcome was unknown, so ${o.lookingFor} may exist`,
          );
          if (found !== undefined) return found;
        }
        if (lost >= defaultRetry.maxAttempts) throw e;
        continue;
      }
      if (e instanceof CloudApiError && refused(e)) {
        if (deps.clock.now() >= o.deadline) {
          e.message += "; still refused when waitTimeoutMinutes ran out";
          throw e;
        }
        lost = 0;
        const delay = Math.max(
          1_000,
          backoffDelay(Math.min(attempt, 6), { ...defaultRetry, random: deps.random }),
        );
        const why = o.describeRefusal?.(e) ?? e.code;
        deps.reporter.info(`${o.target}: ${why}; trying again in ${Math.round(delay / 1000)}s`);
        await deps.sleep(Math.min(delay, Math.max(0, o.deadline - deps.clock.now())));
        continue;
      }
      throw e;
    }
  }
}

/** Rounds of a look that keeps failing in a way worth asking again (each round is itself retried). */
const LOOK_ROUNDS = 4;

/**
 * A look for what an attempt may have made, kept up longer than an ordinary read: giving up here
 * is what would leave a backup nobody owns. When it still fails, the error says what may exist.
 */
export async function lookPersistently<T>(
  find: () => Promise<T>,
  deps: OperationDeps,
  mayExist: string,
): Promise<T> {
  for (let round = 1; ; round++) {
    try {
      return await find();
    } catch (e) {
      const again = e instanceof RedisBackupError && e.retryable && round < LOOK_ROUNDS;
      if (!again) {
        if (e instanceof Error) e.message += `; ${mayExist}: look for it before running \`pulumi up\` again`;
        throw e;
      }
      await deps.sleep(Math.max(1_000, backoffDelay(round + 3, { ...defaultRetry, random: deps.random })));
    }
  }
}
