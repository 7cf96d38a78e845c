/**
 * The one place that touches the network. Sends exactly the bytes it is given, hands back the raw
 * text, and turns transport failures into TransportError without any request header in sight
 * (axios errors carry the request config, Authorization included, so they never leave here).
 */
import type { AxiosError } from "axios";
import { TransportError } from "./errors";
import { redact } from "./redact";

/** @internal One HTTP attempt, exactly as sent. */
export interface HttpRequest {
  action: string;
  /** POST unless told otherwise; a GET sends no body. */
  method?: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Responses larger than this are refused rather than buffered. */
  maxResponseBytes: number;
  /** An HTTP proxy (`http://host:port`) for `http://` URLs: the request goes to it in absolute form. */
  proxy?: string;
}

/** @internal An HTTP answer, headers lower-cased, body as text. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
}

/**
 * One keep-alive agent pair per process, with a bounded pool: the vendors allow tens of requests
 * per second, so a few dozen connections carry them all, and a fleet refresh does not open one
 * socket (and its buffers) per resource.
 */
let agents: { http: import("http").Agent; https: import("https").Agent } | undefined;

function pooledAgents() {
  if (!agents) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const http: typeof import("http") = require("http");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const https: typeof import("https") = require("https");
    const options = { keepAlive: true, maxSockets: 32 };
    agents = { http: new http.Agent(options), https: new https.Agent(options) };
  }
  return agents;
}

/** Network error codes after which the request certainly never reached the server. */
const NOT_SENT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * Axios' proxy option for `req`: none, or its HTTP proxy for a plain-HTTP URL. An HTTPS URL is never
 * sent to a proxy in clear text: that needs a CONNECT tunnel, which this client does not make.
 */
function proxyFor(req: HttpRequest) {
  if (req.proxy === undefined) return false as const;
  if (!req.url.startsWith("http://")) {
    throw new TransportError({
      action: req.action,
      detail: `a proxy is set but ${new URL(req.url).origin} is HTTPS; only http:// endpoints go through it`,
      outcomeUnknown: false,
      retryable: false,
    });
  }
  const proxy = new URL(req.proxy);
  return { protocol: "http", host: proxy.hostname, port: Number(proxy.port || 80) };
}

/** @internal Sends `req` (POST unless told otherwise) and hands back the raw answer; transport failures become TransportError. */
export async function postText(req: HttpRequest): Promise<HttpResponse> {
  const proxy = proxyFor(req);
  // Loaded on first use: a provider that only validates inputs never pays for axios.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const axios: typeof import("axios").default = require("axios");
  try {
    const res = await axios.request<string>({
      method: req.method ?? "POST",
      url: req.url,
      // A request that names no Content-Type gets none (axios would add one, which a signature may cover).
      headers: Object.keys(req.headers).some((h) => h.toLowerCase() === "content-type")
        ? req.headers
        : { ...req.headers, "Content-Type": false },
      data: req.method === "GET" || req.body === "" ? undefined : req.body,
      timeout: req.timeoutMs,
      responseType: "text",
      transformResponse: [(d: unknown) => d],
      maxContentLength: req.maxResponseBytes,
      maxRedirects: 0,
      validateStatus: () => true,
      proxy,
      httpAgent: pooledAgents().http,
      httpsAgent: pooledAgents().https,
    });
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(res.headers ?? {}))
      headers[k.toLowerCase()] = v == null ? undefined : String(v);
    return {
      status: res.status,
      headers,
      text: typeof res.data === "string" ? res.data : String(res.data ?? ""),
    };
  } catch (e) {
    throw transportError(req.action, e as AxiosError, req.timeoutMs);
  }
}

function transportError(action: string, e: AxiosError, timeoutMs: number): TransportError {
  const code = e.code ?? "";
  if (code === "ECONNABORTED" || code === "ETIMEDOUT") {
    return new TransportError({
      action,
      detail: `no response within ${timeoutMs} ms (request timeout)`,
      outcomeUnknown: true,
      retryable: true,
    });
  }
  if (/maxContentLength/i.test(e.message)) {
    return new TransportError({
      action,
      detail: "response larger than the allowed size; refused",
      outcomeUnknown: false,
      retryable: false,
    });
  }
  const notSent = NOT_SENT.has(code);
  const detail = redact(
    `network error ${code || ""}${code ? ": " : ""}${e.message}`.replace(/\s+/g, " ").trim(),
  );
  return new TransportError({ action, detail, outcomeUnknown: !notSent, retryable: true });
}
