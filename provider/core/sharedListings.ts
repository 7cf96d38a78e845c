/**
 * The read batcher: the refreshes of one provider process (the engine sends a refresh's reads
 * concurrently, `--parallel` at a time) answered from one paged listing per instance rather than
 * one call per backup. The first read of an instance starts its listing; later reads join it while
 * it runs and take their backup from it while it is fresh ({@link LISTING_FRESH_MS}, within one
 * command: a provider process lives no longer than the command that started it). A write on an
 * instance in this process (create, update, delete) makes its listings stale, those still running
 * included. A backup a listing does not show is no proof that it is gone (a window or a page may be
 * off): the caller confirms it with the per-backup read.
 *
 * The listings live at module scope, one set per timeline (real time, or a test's): nothing here
 * is on the provider object, so nothing is serialized into state. A listing is keyed by a hash of
 * where and as whom it was made (cloud, endpoint, region, the credentials: a read with another key
 * must not be answered by a listing its key could not make), never by a credential itself, and
 * holds only the vendor's entries, never a client.
 */
import { createHash } from "crypto";
import { Timeline, realTimeline } from "./clock";

/** How long a complete listing answers reads once it is done: seconds, well within one command. */
export const LISTING_FRESH_MS = 30_000;

/**
 * How far ahead of the process's first window the newest window ends: a day, so that a backup
 * the server dates a little ahead of our clock (skew) still falls in the newest window.
 */
const WINDOW_AHEAD_MS = 86_400_000;

/** The variable that turns the batcher off: `per-backup` reads each backup on its own, as before. */
export const REFRESH_READS_VARIABLE = "REDIS_BACKUP_REFRESH_READS";

/** True unless `REDIS_BACKUP_REFRESH_READS=per-backup` (read at call time). */
export function listingReadsEnabled(): boolean {
  return (process.env[REFRESH_READS_VARIABLE] ?? "").trim().toLowerCase() !== "per-backup";
}

/** Where a listing is made and what it covers. */
export interface ListingKey {
  /** Where the call goes and as whom: cloud, endpoint, region, project, the credentials (hashed, never kept as is). */
  where: readonly (string | undefined)[];
  /** The instance (or group) listed. */
  instance: string;
  /** What part of the instance's backups: a window of start times, a kind of listing. */
  part?: string;
}

/**
 * What a done listing answers: its entries by key, in the listing's order (a key may name several,
 * as an Alibaba backup id may), or nothing when it failed (each read then asks on its own).
 */
export type ListingResult<E> = ReadonlyMap<string, readonly E[]> | undefined;

interface Entry {
  instance: string;
  /** The instance's write generation when the listing started. */
  generation: number;
  /** When it was done, on the timeline's clock; unset while it runs. */
  doneAt?: number;
  result: Promise<ListingResult<unknown>>;
}

/** The listings of one timeline: shared by every read of this process on it. */
export class SharedListings {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  /** Where the windows of {@link windowOf} end: fixed when first asked, for the life of the process. */
  private anchorMs?: number;

  constructor(
    private readonly timeline: Timeline,
    private readonly freshMs = LISTING_FRESH_MS,
  ) {}

  /**
   * The entries of the listing `key` names, by `keyOf`: the one running or fresh, else a new one
   * made by `list`. A listing that fails answers undefined, to this read and to those that joined
   * it, and is forgotten: each of them then reads its backup on its own, as it would have.
   */
  async get<E>(
    key: ListingKey,
    list: () => Promise<E[]>,
    keyOf: (e: E) => string,
  ): Promise<ListingResult<E>> {
    const id = listingId(key);
    const now = this.timeline.clock.now();
    const known = this.entries.get(id);
    if (known && this.usable(known, now)) return known.result as Promise<ListingResult<E>>;
    // Only here, where a listing is added: a read its listing answers (most reads of a refresh)
    // walks none of the others, and what is stale still goes before anything new is kept.
    this.sweep(now);
    const entry: Entry = {
      instance: key.instance,
      generation: this.generation(key.instance),
      result: Promise.resolve(undefined),
    };
    entry.result = list().then(
      (items) => {
        entry.doneAt = this.timeline.clock.now();
        const byKey = new Map<string, E[]>();
        for (const e of items) {
          const k = keyOf(e);
          const same = byKey.get(k);
          if (same) same.push(e);
          else byKey.set(k, [e]);
        }
        return byKey;
      },
      () => {
        if (this.entries.get(id) === entry) this.entries.delete(id);
        return undefined;
      },
    );
    this.entries.set(id, entry);
    return entry.result as Promise<ListingResult<E>>;
  }

