/** What alicloud.RedisBackup records in state, built from DescribeBackups entries or a cluster backup. */
import { definedOver, stripUndefined } from "../core/stripUndefined";
import type { BackupEntry, ClusterBackupEntry } from "./api";
import type { AlicloudBackupInputs } from "./inputs";
import type { AlicloudRecorded } from "./recorded";

export type { AlicloudBackupStatus, AlicloudShardBackup } from "./recorded";

/** What alicloud.RedisBackup records for a backup (its resource's outputs). */
export interface AlicloudBackupOutputs extends AlicloudBackupInputs, Omit<AlicloudRecorded, "backupId"> {
  instanceId: string;
  backupId: string;
}

/** A backup Alibaba made: the files DescribeBackups lists, or a cloud-native cluster's cluster backup. */
export type MadeBackup =
  { kind: "files"; entries: BackupEntry[] } | { kind: "cluster"; cluster: ClusterBackupEntry };

/**
 * What the stack records for a backup whose job Alibaba accepted but had not finished when create
 * stopped waiting (its deadline passed, or its polls kept failing). There is no backup id yet, only
 * the job; the resource's id is `<instanceId>:job-<jobId>`. The next `pulumi up` (an update, since
 * the create failed to initialise) or `pulumi refresh` completes it; destroy deletes what it made.
 */
export interface AlicloudPendingOutputs extends Omit<AlicloudBackupInputs, "backupId"> {
  instanceId: string;
  jobId: string;
  /**
   * When the job started (ISO 8601 UTC, the server's time), once known: a cloud-native cluster's
   * backup is found by it, after DescribeBackupTasks stops listing the job.
   */
  jobStartTime?: string;
  region: string;
  status: "creating";
  adopted: false;
  backupId?: undefined;
  backupIds?: undefined;
  clusterBackupId?: undefined;
}

/** Outputs as recorded in state: a backup, or a job still making one. */
export type AlicloudRecordedOutputs = AlicloudBackupOutputs | AlicloudPendingOutputs;

/** What the stack records for a job accepted but not done (see AlicloudPendingOutputs). */
export function pendingOutputs(
  inputs: AlicloudBackupInputs,
  extra: { region: string; jobId: string; jobStartMs?: number },
): AlicloudPendingOutputs {
  const { backupId: _adopted, ...taken } = inputs;
  return definedOver(taken, {
    jobId: extra.jobId,
    jobStartTime:
      extra.jobStartMs === undefined ? undefined : isoUtc(new Date(extra.jobStartMs).toISOString()),
    region: extra.region,
    status: "creating" as const,
    adopted: false as const,
  });
}

/** The inputs part of the state, as `read` hands them back so that a refresh causes no diff. */
export function inputsOf(o: AlicloudRecordedOutputs): AlicloudBackupInputs {
  return stripUndefined({
    instanceId: o.instanceId,
    retentionDays: o.retentionDays,
    regionId: o.regionId,
    backupId: o.adopted ? o.backupId : undefined,
    waitTimeoutMinutes: o.waitTimeoutMinutes,
    keepExpired: o.keepExpired,
  });
}

/** A vendor time (`2019-03-14T05:28:50Z`, or minutes only) as ISO 8601 UTC; unparseable text as is. */
export function isoUtc(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? `${new Date(ms).toISOString().slice(0, 19)}Z` : text;
}

const joinedUnique = (values: (string | undefined)[]) => {
  const unique = [...new Set(values.filter((v): v is string => v !== undefined))];
  return unique.length ? unique.join(",") : undefined;
};

function extreme(values: (string | undefined)[], pick: "min" | "max"): string | undefined {
  const times = values
    .map(isoUtc)
    .filter((v): v is string => v !== undefined)
    .sort();
  return pick === "min" ? times[0] : times[times.length - 1];
}

/** What the outputs of a made backup are built with besides the vendor's record. */
interface OutputsExtra {
  region: string;
  jobId?: string;
  previous?: AlicloudBackupOutputs;
}

