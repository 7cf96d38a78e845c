/**
 * A server that answers whatever a test scripts — status and raw body — to see what the client
 * makes of answers no vendor should send. It does not imitate a vendor; the emulator does that.
 */
import { AddressInfo } from "net";
import { createServer } from "http";

export interface Scripted {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

export async function startHostileServer() {
  let next: Scripted = { status: 200, body: "{}" };
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on("end", () => {
      res.writeHead(next.status, { "Content-Type": "application/json", ...next.headers });
      res.end(next.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answer(s: Scripted) {
      next = s;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
