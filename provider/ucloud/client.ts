/**
 * UCloud API client: POST form-encoded to the gateway (https://api.ucloud.cn), every parameter
 * signed (signer.ts), rate-limited per action, retried where that is safe, every answer checked by
 * a zod schema. `RetCode ≠ 0` is a CloudApiError whose code is the RetCode.
 *
 * A UCloud signature has no timestamp or nonce, so a request is signed once and the very same
 * bytes are sent on every attempt.
 */
import type { z } from "zod";
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
import { isRetryableRetCode } from "./errors";
import { UCloudSettings } from "./settings";
import { UCloudParams, encodeForm, signParams } from "./signer";

export type ClientDeps = InvokeDeps;

export type { CallOptions } from "../core/invoke";

const CONTENT_TYPE = "application/x-www-form-urlencoded";
/** Where the gateway puts its request id (ucloud-sdk-go `ucloud/client.go`). */
const REQUEST_UUID_HEADER = "x-ucloud-request-uuid";

export class UCloudClient {
  private readonly deps: ClientDeps;

  constructor(
    readonly settings: UCloudSettings,
    deps: Partial<ClientDeps> = {},
  ) {
    this.deps = invokeDeps(deps, settings.rateLimitPerSecond);
  }

  /**
   * Calls `action` with `params` (Region, and Zone and ProjectId when set, are added) and returns
   * the response object, validated by `schema`. Parameters the caller sets win over the settings'.
   */
  call<S extends z.ZodType>(
    action: string,
    params: UCloudParams,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const s = this.settings;
    const signed = signParams(
      { Region: s.region, Zone: s.zone, ProjectId: s.projectId, ...params, Action: action },
      { publicKey: s.publicKey, privateKey: s.privateKey, securityToken: s.securityToken },
    );
    const body = encodeForm(signed);
    return invoke(
      {
        action,
        idempotent: options.idempotent,
        limiterKey: `ucloud ${s.endpoint} ${action}`,
        attempt: () => this.attempt(action, body, schema, options),
      },
      this.deps,
    );
  }

  private async attempt<S extends z.ZodType>(
    action: string,
    body: string,
    schema: S,
    options: CallOptions,
  ): Promise<z.output<S>> {
    const res = await postText({
      action,
      // ?Action= is only for logs and proxies, as the Go SDK does; the signed form body is what counts.
      url: `${this.settings.endpoint}/?Action=${encodeURIComponent(action)}`,
      headers: { "Content-Type": CONTENT_TYPE },
      body,
      timeoutMs: this.settings.requestTimeoutMs,
      maxResponseBytes: MAX_RESPONSE_BYTES,
    });
    const envelope = parseEnvelope(action, res);
    if (envelope.retCode !== 0) {
      throw new CloudApiError(
        "ucloud",
        action,
        String(envelope.retCode),
        redact(envelope.message),
        envelope.requestId,
        { retryable: isRetryableRetCode(envelope.retCode, options.idempotent), httpStatus: res.status },
      );
    }
    return validateResponse(action, schema, envelope.response, envelope.requestId);
  }
}

interface Envelope {
  response: Record<string, unknown>;
  retCode: number;
  message: string;
  requestId?: string;
}

/**
 * Reads `{"Action", "RetCode", "Message", ...fields}`. RetCode may arrive as a string (the Go SDK
 * patches `"RetCode": "171"` into a number); a body without one is a gateway's page or garbage.
 */
export function parseEnvelope(action: string, res: HttpResponse): Envelope {
  const requestId = res.headers[REQUEST_UUID_HEADER] || undefined;
  const json = tryParseJson(res.text);
  const record =
    json !== null && typeof json === "object" && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : undefined;
  const raw = record?.RetCode;
  const retCode =
    typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (record === undefined || retCode === undefined || !Number.isInteger(retCode)) {
    if (res.status !== 200) throw gatewayError(action, res);
    const what = record === undefined ? "body is not a JSON object" : "missing an integer RetCode";
    // Not JSON at all (truncated, a proxy's page): a second read may well get it right.
    throw new ResponseValidationError(action, [`${what} (${describeBody(res.text)})`], requestId, {
      retryable: json === undefined,
    });
  }
  return {
    response: record,
    retCode,
    message: typeof record.Message === "string" ? record.Message : "",
    requestId,
  };
}
