/** What tencentcloud.RedisBackup records in state, built from the vendor's records. */
import { definedOver, stripUndefined } from "../core/stripUndefined";
import { zonelessToIso } from "../core/zonelessTime";
import type { BackupDetail, BackupSummary } from "./api";
import { statusName } from "./backup";
import type { TencentRecorded } from "./recorded";
import type { TencentBackupInputs } from "./inputs";

/** What tencentcloud.RedisBackup records (its resource's outputs). */
export interface TencentBackupOutputs extends TencentBackupInputs, Omit<TencentRecorded, "backupId"> {
  instanceId: string;
  backupId: string;
}

/**
 * What a BackupType code means. The two field tables contradict each other (vendor-research.md §2):
 * RedisBackupSet, the listing's, says "1：凌晨系统发起的自动备份。0：用户发起的手动备份" (1 automatic,
 * 0 manual) since tencentcloud-sdk-go 05338e8f95 (2023-04-26; before that it said the opposite);
 * DescribeBackupDetail's says "1：手动备份。0：自动备份" (1 manual, 0 automatic) since it appeared
 * (d10152df60, 2024-06-10); Terraform's tencentcloud_redis_backup data source still uses the
 * pre-2023 text (1 manual). Every doc example, of both actions (tccli DescribeInstanceBackups.md,
 * DescribeBackupDetail.md; seeds 000 and 001), shows "0" on a backup with a user's Remark. So the
 * type is read from the listing, with the listing's own table, which the examples agree with; the
 * raw code is kept beside it (`backupTypeCode`) for anyone who knows better. No "2" is documented
 * any more (cloud-apis.md's "2 config change" is in no current SDK).
 */
const BACKUP_TYPES: Record<string, string> = { "0": "manual", "1": "automatic" };

function backupTypeName(code: string | undefined): string | undefined {
  return code === undefined ? undefined : (BACKUP_TYPES[code] ?? code);
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
  // The listing's code when this read had the listing, else what an earlier read recorded from it.
  const typeCode = extra.summary?.BackupType ?? extra.previous?.backupTypeCode;
  return definedOver(inputs, {
    backupId: detail.BackupId,
    status: status === "deleted" ? "expired" : status,
    locked,
    lockedAcknowledged: extra.acknowledgeLock ? locked : (extra.previous?.lockedAcknowledged ?? locked),
    adopted: inputs.backupId !== undefined,
    startTime: zonelessToIso(detail.StartTime, extra.timezone),
    endTime: zonelessToIso(detail.EndTime, extra.timezone),
    expireTime,
    sizeBytes: detail.BackupSize,
    backupType: typeCode === undefined ? extra.previous?.backupType : backupTypeName(typeCode),
    backupTypeCode: typeCode,
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
  return definedOver(inputs, {
    backupId: b.BackupId,
    status: status === "deleted" ? "expired" : status,
    locked,
    lockedAcknowledged: locked,
    adopted: inputs.backupId !== undefined,
    startTime: zonelessToIso(b.StartTime, timezone),
    endTime: zonelessToIso(b.EndTime, timezone),
    expireTime: zonelessToIso(b.ExpireTime, timezone),
    sizeBytes: b.BackupSize,
    backupType: backupTypeName(b.BackupType),
    backupTypeCode: b.BackupType,
    instanceType: b.InstanceType,
  });
}
