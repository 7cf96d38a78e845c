/**
 * How every cloud's client makes one API call: wait for the rate limiter, attempt, and retry what
 * is safe to retry. Each adapter supplies only its own attempt (sign, send, interpret).
 */
import type { z } from "zod";
import { Clock, Sleep, realSleep, systemClock } from "./clock";
import { CloudApiError, ResponseValidationError, TransportError } from "./errors";
import { HttpResponse } from "./http";
import { RateLimiter, processRateLimiter } from "./rateLimiter";
import { defaultRetry, withRetry } from "./retry";
import { redact } from "./redact";
import { formatIssues } from "./validation";

/** How a call may be retried. */
export interface CallOptions {
  /** False for calls that change something: an unknown outcome is never retried by the client. */
  idempotent: boolean;
}

/** Responses larger than this are refused rather than buffered (every vendor's answers are small). */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

export interface InvokeDeps {
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  limiter: RateLimiter;
  onRetry?: (action: string, err: unknown, attempt: number) => void;
}

/**
 * Retry only what cannot do harm: vendor errors classified retryable (the server refused before
 * acting), and transport failures or garbled answers — for calls that change something, only
 * transport failures known not to have reached the server.
 */
export function isSafeToRetry(err: unknown, idempotent: boolean): boolean {
  if (err instanceof TransportError) return err.retryable && (idempotent || !err.outcomeUnknown);
  if (err instanceof CloudApiError) return err.retryable;
  // A garbled answer to a read can be asked again; to a write, its outcome is unknown.
  if (err instanceof ResponseValidationError) return err.retryable && idempotent;
  return false;
}

export function invoke<T>(
  o: { action: string; idempotent: boolean; limiterKey: string; attempt: () => Promise<T> },
  deps: InvokeDeps,
): Promise<T> {
  return withRetry(
    async () => {
      const release = await deps.limiter.acquire(o.limiterKey);
      try {
        return await o.attempt();
      } finally {
        release();
      }
    },
    {
      ...defaultRetry,
      clock: deps.clock,
      sleep: deps.sleep,
      random: deps.random,
      shouldRetry: (err) => isSafeToRetry(err, o.idempotent),
      onRetry: (err, n) => deps.onRetry?.(o.action, err, n),
    },
  );
}

/** The body as JSON, or undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A short, safe description of a body for error messages (a proxy page may echo a header). */
export function describeBody(text: string): string {
  if (text.length === 0) return "empty body";
  const head = redact(text.slice(0, 80).replace(/\s+/g, " "));
  return `${text.length} bytes starting "${head}${text.length > 80 ? "…" : ""}"`;
}

/** An HTTP error status with no vendor envelope: a gateway's page; the outcome is unknown. */
export function gatewayError(action: string, res: HttpResponse): TransportError {
  return new TransportError(
    action,
    `HTTP ${res.status} without a vendor response (${describeBody(res.text)})`,
    true,
    {
      retryable: res.status >= 500 || res.status === 429,
      httpStatus: res.status,
    },
  );
}

/** Checks a vendor response against its schema; a mismatch names the action and the fields. */
export function validateResponse<S extends z.ZodType>(
  action: string,
  schema: S,
  data: unknown,
  requestId: string | undefined,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ResponseValidationError(action, formatIssues(parsed.error), requestId);
  return parsed.data;
}

/** Fills in the real clock, sleep, randomness and the process-wide limiter. */
export function invokeDeps(partial: Partial<InvokeDeps>, rateLimitPerSecond: number): InvokeDeps {
  return {
    clock: partial.clock ?? systemClock,
    sleep: partial.sleep ?? realSleep,
    random: partial.random ?? Math.random,
    limiter: partial.limiter ?? processRateLimiter(rateLimitPerSecond),
    onRetry: partial.onRetry,
  };
}
