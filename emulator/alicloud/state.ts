/**
 * The R-KVStore world the emulator keeps: instances, backup jobs and the backup files they make.
 * Nothing here knows HTTP or the wire format; job phases, listing and expiry are computed from the
 * world clock on every read, so advancing the clock is all it takes for jobs to finish and
 * backups to expire (Alibaba removes an expired backup: it is no longer listed).
 */
import { randomInt } from "crypto";
import type { EmulatorClock } from "../clock";
import { UnknownResourceError, requireRecord } from "../records";
import {
  ALICLOUD_DEMO_REGION,
  AlicloudBackupSeed,
  AlicloudInstanceSeed,
  parseAlicloudInstanceSeed,
} from "./seeds";

const DAY_MS = 86_400_000;
/** How long a finished job stays listed by DescribeBackupTasks (as `Finished`). */
const FINISHED_JOB_LISTED_MS = DAY_MS;

/** Who started a backup job: the instance's backup policy (Automated) or CreateBackup (Manual). */
export type BackupMode = "Automated" | "Manual";

/** DescribeBackupTasks' BackupProgressStatus values, in the order a job goes through them. */
export type JobPhase = "NoStart" | "Preparing" | "Waiting" | "Uploading" | "Checking" | "Finished";

/** Share of a job's duration at which each phase starts. */
const PHASES: [JobPhase, number][] = [
  ["NoStart", 0],
  ["Preparing", 0.05],
  ["Waiting", 0.15],
  ["Uploading", 0.25],
  ["Checking", 0.85],
];

/** A Redis (Tair) instance as the emulator keeps it, its seed's defaults filled in. */
export interface InstanceRecord {
  instanceId: string;
  regionId: string;
  architecture: "standard" | "cluster";
  shardCount: number;
  cloudNative: boolean;
  perNodeJobs: boolean;
  engineVersion: string;
  backupRetentionDays: number;
  deleted: boolean;
  /** Set by failNextJob: the next backup job on this instance fails. */
  failNextJob: boolean;
}

/** A backup job (CreateBackup's BackupJobID, or an automatic one); its phase follows the world clock. */
export interface JobRecord {
  jobId: number;
  /** The cluster backup (`cb-...`) the job makes on a cloud-native cluster; undefined elsewhere. */
  clusterBackupId?: string;
  instanceId: string;
  /** The node the job backs up (one per node with perNodeJobs), or undefined for the whole instance. */
  nodeId?: string;
  mode: BackupMode;
  startMs: number;
  durationMs: number;
  failed: boolean;
}

/** A backup file, one per node a job backs up; listed once its job ends, until it expires or is deleted. */
export interface BackupRecord {
  backupId: number;
  jobId: number;
  instanceId: string;
  nodeInstanceId: string;
  mode: BackupMode;
  method: "Physical" | "Logical";
  startMs: number;
  durationMs: number;
  sizeBytes: number;
  /** null: kept for the instance's lifetime (retention -1). */
  expireMs: number | null;
  /** Removed out of band (console, DeleteBackup). */
  deleted: boolean;
  failed: boolean;
}

/** Where a backup is in its life, for admin views. */
export type BackupLifecycle = "inProgress" | "failed" | "deleted" | "expired" | "available";

/** The emulated R-KVStore world: instances, backup jobs and backup files, read against the world clock. */
export class AlicloudRedisState {
  private readonly instances = new Map<string, InstanceRecord>();
  private readonly jobs = new Map<number, JobRecord>();
  private readonly backups = new Map<number, BackupRecord>();
  /** Job ids count up from the doc example's order of magnitude. */
  private nextJobId = 24_340;
  private nextBackupId = 111_111_111;
  private jobSeconds: number;

  constructor(
    private readonly clock: EmulatorClock,
    options: { jobSeconds: number; instances: readonly AlicloudInstanceSeed[] },
  ) {
    this.jobSeconds = checkSeconds(options.jobSeconds);
    for (const seed of options.instances) this.addInstance(seed);
  }

  // --- instances -------------------------------------------------------------------------------

