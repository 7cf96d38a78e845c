/**
 * HTTPS through an HTTP proxy: an https.Agent whose connections are `CONNECT host:443` tunnels
 * opened at the proxy, with TLS to the real host inside (the proxy sees only the host name; the
 * certificate is checked against the real host, as without a proxy). Node's own http and tls, no
 * dependency: the provider's runtime stays @pulumi/pulumi, zod and axios.
 */
import type { Agent, AgentOptions } from "https";
import type { Socket } from "net";
import type { ConnectionOptions, TLSSocket } from "tls";

/** What the tunnel needs of each connection Node's agent asks for. */
interface TunnelConnectOptions extends Omit<ConnectionOptions, "port"> {
  host?: string;
  port?: number | string;
  servername?: string;
}

/** The Proxy-Authorization header of a proxy URL with credentials (`http://user:pass@proxy:3128`). */
function proxyAuthorization(proxy: URL): Record<string, string> {
  if (!proxy.username && !proxy.password) return {};
  const pair = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { "Proxy-Authorization": `Basic ${Buffer.from(pair).toString("base64")}` };
}

/** The proxy as it may safely appear in a message: no credentials. */
export function proxyLabel(proxyUrl: string): string {
  const u = new URL(proxyUrl);
  return `${u.protocol}//${u.host}`;
}

/**
 * An https.Agent (keep-alive, pooled like the direct one) that reaches every host through a
 * CONNECT tunnel at `proxyUrl` (an `http://` proxy). A proxy that refuses the tunnel fails the
 * connection with its status line, e.g. `proxy http://proxy.corp:3128 refused CONNECT
 * redis.tencentcloudapi.com:443: 407 Proxy Authentication Required`.
 */
export function tunnelingAgent(proxyUrl: string, options: AgentOptions = {}): Agent {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const https: typeof import("https") = require("https");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const http: typeof import("http") = require("http");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const tls: typeof import("tls") = require("tls");
  const proxy = new URL(proxyUrl);
  if (proxy.protocol !== "http:") {
    throw new TypeError(
      `only http:// proxies are supported (a CONNECT tunnel is opened there), not ${proxyLabel(proxyUrl)}`,
    );
  }
  const agent = new https.Agent({ keepAlive: true, maxSockets: 32, ...options });
  // Node's agent accepts a createConnection that answers through its callback (the socket comes
  // once the proxy has said 200); its own pooling, keep-alive and timeouts apply on top.
  (agent as unknown as { createConnection: unknown }).createConnection = (
    o: TunnelConnectOptions,
    done: (err: Error | null, socket?: TLSSocket) => void,
  ) => {
    const host = String(o.host ?? o.servername ?? "");
    const port = Number(o.port ?? 443);
    const authority = `${host.includes(":") ? `[${host}]` : host}:${port}`;
    const connect = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ""),
      port: Number(proxy.port || 80),
      method: "CONNECT",
      path: authority,
      headers: { Host: authority, ...proxyAuthorization(proxy) },
      agent: false,
    });
    const fail = (why: string) => done(new Error(`proxy ${proxyLabel(proxyUrl)} ${why}`));
    connect.once("connect", (res, socket: Socket, head: Buffer) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        fail(`refused CONNECT ${authority}: ${res.statusCode} ${res.statusMessage ?? ""}`.trim());
        return;
      }
      if (head.length > 0) socket.unshift(head);
      const secure = tls.connect({ ...o, port, socket, servername: o.servername ?? host });
      let settled = false;
      secure.once("secureConnect", () => {
        settled = true;
        done(null, secure);
      });
      secure.once("error", (e) => {
        if (!settled) done(e);
      });
    });
    connect.once("error", (e: NodeJS.ErrnoException) => {
      // The proxy's own failure codes (ECONNREFUSED...) keep their code: the request was never sent.
      const err = new Error(`proxy ${proxyLabel(proxyUrl)}: ${e.message}`) as NodeJS.ErrnoException;
      err.code = e.code;
      done(err);
    });
    connect.end();
    return undefined;
  };
  return agent;
}
