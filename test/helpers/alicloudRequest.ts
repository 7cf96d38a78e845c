/**
 * A raw, signed R-KVStore RPC request over node:http, every part overridable, so tests can send
 * exactly the mistakes real clients make. Signs with the project's signer.
 */
import { randomUUID } from "crypto";
import { DEFAULT_ALICLOUD_CREDENTIALS } from "../../emulator";
import { formEncode, rpcTimestamp, signParams } from "../../provider/alicloud/signer";
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

/** Sends one signed RPC request to the emulator at `baseUrl`. */
export function rpcCall(
  baseUrl: string,
  action: string,
  params: Record<string, string | number> = {},
  o: RpcCallOptions = {},
): Promise<RpcResult> {
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
    ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])),
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
