/**
 * The emulator's own admin operations, cloud-neutral: its clock, its faults, its rate limit and
 * its counters — what every vendor shares. In process as `emulator.admin.<op>(...)`; over HTTP as
 * `POST /_emulator/<op>` (see {@link neutralAdminOperations}); every result is plain JSON. Each
 * vendor's own operations (its instances, backups, jobs) are its folder's `admin.ts`.
 */
import { AdminOperation, args } from "./adminRoutes";
import type { EmulatorClock } from "./clock";
import type { Fault, FaultInjector, FaultOptions } from "./faults";
import type { BackupFiles } from "./files/store";
import type { SlidingWindowRateLimiter } from "./rateLimiter";
import type { EmulatorStatsSnapshot, StatsRecorder } from "./stats";

/**
 * What the `stats` operation answers: the counters, plus the rate limit, the clock's skew and
 * advance, and the faults still armed.
 */
export interface AdminStats extends EmulatorStatsSnapshot {
  rateLimitPerSecond: number;
  clock: { skewSeconds: number; advancedSeconds: number };
  pendingFaults: ReturnType<FaultInjector["pending"]>;
}

/** The admin operations every vendor shares: the clock, faults, rate limit, counters and downloads. */
export interface NeutralAdmin {
  /** Moves the world clock forward: tasks progress, backups expire; signatures still validate. */
  advanceClock(seconds: number): void;
  /** Sets the server clock's skew from real time (signing and world clocks both move). */
  setClockSkew(seconds: number): void;
  /** Requests allowed per action per second (0 = unlimited). */
  setRateLimit(perSecond: number): void;
  /** Arms a fault for an action (or `*`). */
  injectFault(action: string, fault: Fault, options?: FaultOptions): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** Counters and settings. */
  stats(): AdminStats;
  /** Every download URL the vendors handed out so far. */
  issuedUrls(): string[];
  /** The files of `vendor`'s backup `backupId` add up to `bytes` instead of its recorded size. */
  setDownloadSize(vendor: string, backupId: string, bytes: number): void;
  /** The next download response drops its connection after `bytes` bytes of body. */
  interruptNextDownload(bytes: number): void;
  /** The next download request answers `status`: 503 SlowDown or 500 InternalError (try again). */
  failNextDownload(status: number): void;
}

/** The shared world the neutral operations act on: the clock, faults, limiter, stats and file server. */
export interface NeutralAdminDeps {
  clock: EmulatorClock;
  faults: FaultInjector;
  limiter: SlidingWindowRateLimiter;
  stats: StatsRecorder;
  files: BackupFiles;
}

/** The neutral admin object (part of `emulator.admin`), acting on the shared world. */
export function createNeutralAdmin({ clock, faults, limiter, stats, files }: NeutralAdminDeps): NeutralAdmin {
  return {
    advanceClock: (seconds) => clock.advance(seconds),
    setClockSkew: (seconds) => clock.setSkew(seconds),
    setRateLimit: (perSecond) => limiter.setLimit(perSecond),
    injectFault: (action, fault, options) => faults.inject(action, fault, options),
    clearFaults: () => faults.clear(),
    stats: () => ({
      ...stats.snapshot(faults.counts()),
      rateLimitPerSecond: limiter.limit,
      clock: clock.describe(),
      pendingFaults: faults.pending(),
    }),
    issuedUrls: () => files.issuedUrls(),
    setDownloadSize: (vendor, backupId, bytes) => files.chooseSize(vendor, backupId, bytes),
    interruptNextDownload: (bytes) => files.interruptNext(bytes),
    failNextDownload: (status) => files.failNext(status),
  };
}

/** The neutral operations by HTTP name; each takes a JSON object of named arguments. */
export function neutralAdminOperations(admin: NeutralAdmin): Record<string, AdminOperation> {
  return {
    advanceClock: (a) => admin.advanceClock(args.number(a, "seconds")),
    setClockSkew: (a) => admin.setClockSkew(args.number(a, "seconds")),
    setRateLimit: (a) => admin.setRateLimit(args.number(a, "perSecond")),
    injectFault: (a) =>
      admin.injectFault(
        args.string(a, "action"),
        args.object(a, "fault") as Fault,
        a.options === undefined ? undefined : (args.object(a, "options") as FaultOptions),
      ),
    clearFaults: () => admin.clearFaults(),
    stats: () => admin.stats(),
    issuedUrls: () => admin.issuedUrls(),
    setDownloadSize: (a) =>
      admin.setDownloadSize(args.string(a, "vendor"), args.string(a, "backupId"), args.number(a, "bytes")),
    interruptNextDownload: (a) => admin.interruptNextDownload(args.number(a, "bytes")),
    failNextDownload: (a) => admin.failNextDownload(args.number(a, "status")),
  };
}
