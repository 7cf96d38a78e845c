/**
 * Alibaba Cloud RPC for R-KVStore (2015-01-01), as core's {@link VendorClient} speaks it: POST
 * form-encoded, Format=JSON, signed with RPC v1 afresh on every attempt (new SignatureNonce and
 * Timestamp); success is a 2xx JSON object, an error a 4xx/5xx `{Code, Message, RequestId}`.
 */
import { randomUUID } from "crypto";
import { HttpResponse } from "../core/http";
import { gatewayError, jsonObject, notAnEnvelope, tryParseJson } from "../core/responses";
import { ClientDeps, Envelope, VendorClient, WireProtocol } from "../core/vendorClient";
import { TIMESTAMP_EXPIRED, isRetryableAnswer } from "./errors";
import { ALICLOUD_API_VERSION, AlicloudSettings } from "./settings";
import { RpcParams, formEncode, signedParameters } from "./signer";

export type { CallOptions, ClientDeps } from "../core/vendorClient";

/** Business parameters; undefined ones are left out, numbers are sent as decimal strings. */
export type CallParams = Record<string, string | number | undefined>;

const CONTENT_TYPE = "application/x-www-form-urlencoded";

/** @internal How R-KVStore is spoken; RegionId is always sent. */
export const alicloudProtocol: WireProtocol<AlicloudSettings, CallParams, RpcParams> = {
  cloud: "alicloud",
  clockSkewCode: TIMESTAMP_EXPIRED,
  prepare(action, params, s) {
    const business: RpcParams = {
      Action: action,
      Version: ALICLOUD_API_VERSION,
      Format: "JSON",
      RegionId: s.regionId,
    };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) business[k] = String(v);
    return business;
  },
  sign: (_action, business, signedAtMs, s) => ({
    url: `${s.endpoint}/`,
    headers: { "Content-Type": CONTENT_TYPE, Accept: "application/json" },
    body: formEncode(
      signedParameters(business, {
        method: "POST",
        accessKeyId: s.accessKeyId,
        accessKeySecret: s.accessKeySecret,
        securityToken: s.securityToken,
        timestamp: signedAtMs,
        nonce: randomUUID(),
      }),
    ),
  }),
  unwrap: unwrapAnswer,
  isRetryable: (error, httpStatus, idempotent) =>
    isRetryableAnswer(error.code, error.message, httpStatus, idempotent),
};

/** @internal A client of R-KVStore for `settings`. */
export class AlicloudClient extends VendorClient<AlicloudSettings, CallParams, RpcParams> {
  constructor(settings: AlicloudSettings, deps: Partial<ClientDeps> = {}) {
    super(settings, alicloudProtocol, deps);
  }
}

/** An error status without the `{Code, ...}` envelope is a gateway's page (outcome unknown). */
function unwrapAnswer(action: string, res: HttpResponse): Envelope {
  const json = tryParseJson(res.text);
  const body = jsonObject(json);
  const payload = body ?? {};
  const requestId = typeof payload.RequestId === "string" ? payload.RequestId : undefined;
  if (res.status >= 300) {
    if (typeof payload.Code !== "string" || payload.Code === "") throw gatewayError(action, res);
    return { payload, requestId, error: { code: payload.Code, message: String(payload.Message ?? "") } };
  }
  if (body === undefined) {
    throw notAnEnvelope(
      action,
      res,
      json,
      json === undefined ? "body is not JSON" : "body is not a JSON object",
    );
  }
  return { payload, requestId };
}
