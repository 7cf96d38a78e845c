/**
 * EmulatorAdmin: what tests, the demo and users do to the emulated cloud out of band — the things
 * a console, an operator or bad luck would do. The same operations are reachable over HTTP at
 * `POST /_emulator/<op>` (see {@link adminOperations}); every result is plain JSON.
 */
import { AdminOperation, args } from "./adminRoutes";
import type { EmulatorClock } from "./clock";
import type { Fault, FaultInjector, FaultOptions } from "./faults";
import type { SlidingWindowRateLimiter } from "./rateLimiter";
import type { EmulatorStatsSnapshot, StatsRecorder } from "./stats";
import type { InstanceSeed } from "./tencentcloud/seeds";
import type { BackupLifecycle, TaskStatus, TencentRedisState } from "./tencentcloud/state";
import { formatTencentTime } from "./tencentcloud/time";

/** A backup as the emulator holds it, for assertions. Times are formatted as the API shows them. */
export interface AdminBackupView {
  backupId: string;
  instanceId: string;
  remark: string;
  backupType: string;
  /** Where the backup is in its life (failed = its task failed; it never appears in the API). */
  lifecycle: BackupLifecycle;
  /** The Status the API shows now; null when the API does not show the backup at all. */
  status: number | null;
  locked: boolean;
  startTime: string;
  endTime: string;
  expireTime: string;
  storageDays: number;
  taskId: number | null;
  taskStatus: TaskStatus | null;
}

export interface AdminStats extends EmulatorStatsSnapshot {
  rateLimitPerSecond: number;
  clock: { skewSeconds: number; advancedSeconds: number };
  pendingFaults: ReturnType<FaultInjector["pending"]>;
}

export interface EmulatorAdmin {
  /** Adds an instance (optionally with existing backups). */
  addInstance(seed: InstanceSeed): void;
  /** Marks an instance deleted (recycled): describes say InstanceNotExists, a backup InstanceDeleted. */
  deleteInstance(instanceId: string): void;
  /** Marks an instance isolated (expired, in the recycle bin): a backup says InstanceIsolated. */
  isolateInstance(instanceId: string): void;
  /** Locks an instance as another flow would: a backup says InstanceLockedError. */
  lockInstance(instanceId: string, locked?: boolean): void;
  /** Locks a backup as another flow would: Status 1, Locked 1. */
  lockBackup(backupId: string, locked?: boolean): void;
  /** Deletes a backup out of band: Status -2, and DescribeBackupDetail says BackupNotExists. */
  deleteBackup(backupId: string): void;
  /** Makes a backup expire now (world clock): Status -1. */
  expireBackup(backupId: string): void;
  /** Moves the world clock forward: tasks progress, backups expire; signatures still validate. */
  advanceClock(seconds: number): void;
  /** Sets the server clock's skew from real time (signing and world clocks both move). */
  setClockSkew(seconds: number): void;
  /** Seconds new backup tasks take on the world clock (0 = done at once). */
  setTaskSeconds(seconds: number): void;
  /** Requests allowed per action per second (0 = unlimited). */
  setRateLimit(perSecond: number): void;
  /** The next backup task on this instance ends `failed` with this TaskMessage. */
  failNextTask(instanceId: string, message: string): void;
  /** Arms a fault for an action (or `*`). */
  injectFault(action: string, fault: Fault, options?: FaultOptions): void;
  /** Disarms every fault. */
  clearFaults(): void;
  /** Backup records, newest first, optionally of one instance. */
  backups(instanceId?: string): AdminBackupView[];
  /** Counters and settings. */
  stats(): AdminStats;
}

export interface AdminDeps {
  clock: EmulatorClock;
  faults: FaultInjector;
  limiter: SlidingWindowRateLimiter;
  stats: StatsRecorder;
  tencent: TencentRedisState;
  utcOffsetMinutes: number;
}

