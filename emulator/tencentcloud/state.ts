/**
 * The Tencent Redis world the emulator keeps: instances, backups and the tasks that take them.
 * Nothing here knows HTTP or the wire format; statuses are computed from the world clock on
 * every read, so advancing the clock is all it takes for tasks to finish and backups to expire.
 */
import { randomInt } from "crypto";
import type { EmulatorClock } from "../clock";
import { BackupSeed, InstanceSeed, TENCENT_REGIONS, parseInstanceSeed } from "./seeds";
import { requireRecord } from "../records";
import { DownloadRestriction, NO_RESTRICTION } from "./downloadRestriction";

const DAY_MS = 86_400_000;
/** Share of a task's duration spent `preparing` before it is `running`. */
const PREPARING_SHARE = 0.1;
/** Task ids count up from here (the order of magnitude the API docs show). */
const FIRST_TASK_ID = 6_954_227;

/** An instance's state: online, isolated (expired, in the recycle bin) or deleted (recycled). */
export type InstanceStatus = "online" | "isolated" | "deleted";

/** A Redis instance as the emulator keeps it, its seed's defaults filled in. */
export interface InstanceRecord {
  instanceId: string;
  instanceName: string;
  region: string;
  instanceType: number;
  memSizeMb: number;
  shardNum: number;
  replicasNum: number;
  status: InstanceStatus;
  locked: boolean;
  backupRetentionDays: number;
  /** The VPC the instance is in (intranet downloads come from there). */
  vpcId: string;
  /** Set by failNextTask: the next backup task on this instance fails with this message. */
  nextTaskFailure?: string;
}

/** A backup as the emulator keeps it; the Status the API shows is computed from the world clock. */
export interface BackupRecord {
  backupId: string;
  instanceId: string;
  remark: string;
  /** "0" manual, "1" automatic, "2" config change (RedisBackupSet's documented values). */
  backupType: "0" | "1" | "2";
  startMs: number;
  durationMs: number;
  expireMs: number;
  storageDays: number;
  sizeBytes: number;
  locked: boolean;
  /** Removed out of band (console, support): Status -2 and gone from DescribeBackupDetail. */
  deleted: boolean;
  /** The task taking this backup, for manual backups made through the API. */
  taskId?: number;
}

/** A ManualBackupInstance task, taking one backup; its status follows the world clock. */
export interface TaskRecord {
  taskId: number;
  instanceId: string;
  backupId: string;
  startMs: number;
  durationMs: number;
  /** When set, the task ends `failed` with this TaskMessage and its backup never appears. */
  failureMessage?: string;
}

/**
 * The BackupType code DescribeBackupDetail shows: `as-listed`, the listing's code, as both doc
 * examples show; or `detail-table`, the code its own field table gives for that type (1 manual,
 * 0 automatic), the opposite of the listing's table. The docs support both; a client must work with
 * either.
 */
export type DetailBackupType = "as-listed" | "detail-table";

/** DescribeTaskInfo's Status values. */
export type TaskStatus = "preparing" | "running" | "succeed" | "failed" | "error";

/** Where a backup is in its life, for admin views (the API shows the numeric status). */
export type BackupLifecycle = "inProgress" | "failed" | "deleted" | "expired" | "locked" | "available";

/** The emulated Tencent Redis world: instances, backups, tasks and each region's download restriction. */
export class TencentRedisState {
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly backups = new Map<string, BackupRecord>();
  private readonly tasks = new Map<number, TaskRecord>();
  private readonly restrictions = new Map<string, DownloadRestriction>();
  private nextTaskId = FIRST_TASK_ID;
  private taskSeconds: number;

  /** Which table DescribeBackupDetail's BackupType follows (see TencentEmulatorOptions.detailBackupType). */
  readonly detailBackupType: DetailBackupType;

  constructor(
    private readonly clock: EmulatorClock,
    options: { taskSeconds: number; instances: readonly InstanceSeed[]; detailBackupType?: DetailBackupType },
  ) {
    this.taskSeconds = checkTaskSeconds(options.taskSeconds);
    this.detailBackupType = options.detailBackupType ?? "as-listed";
    for (const seed of options.instances) this.addInstance(seed);
  }

  /** Milliseconds since the epoch on the world clock: "now" inside the cloud. */
  now(): number {
    return this.clock.worldNow();
  }

  // --- download restrictions (one per region) ----------------------------------------------------

