/**
 * What tencentcloud.RedisBackup records of a backup beyond its inputs, each field documented as the
 * resource's output. Kept free of zod and of the API's schemas: the public classes' types reach this
 * file, and a user's project type-checks them without zod's declarations (scripts/consumer.ts checks).
 */

/** A backup's status, in the words every cloud shares (`deleted` is never recorded: the backup leaves the stack). */
export type BackupStatusName = "creating" | "available" | "locked" | "exporting" | "exported" | "expired";

/** What tencentcloud.RedisBackup records beyond its inputs (the outputs of its resource). */
export interface TencentRecorded {
  /** Tencent's backup id, e.g. `318995367-2103059661-707882596`; the resource id is `<instanceId>:<backupId>`. */
  backupId: string;
  /** `available`, `locked`, `exporting`, `exported` or `expired`. */
  status: BackupStatusName;
  /** Locked by another Tencent process (a lock the next `up` acknowledges in place). */
  locked: boolean;
  /** The lock state the last `pulumi up` saw; a refresh that finds another plans an in-place update. */
  lockedAcknowledged: boolean;
  /** True when the backup was adopted through the `backupId` input rather than taken. */
  adopted: boolean;
  /** When the backup started, ISO 8601 with offset, e.g. `2026-12-24T16:31:40+08:00`. */
  startTime?: string;
  /** When the backup finished, ISO 8601 with offset. */
  endTime?: string;
  /** When Tencent deletes the backup, ISO 8601 with offset. */
  expireTime?: string;
  /** Size of the backup in bytes. */
  sizeBytes?: number;
  /** `manual` or `automatic`, from DescribeInstanceBackups' code (Tencent's two tables disagree; see backupTypeCode). */
  backupType?: string;
  /** Tencent's raw BackupType code as DescribeInstanceBackups lists it, e.g. `"0"`, kept beside the name we give it. */
  backupTypeCode?: string;
  /** Tencent's instance type id, e.g. 8 (Redis 5.0 standard). */
  instanceType?: number;
  /** Memory per shard, in MB. */
  memSizeMb?: number;
  /** Number of shards. */
  shardNum?: number;
  /** Number of replicas. */
  replicasNum?: number;
}
