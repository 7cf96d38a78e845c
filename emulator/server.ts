/**
 * The emulator's HTTP front, cloud-neutral: one node:http server on loopback that routes
 *
 * - `POST /_emulator/<op>` (direct requests only) to the admin operations;
 * - proxied requests (absolute form or CONNECT tunnel) to the vendor serving that hostname, or
 *   refuses them (502) when none does;
 * - direct requests to the vendor whose path prefix (`/alicloud`, `/ucloud`) or hostname the request
 *   names, else the default vendor (Tencent, whose API lives at `POST /`);
 * - `POST /_emulator/<vendor>/<op>` to that vendor's own admin operations (the default vendor's
 *   also at `POST /_emulator/<op>`);
 * - `GET /_files/<token>/<name>` to the download URLs the vendors handed out (files/store.ts).
 *
 * Vendors return {@link EmulatorReply} values; this module alone writes to sockets.
 */
import { IncomingMessage, Server, ServerResponse, createServer } from "http";
import type { Socket } from "net";
import { ADMIN_PREFIX, AdminOperation, runAdminRequest } from "./adminRoutes";
import { readBody } from "./body";
import { handleConnect, requestTarget } from "./proxy";
import type { EmulatorReply } from "./reply";
import type { VendorApi } from "./vendor";
import { writeFileAnswer } from "./files/http";
import { BackupFiles, FILES_PREFIX } from "./files/store";

/** Admin request bodies are small JSON objects. */
const ADMIN_MAX_BODY_BYTES = 1024 * 1024;

/** What the HTTP front routes to: the vendors (one the default), the neutral admin operations, the files. */
export interface EmulatorServerOptions {
  vendors: readonly VendorApi[];
  /** Serves direct requests whose Host names no vendor (e.g. 127.0.0.1:8787). */
  defaultVendor: VendorApi;
  adminOperations: Readonly<Record<string, AdminOperation>>;
  /** Time for the HTTP `Date` header: the emulator's signing clock, so clients can learn its skew. */
  dateNow: () => number;
  /** The download URLs the vendors hand out, served at `/_files/` (direct requests only). */
  files?: BackupFiles;
}

/** A started server plus a way to stop it that does not wait for idle keep-alive connections. */
export interface EmulatorHttpServer {
  server: Server;
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

/** Creates the HTTP front, not yet listening; it tracks sockets so `close` drops keep-alive connections. */
export function createEmulatorServer(options: EmulatorServerOptions): EmulatorHttpServer {
  const sockets = new Set<Socket>();
  const servesHost = (hostname: string) => options.vendors.some((v) => v.servesHost(hostname));

  const server = createServer((req, res) => {
    handleRequest(options, req, res).catch((e: unknown) => {
      if (!res.headersSent)
        writeText(res, 500, `emulator error: ${(e as Error)?.message ?? e}\n`, options.dateNow);
      else res.destroy();
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  server.on("connect", (req: IncomingMessage, socket: Socket, head: Buffer) =>
    handleConnect(server, req, socket, head, servesHost),
  );
  server.on("clientError", (_err, socket) => {
    // E.g. TLS bytes in a CONNECT tunnel to :443: the emulator speaks plain HTTP only.
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          server.off("error", reject);
          const address = server.address();
          resolve(typeof address === "object" && address ? address.port : port);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}

async function handleRequest(options: EmulatorServerOptions, req: IncomingMessage, res: ServerResponse) {
  const target = requestTarget(req);
  if (!target.proxied && target.path.startsWith(ADMIN_PREFIX)) {
    const { body } = await readBody(req, ADMIN_MAX_BODY_BYTES);
    const answer = runAdminRequest(allAdminOperations(options), req, target.path, body);
    writeReply(res, { kind: "json", status: answer.status, body: answer.body }, options.dateNow);
    return;
  }
  if (!target.proxied && options.files && target.path.startsWith(FILES_PREFIX)) {
    await readBody(req, 0);
    const answer = options.files.answer(req.method ?? "GET", target.path, req.headers, {
      remoteAddress: req.socket.remoteAddress ?? "",
    });
    await writeFileAnswer(res, answer, new Date(options.dateNow()).toUTCString());
    return;
  }
  const byPrefix = target.proxied
    ? undefined
    : options.vendors.find((v) => hasPrefix(target.path, v.pathPrefix));
  const vendor =
    byPrefix ??
    options.vendors.find((v) => v.servesHost(target.hostname)) ??
    (target.proxied ? undefined : options.defaultVendor);
  if (vendor === undefined) {
    await readBody(req, 0);
    writeText(
      res,
      502,
      `The emulator serves only the API hosts it emulates, not ${target.hostname}. It never forwards anything.\n`,
      options.dateNow,
    );
    return;
  }
  const { body, tooLarge } = await readBody(req, vendor.maxBodyBytes);
  const reply = await vendor.handle({
    method: req.method ?? "GET",
    path: byPrefix ? withoutPrefix(target.path, byPrefix.pathPrefix!) : target.path,
    headers: req.headers,
    body,
    bodyTooLarge: tooLarge,
  });
  if (tooLarge) res.setHeader("Connection", "close");
  writeReply(res, reply, options.dateNow);
}

function hasPrefix(path: string, prefix: string | undefined): boolean {
  return (
    prefix !== undefined &&
    (path === prefix || path.startsWith(`${prefix}/`) || path.startsWith(`${prefix}?`))
  );
}

function withoutPrefix(path: string, prefix: string): string {
  const rest = path.slice(prefix.length);
  return rest.startsWith("/") ? rest : `/${rest}`;
}

/**
 * The neutral operations plus every vendor's, namespaced `<vendor id>/<op>`; the default vendor's
 * are also served unprefixed, as its API is (Tencent's `/_emulator/lockBackup`).
 */
function allAdminOperations(options: EmulatorServerOptions): Record<string, AdminOperation> {
  const all: Record<string, AdminOperation> = {
    ...options.defaultVendor.adminOperations?.(),
    ...options.adminOperations,
  };
  for (const v of options.vendors) {
    for (const [op, run] of Object.entries(v.adminOperations?.() ?? {})) all[`${v.id}/${op}`] = run;
  }
  return all;
}

function writeReply(res: ServerResponse, reply: EmulatorReply, dateNow: () => number): void {
  if (reply.kind === "drop") {
    res.socket?.destroy();
    return;
  }
  const body = reply.kind === "json" ? JSON.stringify(reply.body) : reply.body;
  const contentType = reply.kind === "json" ? "application/json" : reply.contentType;
  res.writeHead(reply.status, {
    ...(reply.kind === "json" ? reply.headers : {}),
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
    Date: new Date(dateNow()).toUTCString(),
  });
  res.end(body);
}

function writeText(res: ServerResponse, status: number, text: string, dateNow: () => number): void {
  writeReply(res, { kind: "raw", status, contentType: "text/plain", body: text }, dateNow);
}