  /**
   * The window of start times, `spanMs` long (both ends included, whole seconds), that holds
   * `startMs`, for a vendor whose listing takes a bounded window (Tencent: 30 days). Windows are
   * counted back from one anchor, a day after the first window asked for in this process, so the
   * reads of one instance share a window whenever their start times are within one span of each
   * other *and of now*: backups kept up to a span (Tencent's default is 7 days) take one listing
   * per instance. Windows at fixed multiples of the span since the epoch would split them in two
   * whenever a boundary fell among them, as it does for most instances of a fleet kept 30 days.
   */
  windowOf(startMs: number, spanMs: number): { beginMs: number; endMs: number } {
    this.anchorMs ??= Math.ceil((this.timeline.clock.now() + WINDOW_AHEAD_MS) / 1000) * 1000;
    const back = Math.floor((this.anchorMs - startMs) / spanMs);
    const endMs = this.anchorMs - back * spanMs;
    return { beginMs: endMs - spanMs + 1000, endMs };
  }

  /** Makes every listing of `instance` stale, those still running too: a write on it is under way or done. */
  invalidate(instance: string): void {
    this.generations.set(instance, this.generation(instance) + 1);
    for (const [id, e] of this.entries) if (e.instance === instance) this.entries.delete(id);
  }

  /** Listings held now (running or fresh), for tests of the memory they keep. */
  get size(): number {
    return this.entries.size;
  }

  private generation(instance: string): number {
    return this.generations.get(instance) ?? 0;
  }

  private usable(e: Entry, now: number): boolean {
    if (e.generation !== this.generation(e.instance)) return false;
    return e.doneAt === undefined || now - e.doneAt <= this.freshMs;
  }

  /** Drops what is stale, so a long process keeps only the listings it can still use. */
  private sweep(now: number): void {
    for (const [id, e] of this.entries) if (!this.usable(e, now)) this.entries.delete(id);
  }
}

/** The key of a listing: a hash of where and as whom it is made (so no credential is kept as is), then what it covers. */
function listingId(key: ListingKey): string {
  const where = createHash("sha256").update(JSON.stringify(key.where)).digest("hex").slice(0, 32);
  return `${where} ${key.instance} ${key.part ?? ""}`;
}

const processListings = new WeakMap<Timeline, SharedListings>();

/** The listings every read of this process on `timeline` shares (real time unless a test keeps its own). */
export function sharedListings(timeline: Timeline = realTimeline): SharedListings {
  let listings = processListings.get(timeline);
  if (!listings) {
    listings = new SharedListings(timeline);
    processListings.set(timeline, listings);
  }
  return listings;
}

/**
 * The entries `lookup` names in the listing `key` names, shared on `timeline`: none when the
 * listing does not show it, or failed (the caller then reads the backup on its own, which says
 * "gone", or the error, exactly as a per-backup read does).
 */
export async function listedEntries<E>(
  timeline: Timeline | undefined,
  key: ListingKey,
  list: () => Promise<E[]>,
  keyOf: (e: E) => string,
  lookup: string,
): Promise<readonly E[]> {
  const listing = await sharedListings(timeline).get(key, list, keyOf);
  return listing?.get(lookup) ?? [];
}
