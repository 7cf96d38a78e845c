/**
 * Alibaba Cloud RPC for R-KVStore (2015-01-01), as core's {@link VendorClient} speaks it, signed
 * afresh on every attempt (new nonce and time). By default with signature V3 (ACS3-HMAC-SHA256),
 * as the official SDK does: Action and Version in `x-acs-*` headers, every parameter in the query
 * string, no body (as @alicloud/r-kvstore20150101 sends them). With `signatureVersion: v1`, the RPC
 * signature (HMAC-SHA1): the parameters form-encoded in a POST body, or in the query of a GET.
 * Success is a 2xx JSON object, an error a 4xx/5xx `{Code, Message, RequestId}`.
 */
import { randomUUID } from "crypto";
import { HttpResponse } from "../core/http";
import { gatewayError, jsonObject, notAnEnvelope, tryParseJson } from "../core/responses";
import { ClientDeps, Envelope, SignedRequest, VendorClient, WireProtocol } from "../core/vendorClient";
import { TIMESTAMP_EXPIRED, isRetryableAnswer } from "./errors";
import { ALICLOUD_API_VERSION, AlicloudSettings } from "./settings";
import { RpcParams, formEncode, rpcTimestamp, signedParameters } from "./signer";
import { EMPTY_PAYLOAD_SHA256, acs3Authorization, canonicalQueryString } from "./signerV3";

export type { CallOptions, ClientDeps } from "../core/vendorClient";

/** Business parameters; undefined ones are left out, numbers are sent as decimal strings. */
export type CallParams = Record<string, string | number | undefined>;

/**
 * Actions the vendor documents as GET (DescribeClusterBackupList: `Method: dara.String("GET")` in
 * alibabacloud-go/r-kvstore-20150101 client.go); every other backup action is POST.
 */
const GET_ACTIONS = new Set(["DescribeClusterBackupList"]);

/** V3: every qualifying header signed; the body is empty, so its hash is the empty string's. */
function signV3(action: string, query: RpcParams, signedAtMs: number, s: AlicloudSettings): SignedRequest {
  const method = GET_ACTIONS.has(action) ? "GET" : "POST";
  const url = new URL(`${s.endpoint}/`);
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": action,
    "x-acs-version": ALICLOUD_API_VERSION,
    "x-acs-date": rpcTimestamp(signedAtMs),
    "x-acs-signature-nonce": randomUUID(),
    "x-acs-content-sha256": EMPTY_PAYLOAD_SHA256,
    accept: "application/json",
  };
  if (s.securityToken) {
    headers["x-acs-accesskey-id"] = s.accessKeyId;
    headers["x-acs-security-token"] = s.securityToken;
  }
  headers.Authorization = acs3Authorization(
    { method, canonicalUri: "/", query, headers, payloadHash: EMPTY_PAYLOAD_SHA256 },
    s.accessKeyId,
    s.accessKeySecret,
  );
  const search = canonicalQueryString(query);
  return { method, url: `${url.origin}${url.pathname}${search ? `?${search}` : ""}`, headers, body: "" };
}

/** RPC v1: the common parameters and the signature join the business ones, in the body (POST) or the query (GET). */
function signV1(action: string, query: RpcParams, signedAtMs: number, s: AlicloudSettings): SignedRequest {
  const method = GET_ACTIONS.has(action) ? "GET" : "POST";
  const params = formEncode(
    signedParameters(
      { Action: action, Version: ALICLOUD_API_VERSION, Format: "JSON", ...query },
      {
        method,
        accessKeyId: s.accessKeyId,
        accessKeySecret: s.accessKeySecret,
        securityToken: s.securityToken,
        timestamp: signedAtMs,
        nonce: randomUUID(),
      },
    ),
  );
  const headers = { Accept: "application/json" };
  return method === "GET"
    ? { method, url: `${s.endpoint}/?${params}`, headers, body: "" }
    : {
        method,
        url: `${s.endpoint}/`,
        headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" },
        body: params,
      };
}

/** @internal How R-KVStore is spoken; RegionId is always sent. */
export const alicloudProtocol: WireProtocol<AlicloudSettings, CallParams, RpcParams> = {
  cloud: "alicloud",
  clockSkewCode: TIMESTAMP_EXPIRED,
  prepare(_action, params, s) {
    const business: RpcParams = { RegionId: s.regionId };
    for (const [k, v] of Object.entries(params)) if (v !== undefined) business[k] = String(v);
    return business;
  },
  sign: (action, business, signedAtMs, s) =>
    s.signatureVersion === "v1"
      ? signV1(action, business, signedAtMs, s)
      : signV3(action, business, signedAtMs, s),
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
