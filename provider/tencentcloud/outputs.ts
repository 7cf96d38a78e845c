/** What tencentcloud.RedisBackup records in state, built from the vendor's records. */
import { stripUndefined } from "../core/stripUndefined";
import { zonelessToIso } from "../core/zonelessTime";
import type { BackupDetail, BackupSummary } from "./api";
import { BackupStatusName, statusName } from "./backup";
import type { TencentBackupInputs } from "./inputs";

/** What tencentcloud.RedisBackup records (its resource's outputs). */
export interface TencentBackupOutputs extends TencentBackupInputs {
  instanceId: string;
  backupId: string;
  status: BackupStatusName;
  locked: boolean;
  /** The lock state the last `pulumi up` saw; a refresh that finds another plans an update. */
  lockedAcknowledged: boolean;
  /** True when the backup was adopted through the `backupId` input rather than taken. */
  adopted: boolean;
  startTime?: string;
  endTime?: string;
  expireTime?: string;
  sizeBytes?: number;
  backupType?: string;
  instanceType?: number;
  memSizeMb?: number;
  shardNum?: number;
  replicasNum?: number;
}

/**
 * Tencent's docs disagree on BackupType: RedisBackupSet says 0 manual, 1 automatic, 2 config change;
 * DescribeBackupDetail says 1 manual, 0 automatic, yet its own example shows "0" for a remarked
 * (manual) backup. We follow RedisBackupSet and the example; the provider never relies on it.
 */
const BACKUP_TYPES: Record<string, string> = { "0": "manual", "1": "automatic", "2": "config-change" };

function backupTypeName(t: string | undefined): string | undefined {
  return t === undefined ? undefined : (BACKUP_TYPES[t] ?? t);
}

/** The inputs part of the state, as `read` hands them back so that a refresh causes no diff. */
export function inputsOf(o: TencentBackupOutputs): TencentBackupInputs {
  return stripUndefined({
    instanceId: o.instanceId,
    remark: o.remark,
    storageDays: o.storageDays,
    region: o.region,
    backupId: o.adopted ? o.backupId : undefined,
    waitTimeoutMinutes: o.waitTimeoutMinutes,
    keepExpired: o.keepExpired,
  });
}

/** The outputs of a backup from its full record (and its listing entry, for ExpireTime). */
export function buildOutputs(
  inputs: TencentBackupInputs,
  detail: BackupDetail,
  extra: {
    summary?: BackupSummary;
    previous?: TencentBackupOutputs;
    timezone: string;
    acknowledgeLock: boolean;
  },
): TencentBackupOutputs {
  const status = statusName(detail.Status, detail.Locked);
  const locked = detail.Locked === 1 || detail.Status === 1;
  const expireTime = zonelessToIso(extra.summary?.ExpireTime, extra.timezone) ?? extra.previous?.expireTime;
  return stripUndefined({
    ...stripUndefined(inputs),
    backupId: detail.BackupId,
    status: status === "deleted" ? "expired" : status,
    locked,
    lockedAcknowledged: extra.acknowledgeLock ? locked : (extra.previous?.lockedAcknowledged ?? locked),
    adopted: inputs.backupId !== undefined,
    startTime: zonelessToIso(detail.StartTime, extra.timezone),
    endTime: zonelessToIso(detail.EndTime, extra.timezone),
    expireTime,
    sizeBytes: detail.BackupSize,
    backupType: backupTypeName(detail.BackupType),
    instanceType: detail.InstanceType,
    memSizeMb: detail.MemSize,
    shardNum: detail.ShardNum,
    replicasNum: detail.ReplicasNum,
  });
}

/** What a listing entry alone tells, for a backup whose full record could not be read yet. */
export function summaryOutputs(
  inputs: TencentBackupInputs,
  b: BackupSummary,
  timezone: string,
): TencentBackupOutputs {
  const locked = b.Locked === 1;
  const status = statusName(b.Status, b.Locked);
  return stripUndefined({
    ...stripUndefined(inputs),
    backupId: b.BackupId,
    status: status === "deleted" ? "expired" : status,
    locked,
    lockedAcknowledged: locked,
    adopted: inputs.backupId !== undefined,
    startTime: zonelessToIso(b.StartTime, timezone),
    endTime: zonelessToIso(b.EndTime, timezone),
    expireTime: zonelessToIso(b.ExpireTime, timezone),
    sizeBytes: b.BackupSize,
    instanceType: b.InstanceType,
  });
}
