/**
 * The one place that touches the network. Sends exactly the bytes it is given, hands back the raw
 * text, and turns transport failures into TransportError without any request header in sight
 * (axios errors carry the request config, Authorization included, so they never leave here).
 */
import type { AxiosError } from "axios";
import { TransportError } from "./errors";
import { proxyForUrl } from "./proxyEnv";
import { redact } from "./redact";
import { tunnelingAgent } from "./tunnel";

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
  /**
   * The cloud's own proxy setting (`http://host:port`), which wins over HTTPS_PROXY / HTTP_PROXY:
   * an http:// URL goes to it in absolute form, an https:// one through a CONNECT tunnel.
   */
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

/** One tunnelling agent per proxy URL, pooled like the direct ones. */
const tunnels = new Map<string, import("https").Agent>();

/**
 * How `req` travels: directly; to an HTTP proxy in absolute form (an http:// URL); or through a
 * CONNECT tunnel at the proxy with TLS to the real host inside (an https:// URL: never in clear
 * text). The proxy is the cloud's setting, else the environment's (see proxyEnv.ts).
 */
function routeOf(req: HttpRequest) {
  const agents = pooledAgents();
  const proxyUrl = proxyForUrl(req.url, req.proxy, process.env);
  if (proxyUrl === undefined) return { proxy: false as const, httpsAgent: agents.https };
  let proxy: URL;
  try {
    proxy = new URL(proxyUrl);
  } catch {
    throw new TransportError({
      action: req.action,
      detail: `the proxy is not a URL like http://proxy.example.com:3128 (check HTTPS_PROXY / HTTP_PROXY)`,
      outcomeUnknown: false,
      retryable: false,
    });
  }
  if (req.url.startsWith("http://")) {
    const auth = proxy.username
      ? { username: decodeURIComponent(proxy.username), password: decodeURIComponent(proxy.password) }
      : undefined;
    return {
      proxy: {
        protocol: "http",
        host: proxy.hostname,
        port: Number(proxy.port || 80),
        ...(auth ? { auth } : {}),
      },
      httpsAgent: agents.https,
    };
  }
  let tunnel = tunnels.get(proxyUrl);
  if (!tunnel) {
    try {
      tunnel = tunnelingAgent(proxyUrl);
    } catch (e) {
      throw new TransportError({
        action: req.action,
        detail: (e as Error).message,
        outcomeUnknown: false,
        retryable: false,
      });
    }
    tunnels.set(proxyUrl, tunnel);
  }
  return { proxy: false as const, httpsAgent: tunnel };
}

/** @internal Sends `req` (POST unless told otherwise) and hands back the raw answer; transport failures become TransportError. */
export async function postText(req: HttpRequest): Promise<HttpResponse> {
  const { proxy, httpsAgent } = routeOf(req);
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
      httpsAgent,
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