  addInstance(input: AlicloudInstanceSeed): InstanceRecord {
    const seed = parseAlicloudInstanceSeed(input);
    if (this.instances.has(seed.instanceId))
      throw new TypeError(`instance ${seed.instanceId} already exists`);
    const architecture = seed.architecture ?? "standard";
    const cloudNative = seed.cloudNative ?? architecture === "standard";
    const record: InstanceRecord = {
      instanceId: seed.instanceId,
      regionId: seed.regionId ?? ALICLOUD_DEMO_REGION,
      architecture,
      shardCount: seed.shardCount ?? (architecture === "cluster" ? 2 : 1),
      cloudNative,
      perNodeJobs: seed.perNodeJobs ?? false,
      engineVersion: seed.engineVersion ?? (cloudNative ? "7.0" : "5.0"),
      backupRetentionDays: seed.backupRetentionDays ?? 7,
      deleted: false,
      failNextJob: false,
    };
    this.instances.set(record.instanceId, record);
    for (const b of seed.backups ?? []) this.addSeededBackup(record, b);
    return record;
  }

  /** The instance, unless deleted or unknown. */
  instance(instanceId: string): InstanceRecord | undefined {
    const i = this.instances.get(instanceId);
    return i && !i.deleted ? i : undefined;
  }

  /** The instance, unless deleted or unknown; throws the admin's not-found error otherwise. */
  liveInstance(instanceId: string): InstanceRecord {
    const instance = this.instance(instanceId);
    if (!instance) throw new UnknownResourceError("instance", instanceId);
    return instance;
  }

  deleteInstance(instanceId: string): void {
    this.requireInstance(instanceId).deleted = true;
  }

  failNextJob(instanceId: string): void {
    this.requireInstance(instanceId).failNextJob = true;
  }

  /** Seconds new jobs take on the world clock (jobs already started keep theirs). */
  setJobSeconds(seconds: number): void {
    this.jobSeconds = checkSeconds(seconds);
  }

  // --- jobs ------------------------------------------------------------------------------------

  /** The jobs of an instance still running now. */
  runningJobs(instanceId: string): JobRecord[] {
    return [...this.jobs.values()].filter((j) => j.instanceId === instanceId && !this.isFinished(j));
  }

  /**
   * Starts a backup: one job for the instance, or one per node (perNodeJobs); each node gets a
   * backup file, visible once its job finishes.
   */
  startBackup(instance: InstanceRecord, mode: BackupMode, retentionDays: number | undefined): JobRecord[] {
    const startMs = this.clock.worldNow();
    const durationMs = this.jobSeconds * 1000;
    const days = retentionDays ?? instance.backupRetentionDays;
    const expireMs = days === -1 ? null : startMs + days * DAY_MS;
    const failed = instance.failNextJob;
    instance.failNextJob = false;
    const nodes = nodeIds(instance);
    const jobNodes: (string | undefined)[][] = instance.perNodeJobs ? nodes.map((n) => [n]) : [nodes];
    return jobNodes.map((group) => {
      const job: JobRecord = {
        jobId: this.newJobId(),
        clusterBackupId: isCloudNativeCluster(instance) ? this.newClusterBackupId() : undefined,
        instanceId: instance.instanceId,
        nodeId: group.length === 1 && instance.perNodeJobs ? group[0] : undefined,
        mode,
        startMs,
        durationMs,
        failed,
      };
      return this.addJob(job, instance, group, expireMs);
    });
  }

  /** The phase a job is in now; Finished once its duration has passed (whether it failed or not). */
  jobPhase(job: JobRecord): JobPhase {
    const elapsed = this.clock.worldNow() - job.startMs;
    if (elapsed >= job.durationMs) return "Finished";
    const share = elapsed / job.durationMs;
    let phase: JobPhase = "NoStart";
    for (const [p, from] of PHASES) if (share >= from) phase = p;
    return phase;
  }

  /** Percent done, 0–100. */
  jobPercent(job: JobRecord): number {
    if (job.durationMs === 0) return 100;
    return Math.min(100, Math.floor(((this.clock.worldNow() - job.startMs) / job.durationMs) * 100));
  }

  isFinished(job: JobRecord): boolean {
    return this.clock.worldNow() >= job.startMs + job.durationMs;
  }