export function createEmulatorAdmin(deps: AdminDeps): EmulatorAdmin {
  const { clock, faults, limiter, stats, tencent, utcOffsetMinutes } = deps;
  const time = (ms: number) => formatTencentTime(ms, utcOffsetMinutes);
  return {
    addInstance: (seed) => void tencent.addInstance(seed),
    deleteInstance: (id) => tencent.setInstanceStatus(id, "deleted"),
    isolateInstance: (id) => tencent.setInstanceStatus(id, "isolated"),
    lockInstance: (id, locked = true) => tencent.lockInstance(id, locked),
    lockBackup: (id, locked = true) => tencent.lockBackup(id, locked),
    deleteBackup: (id) => tencent.deleteBackup(id),
    expireBackup: (id) => tencent.expireBackup(id),
    advanceClock: (seconds) => clock.advance(seconds),
    setClockSkew: (seconds) => clock.setSkew(seconds),
    setTaskSeconds: (seconds) => tencent.setTaskSeconds(seconds),
    setRateLimit: (perSecond) => limiter.setLimit(perSecond),
    failNextTask: (id, message) => tencent.failNextTask(id, message),
    injectFault: (action, fault, options) => faults.inject(action, fault, options),
    clearFaults: () => faults.clear(),
    backups: (instanceId) =>
      tencent.allBackups(instanceId).map((b) => {
        const task = b.taskId === undefined ? undefined : tencent.task(b.taskId);
        return {
          backupId: b.backupId,
          instanceId: b.instanceId,
          remark: b.remark,
          backupType: b.backupType,
          lifecycle: tencent.lifecycle(b),
          status: tencent.apiStatus(b) ?? null,
          locked: b.locked,
          startTime: time(b.startMs),
          endTime: time(b.startMs + b.durationMs),
          expireTime: time(b.expireMs),
          storageDays: b.storageDays,
          taskId: b.taskId ?? null,
          taskStatus: task ? tencent.taskStatus(task) : null,
        };
      }),
    stats: () => ({
      ...stats.snapshot(faults.counts()),
      rateLimitPerSecond: limiter.limit,
      clock: clock.describe(),
      pendingFaults: faults.pending(),
    }),
  };
}

/** The admin operations by HTTP name; each takes a JSON object of named arguments. */
export function adminOperations(admin: EmulatorAdmin): Record<string, AdminOperation> {
  return {
    // The body is the seed itself: {"instanceId": "crs-...", ...}.
    addInstance: (a) => admin.addInstance(a as InstanceSeed),
    deleteInstance: (a) => admin.deleteInstance(args.string(a, "instanceId")),
    isolateInstance: (a) => admin.isolateInstance(args.string(a, "instanceId")),
    lockInstance: (a) => admin.lockInstance(args.string(a, "instanceId"), args.boolean(a, "locked", true)),
    lockBackup: (a) => admin.lockBackup(args.string(a, "backupId"), args.boolean(a, "locked", true)),
    deleteBackup: (a) => admin.deleteBackup(args.string(a, "backupId")),
    expireBackup: (a) => admin.expireBackup(args.string(a, "backupId")),
    advanceClock: (a) => admin.advanceClock(args.number(a, "seconds")),
    setClockSkew: (a) => admin.setClockSkew(args.number(a, "seconds")),
    setTaskSeconds: (a) => admin.setTaskSeconds(args.number(a, "seconds")),
    setRateLimit: (a) => admin.setRateLimit(args.number(a, "perSecond")),
    failNextTask: (a) => admin.failNextTask(args.string(a, "instanceId"), args.string(a, "message")),
    injectFault: (a) =>
      admin.injectFault(
        args.string(a, "action"),
        args.object(a, "fault") as Fault,
        a.options === undefined ? undefined : (args.object(a, "options") as FaultOptions),
      ),
    clearFaults: () => admin.clearFaults(),
    backups: (a) => admin.backups(args.optionalString(a, "instanceId")),
    stats: () => admin.stats(),
  };
}
