/**
 * Downloads one backup file to `dest`, so that a failed download never leaves a file that looks
 * complete: bytes go to `<dest>.part`, renamed to `dest` only once their count is the size the API
 * reported. An interrupted transfer (a dropped connection, a crash, Ctrl-C) resumes from the part
 * file with an HTTP range request, in this run or the next. A URL past its stated lifetime, or one
 * the server says has expired, is asked for anew; any other refusal is said in the server's words.
 */
import {
  accessSync,
  constants,
  createWriteStream,
  existsSync,
  renameSync,
  statSync,
  truncateSync,
  unlinkSync,
} from "fs";
import { dirname } from "path";
import { IncomingMessage, get as httpGet } from "http";
import { get as httpsGet } from "https";
import { realSleep } from "../../provider/core/clock";
import { backoffDelay, defaultRetry } from "../../provider/core/retry";
import type { BackupFile } from "../../provider/core/downloadUrls";

/** A download the server refused for a reason other than an expired URL (a restriction, a missing file). */
export class DownloadRefusedError extends Error {
  override readonly name = "DownloadRefusedError";
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * The part file could not be written (no such folder, no permission, a full disk): nothing a resume
 * or a new URL mends, so the download stops at once and says where.
 */
export class LocalWriteError extends Error {
  override readonly name = "LocalWriteError";
}

/** One file to fetch: its URLs, where it goes, how to get new URLs, and how often to resume or refresh. */
export interface FetchFileOptions {
  /** The file's URLs as first given. */
  file: BackupFile;
  /** Where the file goes (`<dest>.part` while it comes). */
  dest: string;
  /** Use the intranet URL (from inside the cloud's network). */
  intranet?: boolean;
  /** New URLs for this file, when the ones held have expired. */
  refresh(): Promise<BackupFile>;
  /** Told of every byte count written so far (resumed bytes included) and the size when known. */
  onProgress?(bytes: number, size: number | undefined): void;
  /** Told of what the download did that a person may want to know (a resume, a new URL). */
  onNote?(text: string): void;
  /** Transfers resumed after an interruption or a server error (5xx) before giving up (default 5). */
  maxResumes?: number;
  /** URLs asked for anew before giving up (default 3). */
  maxRefreshes?: number;
  now?: () => number;
  /** Waits before asking a server that answered 5xx again (default: a real timer). */
  sleep?: (ms: number) => Promise<void>;
  /** The jitter of those waits, in [0, 1) (default Math.random). */
  random?: () => number;
}

/** What a finished download did. */
export interface FetchFileResult {
  dest: string;
  bytes: number;
  /** Bytes that were already in the part file when this run began. */
  resumedFrom: number;
  resumes: number;
  refreshes: number;
}

/** The part file of `dest`. */
export const partPath = (dest: string) => `${dest}.part`;

/** Downloads `options.file` to `options.dest`. */
export async function fetchFile(options: FetchFileOptions): Promise<FetchFileResult> {
  const { dest, intranet = false } = options;
  const now = options.now ?? Date.now;
  const part = partPath(dest);
  let file = options.file;
  let expected = file.sizeBytes;
  mayWrite(part);
  let have = existsSync(part) ? statSync(part).size : 0;
  const resumedFrom = have;
  let resumes = 0;
  let refreshes = 0;
  const refresh = async (why: string) => {
    if (++refreshes > (options.maxRefreshes ?? 3)) {
      throw new DownloadRefusedError(
        `${file.fileName}: ${why}, and ${refreshes - 1} new URLs did not help`,
        403,
      );
    }
    options.onNote?.(`${file.fileName}: ${why}; asking for a new URL`);
    file = await options.refresh();
    expected = file.sizeBytes ?? expected;
  };
  if (have > 0) options.onNote?.(`${file.fileName}: resuming at byte ${have} of ${expected ?? "?"}`);

  for (;;) {
    if (expected !== undefined && have > expected) {
      truncateSync(part, 0);
      have = 0;
    }
    if (expected !== undefined && have === expected && existsSync(part)) break;
    if (file.expiresAt && Date.parse(file.expiresAt) <= now()) {
      await refresh(`its URL expired at ${file.expiresAt}`);
      continue;
    }
    const url = intranet ? file.intranetUrl : file.url;
    if (!url) throw new DownloadRefusedError(`${file.fileName}: the cloud gives no intranet URL for it`, 0);
    let res: IncomingMessage;
    try {
      res = await request(url, have);
    } catch (e) {
      if (++resumes > (options.maxResumes ?? 5)) throw e;
      options.onNote?.(`${file.fileName}: ${(e as Error).message}; trying again`);
      continue;
    }
    if (res.statusCode === 403 || res.statusCode === 404) {
      const message = storeMessage(await readText(res));
      if (res.statusCode === 403 && /expired/i.test(message)) {
        await refresh(`the server says its URL has expired (${message})`);
        continue;
      }
      throw new DownloadRefusedError(
        `${file.fileName}: refused (HTTP ${res.statusCode}): ${message}`,
        res.statusCode,
      );
    }
    if (SERVER_ERROR.has(res.statusCode ?? 0)) {
      // The store's own trouble (503 SlowDown, 500 InternalError): the URL is good, ask again later.
      const message = storeMessage(await readText(res));
      if (++resumes > (options.maxResumes ?? 5)) {
        throw new DownloadRefusedError(
          `${file.fileName}: HTTP ${res.statusCode}: ${message}, ${resumes - 1} times`,
          res.statusCode ?? 0,
        );
      }
      // The clients' own backoff: full jitter keeps a cluster's shards from asking again together.
      const waitMs = backoffDelay(resumes, { ...defaultRetry, random: options.random ?? Math.random });
      options.onNote?.(
        `${file.fileName}: HTTP ${res.statusCode} (${message}); trying again in ${(waitMs / 1000).toFixed(1)} s`,
      );
      await (options.sleep ?? realSleep)(waitMs);
      continue;
    }
    if (res.statusCode === 416) {
      await readText(res);
      // Our part file is past what the server has: start over.
      truncateSync(part, 0);
      have = 0;
      continue;
    }
    if (res.statusCode !== 200 && res.statusCode !== 206) {
      const message = storeMessage(await readText(res));
      throw new DownloadRefusedError(
        `${file.fileName}: HTTP ${res.statusCode}: ${message}`,
        res.statusCode ?? 0,
      );
    }
    const total = totalSize(res, have);
    if (expected !== undefined && total !== undefined && total !== expected) {
      res.destroy();
      throw new DownloadRefusedError(
        `${file.fileName}: the server has ${total} bytes, the API reported ${expected}; nothing was kept`,
        res.statusCode,
      );
    }
    expected ??= total;
    if (res.statusCode === 200 && have > 0) {
      // The server ignored the range: the whole file follows.
      truncateSync(part, 0);
      have = 0;
    }
    try {
      have = await appendBody(res, part, have, (n) => options.onProgress?.(n, expected));
    } catch (e) {
      if (e instanceof LocalWriteError) throw e;
      have = existsSync(part) ? statSync(part).size : 0;
      if (++resumes > (options.maxResumes ?? 5)) throw e;
      options.onNote?.(`${file.fileName}: interrupted at byte ${have} (${(e as Error).message}); resuming`);
      continue;
    }
    if (expected === undefined) break;
  }
  if (expected !== undefined && have !== expected) {
    unlinkSync(part);
    throw new DownloadRefusedError(`${file.fileName}: got ${have} bytes, the API reported ${expected}`, 0);
  }
  renameSync(part, dest);
  return { dest, bytes: have, resumedFrom, resumes, refreshes };
}

/** Statuses a store answers for its own trouble, which a later request may not meet. */
const SERVER_ERROR = new Set([500, 502, 503, 504]);

/** Throws a LocalWriteError unless `part` can be written (its folder, and the file when it exists), before any byte is fetched. */
function mayWrite(part: string): void {
  const existing = existsSync(part) ? statSync(part) : undefined;
  if (existing?.isDirectory()) throw new LocalWriteError(`cannot write ${part}: a folder has its name`);
  try {
    accessSync(existing ? part : dirname(part), constants.W_OK);
  } catch (e) {
    throw new LocalWriteError(`cannot write ${part}: ${(e as Error).message}`);
  }
}

/** GET `url`, from byte `from` on. */
function request(url: string, from: number): Promise<IncomingMessage> {
  const get = url.startsWith("https:") ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(url, { headers: from > 0 ? { Range: `bytes=${from}-` } : {} }, resolve);
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error("no answer for 60 s")));
  });
}

