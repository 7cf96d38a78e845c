/**
 * An HTTP proxy that writes down what a client sends and forwards it, unchanged, to the emulator
 * (which serves absolute-form requests for the vendor hosts it emulates): to see the parameters a
 * provider running in another process (the dynamic-provider host) puts on the wire.
 */
import { IncomingHttpHeaders, createServer, request } from "http";
import { AddressInfo } from "net";

/** One request as the client sent it. */
export interface Recorded {
  method: string;
  /** Absolute-form target, e.g. `http://redis.ap-shanghai-fsi.tencentcloudapi.com/`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Registers hooks that run a recording proxy in front of `target()` (resolved per request) for this file. */
export function useRecordingProxy(target: () => string) {
  const seen: Recorded[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      seen.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: body.toString(),
      });
      const to = new URL(target());
      const out = request(
        { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      out.on("error", () => res.destroy());
      out.end(body);
    });
  });
  beforeAll(() => new Promise<void>((r) => server.listen(0, "127.0.0.1", r)));
  afterAll(
    () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  );
  return {
    get url() {
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    /** Every request so far, oldest first. */
    seen,
    /** The JSON bodies of the requests for Tencent `action` (X-TC-Action), oldest first. */
    tencentBodies(action: string): Record<string, unknown>[] {
      return seen.filter((r) => r.headers["x-tc-action"] === action).map((r) => JSON.parse(r.body));
    },
  };
}
