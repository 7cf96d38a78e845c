/**
 * Tencent Cloud API 3.0 client for the Redis API: POST JSON, TC3-signed afresh on every attempt,
 * rate-limited per action, retried where that is safe, every answer checked by a zod schema.
 */
import type { z } from "zod";
import { Clock, Sleep, realSleep, systemClock } from "../core/clock";
import { CloudApiError, ResponseValidationError, TransportError } from "../core/errors";
import { HttpResponse, postText } from "../core/http";
import { RateLimiter, processRateLimiter } from "../core/rateLimiter";
import { redact } from "../core/redact";
import { defaultRetry, withRetry } from "../core/retry";
import { formatIssues } from "../core/validation";
import { isRetryableTencentCode } from "./errors";
import { TENCENT_API_VERSION, TENCENT_SERVICE, TencentSettings } from "./settings";
import { signTc3 } from "./signer";

export interface ClientDeps {
  clock: Clock;
  sleep: Sleep;
  random: () => number;
  limiter: RateLimiter;
  /** Told of every retry, e.g. to count them or log them. */
  onRetry?: (action: string, err: unknown, attempt: number) => void;
}

export interface CallOptions {
  /** False for calls that change something: their transport failures with an unknown outcome are never retried here. */
  idempotent: boolean;
}

const CONTENT_TYPE = "application/json";
const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** Server time minus local time, learnt from the Date header after AuthFailure.SignatureExpire. */
const clockSkewMs = new Map<string, number>();

export class TencentClient {
  private readonly deps: ClientDeps;

  constructor(
    readonly settings: TencentSettings,
    deps: Partial<ClientDeps> = {},
  ) {
    this.deps = {
      clock: deps.clock ?? systemClock,
      sleep: deps.sleep ?? realSleep,
      random: deps.random ?? Math.random,
      limiter: deps.limiter ?? processRateLimiter(settings.rateLimitPerSecond),
      onRetry: deps.onRetry,
    };
  }

  /** Calls `action` with `params` and returns the `Response` object, validated by `schema`. */
  async call<S extends z.ZodType>(
    action: string,
    params: Record<string, unknown>,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    // Serialized once: exactly these bytes are hashed and sent, on every attempt.
    const body = JSON.stringify(params);
    const { clock, sleep, random } = this.deps;
    return withRetry(() => this.attempt(action, body, schema), {
      ...defaultRetry,
      clock,
      sleep,
      random,
      shouldRetry: (err) => isRetryable(err, options.idempotent),
      onRetry: (err, n) => this.deps.onRetry?.(action, err, n),
    });
  }

  private async attempt<S extends z.ZodType>(action: string, body: string, schema: S) {
    await this.deps.limiter.acquire(`tencentcloud ${this.settings.endpoint} ${action}`);
    let res = await this.send(action, body);
    let envelope = parseEnvelope(action, res);
    if (
      envelope.error?.Code === "AuthFailure.SignatureExpire" &&
      learnSkew(this.settings.endpoint, res, this.deps.clock)
    ) {
      // The server refused before doing anything, so one immediate re-send with corrected time is safe.
      res = await this.send(action, body);
      envelope = parseEnvelope(action, res);
    }
    if (envelope.error) {
      const { Code, Message } = envelope.error;
      throw new CloudApiError("tencentcloud", action, Code, redact(Message), envelope.requestId, {
        retryable: isRetryableTencentCode(Code),
        httpStatus: res.status,
      });
    }
    const parsed = schema.safeParse(envelope.response);
    if (!parsed.success)
      throw new ResponseValidationError(action, formatIssues(parsed.error), envelope.requestId);
    return parsed.data as z.output<S>;
  }

  private send(action: string, body: string): Promise<HttpResponse> {
    const s = this.settings;
    const url = new URL(s.endpoint);
    const timestamp = Math.floor((this.deps.clock.now() + (clockSkewMs.get(s.endpoint) ?? 0)) / 1000);
    const headers: Record<string, string> = {
      "Content-Type": CONTENT_TYPE,
      Host: url.host,
      "X-TC-Action": action,
      "X-TC-Version": TENCENT_API_VERSION,
      "X-TC-Timestamp": String(timestamp),
      "X-TC-Region": s.region,
      Authorization: signTc3({
        secretId: s.secretId,
        secretKey: s.secretKey,
        host: url.host,
        service: TENCENT_SERVICE,
        contentType: CONTENT_TYPE,
        payload: body,
        timestamp,
      }),
    };
    if (s.token) headers["X-TC-Token"] = s.token;
    return postText({
      action,
      url: `${url.origin}/`,
      headers,
      body,
      timeoutMs: s.requestTimeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
  }
}

function isRetryable(err: unknown, idempotent: boolean): boolean {
  if (err instanceof TransportError) return err.retryable && (idempotent || !err.outcomeUnknown);
  if (err instanceof CloudApiError) return err.retryable;
  return false;
}

interface Envelope {
  response: Record<string, unknown>;
  requestId?: string;
  error?: { Code: string; Message: string };
}

/** Unwraps `{"Response": {...}}`; anything else is a transport-level or validation failure. */
function parseEnvelope(action: string, res: HttpResponse): Envelope {
  let json: unknown;
  try {
    json = JSON.parse(res.text);
  } catch {
    json = undefined;
  }
  const response = (json as { Response?: unknown } | undefined)?.Response;
  if (response === null || typeof response !== "object" || Array.isArray(response)) {
    if (res.status !== 200) {
      // A gateway error page: the request may or may not have reached the service.
      throw new TransportError(action, `HTTP ${res.status} without a Tencent Cloud response`, true, {
        retryable: res.status >= 500 || res.status === 429,
        httpStatus: res.status,
      });
    }
    const what = json === undefined ? "body is not JSON" : "missing the Response object";
    throw new ResponseValidationError(action, [`${what} (${describeBody(res.text)})`]);
  }
  const r = response as Record<string, unknown>;
  const requestId = typeof r.RequestId === "string" ? r.RequestId : undefined;
  const e = r.Error as { Code?: unknown; Message?: unknown } | undefined;
  if (e !== undefined) {
    if (e === null || typeof e !== "object" || typeof e.Code !== "string") {
      throw new ResponseValidationError(action, ["Response.Error has no Code"], requestId);
    }
    return { response: r, requestId, error: { Code: e.Code, Message: String(e.Message ?? "") } };
  }
  return { response: r, requestId };
}

function describeBody(text: string): string {
  if (text.length === 0) return "empty body";
  const head = text.slice(0, 80).replace(/\s+/g, " ");
  return `${text.length} bytes starting "${head}${text.length > 80 ? "…" : ""}"`;
}

/** Records the server's clock from its Date header; true when that changed what we will send. */
function learnSkew(endpoint: string, res: HttpResponse, clock: Clock): boolean {
  const serverMs = Date.parse(res.headers["date"] ?? "");
  if (!Number.isFinite(serverMs)) return false;
  const skew = serverMs - clock.now();
  const previous = clockSkewMs.get(endpoint) ?? 0;
  clockSkewMs.set(endpoint, skew);
  return Math.abs(skew - previous) > 60_000;
}
