/**
 * One raw HTTP exchange over node:http, for tests that send exactly the bytes a client would, or
 * its mistakes (each cloud's signed request builder sits on top: tencentRequest, alicloudRequest,
 * ucloudRequest). No agent, no retry, nothing added but Content-Length.
 */
import { request } from "http";
import type { Socket } from "net";

export interface RawRequest {
  /** The emulator's base URL (host and port are dialled; its path is not used). */
  url: string | URL;
  method: string;
  /** Path and query, or an absolute URL for a proxied request. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send over this socket (e.g. a CONNECT tunnel) instead of dialling. */
  socket?: Socket;
}

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** The body parsed as JSON; undefined when it is not JSON. */
  json: unknown;
}

/** Sends one request and collects the answer (rejects when the connection drops). */
export function sendRaw(r: RawRequest): Promise<RawAnswer> {
  const url = typeof r.url === "string" ? new URL(r.url) : r.url;
  const body = r.body ?? "";
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: r.method,
        path: r.path,
        headers: { ...r.headers, "Content-Length": String(Buffer.byteLength(body)) },
        agent: false,
        ...(r.socket ? { createConnection: () => r.socket! } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
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

/** POSTs an admin operation (`/_emulator/<op>`, `<op>` may be `alicloud/<name>`) over HTTP. */
export async function adminCall(
  baseUrl: string,
  op: string,
  args: Record<string, unknown> | string = {},
  method = "POST",
): Promise<{ status: number; body: { result?: unknown; error?: string; operations?: string[] } }> {
  const res = await sendRaw({
    url: baseUrl,
    method,
    path: `/_emulator/${op}`,
    headers: { "Content-Type": "application/json" },
    body: typeof args === "string" ? args : JSON.stringify(args),
  });
  return { status: res.status, body: (res.json ?? {}) as { result?: unknown; error?: string } };
}
