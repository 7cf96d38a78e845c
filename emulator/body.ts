/** Reads a request body, keeping at most `limit` bytes (the rest is drained, not stored). */
import type { IncomingMessage } from "http";

/** The body bytes kept, and whether the body was longer than the limit (then only its start is kept). */
export interface ReadBody {
  body: Buffer;
  tooLarge: boolean;
}

/** Reads `req` to its end, keeping at most `limit` bytes; rejects when the request stream fails. */
export function readBody(req: IncomingMessage, limit: number): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Keep reading so the client can finish sending and get its answer, but stop storing.
        tooLarge = true;
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve({ body: Buffer.concat(chunks), tooLarge }));
    req.on("error", reject);
  });
}