  /** The region's backup download restriction (NoLimit until one is set). */
  downloadRestriction(region: string): DownloadRestriction {
    return this.restrictions.get(region) ?? NO_RESTRICTION;
  }

  /** Sets the region's backup download restriction. */
  setDownloadRestriction(region: string, restriction: DownloadRestriction): void {
    this.restrictions.set(region, restriction);
  }

  // --- instances ---------------------------------------------------------------------------------

  /** Adds an instance (and its seeded backups); the id must be new. */
  addInstance(seedInput: InstanceSeed): InstanceRecord {
    const seed = parseInstanceSeed(seedInput);
    if (this.instances.has(seed.instanceId))
      throw new TypeError(`instance ${seed.instanceId} already exists`);
    const shardNum = seed.shardNum ?? 1;
    const record: InstanceRecord = {
      instanceId: seed.instanceId,
      instanceName: seed.instanceName ?? seed.instanceId,
      region: seed.region ?? "ap-guangzhou",
      instanceType: seed.instanceType ?? (shardNum > 1 ? 9 : 8),
      memSizeMb: seed.memSizeMb ?? 1024,
      shardNum,
      replicasNum: seed.replicasNum ?? 1,
      status: seed.status ?? "online",
      locked: seed.locked ?? false,
      backupRetentionDays: seed.backupRetentionDays ?? 7,
      vpcId: seed.vpcId ?? "vpc-emulator",
    };
    this.instances.set(record.instanceId, record);
    for (const b of seed.backups ?? []) this.addSeededBackup(record, b);
    return record;
  }

  /** The instance with this id, in any status; undefined when unknown. */
  instance(instanceId: string): InstanceRecord | undefined {
    return this.instances.get(instanceId);
  }

  /** Instances visible in `region` (deleted ones are gone from every listing). */
  visibleInstances(region: string): InstanceRecord[] {
    return [...this.instances.values()].filter((i) => i.region === region && i.status !== "deleted");
  }

  setInstanceStatus(instanceId: string, status: InstanceStatus): void {
    this.requireInstance(instanceId).status = status;
  }

  lockInstance(instanceId: string, locked: boolean): void {
    this.requireInstance(instanceId).locked = locked;
  }

  failNextTask(instanceId: string, message: string): void {
    this.requireInstance(instanceId).nextTaskFailure = message;
  }

  /** Regions requests may name: Tencent's Redis regions plus any region an instance was seeded in. */
  knownRegions(): Set<string> {
    return new Set([...TENCENT_REGIONS, ...[...this.instances.values()].map((i) => i.region)]);
  }

  // --- tasks and backups -----------------------------------------------------------------------

  /** Seconds a new backup task takes on the world clock (tasks already started keep theirs). */
  setTaskSeconds(seconds: number): void {
    this.taskSeconds = checkTaskSeconds(seconds);
  }

  /** Starts a manual backup: a task plus its backup record, both visible at once. */
  startManualBackup(instance: InstanceRecord, remark: string, storageDays: number): TaskRecord {
    const startMs = this.clock.worldNow();
    const durationMs = this.taskSeconds * 1000;
    const taskId = this.nextTaskId++;
    const backup: BackupRecord = {
      backupId: this.newBackupId(),
      instanceId: instance.instanceId,
      remark,
      backupType: "0",
      startMs,
      durationMs,
      expireMs: startMs + storageDays * DAY_MS,
      storageDays,
      sizeBytes: backupSize(instance),
      locked: false,
      deleted: false,
      taskId,
    };
    const task: TaskRecord = {
      taskId,
      instanceId: instance.instanceId,
      backupId: backup.backupId,
      startMs,
      durationMs,
      failureMessage: instance.nextTaskFailure,
    };
    instance.nextTaskFailure = undefined;
    this.backups.set(backup.backupId, backup);
    this.tasks.set(taskId, task);
    return task;
  }

  task(taskId: number): TaskRecord | undefined {
    return this.tasks.get(taskId);
  }

  /** A task's status now: preparing, then running, then succeed or failed (world clock). */
  taskStatus(task: TaskRecord): TaskStatus {
    const elapsed = this.clock.worldNow() - task.startMs;
    if (elapsed >= task.durationMs) return task.failureMessage === undefined ? "succeed" : "failed";
    return elapsed < task.durationMs * PREPARING_SHARE ? "preparing" : "running";
  }