  /**
   * Jobs DescribeBackupTasks lists: running ones, and successful ones for a day after they finish.
   * A failed job drops out of the list when it ends; its backup shows BackupStatus Failed.
   */
  listedJobs(instanceId: string): JobRecord[] {
    const now = this.clock.worldNow();
    return [...this.jobs.values()]
      .filter((j) => j.instanceId === instanceId)
      .filter((j) => {
        const end = j.startMs + j.durationMs;
        if (now < end) return true;
        return !j.failed && now < end + FINISHED_JOB_LISTED_MS;
      })
      .sort((a, b) => b.startMs - a.startMs || b.jobId - a.jobId);
  }

  allJobs(instanceId?: string): JobRecord[] {
    return [...this.jobs.values()]
      .filter((j) => instanceId === undefined || j.instanceId === instanceId)
      .sort((a, b) => b.startMs - a.startMs || b.jobId - a.jobId);
  }

  // --- backups ---------------------------------------------------------------------------------

  backup(backupId: number): BackupRecord | undefined {
    return this.backups.get(backupId);
  }

  lifecycle(b: BackupRecord): BackupLifecycle {
    const now = this.clock.worldNow();
    if (b.deleted) return "deleted";
    if (now < b.startMs + b.durationMs) return "inProgress";
    if (b.failed) return "failed";
    if (b.expireMs !== null && now >= b.expireMs) return "expired";
    return "available";
  }

  /** Whether the backup file exists for the API: finished (successfully or not), not deleted, not expired. */
  isLive(b: BackupRecord): boolean {
    const l = this.lifecycle(b);
    return l === "available" || l === "failed";
  }

  /**
   * Whether DescribeBackups lists it: a live file of any instance but a cloud-native cluster, whose
   * backups only DescribeClusterBackupList lists ("This operation does not apply to cloud-native
   * cluster instances", DescribeBackups' page; what it answers instead is not documented: we list
   * nothing).
   */
  isListed(b: BackupRecord): boolean {
    const instance = this.instances.get(b.instanceId);
    return this.isLive(b) && !(instance && isCloudNativeCluster(instance));
  }

  /** The job that made a backup file. */
  jobOf(b: BackupRecord): JobRecord | undefined {
    return this.jobs.get(b.jobId);
  }

  /**
   * The cluster backups of a cloud-native cluster, newest first: one per job, with the shard files
   * that still exist (a running job's too). Gone once every shard file is deleted or expired.
   */
  clusterBackups(instanceId: string): { job: JobRecord; shards: BackupRecord[] }[] {
    return this.allJobs(instanceId)
      .filter((j) => j.clusterBackupId !== undefined)
      .map((job) => ({
        job,
        shards: this.allBackups(instanceId)
          .filter((b) => b.jobId === job.jobId)
          .filter((b) => !this.isFinished(job) || this.isLive(b))
          .sort((a, b) => a.nodeInstanceId.localeCompare(b.nodeInstanceId)),
      }))
      .filter((c) => c.shards.length > 0);
  }

  /** Every backup record, newest first (admin view: includes running, deleted and expired ones). */
  allBackups(instanceId?: string): BackupRecord[] {
    return [...this.backups.values()]
      .filter((b) => instanceId === undefined || b.instanceId === instanceId)
      .sort(newestFirst);
  }

  deleteBackup(backupId: number): void {
    this.requireBackup(backupId).deleted = true;
  }

  /** Makes a backup expire now (world clock): Alibaba removes it, so it is no longer listed. */
  expireBackup(backupId: number): void {
    this.requireBackup(backupId).expireMs = this.clock.worldNow();
  }

  setExpiry(backupId: number, expireMs: number): void {
    this.requireBackup(backupId).expireMs = expireMs;
  }

  // --- helpers ---------------------------------------------------------------------------------

