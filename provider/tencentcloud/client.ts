/**
 * Tencent Cloud API 3.0 client for the Redis API: POST JSON, TC3-signed afresh on every attempt,
 * rate-limited per action, retried where that is safe, every answer checked by a zod schema.
 */
import type { z } from "zod";
import { learnClockSkew, serverNow } from "../core/clockSkew";
import { CloudApiError, ResponseValidationError } from "../core/errors";
import { HttpResponse, postText } from "../core/http";
import {
  CallOptions,
  InvokeDeps,
  MAX_RESPONSE_BYTES,
  describeBody,
  gatewayError,
  invoke,
  invokeDeps,
  tryParseJson,
  validateResponse,
} from "../core/invoke";
import { redact } from "../core/redact";
import { isRetryableTencentCode } from "./errors";
import { TENCENT_API_VERSION, TENCENT_SERVICE, TencentSettings } from "./settings";
import { signTc3 } from "./signer";

export type ClientDeps = InvokeDeps;

export type { CallOptions } from "../core/invoke";

const CONTENT_TYPE = "application/json";

export class TencentClient {
  private readonly deps: ClientDeps;

  constructor(
    readonly settings: TencentSettings,
    deps: Partial<ClientDeps> = {},
  ) {
    this.deps = invokeDeps(deps, settings.rateLimitPerSecond);
  }

  /** Calls `action` with `params` and returns the `Response` object, validated by `schema`. */
  call<S extends z.ZodType>(
    action: string,
    params: Record<string, unknown>,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    // Serialized once: exactly these bytes are hashed and sent, on every attempt.
    const body = JSON.stringify(params);
    const limiterKey = `tencentcloud ${this.settings.endpoint} ${action}`;
    return invoke(
      {
        action,
        idempotent: options.idempotent,
        limiterKey,
        attempt: () => this.attempt(action, body, schema),
      },
      this.deps,
    );
  }

  private async attempt<S extends z.ZodType>(action: string, body: string, schema: S): Promise<z.output<S>> {
    const signedAt = this.signingTime();
    let res = await this.send(action, body, signedAt);
    let envelope = parseEnvelope(action, res);
    if (
      envelope.error?.Code === "AuthFailure.SignatureExpire" &&
      learnClockSkew(this.settings.endpoint, res, this.deps.clock, signedAt)
    ) {
      // The server refused before doing anything, so one immediate re-send with corrected time is safe.
      res = await this.send(action, body, this.signingTime());
      envelope = parseEnvelope(action, res);
    }
    if (envelope.error) {
      const { Code, Message } = envelope.error;
      throw new CloudApiError("tencentcloud", action, Code, redact(Message), envelope.requestId, {
        retryable: isRetryableTencentCode(Code),
        httpStatus: res.status,
      });
    }
    return validateResponse(action, schema, envelope.response, envelope.requestId);
  }

  /** Now, by the server's clock as far as we know it, in milliseconds. */
  private signingTime(): number {
    return serverNow(this.settings.endpoint, this.deps.clock);
  }

  private send(action: string, body: string, signedAtMs: number): Promise<HttpResponse> {
    const s = this.settings;
    const url = new URL(s.endpoint);
    const timestamp = Math.floor(signedAtMs / 1000);
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

interface Envelope {
  response: Record<string, unknown>;
  requestId?: string;
  error?: { Code: string; Message: string };
}

/** Unwraps `{"Response": {...}}`; anything else is a transport-level or validation failure. */
function parseEnvelope(action: string, res: HttpResponse): Envelope {
  const json = tryParseJson(res.text);
  const response = (json as { Response?: unknown } | undefined)?.Response;
  if (response === null || typeof response !== "object" || Array.isArray(response)) {
    if (res.status !== 200) throw gatewayError(action, res);
    const what = json === undefined ? "body is not JSON" : "missing the Response object";
    throw new ResponseValidationError(action, [`${what} (${describeBody(res.text)})`], undefined, {
      retryable: json === undefined,
    });
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