  /** Message of a finished failed task, "" otherwise (as documented: empty while running or on success). */
  taskMessage(task: TaskRecord): string {
    return this.taskStatus(task) === "failed" ? (task.failureMessage ?? "") : "";
  }

  backup(backupId: string): BackupRecord | undefined {
    return this.backups.get(backupId);
  }

  /** All backup records, newest first (admin view; includes failed and deleted ones). */
  allBackups(instanceId?: string): BackupRecord[] {
    return [...this.backups.values()]
      .filter((b) => instanceId === undefined || b.instanceId === instanceId)
      .sort(newestFirst);
  }

  /** Where a backup is in its life at the current world time. */
  lifecycle(backup: BackupRecord): BackupLifecycle {
    const now = this.clock.worldNow();
    const task = backup.taskId === undefined ? undefined : this.tasks.get(backup.taskId);
    if (task && task.failureMessage !== undefined && now >= task.startMs + task.durationMs) return "failed";
    if (backup.deleted) return "deleted";
    if (now < backup.startMs + backup.durationMs) return "inProgress";
    if (now >= backup.expireMs) return "expired";
    if (backup.locked) return "locked";
    return "available";
  }

  /**
   * The numeric Status the API shows: 1 in progress or locked by another flow, 2 normal, -1 expired,
   * -2 deleted; undefined for the backup of a failed task, which never appears.
   */
  apiStatus(backup: BackupRecord): number | undefined {
    switch (this.lifecycle(backup)) {
      case "failed":
        return undefined;
      case "deleted":
        return -2;
      case "expired":
        return -1;
      case "inProgress":
      case "locked":
        return 1;
      case "available":
        return 2;
    }
  }

  /** True when the backup's task has finished (EndTime and BackupSize are known). */
  isFinished(backup: BackupRecord): boolean {
    return this.clock.worldNow() >= backup.startMs + backup.durationMs;
  }

  lockBackup(backupId: string, locked: boolean): void {
    this.requireBackup(backupId).locked = locked;
  }

  /** Deletes a backup out of band: it shows Status -2 and DescribeBackupDetail no longer finds it. */
  deleteBackup(backupId: string): void {
    this.requireBackup(backupId).deleted = true;
  }

  /** Makes a backup expire now (world clock). */
  expireBackup(backupId: string): void {
    this.requireBackup(backupId).expireMs = this.clock.worldNow();
  }

  // --- helpers -----------------------------------------------------------------------------------

  private addSeededBackup(instance: InstanceRecord, seed: BackupSeed): void {
    const startMs = this.clock.worldNow() - seed.startedHoursAgo * 3_600_000;
    const storageDays = seed.storageDays ?? instance.backupRetentionDays;
    const backupId = seed.backupId ?? this.newBackupId();
    if (this.backups.has(backupId)) throw new TypeError(`backup ${backupId} already exists`);
    this.backups.set(backupId, {
      backupId,
      instanceId: instance.instanceId,
      remark: seed.remark ?? "",
      backupType: seed.backupType ?? "1",
      startMs,
      durationMs: 40_000,
      expireMs: startMs + storageDays * DAY_MS,
      storageDays,
      sizeBytes: backupSize(instance),
      locked: seed.locked ?? false,
      deleted: false,
    });
  }

  /** Ids shaped like the API docs' example, `154571841-1165701309-438602494`. */
  private newBackupId(): string {
    for (;;) {
      const id = `${randomInt(100_000_000, 999_999_999)}-${randomInt(1_000_000_000, 2_147_483_647)}-${randomInt(100_000_000, 999_999_999)}`;
      if (!this.backups.has(id)) return id;
    }
  }

  private requireInstance(instanceId: string): InstanceRecord {
    return requireRecord(this.instances, instanceId, "instance");
  }

  private requireBackup(backupId: string): BackupRecord {
    return requireRecord(this.backups, backupId, "backup");
  }
}

/** Newest first; backups started in the same millisecond keep creation order reversed. */
export function newestFirst(a: BackupRecord, b: BackupRecord): number {
  return b.startMs - a.startMs || (b.taskId ?? 0) - (a.taskId ?? 0);
}

function backupSize(instance: InstanceRecord): number {
  // A plausible RDB size: half a KB per MB of memory per shard (the doc example shows 528 bytes).
  return instance.memSizeMb * instance.shardNum * 512;
}

function checkTaskSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`taskSeconds must be >= 0, got ${seconds}`);
  return seconds;
}