  private addSeededBackup(instance: InstanceRecord, seed: AlicloudBackupSeed): void {
    const startMs = this.clock.worldNow() - seed.startedHoursAgo * 3_600_000;
    const days = seed.retentionDays ?? instance.backupRetentionDays;
    const mode = seed.mode ?? "Automated";
    if (seed.jobId !== undefined && this.jobs.has(seed.jobId))
      throw new TypeError(`job ${seed.jobId} already exists`);
    const job: JobRecord = {
      jobId: seed.jobId ?? this.newJobId(),
      clusterBackupId: isCloudNativeCluster(instance) ? this.newClusterBackupId() : undefined,
      instanceId: instance.instanceId,
      mode,
      startMs,
      durationMs: 40_000,
      failed: false,
    };
    const nodes = nodeIds(instance);
    const expireMs = days === -1 ? null : startMs + days * DAY_MS;
    this.addJob(job, instance, nodes, expireMs, nodes.length === 1 ? seed.backupId : undefined);
  }

  /** Records `job` and a backup file of it on each of `nodes` (the instance itself where it has none). */
  private addJob(
    job: JobRecord,
    instance: InstanceRecord,
    nodes: (string | undefined)[],
    expireMs: number | null,
    backupId?: number,
  ): JobRecord {
    this.jobs.set(job.jobId, job);
    for (const node of nodes) {
      const { jobId, mode, startMs, durationMs, failed } = job;
      const nodeInstanceId = node ?? instance.instanceId;
      this.addBackup({
        jobId,
        instance,
        nodeInstanceId,
        mode,
        startMs,
        durationMs,
        expireMs,
        failed,
        backupId,
      });
    }
    return job;
  }

  private addBackup(o: {
    jobId: number;
    instance: InstanceRecord;
    nodeInstanceId: string;
    mode: BackupMode;
    startMs: number;
    durationMs: number;
    expireMs: number | null;
    failed: boolean;
    backupId?: number;
  }): void {
    const backupId = o.backupId ?? this.newBackupId();
    if (this.backups.has(backupId)) throw new TypeError(`backup ${backupId} already exists`);
    this.backups.set(backupId, {
      backupId,
      jobId: o.jobId,
      instanceId: o.instance.instanceId,
      nodeInstanceId: o.nodeInstanceId,
      mode: o.mode,
      method: o.instance.cloudNative ? "Physical" : "Logical",
      startMs: o.startMs,
      durationMs: o.durationMs,
      // A plausible RDB size per node; a failed job leaves an empty file.
      sizeBytes: o.failed ? 0 : 1_048_576 + (backupId % 1000) * 1024,
      expireMs: o.expireMs,
      deleted: false,
      failed: o.failed,
    });
  }

  private newJobId(): number {
    this.nextJobId += 1 + (this.nextJobId % 7);
    return this.nextJobId;
  }

  /** `cb-` and 16 lowercase letters and digits, like the doc's `cb-hyxdof5x9kqbtust`. */
  private newClusterBackupId(): string {
    const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (;;) {
      const id = `cb-${Array.from({ length: 16 }, () => alphabet[randomInt(alphabet.length)]).join("")}`;
      if (![...this.jobs.values()].some((j) => j.clusterBackupId === id)) return id;
    }
  }

  private newBackupId(): number {
    this.nextBackupId += 1 + (this.nextBackupId % 5);
    return this.nextBackupId;
  }

  private requireInstance(instanceId: string): InstanceRecord {
    return requireRecord(this.instances, instanceId, "instance");
  }

  private requireBackup(backupId: number): BackupRecord {
    return requireRecord(this.backups, backupId, "backup");
  }
}

/** A cloud-native cluster instance: its backups are cluster backups (DescribeClusterBackupList). */
export function isCloudNativeCluster(instance: InstanceRecord): boolean {
  return instance.cloudNative && instance.architecture === "cluster";
}

/** The nodes of an instance: the instance itself (standard), or `<id>-db-<n>` per shard (cluster). */
function nodeIds(instance: InstanceRecord): (string | undefined)[] {
  if (instance.architecture === "standard") return [undefined];
  return Array.from({ length: instance.shardCount }, (_, i) => `${instance.instanceId}-db-${i}`);
}

/** Newest first; backups of one job in node order. */
export function newestFirst(a: BackupRecord, b: BackupRecord): number {
  return b.startMs - a.startMs || b.jobId - a.jobId || a.nodeInstanceId.localeCompare(b.nodeInstanceId);
}

function checkSeconds(seconds: number): number {
  if (!Number.isFinite(seconds) || seconds < 0)
    throw new RangeError(`jobSeconds must be >= 0, got ${seconds}`);
  return seconds;
}
