/**
 * tencentcloud.RedisBackup: a manual backup of a Tencent Cloud Redis instance, as a Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import { RedisBackupResource, SteeringArgs } from "../core/redisBackupResource";
import type { TencentBackupInputs, TencentBackupOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<TencentBackupInputs, TencentBackupOutputs>(
  "pulumi-redis-backup/internal/tencentcloud/operations",
);

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs extends SteeringArgs {
  /** The Redis instance to back up, e.g. `crs-xjhsdj01`. Changing it replaces the backup. */
  instanceId: pulumi.Input<string>;
  /** A note stored with the backup, exactly as written. Changing it replaces the backup. */
  remark?: pulumi.Input<string>;
  /** Days to keep the backup, 0–1825 (0 or unset: the instance's default, usually 7). Changing it replaces the backup. */
  storageDays?: pulumi.Input<number>;
  /** Region of the instance; overrides `tencentcloud:region` / TENCENTCLOUD_REGION. */
  region?: pulumi.Input<string>;
}

/**
 * A manual backup of a Tencent Cloud Redis instance (ManualBackupInstance), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`),
 *   got locked or unlocked (the next `up` acknowledges it in place), or vanished (dropped from the stack).
 * - Deleting the resource deletes nothing at Tencent: there is no API for it; the backup stays until `expireTime`.
 */
export class RedisBackup extends RedisBackupResource {
  /** The instance the backup is of. */
  declare readonly instanceId: pulumi.Output<string>;
  /** Tencent's backup id, e.g. `318995367-2103059661-707882596`; the resource id is `<instanceId>:<backupId>`. */
  declare readonly backupId: pulumi.Output<string>;
  /** `available`, `locked`, `exporting`, `exported` or `expired`. */
  declare readonly status: pulumi.Output<string>;
  /** Locked by another Tencent process (a lock the next `up` acknowledges in place). */
  declare readonly locked: pulumi.Output<boolean>;
  /** The lock state the last `pulumi up` saw; a refresh that finds another plans an in-place update. */
  declare readonly lockedAcknowledged: pulumi.Output<boolean>;
  /** True when the backup was adopted through `backupId` rather than taken. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** When the backup started, ISO 8601 with offset, e.g. `2026-12-24T16:31:40+08:00`. */
  declare readonly startTime: pulumi.Output<string | undefined>;
  /** When the backup finished, ISO 8601 with offset. */
  declare readonly endTime: pulumi.Output<string | undefined>;
  /** When Tencent deletes the backup, ISO 8601 with offset. */
  declare readonly expireTime: pulumi.Output<string | undefined>;
  /** Size of the backup in bytes. */
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  /** `manual` or `automatic`, from DescribeInstanceBackups' code (Tencent's two tables disagree; see backupTypeCode). */
  declare readonly backupType: pulumi.Output<string | undefined>;
  /** Tencent's raw BackupType code as DescribeInstanceBackups lists it, e.g. `"0"`. */
  declare readonly backupTypeCode: pulumi.Output<string | undefined>;
  /** Tencent's instance type id, e.g. 8 (Redis 5.0 standard). */
  declare readonly instanceType: pulumi.Output<number | undefined>;
  /** Memory per shard, in MB. */
  declare readonly memSizeMb: pulumi.Output<number | undefined>;
  /** Number of shards. */
  declare readonly shardNum: pulumi.Output<number | undefined>;
  /** Number of replicas. */
  declare readonly replicasNum: pulumi.Output<number | undefined>;
  /** The remark exactly as written in the program. */
  declare readonly remark: pulumi.Output<string | undefined>;
  /** Days kept, as written in the program (unset: the instance's default). */
  declare readonly storageDays: pulumi.Output<number | undefined>;
  /** The region, as written in the program. */
  declare readonly region: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "status",
      "locked",
      "lockedAcknowledged",
      "adopted",
      "startTime",
      "endTime",
      "expireTime",
      "sizeBytes",
      "backupType",
      "backupTypeCode",
      "instanceType",
      "memSizeMb",
      "shardNum",
      "replicasNum",
    ];
    super(provider, "tencentcloud", name, args, outputs, opts);
  }
}
