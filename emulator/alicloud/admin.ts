/**
 * AlicloudAdmin: what tests, the demo and users do to the emulated R-KVStore out of band — what the
 * console, an operator or bad luck would do. In process as `emulator.alicloud.<op>(...)`; over
 * HTTP as `POST /_emulator/alicloud/<op>` with a JSON object of named arguments.
 * The clock, faults, rate limit and stats are the emulator's shared ones (`emulator.admin`).
 */
import { forwardTo } from "../forward";
import { AdminOperation, args } from "../adminRoutes";
import type { AlicloudInstanceSeed } from "./seeds";
import type { AlicloudRedisState, BackupLifecycle, JobPhase } from "./state";
import { formatSeconds } from "./time";

/** A backup file as the emulator holds it, for assertions. Times are ISO 8601 UTC. */
export interface AlicloudBackupView {
  backupId: number;
  jobId: number;
  /** The cluster backup (`cb-...`) the file is a shard of, on a cloud-native cluster; null elsewhere. */
  clusterBackupId: string | null;
  instanceId: string;
  nodeInstanceId: string;
  mode: "Automated" | "Manual";
  lifecycle: BackupLifecycle;
  /** Whether DescribeBackups lists it now (never for a cloud-native cluster's shards). */
  listed: boolean;
  startTime: string;
  endTime: string;
  /** null when kept for the instance's lifetime. */
  expireTime: string | null;
  sizeBytes: number;
}

/** A backup job as the emulator holds it, for assertions: its phase now. Times are ISO 8601 UTC. */
export interface AlicloudJobView {
  jobId: number;
  instanceId: string;
  nodeId: string | null;
  mode: "Automated" | "Manual";
  phase: JobPhase;
  failed: boolean;
  startTime: string;
}

/** Alibaba Cloud's out-of-band operations (`emulator.alicloud`, `POST /_emulator/alicloud/<op>`). */
export interface AlicloudAdmin {
  /** Adds an instance (optionally with existing backups). */
  addInstance(seed: AlicloudInstanceSeed): void;
  /** Deletes (releases) an instance: every call naming it answers InvalidInstanceId.NotFound. */
  deleteInstance(instanceId: string): void;
  /** Deletes a backup file out of band: it is no longer listed. */
  deleteBackup(backupId: number): void;
  /** Makes a backup expire now (world clock): Alibaba removes it, so it is no longer listed. */
  expireBackup(backupId: number): void;
  /** The next backup job on this instance fails (its file is listed with BackupStatus Failed). */
  failNextJob(instanceId: string): void;
  /** Starts an automatic backup job now, as the instance's backup policy would. */
  startAutomatedBackup(instanceId: string): number[];
  /** Seconds new backup jobs take on the world clock (0 = finished at once). */
  setJobSeconds(seconds: number): void;
  /** Backup files, newest first, optionally of one instance (running, deleted and expired ones too). */
  backups(instanceId?: string): AlicloudBackupView[];
  /** Backup jobs, newest first, optionally of one instance. */
  jobs(instanceId?: string): AlicloudJobView[];
}

/** The Alibaba admin object, acting on the emulated R-KVStore world `state`. */
export function createAlicloudAdmin(state: AlicloudRedisState): AlicloudAdmin {
  return {
    addInstance: (seed) => void state.addInstance(seed),
    ...forwardTo(state, ["deleteInstance", "deleteBackup", "expireBackup", "failNextJob", "setJobSeconds"]),
    startAutomatedBackup: (id) =>
      state.startBackup(state.liveInstance(id), "Automated", undefined).map((j) => j.jobId),
    backups: (instanceId) =>
      state.allBackups(instanceId).map((b) => ({
        backupId: b.backupId,
        jobId: b.jobId,
        clusterBackupId: state.jobOf(b)?.clusterBackupId ?? null,
        instanceId: b.instanceId,
        nodeInstanceId: b.nodeInstanceId,
        mode: b.mode,
        lifecycle: state.lifecycle(b),
        listed: state.isListed(b),
        startTime: formatSeconds(b.startMs),
        endTime: formatSeconds(b.startMs + b.durationMs),
        expireTime: b.expireMs === null ? null : formatSeconds(b.expireMs),
        sizeBytes: b.sizeBytes,
      })),
    jobs: (instanceId) =>
      state.allJobs(instanceId).map((j) => ({
        jobId: j.jobId,
        instanceId: j.instanceId,
        nodeId: j.nodeId ?? null,
        mode: j.mode,
        phase: state.jobPhase(j),
        failed: j.failed,
        startTime: formatSeconds(j.startMs),
      })),
  };
}

/** The admin operations by HTTP name (`POST /_emulator/alicloud/<op>`). */
export function alicloudAdminOperations(admin: AlicloudAdmin): Record<string, AdminOperation> {
  const id = (a: Record<string, unknown>, name: string) => args.number(a, name);
  return {
    // The body is the seed itself: {"instanceId": "r-...", ...}.
    addInstance: (a) => admin.addInstance(a as unknown as AlicloudInstanceSeed),
    deleteInstance: (a) => admin.deleteInstance(args.string(a, "instanceId")),
    deleteBackup: (a) => admin.deleteBackup(id(a, "backupId")),
    expireBackup: (a) => admin.expireBackup(id(a, "backupId")),
    failNextJob: (a) => admin.failNextJob(args.string(a, "instanceId")),
    startAutomatedBackup: (a) => admin.startAutomatedBackup(args.string(a, "instanceId")),
    setJobSeconds: (a) => admin.setJobSeconds(args.number(a, "seconds")),
    backups: (a) => admin.backups(args.optionalString(a, "instanceId")),
    jobs: (a) => admin.jobs(args.optionalString(a, "instanceId")),
  };
}
