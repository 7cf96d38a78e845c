/**
 * A raw, signed R-KVStore RPC request over node:http, every part overridable, so tests can send
 * exactly the mistakes real clients make. Signs with the project's signer.
 */
import { createHash, randomUUID } from "crypto";
import { DEFAULT_ALICLOUD_CREDENTIALS } from "../../emulator";
import { formEncode, rpcTimestamp, signParams } from "../../provider/alicloud/signer";
import {
  EMPTY_PAYLOAD_SHA256,
  acs3Authorization,
  canonicalQueryString,
} from "../../provider/alicloud/signerV3";
import { sendRaw } from "./rawHttp";

export interface RpcCallOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Milliseconds since the epoch for Timestamp; default now. */
  timestamp?: number;
  nonce?: string;
  version?: string;
  format?: string;
  method?: "POST" | "GET";
  /** Common parameters to leave out (e.g. "Timestamp"). */
  omit?: string[];
  /** Parameters changed after signing (the signature no longer covers them). */
  tamper?: Record<string, string>;
  /** Path under the emulator; default `/alicloud/`. */
  path?: string;
  /** Extra headers (e.g. Host for a proxied request). */
  headers?: Record<string, string>;
  /** Send as an absolute-form (proxied) request for this URL instead. */
  proxyUrl?: string;
}

export interface RpcResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An action's parameters, as a test writes them (numbers sent as their text). */
type Params = Record<string, string | number>;

/** `params` with every value as the text sent. */
const asText = (params: Params): Record<string, string> =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));

/** Sends one signed RPC request to the emulator at `baseUrl`. */
export function rpcCall(baseUrl: string, action: string, params: Params = {}, o: RpcCallOptions = {}) {
  const method = o.method ?? "POST";
  const signed: Record<string, string> = {
    Action: action,
    Version: o.version ?? "2015-01-01",
    Format: o.format ?? "JSON",
    AccessKeyId: o.accessKeyId ?? DEFAULT_ALICLOUD_CREDENTIALS.accessKeyId,
    SignatureMethod: "HMAC-SHA1",
    SignatureVersion: "1.0",
    SignatureNonce: o.nonce ?? randomUUID(),
    Timestamp: rpcTimestamp(o.timestamp ?? Date.now()),
    ...(o.securityToken ? { SecurityToken: o.securityToken } : {}),
    ...asText(params),
  };
  for (const name of o.omit ?? []) delete signed[name];
  signed.Signature = signParams(
    method,
    signed,
    o.accessKeySecret ?? DEFAULT_ALICLOUD_CREDENTIALS.accessKeySecret,
  );
  const sent = { ...signed, ...o.tamper };
  const form = formEncode(sent);
  const url = new URL(baseUrl);
  const path = o.proxyUrl ?? o.path ?? "/alicloud/";
  return send(
    url,
    method,
    method === "GET" ? `${path}?${form}` : path,
    method === "GET" ? "" : form,
    o.headers,
  );
}

export interface Acs3CallOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  /** Milliseconds since the epoch for x-acs-date; default now. */
  date?: number;
  nonce?: string;
  method?: "POST" | "GET";
  /** Headers to leave out of the request (lowercase names), before signing. */
  omit?: string[];
  /** Headers sent but left out of SignedHeaders. */
  unsigned?: Record<string, string>;
  /** Query parameters changed after signing. */
  tamper?: Record<string, string>;
  /** A form body sent (its hash signed unless `signedBodyHash` says otherwise). */
  body?: string;
  signedBodyHash?: string;
}

/** Sends one R-KVStore request signed with V3 (ACS3-HMAC-SHA256), all parameters in the query, as the SDK does. */
export function acs3Call(baseUrl: string, action: string, params: Params = {}, o: Acs3CallOptions = {}) {
  const method = o.method ?? "POST";
  const url = new URL(baseUrl);
  const query = asText(params);
  const body = o.body ?? "";
  const hash = o.signedBodyHash ?? (body ? sha256(body) : EMPTY_PAYLOAD_SHA256);
  const headers: Record<string, string> = {
    host: url.host,
    "x-acs-action": action,
    "x-acs-version": "2015-01-01",
    "x-acs-date": rpcTimestamp(o.date ?? Date.now()),
    "x-acs-signature-nonce": o.nonce ?? randomUUID(),
    "x-acs-content-sha256": hash,
    ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    ...(o.securityToken ? { "x-acs-security-token": o.securityToken } : {}),
  };
  for (const name of o.omit ?? []) delete headers[name];
  headers.Authorization = acs3Authorization(
    { method, canonicalUri: "/", query, headers, payloadHash: hash },
    o.accessKeyId ?? DEFAULT_ALICLOUD_CREDENTIALS.accessKeyId,
    o.accessKeySecret ?? DEFAULT_ALICLOUD_CREDENTIALS.accessKeySecret,
  );
  const search = canonicalQueryString({ ...query, ...o.tamper });
  return send(url, method, `/alicloud/${search ? `?${search}` : ""}`, body, { ...headers, ...o.unsigned });
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** Sends a plain HTTP request (form-encoded when it has a body) and collects the answer. */
export async function send(
  url: URL,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RpcResult> {
  const contentType: Record<string, string> = body
    ? { "Content-Type": "application/x-www-form-urlencoded" }
    : {};
  const answer = await sendRaw({ url, method, path, body, headers: { ...contentType, ...headers } });
  return { ...answer, json: (answer.json ?? {}) as RpcResult["json"] };
}

/** POSTs an admin operation over HTTP. */
export { adminCall as alicloudAdmin } from "./rawHttp";
