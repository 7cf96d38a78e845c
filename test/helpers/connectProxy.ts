/**
 * A local corporate proxy, for tests: it answers `CONNECT host:443` and, instead of dialling the
 * host (no cloud is ever reached), ends the tunnel at a local TLS server holding a self-signed
 * certificate for the vendors' API hosts, which hands the decrypted requests to the emulator. The
 * provider therefore talks TLS to "redis.tencentcloudapi.com" exactly as through a real proxy, and
 * a process that trusts the certificate (NODE_EXTRA_CA_CERTS) gets the emulator's answers.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import * as tls from "tls";

/** The API hosts the certificate names: Tencent's, Alibaba's central one and UCloud's. */
export const API_HOSTS = ["redis.tencentcloudapi.com", "r-kvstore.aliyuncs.com", "api.ucloud.cn"];

export interface ConnectProxy {
  /** `http://127.0.0.1:<port>`: the value of HTTPS_PROXY. */
  url: string;
  /** Every CONNECT target asked for, e.g. `redis.tencentcloudapi.com:443`, in order. */
  connects: string[];
  /** The certificate to trust (a PEM file). */
  certFile: string;
  close(): Promise<void>;
}

/** A self-signed certificate for API_HOSTS (openssl), in a folder that `close` removes. */
function selfSigned(dir: string): { key: string; cert: string; certFile: string } {
  const keyFile = path.join(dir, "key.pem");
  const certFile = path.join(dir, "cert.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      "/CN=redis.tencentcloudapi.com",
      "-addext",
      `subjectAltName=${API_HOSTS.map((h) => `DNS:${h}`).join(",")}`,
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  return { key: fs.readFileSync(keyFile, "utf8"), cert: fs.readFileSync(certFile, "utf8"), certFile };
}

/** Destroys both ends of a relay when either fails. */
function destroyTogether(a: net.Socket, b: net.Socket): void {
  const stop = () => {
    a.destroy();
    b.destroy();
  };
  a.on("error", stop);
  b.on("error", stop);
}

/**
 * Starts the proxy. `refuse`: answer every CONNECT with that status instead (e.g. 407). Without
 * `emulatorPort`, tunnels end at the TLS server, which answers 503 to every request.
 */
export async function startConnectProxy(
  o: { emulatorPort?: number; refuse?: number } = {},
): Promise<ConnectProxy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-redis-backup-proxy-"));
  const { key, cert, certFile } = selfSigned(dir);
  // The TLS end of every tunnel: decrypts, then relays the bytes to the emulator's plain HTTP port.
  const terminator = tls.createServer({ key, cert }, (clear) => {
    if (o.emulatorPort === undefined) {
      clear.end("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
      return;
    }
    const upstream = net.connect(o.emulatorPort, "127.0.0.1");
    clear.pipe(upstream).pipe(clear);
    destroyTogether(clear, upstream);
  });
  await new Promise<void>((r) => terminator.listen(0, "127.0.0.1", r));
  const terminatorPort = (terminator.address() as net.AddressInfo).port;

  const connects: string[] = [];
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on("connect", (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    connects.push(req.url ?? "");
    if (o.refuse) {
      socket.end(`HTTP/1.1 ${o.refuse} ${http.STATUS_CODES[o.refuse] ?? ""}\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const inner = net.connect(terminatorPort, "127.0.0.1", () => {
      socket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      if (head.length) inner.write(head);
      socket.pipe(inner).pipe(socket);
    });
    destroyTogether(socket, inner);
  });
  const sockets = new Set<net.Socket>();
  for (const s of [proxy, terminator])
    s.on("connection", (c: net.Socket) => (sockets.add(c), c.on("close", () => sockets.delete(c))));
  await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
  const port = (proxy.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    certFile,
    close: async () => {
      for (const c of sockets) c.destroy();
      await Promise.all([proxy, terminator].map((s) => new Promise((r) => s.close(r))));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
