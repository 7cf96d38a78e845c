/**
 * The project's one error family. Every error a user can see is a RedisBackupError whose message
 * reads "<what we were doing>: <cause>", e.g.
 * `creating Redis backup of crs-xxx: ResourceUnavailable.InstanceLockedError: ... (RequestId 5f1c...)`.
 * A message is built once, when its error is made: adding what we were doing ({@link withContext})
 * or what the user should know ({@link withNote}) makes a new error of the same class.
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

/** What a vendor's error answer said, and what we make of it. */
export interface CloudApiErrorOptions {
  /** `tencentcloud`, `alicloud` or `ucloud`. */
  cloud: string;
  /** The API action, e.g. `ManualBackupInstance`. */
  action: string;
  /** The vendor's error code (UCloud's RetCode as a string). */
  code: string;
  /** The vendor's message, redacted. */
  message: string;
  requestId?: string;
  /** Whether the vendor refused before acting, so that the same call may succeed later. */
  retryable: boolean;
  httpStatus?: number;
}

/** The vendor answered with an error envelope (or an error HTTP status with one). */
export class CloudApiError extends RedisBackupError {
  override name = "CloudApiError";
  readonly cloud: string;
  readonly action: string;
  readonly code: string;
  /** The vendor's own message, as the message quotes it. */
  readonly apiMessage: string;
  readonly requestId?: string;
  readonly httpStatus?: number;
  constructor(o: CloudApiErrorOptions) {
    super(`${o.action}: ${o.code}: ${o.message}${requestIdNote(o.requestId)}`, { retryable: o.retryable });
    this.cloud = o.cloud;
    this.action = o.action;
    this.code = o.code;
    this.apiMessage = o.message;
    this.requestId = o.requestId;
    this.httpStatus = o.httpStatus;
  }
}

/** How a request failed to produce a vendor answer. */
export interface TransportErrorOptions {
  action: string;
  /** What happened, e.g. `no response within 30000 ms (request timeout)`. */
  detail: string;
  /** Whether the server may have performed the action anyway. */
  outcomeUnknown: boolean;
  retryable: boolean;
  httpStatus?: number;
  cause?: unknown;
}

/**
 * The request did not produce a vendor answer: network failure, timeout, an HTTP status without an
 * error envelope. `outcomeUnknown` says the server may have performed the action anyway.
 */
export class TransportError extends RedisBackupError {
  override name = "TransportError";
  readonly action: string;
  readonly outcomeUnknown: boolean;
  readonly httpStatus?: number;
  constructor(o: TransportErrorOptions) {
    super(`${o.action}: ${o.detail}`, { retryable: o.retryable, cause: o.cause });
    this.action = o.action;
    this.outcomeUnknown = o.outcomeUnknown;
    this.httpStatus = o.httpStatus;
  }
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
    super(`${action}: unexpected response: ${issues.join("; ")}${requestIdNote(requestId)}`, {
      retryable: options.retryable ?? false,
    });
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

const requestIdNote = (requestId: string | undefined) => (requestId ? ` (RequestId ${requestId})` : "");

/** Errors that already say what we were doing: the innermost context is the one a user reads. */
const inContext = new WeakSet<Error>();

/**
 * The error prefixed with what we were doing, as a new error of the same class and fields, so that
 * the message a user sees reads "creating Redis backup of crs-xxx: <cause>". An error that already
 * names what was being done keeps the words closest to the cause.
 */
export function withContext<E>(context: string, err: E): E {
  if (!(err instanceof Error) || inContext.has(err) || err.message.startsWith(`${context}: `)) return err;
  const restated = restate(err, `${context}: ${err.message}`);
  inContext.add(restated);
  return restated;
}

/** The error followed by `; <note>` (what exists, what to do next), as a new error of the same class. */
export function withNote<E extends Error>(err: E, note: string): E {
  const restated = restate(err, `${err.message}; ${note}`);
  if (inContext.has(err)) inContext.add(restated);
  return restated;
}

/** A copy of `err` (same prototype, same own fields) whose message is `message`. */
function restate<E extends Error>(err: E, message: string): E {
  const copy: E = Object.create(Object.getPrototypeOf(err), Object.getOwnPropertyDescriptors(err));
  Object.defineProperty(copy, "message", { value: message, writable: true, configurable: true });
  const head = `${err.name}: ${err.message}`;
  if (typeof err.stack === "string" && err.stack.startsWith(head)) {
    Object.defineProperty(copy, "stack", {
      value: `${err.name}: ${message}${err.stack.slice(head.length)}`,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
