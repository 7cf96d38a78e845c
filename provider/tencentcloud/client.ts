/**
 * Tencent Cloud API 3.0 for the Redis API, as core's {@link VendorClient} speaks it: POST JSON,
 * TC3-signed afresh on every attempt, answered in the `{"Response": {...}}` envelope.
 */
import { HttpResponse } from "../core/http";
import { gatewayError, jsonObject, notAnEnvelope, tryParseJson } from "../core/responses";
import { ResponseValidationError } from "../core/errors";
import { ClientDeps, Envelope, VendorClient, WireProtocol } from "../core/vendorClient";
import { isRetryableTencentCode } from "./errors";
import { TENCENT_API_VERSION, TENCENT_SERVICE, TencentSettings } from "./settings";
import { signTc3 } from "./signer";

export type { CallOptions, ClientDeps } from "../core/vendorClient";

const CONTENT_TYPE = "application/json";

/** @internal How the Redis API is spoken; a call's parameters are serialized once, and exactly those bytes are signed and sent. */
export const tencentProtocol: WireProtocol<TencentSettings, Record<string, unknown>, string> = {
  cloud: "tencentcloud",
  clockSkewCode: "AuthFailure.SignatureExpire",
  prepare: (_action, params) => JSON.stringify(params),
  sign(action, body, signedAtMs, s) {
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
    return { url: `${url.origin}/`, headers, body };
  },
  unwrap: unwrapResponse,
  isRetryable: (error) => isRetryableTencentCode(error.code),
};

/** @internal A client of the Redis API for `settings`. */
export class TencentClient extends VendorClient<TencentSettings, Record<string, unknown>, string> {
  constructor(settings: TencentSettings, deps: Partial<ClientDeps> = {}) {
    super(settings, tencentProtocol, deps);
  }
}

/** Unwraps `{"Response": {...}}`; anything else is a transport-level or validation failure. */
function unwrapResponse(action: string, res: HttpResponse): Envelope {
  const json = tryParseJson(res.text);
  const response = jsonObject((json as { Response?: unknown } | undefined)?.Response);
  if (response === undefined) {
    if (res.status !== 200) throw gatewayError(action, res);
    throw notAnEnvelope(
      action,
      res,
      json,
      json === undefined ? "body is not JSON" : "missing the Response object",
    );
  }
  const requestId = typeof response.RequestId === "string" ? response.RequestId : undefined;
  const e = response.Error as { Code?: unknown; Message?: unknown } | undefined;
  if (e === undefined) return { payload: response, requestId };
  if (e === null || typeof e !== "object" || typeof e.Code !== "string") {
    throw new ResponseValidationError(action, ["Response.Error has no Code"], requestId);
  }
  return { payload: response, requestId, error: { code: e.Code, message: String(e.Message ?? "") } };
}
