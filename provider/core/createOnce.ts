/**
 * Sending a create that takes no idempotency token — none of the three vendors' does — without
 * ever taking two backups. When an attempt's outcome is unknown (no answer, a garbled one, a
 * gateway's error page), look for what it may have made, twice, before trying again. When the
 * vendor refused before acting (throttled, another flow holds the instance), wait our turn up to
 * the deadline.
 */
import { OperationDeps } from "./deps";
import { CloudApiError, RedisBackupError, ResponseValidationError, TransportError, withNote } from "./errors";
import { backoffDelay, defaultRetry } from "./retry";

/** How one vendor's create is sent once: the call, and how to find what a lost attempt made. */
export interface CreateOnceOptions<T> {
  /** The vendor's action, e.g. `ManualBackupInstance`, and what it acts on, e.g. `crs-xxx`: for log lines. */
  action: string;
  target: string;
  /** What a lost attempt may have made, for the log: "the backup it may have made". */
  lookingFor: string;
  send(): Promise<T>;
  /** What a lost attempt made, if anything. */
  find(): Promise<T | undefined>;
  /**
   * Set when the marker `find` looks for is derived from the resource's generation (not drawn at
   * random), so that what it finds before the first attempt was made by an interrupted `pulumi up`
   * of this very resource generation: it is adopted instead of taking another, and this says so.
   */
  madeEarlier?(found: T): string;
  /** Errors after which the attempt may or may not have acted; by default lost and garbled answers. */
  outcomeUnknown?(e: unknown): boolean;
  /** Refusals worth waiting out; by default vendor errors classified retryable. */
  refusedForNow?(e: unknown): boolean;
  /** How a refusal reads in the log; by default its code. */
  describeRefusal?(e: CloudApiError): string;
  /**
   * Creates under the same key run one at a time in this process, from their first attempt to
   * their answer (Alibaba's, which tells its jobs apart by what appeared since each attempt).
   */
  exclusiveKey?: string;
  deadline: number;
  deps: OperationDeps;
}

/** The create running now under each exclusive key, for the next one to wait for. */
const running = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(key: string | undefined, run: () => Promise<T>): Promise<T> {
  if (key === undefined) return run();
  const previous = running.get(key) ?? Promise.resolve();
  const mine = previous.catch(() => undefined).then(run);
  running.set(key, mine);
  try {
    return await mine;
  } finally {
    if (running.get(key) === mine) running.delete(key);
  }
}

/** Lost or garbled answers: the attempt may have acted. */
export function lostOrGarbled(e: unknown): boolean {
  return (e instanceof TransportError && e.outcomeUnknown) || e instanceof ResponseValidationError;
}

/** Sends `o.send` until it answers, never twice for one backup (see the module's comment). */
export function createOnce<T>(o: CreateOnceOptions<T>): Promise<T> {
  return oneAtATime(o.exclusiveKey, () => sendOnce(o));
}

async function sendOnce<T>(o: CreateOnceOptions<T>): Promise<T> {
  const { deps } = o;
  if (o.madeEarlier) {
    const earlier = await lookPersistently(
      o.find,
      deps,
      `an interrupted \`pulumi up\` may have made ${o.lookingFor}`,
    );
    if (earlier !== undefined) {
      deps.reporter.info(`${o.target}: ${o.madeEarlier(earlier)}`);
      return earlier;
    }
  }
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
        if (deps.clock.now() >= o.deadline)
          throw withNote(e, "still refused when waitTimeoutMinutes ran out");
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
        throw e instanceof Error
          ? withNote(e, `${mayExist}: look for it before running \`pulumi up\` again`)
          : e;
      }
      await deps.sleep(Math.max(1_000, backoffDelay(round + 3, { ...defaultRetry, random: deps.random })));
    }
  }
}
