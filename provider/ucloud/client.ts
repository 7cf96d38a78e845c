/**
 * UCloud's API gateway (https://api.ucloud.cn), as core's {@link VendorClient} speaks it: POST
 * form-encoded, every parameter signed (signer.ts), `RetCode ≠ 0` an error whose code is the
 * RetCode. A UCloud signature has no timestamp or nonce, so a request is signed once and the very
 * same bytes are sent on every attempt.
 */
import { HttpResponse } from "../core/http";
import { gatewayError, jsonObject, notAnEnvelope, tryParseJson } from "../core/responses";
import { ClientDeps, Envelope, VendorClient, WireProtocol } from "../core/vendorClient";
import { isRetryableRetCode } from "./errors";
import { UCloudSettings } from "./settings";
import { UCloudParams, encodeForm, signParams } from "./signer";

export type { CallOptions, ClientDeps } from "../core/vendorClient";

const CONTENT_TYPE = "application/x-www-form-urlencoded";
/** Where the gateway puts its request id (ucloud-sdk-go `ucloud/client.go`). */
const REQUEST_UUID_HEADER = "x-ucloud-request-uuid";

/**
 * @internal How the gateway is spoken. Region, and Zone and ProjectId when set, are added;
 * parameters the caller sets win over the settings'.
 */
export const ucloudProtocol: WireProtocol<UCloudSettings, UCloudParams, string> = {
  cloud: "ucloud",
  prepare: (action, params, s) =>
    encodeForm(
      signParams(
        { Region: s.region, Zone: s.zone, ProjectId: s.projectId, ...params, Action: action },
        { publicKey: s.publicKey, privateKey: s.privateKey, securityToken: s.securityToken },
      ),
    ),
  sign: (action, body, _signedAtMs, s) => ({
    // ?Action= is only for logs and proxies, as the Go SDK does; the signed form body is what counts.
    url: `${s.endpoint}/?Action=${encodeURIComponent(action)}`,
    headers: { "Content-Type": CONTENT_TYPE },
    body,
  }),
  unwrap: unwrapRetCode,
  isRetryable: (error, _httpStatus, idempotent) => isRetryableRetCode(Number(error.code), idempotent),
};

/** @internal A client of the gateway for `settings`. */
export class UCloudClient extends VendorClient<UCloudSettings, UCloudParams, string> {
  constructor(settings: UCloudSettings, deps: Partial<ClientDeps> = {}) {
    super(settings, ucloudProtocol, deps);
  }
}

/** The gateway's envelope as UCloud spells it. */
interface UCloudEnvelope {
  response: Record<string, unknown>;
  retCode: number;
  message: string;
  requestId?: string;
}

/**
 * @internal Reads `{"Action", "RetCode", "Message", ...fields}`. RetCode may arrive as a string
 * (the Go SDK patches `"RetCode": "171"` into a number); a body without one is a gateway's page or
 * garbage.
 */
export function parseEnvelope(action: string, res: HttpResponse): UCloudEnvelope {
  const requestId = res.headers[REQUEST_UUID_HEADER] || undefined;
  const json = tryParseJson(res.text);
  const record = jsonObject(json);
  const raw = record?.RetCode;
  const retCode =
    typeof raw === "number" ? raw : typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : undefined;
  if (record === undefined || retCode === undefined || !Number.isInteger(retCode)) {
    if (res.status !== 200) throw gatewayError(action, res);
    const what = record === undefined ? "body is not a JSON object" : "missing an integer RetCode";
    throw notAnEnvelope(action, res, json, what, requestId);
  }
  const message = typeof record.Message === "string" ? record.Message : "";
  return { response: record, retCode, message, requestId };
}

/** The envelope in core's terms: RetCode 0 is the payload, any other an error whose code is the RetCode. */
function unwrapRetCode(action: string, res: HttpResponse): Envelope {
  const e = parseEnvelope(action, res);
  const answer = { payload: e.response, requestId: e.requestId };
  return e.retCode === 0 ? answer : { ...answer, error: { code: String(e.retCode), message: e.message } };
}
