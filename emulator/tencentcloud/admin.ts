/**
 * TencentAdmin: what tests, the demo and users do to the emulated Tencent Redis out of band — what a
 * console, an operator or bad luck would do. In process as `emulator.tencentcloud.<op>(...)`; over
 * HTTP as `POST /_emulator/tencentcloud/<op>` with a JSON object of named arguments. Tencent is the
 * emulator's default vendor (its API is at `POST /`), so its operations are also served where they
 * always were: `emulator.admin.<op>` and `POST /_emulator/<op>`.
 */
import { forwardTo } from "../forward";
import { AdminOperation, args } from "../adminRoutes";
import type { InstanceSeed } from "./seeds";
import type { BackupLifecycle, TaskStatus, TencentRedisState } from "./state";
import { formatTencentTime } from "./time";

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

/** Tencent's out-of-band operations (`emulator.tencentcloud`, `POST /_emulator/tencentcloud/<op>`). */
export interface TencentAdmin {
  /** Adds an instance (optionally with existing backups). */
  addInstance(seed: InstanceSeed): void;
  /** Marks an instance deleted (recycled): describes say InstanceNotExists, a backup InstanceStateError. */
  deleteInstance(instanceId: string): void;
  /** Marks an instance isolated (expired, in the recycle bin): a backup says InstanceStatusAbnormal. */
  isolateInstance(instanceId: string): void;
  /** Locks an instance as another flow would: a backup says InstanceLockedError. */
  lockInstance(instanceId: string, locked?: boolean): void;
  /** Locks a backup as another flow would: Status 1, Locked 1. */
  lockBackup(backupId: string, locked?: boolean): void;
  /** Deletes a backup out of band: Status -2, and DescribeBackupDetail says BackupNotExists. */
  deleteBackup(backupId: string): void;
  /** Makes a backup expire now (world clock): Status -1. */
  expireBackup(backupId: string): void;
  /** Seconds new backup tasks take on the world clock (0 = done at once). */
  setTaskSeconds(seconds: number): void;
  /** The next backup task on this instance ends `failed` with this TaskMessage. */
  failNextTask(instanceId: string, message: string): void;
  /** Backup records, newest first, optionally of one instance. */
  backups(instanceId?: string): AdminBackupView[];
}

/** The Tencent admin object, acting on `tencent`; its views show times in the API's zone. */
export function createTencentAdmin(tencent: TencentRedisState, utcOffsetMinutes: number): TencentAdmin {
  const time = (ms: number) => formatTencentTime(ms, utcOffsetMinutes);
  return {
    addInstance: (seed) => void tencent.addInstance(seed),
    deleteInstance: (id) => tencent.setInstanceStatus(id, "deleted"),
    isolateInstance: (id) => tencent.setInstanceStatus(id, "isolated"),
    lockInstance: (id, locked = true) => tencent.lockInstance(id, locked),
    lockBackup: (id, locked = true) => tencent.lockBackup(id, locked),
    ...forwardTo(tencent, ["deleteBackup", "expireBackup", "setTaskSeconds", "failNextTask"]),
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
  };
}

/** The admin operations by HTTP name (`POST /_emulator/tencentcloud/<op>`, and `/_emulator/<op>`). */
export function tencentAdminOperations(admin: TencentAdmin): Record<string, AdminOperation> {
  return {
    // The body is the seed itself: {"instanceId": "crs-...", ...}.
    addInstance: (a) => admin.addInstance(a as unknown as InstanceSeed),
    deleteInstance: (a) => admin.deleteInstance(args.string(a, "instanceId")),
    isolateInstance: (a) => admin.isolateInstance(args.string(a, "instanceId")),
    lockInstance: (a) => admin.lockInstance(args.string(a, "instanceId"), args.boolean(a, "locked", true)),
    lockBackup: (a) => admin.lockBackup(args.string(a, "backupId"), args.boolean(a, "locked", true)),
    deleteBackup: (a) => admin.deleteBackup(args.string(a, "backupId")),
    expireBackup: (a) => admin.expireBackup(args.string(a, "backupId")),
    setTaskSeconds: (a) => admin.setTaskSeconds(args.number(a, "seconds")),
    failNextTask: (a) => admin.failNextTask(args.string(a, "instanceId"), args.string(a, "message")),
    backups: (a) => admin.backups(args.optionalString(a, "instanceId")),
  };
}
