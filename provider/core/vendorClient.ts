/**
 * One API client for every vendor: wait for the rate limiter, sign each attempt afresh, send it,
 * read the vendor's envelope, learn the server's clock when it refuses our timestamp, and retry
 * what is safe to retry. Each cloud supplies only its {@link WireProtocol}: how a call is
 * prepared, signed and unwrapped, and which of its error codes mean "try again".
 */
import type { z } from "zod";
import { Clock, Sleep, Timeline, realSleep, systemClock } from "./clock";
import { learnClockSkew, serverNow } from "./clockSkew";
import { CloudApiError, ResponseValidationError, TransportError } from "./errors";
import { HttpResponse, postText } from "./http";
import { RateLimiter, processRateLimiter } from "./rateLimiter";
import { redact } from "./redact";
import { MAX_RESPONSE_BYTES, validateResponse } from "./responses";
import { defaultRetry, withRetry } from "./retry";

/** How a call may be retried. */
export interface CallOptions {
  /** False for calls that change something: an unknown outcome is never retried by the client. */
  idempotent: boolean;
}

/** What a client needs from the outside world; tests pass their own. */
export interface ClientDeps {
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  limiter: RateLimiter;
  /** The timeline the process-wide limiter keeps when no `limiter` is given; real time by default. */
  timeline?: Timeline;
  onRetry?: (action: string, err: unknown, attempt: number) => void;
}

/** What every cloud's settings give the client. */
export interface ClientSettings {
  /** Base URL without a trailing slash; a path is kept (e.g. `http://127.0.0.1:8787/alicloud`). */
  endpoint: string;
  /** How long one attempt may wait for its answer. */
  requestTimeoutMs: number;
  /** Calls per second per action this process allows itself; 0: no client-side limit. */
  rateLimitPerSecond: number;
  /** An HTTP proxy (`http://host:port`): http:// endpoints in absolute form, https:// through a CONNECT tunnel. */
  proxy?: string;
}

/** One attempt, ready for the wire. */
export interface SignedRequest {
  /** POST unless the vendor documents another method for the action. */
  method?: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A vendor's error answer. */
export interface VendorError {
  code: string;
  message: string;
}

/** A vendor's answer, unwrapped: its payload (checked by the call's schema), or its error. */
export interface Envelope {
  payload: Record<string, unknown>;
  requestId?: string;
  error?: VendorError;
}

/** How one vendor's API is spoken. `Params` are a call's parameters; `Prepared` what every attempt of it reuses. */
export interface WireProtocol<S extends ClientSettings, Params, Prepared> {
  /** `tencentcloud`, `alicloud` or `ucloud`: names the vendor in errors and rate-limiter keys. */
  readonly cloud: string;
  /** Once per call: the part every attempt sends alike (exactly these bytes are signed and sent). */
  prepare(action: string, params: Params, settings: S): Prepared;
  /** Once per attempt: the request, signed at `signedAtMs` (the server's time, as well as we know it). */
  sign(action: string, prepared: Prepared, signedAtMs: number, settings: S): SignedRequest;
  /**
   * The envelope of an answer. An answer that is none throws: a TransportError for a gateway's
   * page (see `gatewayError`), a ResponseValidationError for a body that makes no sense.
   */
  unwrap(action: string, res: HttpResponse): Envelope;
  /** Whether an error answer is worth another attempt (the vendor refused before acting). */
  isRetryable(error: VendorError, httpStatus: number, idempotent: boolean): boolean;
  /** The code that refuses a request for its timestamp; unset when the protocol signs no time. */
  readonly clockSkewCode?: string;
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

/** A client of one vendor's API, for one set of settings. */
export class VendorClient<S extends ClientSettings, Params, Prepared> {
  private readonly deps: ClientDeps;

  constructor(
    readonly settings: S,
    private readonly protocol: WireProtocol<S, Params, Prepared>,
    deps: Partial<ClientDeps> = {},
  ) {
    this.deps = {
      clock: deps.clock ?? systemClock,
      sleep: deps.sleep ?? realSleep,
      random: deps.random ?? Math.random,
      limiter: deps.limiter ?? processRateLimiter(settings.rateLimitPerSecond, deps.timeline),
      onRetry: deps.onRetry,
    };
  }

  /** Calls `action` with `params` and returns the payload, validated by `schema`. */
  call<R extends z.ZodType>(
    action: string,
    params: Params,
    schema: R,
    options: CallOptions,
  ): Promise<z.output<R>> {
    const prepared = this.protocol.prepare(action, params, this.settings);
    const limiterKey = `${this.protocol.cloud} ${this.settings.endpoint} ${action}`;
    return withRetry(
      async () => {
        const release = await this.deps.limiter.acquire(limiterKey);
        try {
          return await this.attempt(action, prepared, schema, options.idempotent);
        } finally {
          release();
        }
      },
      {
        ...defaultRetry,
        clock: this.deps.clock,
        sleep: this.deps.sleep,
        random: this.deps.random,
        shouldRetry: (err) => isSafeToRetry(err, options.idempotent),
        onRetry: (err, n) => this.deps.onRetry?.(action, err, n),
      },
    );
  }

  private async attempt<R extends z.ZodType>(
    action: string,
    prepared: Prepared,
    schema: R,
    idempotent: boolean,
  ): Promise<z.output<R>> {
    const { endpoint } = this.settings;
    const signedAt = serverNow(endpoint, this.deps.clock);
    let res = await this.send(action, prepared, signedAt);
    let envelope = this.protocol.unwrap(action, res);
    if (
      envelope.error !== undefined &&
      envelope.error.code === this.protocol.clockSkewCode &&
      learnClockSkew(endpoint, res, this.deps.clock, signedAt)
    ) {
      // The server refused before doing anything, so one immediate re-send with corrected time is safe.
      res = await this.send(action, prepared, serverNow(endpoint, this.deps.clock));
      envelope = this.protocol.unwrap(action, res);
    }
    if (envelope.error) {
      throw new CloudApiError({
        cloud: this.protocol.cloud,
        action,
        code: envelope.error.code,
        message: redact(envelope.error.message),
        requestId: envelope.requestId,
        retryable: this.protocol.isRetryable(envelope.error, res.status, idempotent),
        httpStatus: res.status,
      });
    }
    return validateResponse(action, schema, envelope.payload, envelope.requestId);
  }

  private send(action: string, prepared: Prepared, signedAtMs: number): Promise<HttpResponse> {
    const request = this.protocol.sign(action, prepared, signedAtMs, this.settings);
    return postText({
      action,
      ...request,
      proxy: this.settings.proxy,
      timeoutMs: this.settings.requestTimeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
  }
}
