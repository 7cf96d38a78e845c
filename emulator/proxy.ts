/**
 * Lets clients use the emulator as their HTTP proxy, so SDKs that cannot be pointed at another
 * endpoint still reach it with their real vendor hostnames (and sign those hostnames):
 *
 * - absolute-form requests (`POST http://redis.tencentcloudapi.com/ HTTP/1.1`) are served as if
 *   the emulator were that host;
 * - `CONNECT redis.tencentcloudapi.com:80` (or `:443` carrying plain HTTP, since the emulator has
 *   no certificate) is answered `200 Connection Established` and the tunnelled bytes are fed back
 *   into the same HTTP server.
 *
 * Hosts no emulated vendor serves are refused (CONNECT: 403, absolute form: 502). Nothing is ever
 * forwarded: the emulator never dials out.
 */
import type { IncomingMessage, Server } from "http";
import type { Duplex } from "stream";

/** Where a request is going, as the emulator routes it. */
export interface RequestTarget {
  /** Hostname (no port) the client addressed: from the absolute URL, the tunnel, or the Host header. */
  hostname: string;
  /** Path and query, origin form. */
  path: string;
  /** True when the client used the emulator as a proxy (absolute form or a CONNECT tunnel). */
  proxied: boolean;
}

/** Sockets that arrived through CONNECT, with the host they tunnel to. */
const tunnels = new WeakMap<object, string>();

/** Works out where a request is going. */
export function requestTarget(req: IncomingMessage): RequestTarget {
  const url = req.url ?? "/";
  if (/^https?:\/\//i.test(url)) {
    const parsed = new URL(url);
    return {
      hostname: parsed.hostname.toLowerCase(),
      path: `${parsed.pathname}${parsed.search}`,
      proxied: true,
    };
  }
  const tunnelHost = tunnels.get(req.socket);
  const hostHeader = req.headers.host ?? "";
  const hostname = (tunnelHost ?? hostnameOf(hostHeader)).toLowerCase();
  return { hostname, path: url, proxied: tunnelHost !== undefined };
}

/**
 * Handles `CONNECT host:port`. `servesHost` says whether an emulated vendor answers for the host.
 */
export function handleConnect(
  server: Server,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  servesHost: (hostname: string) => boolean,
): void {
  const target = req.url ?? "";
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(target);
  const hostname = m?.[1].toLowerCase();
  const port = m ? Number(m[2]) : NaN;
  if (hostname === undefined || !servesHost(hostname) || (port !== 80 && port !== 443)) {
    const message = `The emulator tunnels only to the API hosts it emulates (port 80 or 443), not ${target}. It never forwards anything.\n`;
    socket.end(
      `HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(message)}\r\n` +
        `Connection: close\r\n\r\n${message}`,
    );
    return;
  }
  socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
  tunnels.set(socket, hostname);
  if (head.length > 0) socket.unshift(head);
  // The same server now parses what the client sends through the tunnel, as a new connection.
  server.emit("connection", socket);
}

function hostnameOf(hostHeader: string): string {
  if (hostHeader.startsWith("[")) return hostHeader.slice(1, hostHeader.indexOf("]"));
  return hostHeader.replace(/:\d+$/, "");
}
