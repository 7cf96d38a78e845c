/**
 * The one file server every emulated vendor hands download URLs from. A vendor `issue`s a URL for
 * a file of a backup (its name, size, network, lifetime and any restriction); the server answers
 * `GET`/`HEAD /_files/<token>/<name>` with the file's bytes (see content.ts), honouring a single
 * `Range`, refusing an expired URL (the emulator's world clock) or a restricted one with a 403 in
 * the object stores' XML words (COS and OSS both answer `AccessDenied` / `Request has expired`).
 *
 * Nothing here knows a vendor's API; the vendors know nothing of HTTP ranges.
 */
import { randomBytes } from "crypto";
import type { EmulatorClock } from "../clock";
import { contentSeed } from "./content";

/** A grant expired this long ago (world clock) is forgotten: its URL then answers 404, not 403. */
const FORGET_AFTER_MS = 86_400_000;
/** Expired grants are swept once every this many issues (Alibaba's listings issue two per backup per call). */
const SWEEP_EVERY = 1000;

/** Where download URLs are served on the emulator. */
export const FILES_PREFIX = "/_files/";

/** Which of a backup's two URLs a grant is: the public one, or the cloud's private network's. */
export type FileNetwork = "public" | "intranet";

/** Who asks for a file: what a restriction may judge. */
export interface FileRequester {
  /** The client's address as the emulator's socket sees it. */
  remoteAddress: string;
}

/** What a vendor asks for when it hands out a URL. */
export interface IssueRequest {
  vendor: string;
  /** Names the file's bytes: the same key always gives the same content. */
  objectKey: string;
  fileName: string;
  sizeBytes: number;
  network: FileNetwork;
  /** How long the URL works, on the world clock; unset: until the emulator stops. */
  ttlMs?: number;
  /** Why `requester` may not have the file (the vendor's restriction), or undefined. */
  refusal?: (requester: FileRequester) => string | undefined;
}

/** A URL handed out. */
export interface FileGrant extends IssueRequest {
  token: string;
  url: string;
  issuedMs: number;
  expiresMs?: number;
}

/** The server's answer to a file request, written by the emulator's HTTP front. */
export interface FileAnswer {
  status: number;
  headers: Record<string, string>;
  /** A short text body (an error page); absent when `bytes` is. */
  text?: string;
  /** The content range to stream, inclusive, from the file seeded `seed`. */
  bytes?: { seed: Buffer; start: number; end: number };
  /** Drop the connection after this many body bytes (an interrupted download). */
  cutAfter?: number;
}

/** The emulator's file server state: grants, chosen sizes, armed interruptions. */
export class BackupFiles {
  private baseUrl = "http://127.0.0.1";
  private readonly grants = new Map<string, FileGrant>();
  private readonly chosenSizes = new Map<string, number>();
  private readonly cuts: number[] = [];
  private readonly failures: number[] = [];
  private served = 0;
  private issued = 0;

  constructor(private readonly clock: EmulatorClock) {}

  /** Set once the server listens: URLs name the emulator's own address. */
  setBaseUrl(url: string): void {
    this.baseUrl = url.replace(/\/+$/, "");
  }

  /** A URL for a file; each call hands out a new one, as the clouds' APIs do. */
  issue(request: IssueRequest): FileGrant {
    const token = randomBytes(12).toString("hex");
    const issuedMs = this.clock.worldNow();
    const expiresMs = request.ttlMs === undefined ? undefined : issuedMs + request.ttlMs;
    const query = expiresMs === undefined ? "" : `?Expires=${Math.floor(expiresMs / 1000)}`;
    const url = `${this.baseUrl}${FILES_PREFIX}${token}/${encodeURIComponent(request.fileName)}${query}`;
    const grant: FileGrant = { ...request, token, url, issuedMs, expiresMs };
    if (++this.issued % SWEEP_EVERY === 0) this.forgetExpired(issuedMs);
    this.grants.set(token, grant);
    return grant;
  }

  /** Drops grants that expired more than a day ago, so a long-running emulator does not grow without bound. */
  private forgetExpired(nowMs: number): void {
    for (const [token, g] of this.grants) {
      if (g.expiresMs !== undefined && g.expiresMs + FORGET_AFTER_MS < nowMs) this.grants.delete(token);
    }
  }

  /** Every URL handed out and not yet forgotten (the canary test looks for them in state). */
  issuedUrls(): string[] {
    return [...this.grants.values()].map((g) => g.url);
  }