/** The outputs of a backup Alibaba made: its files, or its cluster backup. */
export function buildOutputs(
  inputs: AlicloudBackupInputs,
  made: MadeBackup,
  extra: OutputsExtra,
): AlicloudBackupOutputs {
  return made.kind === "files"
    ? fileOutputs(inputs, made.entries, extra)
    : clusterOutputs(inputs, made.cluster, extra);
}

/**
 * The outputs of a cloud-native cluster's backup: the cluster backup's own times, size and expiry
 * (DescribeClusterBackupList gives no method or type), its shards' files one by one.
 */
function clusterOutputs(
  inputs: AlicloudBackupInputs,
  c: ClusterBackupEntry,
  extra: OutputsExtra,
): AlicloudBackupOutputs {
  const shards = c.Backups.map((b) =>
    stripUndefined({
      backupId: b.BackupId,
      backupName: b.BackupName,
      shard: b.InstanceName,
      sizeBytes: b.BackupSize,
      status: b.BackupStatus,
    }),
  );
  return definedOver(inputs, {
    backupId: c.ClusterBackupId,
    backupIds: shards.map((b) => b.backupId),
    clusterBackupId: c.ClusterBackupId,
    shards,
    jobId: extra.jobId ?? extra.previous?.jobId,
    region: extra.region,
    status: "available" as const,
    adopted: inputs.backupId !== undefined,
    mode: c.ClusterBackupMode,
    startTime: isoUtc(c.ClusterBackupStartTime),
    endTime: isoUtc(c.ClusterBackupEndTime),
    expireTime: isoUtc(c.ExpectExpireTime),
    sizeBytes: c.ClusterBackupSize,
    engineVersion: c.Backups.find((b) => b.ExtraInfo?.CustinsDbVersion)?.ExtraInfo?.CustinsDbVersion,
  });
}

/**
 * The outputs for `entries` (one per node): sizes add up, the backup starts with its first file and
 * ends with its last, and it expires with its first file to expire.
 */
function fileOutputs(
  inputs: AlicloudBackupInputs,
  entries: BackupEntry[],
  extra: OutputsExtra,
): AlicloudBackupOutputs {
  const backupIds = entries.map((e) => e.BackupId!).filter((v) => v !== undefined);
  const sizes = entries.map((e) => e.BackupSize);
  const first = entries[0];
  return definedOver(inputs, {
    backupId: backupIds.join(","),
    backupIds,
    jobId: extra.jobId ?? joinedUnique(entries.map((e) => e.BackupJobID)) ?? extra.previous?.jobId,
    region: extra.region,
    status: "available" as const,
    adopted: inputs.backupId !== undefined,
    mode: first?.BackupMode,
    method: first?.BackupMethod,
    type: first?.BackupType,
    startTime: extreme(
      entries.map((e) => e.BackupStartTime),
      "min",
    ),
    endTime: extreme(
      entries.map((e) => e.BackupEndTime),
      "max",
    ),
    expireTime: extreme(
      entries.map((e) => e.ExpectExpireTime),
      "min",
    ),
    sizeBytes: sizes.every((s) => s !== undefined) ? sizes.reduce((a, b) => a! + b!, 0) : undefined,
    engineVersion: first?.EngineVersion,
    nodeInstanceId: joinedUnique(entries.map((e) => e.NodeInstanceId)),
  });
}

/** Recorded outputs with the inputs part replaced by `inputs` (an update that calls nothing). */
export function withInputs(outs: AlicloudBackupOutputs, inputs: AlicloudBackupInputs): AlicloudBackupOutputs {
  const { retentionDays: _r, regionId: _g, waitTimeoutMinutes: _w, keepExpired: _k, ...rest } = outs;
  return definedOver(rest, {
    retentionDays: inputs.retentionDays,
    regionId: inputs.regionId,
    waitTimeoutMinutes: inputs.waitTimeoutMinutes,
    keepExpired: inputs.keepExpired,
  });
}