/** The whole file's size as a 200 or 206 tells it. */
function totalSize(res: IncomingMessage, from: number): number | undefined {
  const range = /\/(\d+)$/.exec(String(res.headers["content-range"] ?? ""));
  if (range) return Number(range[1]);
  const length = Number(res.headers["content-length"]);
  if (!Number.isFinite(length)) return undefined;
  return res.statusCode === 206 ? from + length : length;
}

/** Appends the body to `part`; resolves with the part's size once the body is complete, rejects when cut short. */
function appendBody(
  res: IncomingMessage,
  part: string,
  from: number,
  progress: (bytes: number) => void,
): Promise<number> {
  return new Promise((resolve, reject) => {
    // Large writes: a backup is hundreds of MiB, and small ones cost a syscall each.
    const out = createWriteStream(part, { flags: from > 0 ? "a" : "w", highWaterMark: 4 * 1024 * 1024 });
    let bytes = from;
    let failed: Error | undefined;
    res.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      progress(bytes);
    });
    res.on("aborted", () => (failed ??= new Error("the connection was cut")));
    res.on("error", (e) => (failed ??= e));
    res.on("close", () => {
      if (!res.complete) failed ??= new Error("the connection was cut");
    });
    res.pipe(out);
    out.on("error", (e) => {
      // The transfer is worthless once the file cannot take it: stop it rather than read on.
      res.destroy();
      reject(new LocalWriteError(`cannot write ${part}: ${e.message}`));
    });
    out.on("close", () => (failed ? reject(failed) : resolve(bytes)));
    res.on("close", () => {
      if (failed) out.end();
    });
  });
}

function readText(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8").slice(0, 4000)));
    res.on("error", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });
}

/** An object store's error page (`<Code>…</Code><Message>…</Message>`) as one line. */
export function storeMessage(body: string): string {
  const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
  const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1];
  if (code || message)
    return [code, message]
      .filter(Boolean)
      .join(": ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  return body.trim().split("\n")[0] || "(no message)";
}
