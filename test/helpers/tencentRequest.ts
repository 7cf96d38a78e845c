/**
 * A raw, signed Tencent API 3.0 request over node:http, with every part overridable so tests can
 * send exactly the mistakes real clients make. Signs with the project's signer.
 */
import type { Socket } from "net";
import { signTc3 } from "../../provider/tencentcloud/signer";
import { DEFAULT_TENCENT_CREDENTIALS } from "../../emulator";
import { sendRaw } from "./rawHttp";

export interface TencentCallOptions {
  secretId?: string;
  secretKey?: string;
  /** Sent as X-TC-Token. */
  token?: string;
  /** Unix seconds in X-TC-Timestamp and the signature; default now. */
  timestamp?: number;
  /** Host header sent and signed; default the emulator's host:port. */
  host?: string;
  /** Host signed, when it should differ from the one sent. */
  signedHost?: string;
  contentType?: string;
  region?: string | null;
  version?: string;
  /** Sign x-tc-action too (the official demo's variant). */
  signAction?: boolean;
  /** Signing service in the credential scope; default redis. */
  service?: string;
  /** Exact body to send (default JSON.stringify(params)). */
  rawBody?: string | Buffer;
  /** Body to sign when it should differ from the one sent. */
  signedBody?: string;
  /** Headers to leave out (lowercase names). */
  omit?: string[];
  /** Extra or replaced headers. */
  headers?: Record<string, string>;
  method?: string;
  path?: string;
  /** Send over this socket (e.g. a CONNECT tunnel) instead of dialling the emulator. */
  socket?: Socket;
}

export interface TencentCallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON body (undefined when not JSON). */
  json: {
    Response: Record<string, unknown> & { Error?: { Code: string; Message: string }; RequestId: string };
  };
}

/** Sends one signed request to `baseUrl` and resolves with the answer (rejects if the connection drops). */
export function tencentCall(
  baseUrl: string,
  action: string,
  params: Record<string, unknown> = {},
  o: TencentCallOptions = {},
): Promise<TencentCallResult> {
  const url = new URL(baseUrl);
  const body = o.rawBody ?? JSON.stringify(params);
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const host = o.host ?? url.host;
  const contentType = o.contentType ?? "application/json";
  const authorization = signTc3({
    secretId: o.secretId ?? DEFAULT_TENCENT_CREDENTIALS.secretId,
    secretKey: o.secretKey ?? DEFAULT_TENCENT_CREDENTIALS.secretKey,
    host: o.signedHost ?? host,
    service: o.service ?? "redis",
    contentType,
    payload: o.signedBody ?? (typeof body === "string" ? body : body.toString("utf8")),
    timestamp,
    action: o.signAction ? action : undefined,
  });
  const headers: Record<string, string> = {
    Host: host,
    "Content-Type": contentType,
    "X-TC-Action": action,
    "X-TC-Version": o.version ?? "2018-04-12",
    "X-TC-Timestamp": String(timestamp),
    Authorization: authorization,
    ...(o.region === null ? {} : { "X-TC-Region": o.region ?? "ap-guangzhou" }),
    ...(o.token === undefined ? {} : { "X-TC-Token": o.token }),
    ...o.headers,
  };
  for (const name of o.omit ?? []) {
    for (const key of Object.keys(headers)) if (key.toLowerCase() === name) delete headers[key];
  }
  return send(url, o.method ?? "POST", o.path ?? "/", headers, body, o.socket);
}

/** Sends a plain HTTP request and collects the answer, read as a Tencent envelope. */
export async function send(
  url: URL,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Buffer,
  socket?: Socket,
): Promise<TencentCallResult> {
  const answer = await sendRaw({ url, method, path, headers, body, socket });
  return { ...answer, json: answer.json as TencentCallResult["json"] };
}

export { adminCall } from "./rawHttp";

/** The Error code of a Tencent answer, or undefined on success. */
export const errorCode = (r: TencentCallResult) => r.json.Response.Error?.Code;