  /**
   * The total size the files of `vendor`'s backup `backupId` get, instead of the size the vendor
   * records (a test that needs 64 MiB to measure, or 10 bytes to read).
   */
  chooseSize(vendor: string, backupId: string, bytes: number): void {
    if (!Number.isInteger(bytes) || bytes < 0)
      throw new RangeError(`bytes must be a whole number >= 0, got ${bytes}`);
    this.chosenSizes.set(`${vendor}/${backupId}`, bytes);
  }

  /** The size a backup's files add up to: the one chosen for it, else what the vendor recorded. */
  sizeOf(vendor: string, backupId: string, recorded: number): number {
    return this.chosenSizes.get(`${vendor}/${backupId}`) ?? recorded;
  }

  /** The next file response drops its connection after `bytes` bytes of body. */
  interruptNext(bytes: number): void {
    if (!Number.isInteger(bytes) || bytes < 0)
      throw new RangeError(`bytes must be a whole number >= 0, got ${bytes}`);
    this.cuts.push(bytes);
  }

  /**
   * The next file request answers `status` with the object stores' error page: 503 SlowDown (the
   * store asks for fewer requests) or 500 InternalError. Both mean "try again"; the URL stays good.
   */
  failNext(status: number): void {
    if (!SERVER_ERRORS[status])
      throw new RangeError(`status must be one of ${Object.keys(SERVER_ERRORS).join(", ")}, got ${status}`);
    this.failures.push(status);
  }

  /** File responses with a body started so far. */
  get downloads(): number {
    return this.served;
  }

  /** The answer to `method path` from `requester`. */
  answer(
    method: string,
    path: string,
    headers: Record<string, unknown>,
    requester: FileRequester,
  ): FileAnswer {
    if (method !== "GET" && method !== "HEAD") {
      return {
        ...storeError(405, "MethodNotAllowed", `${method} is not allowed on a download URL`),
        headers: { Allow: "GET, HEAD" },
      };
    }
    const failure = this.failures.shift();
    if (failure !== undefined)
      return storeError(failure, SERVER_ERRORS[failure].code, SERVER_ERRORS[failure].message);
    const token = path.slice(FILES_PREFIX.length).split(/[/?]/)[0];
    const grant = this.grants.get(token);
    if (!grant) return storeError(404, "NoSuchKey", "The specified key does not exist.");
    if (grant.expiresMs !== undefined && this.clock.worldNow() >= grant.expiresMs) {
      return storeError(403, "AccessDenied", "Request has expired");
    }
    const refused = grant.refusal?.(requester);
    if (refused) return storeError(403, "AccessDenied", refused);
    const size = grant.sizeBytes;
    const common = {
      "Accept-Ranges": "bytes",
      "Content-Type": "application/octet-stream",
      "Content-Disposition": `attachment; filename="${grant.fileName.replace(/"/g, "")}"`,
    };
    const range = parseRange(headers.range, size);
    if (range === "unsatisfiable") {
      return {
        ...storeError(416, "InvalidRange", "The requested range is not satisfiable"),
        headers: { "Content-Range": `bytes */${size}` },
      };
    }
    const [start, end] = range ?? [0, size - 1];
    const length = end - start + 1;
    const status = range ? 206 : 200;
    const answerHeaders: Record<string, string> = {
      ...common,
      "Content-Length": String(Math.max(0, length)),
      ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
    };
    if (method === "HEAD" || length <= 0) return { status, headers: answerHeaders, text: "" };
    this.served++;
    return {
      status,
      headers: answerHeaders,
      bytes: { seed: contentSeed(grant.objectKey), start, end },
      cutAfter: this.cuts.shift(),
    };
  }
}

/**
 * The store errors that ask a client to try again, by status, in COS's and S3's words (OSS documents
 * a 503 when it throttles, not its page: see the README).
 */
const SERVER_ERRORS: Record<number, { code: string; message: string }> = {
  500: { code: "InternalError", message: "We encountered an internal error. Please try again." },
  503: { code: "SlowDown", message: "Please reduce your request rate." },
};

/** The object stores' error page: `<Error><Code>…</Code><Message>…</Message></Error>`. */
function storeError(status: number, code: string, message: string): FileAnswer {
  const text =
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code>` +
    `<Message>${escapeXml(message)}</Message><RequestId>${randomBytes(12).toString("hex")}</RequestId></Error>\n`;
  return { status, headers: { "Content-Type": "application/xml" }, text };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * One `bytes=` range of a file of `size` bytes, inclusive; undefined when there is none (or more
 * than one: the whole file is a valid answer to a multi-range request), "unsatisfiable" past the end.
 */
export function parseRange(header: unknown, size: number): [number, number] | undefined | "unsatisfiable" {
  if (typeof header !== "string") return undefined;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return undefined;
  if (m[1] === "") {
    const suffix = Number(m[2]);
    if (suffix === 0) return "unsatisfiable";
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return [start, end];
}
