/**
 * A raw, signed R-KVStore RPC request over node:http, every part overridable, so tests can send
 * exactly the mistakes real clients make. Signs with the project's signer.
 */
import { randomUUID } from "crypto";
import { request } from "http";
import { DEFAULT_ALICLOUD_CREDENTIALS } from "../../emulator";
import { formEncode, rpcTimestamp, signParams } from "../../provider/alicloud/signer";

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

export function send(
  url: URL,
  method: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<RpcResult> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(body ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
          "Content-Length": String(Buffer.byteLength(body)),
          ...headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: RpcResult["json"];
          try {
            json = JSON.parse(text);
          } catch {
            json = {};
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** POSTs an alicloud admin operation over HTTP. */
export async function alicloudAdmin(baseUrl: string, op: string, args: Record<string, unknown> = {}) {
  const res = await send(new URL(baseUrl), "POST", `/_emulator/${op}`, JSON.stringify(args), {
    "Content-Type": "application/json",
  });
  return { status: res.status, body: res.json as { result?: unknown; error?: string } };
}
