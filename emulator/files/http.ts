/**
 * Writes a file server's answer to a socket: headers, then the content range in chunks that wait
 * for the socket to drain (a 1 GiB file never sits in memory), cut short where a test armed an
 * interruption.
 */
import type { ServerResponse } from "http";
import { contentRange } from "./content";
import type { FileAnswer } from "./store";

/** Bytes generated and written at a time. */
const CHUNK_BYTES = 256 * 1024;

/** Streams `answer` to `res`; resolves once it is written, or the connection is gone. */
export async function writeFileAnswer(res: ServerResponse, answer: FileAnswer, date: string): Promise<void> {
  const headers = { ...answer.headers, Date: date };
  if (!answer.bytes) {
    const text = answer.text ?? "";
    res.writeHead(answer.status, {
      ...headers,
      "Content-Length": answer.headers["Content-Length"] ?? String(Buffer.byteLength(text)),
    });
    res.end(text);
    return;
  }
  res.writeHead(answer.status, headers);
  const { seed, start, end } = answer.bytes;
  let position = start;
  let sent = 0;
  while (position <= end) {
    if (answer.cutAfter !== undefined && sent >= answer.cutAfter) {
      res.socket?.destroy();
      return;
    }
    const room = answer.cutAfter === undefined ? Infinity : answer.cutAfter - sent;
    const n = Math.min(CHUNK_BYTES, end - position + 1, room);
    const chunk = contentRange(seed, position, n);
    position += n;
    sent += n;
    if (!res.write(chunk) && !(await drained(res))) return;
  }
  if (answer.cutAfter !== undefined && sent >= answer.cutAfter && position <= end) {
    res.socket?.destroy();
    return;
  }
  res.end();
}

/** True once `res` can take more; false when its connection closed first. */
function drained(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}
