/**
 * Alibaba Cloud RPC client for R-KVStore (2015-01-01): POST form-encoded, Format=JSON, signed with
 * RPC v1 afresh on every attempt (new SignatureNonce and Timestamp), rate-limited per action,
 * retried where that is safe, every answer checked by a zod schema.
 */
import { randomUUID } from "crypto";
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
import { TIMESTAMP_EXPIRED, isRetryableAnswer } from "./errors";
import { ALICLOUD_API_VERSION, AlicloudSettings } from "./settings";
import { RpcParams, formEncode, signedParameters } from "./signer";

export type ClientDeps = InvokeDeps;

export type { CallOptions } from "../core/invoke";

/** Business parameters; undefined ones are left out, numbers are sent as decimal strings. */
export type CallParams = Record<string, string | number | undefined>;

const CONTENT_TYPE = "application/x-www-form-urlencoded";

export class AlicloudClient {
  private readonly deps: ClientDeps;

  constructor(
    readonly settings: AlicloudSettings,
    deps: Partial<ClientDeps> = {},
  ) {
    this.deps = invokeDeps(deps, settings.rateLimitPerSecond);
  }

  /** Calls `action` and returns the response object, validated by `schema`. RegionId is always sent. */
  call<S extends z.ZodType>(
    action: string,
    params: CallParams,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const business: RpcParams = {
      Action: action,
      Version: ALICLOUD_API_VERSION,
      Format: "JSON",
      RegionId: this.settings.regionId,
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) business[k] = String(v);
    return invoke(
      {
        action,
        idempotent: options.idempotent,
        limiterKey: `alicloud ${this.settings.endpoint} ${action}`,
        attempt: () => this.attempt(action, business, schema, options.idempotent),
      },
      this.deps,
    );
  }

  private async attempt<S extends z.ZodType>(
    action: string,
    business: RpcParams,
    schema: S,
    idempotent: boolean,
  ): Promise<z.output<S>> {
    let sent = await this.send(action, business);
    let res = sent.res;
    let answer = parseAnswer(action, res);
    if (answer.error?.Code === TIMESTAMP_EXPIRED) {
      if (learnClockSkew(this.settings.endpoint, res, this.deps.clock, sent.timestamp)) {
        // Refused before anything happened: one immediate re-send, signed with the corrected time.
        sent = await this.send(action, business);
        res = sent.res;
        answer = parseAnswer(action, res);
      }
    }
    if (answer.error) {
      const { Code, Message } = answer.error;
      throw new CloudApiError("alicloud", action, Code, redact(Message), answer.requestId, {
        retryable: isRetryableAnswer(Code, Message, res.status, idempotent),
        httpStatus: res.status,
      });
    }
    return validateResponse(action, schema, answer.body, answer.requestId);
  }

  /** Signs (fresh nonce and timestamp) and sends one request. */
  private async send(action: string, business: RpcParams): Promise<{ res: HttpResponse; timestamp: number }> {
    const s = this.settings;
    const timestamp = serverNow(s.endpoint, this.deps.clock);
    const params = signedParameters(business, {
      method: "POST",
      accessKeyId: s.accessKeyId,
      accessKeySecret: s.accessKeySecret,
      securityToken: s.securityToken,
      timestamp,
      nonce: randomUUID(),
    });
    const res = await postText({
      action,
      url: `${s.endpoint}/`,
      headers: { "Content-Type": CONTENT_TYPE, Accept: "application/json" },
      body: formEncode(params),
      timeoutMs: s.requestTimeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
    return { res, timestamp };
  }
}

interface Answer {
  body: Record<string, unknown>;
  requestId?: string;
  error?: { Code: string; Message: string };
}

/**
 * Success is HTTP 2xx with a JSON object; an error is HTTP 4xx/5xx with `{Code, Message, RequestId}`.
 * An error status without that envelope is a gateway's page (outcome unknown).
 */
function parseAnswer(action: string, res: HttpResponse): Answer {
  const json = tryParseJson(res.text);
  const isObject = json !== null && typeof json === "object" && !Array.isArray(json);
  const body = (isObject ? json : {}) as Record<string, unknown>;
  const requestId = typeof body.RequestId === "string" ? body.RequestId : undefined;
  if (res.status >= 300) {
    if (typeof body.Code !== "string" || body.Code === "") throw redacted(gatewayError(action, res));
    return { body, requestId, error: { Code: body.Code, Message: String(body.Message ?? "") } };
  }
  if (!isObject) {
    const what = json === undefined ? "body is not JSON" : "body is not a JSON object";
    // A body that is not even JSON (truncated, a proxy's page) may well read right a second time.
    throw new ResponseValidationError(action, [redact(`${what} (${describeBody(res.text)})`)], undefined, {
      retryable: json === undefined,
    });
  }
  return { body, requestId };
}

/** Quotes of a body (a proxy's page may echo anything) pass through the redactor too. */
function redacted<E extends Error>(err: E): E {
  err.message = redact(err.message);
  return err;
}
