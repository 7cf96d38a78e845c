/**
 * The project's one error family. Every error a user can see is a RedisBackupError whose message
 * reads "<what we were doing>: <cause>", e.g.
 * `creating Redis backup of crs-xxx: ResourceUnavailable.InstanceLockedError: ... (RequestId 5f1c...)`.
 */

/** Base class: `instanceof RedisBackupError` catches everything this package raises on purpose. */
export class RedisBackupError extends Error {
  override name = "RedisBackupError";
  /** Whether trying the same call again later may succeed. */
  readonly retryable: boolean;
  constructor(message: string, options: { retryable?: boolean; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryable = options.retryable ?? false;
  }
}

/** The vendor answered with an error envelope (or an error HTTP status with one). */
export class CloudApiError extends RedisBackupError {
  override name = "CloudApiError";
  constructor(
    readonly cloud: string,
    readonly action: string,
    readonly code: string,
    readonly apiMessage: string,
    readonly requestId: string | undefined,
    options: { retryable: boolean; httpStatus?: number },
  ) {
    super(`${action}: ${code}: ${apiMessage}${requestId ? ` (RequestId ${requestId})` : ""}`, options);
    this.httpStatus = options.httpStatus;
  }
  readonly httpStatus?: number;
}

/**
 * The request did not produce a vendor answer: network failure, timeout, an HTTP status without an
 * error envelope. `outcomeUnknown` says the server may have performed the action anyway.
 */
export class TransportError extends RedisBackupError {
  override name = "TransportError";
  constructor(
    readonly action: string,
    detail: string,
    readonly outcomeUnknown: boolean,
    options: { retryable: boolean; httpStatus?: number; cause?: unknown },
  ) {
    super(`${action}: ${detail}`, options);
    this.httpStatus = options.httpStatus;
  }
  readonly httpStatus?: number;
}

/**
 * The vendor answered, but not with the shape its documentation promises. Deliberately not a
 * CloudApiError: the call itself succeeded. `retryable` is set for bodies that are not even JSON
 * (a truncated answer, a proxy's page), which a second read may well get right.
 */
export class ResponseValidationError extends RedisBackupError {
  override name = "ResponseValidationError";
  constructor(
    readonly action: string,
    readonly issues: string[],
    readonly requestId?: string,
    options: { retryable?: boolean } = {},
  ) {
    super(
      `${action}: unexpected response: ${issues.join("; ")}${requestId ? ` (RequestId ${requestId})` : ""}`,
      { retryable: options.retryable ?? false },
    );
  }
}

/** Waiting for a backup or task gave up at its deadline. */
export class WaitTimeoutError extends RedisBackupError {
  override name = "WaitTimeoutError";
  constructor(
    what: string,
    readonly lastStatus: string | undefined,
    readonly waitedSeconds: number,
  ) {
    super(
      `timed out after ${Math.round(waitedSeconds)}s waiting for ${what}` +
        (lastStatus === undefined ? "" : `; last status: ${lastStatus}`),
    );
  }
}

/** The vendor reported the operation itself failed (a failed task, a backup in an error state). */
export class OperationFailedError extends RedisBackupError {
  override name = "OperationFailedError";
}

/** The thing looked for does not exist (or no longer). */
export class NotFoundError extends RedisBackupError {
  override name = "NotFoundError";
}

/** Credentials or settings are missing; names what to set. */
export class ConfigurationError extends RedisBackupError {
  override name = "ConfigurationError";
}

/**
 * Prefixes an error with what we were doing, keeping its class and fields, so that the message
 * a user sees reads "creating Redis backup of crs-xxx: <cause>".
 */
export function withContext<E>(context: string, err: E): E {
  if (err instanceof Error && !err.message.startsWith(`${context}: `)) {
    err.message = `${context}: ${err.message}`;
  }
  return err;
}
