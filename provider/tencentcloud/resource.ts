/**
 * tencentcloud.RedisBackup: a manual backup of a Tencent Cloud Redis instance, as a Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import type { TencentBackupInputs, TencentBackupOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<TencentBackupInputs, TencentBackupOutputs>(
  "pulumi-redis-backup/internal/tencentcloud/operations",
);

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs {
  /** The Redis instance to back up, e.g. `crs-xjhsdj01`. Changing it replaces the backup. */
  instanceId: pulumi.Input<string>;
  /** A note stored with the backup, exactly as written. Changing it replaces the backup. */
  remark?: pulumi.Input<string>;
  /** Days to keep the backup, 0–1825 (0 or unset: the instance's default, usually 7). Changing it replaces the backup. */
  storageDays?: pulumi.Input<number>;
  /** Region of the instance; overrides `tencentcloud:region` / TENCENTCLOUD_REGION. */
  region?: pulumi.Input<string>;
  /** Adopt this existing backup instead of taking a new one (`pulumi import` cannot work with dynamic providers). */
  backupId?: pulumi.Input<string>;
  /** How long create may wait for the backup, in minutes (default 30). Changing it never replaces anything. */
  waitTimeoutMinutes?: pulumi.Input<number>;
  /** Keep an expired backup in the stack instead of taking a fresh one on the next `pulumi up`. */
  keepExpired?: pulumi.Input<boolean>;
}

/**
 * A manual backup of a Tencent Cloud Redis instance (ManualBackupInstance), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`),
 *   got locked or unlocked (the next `up` acknowledges it in place), or vanished (dropped from the stack).
 * - Deleting the resource deletes nothing at Tencent: there is no API for it; the backup stays until `expireTime`.
 */
export class RedisBackup extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly backupId: pulumi.Output<string>;
  /** `creating`, `available`, `locked`, `exporting`, `exported` or `expired`. */
  declare readonly status: pulumi.Output<string>;
  declare readonly locked: pulumi.Output<boolean>;
  /** ISO 8601 with offset. */
  declare readonly startTime: pulumi.Output<string | undefined>;
  declare readonly endTime: pulumi.Output<string | undefined>;
  declare readonly expireTime: pulumi.Output<string | undefined>;
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  /** `manual`, `automatic` or `config-change`. */
  declare readonly backupType: pulumi.Output<string | undefined>;
  declare readonly instanceType: pulumi.Output<number | undefined>;
  declare readonly memSizeMb: pulumi.Output<number | undefined>;
  declare readonly shardNum: pulumi.Output<number | undefined>;
  declare readonly replicasNum: pulumi.Output<number | undefined>;
  /** The remark exactly as written in the program. */
  declare readonly remark: pulumi.Output<string | undefined>;
  declare readonly storageDays: pulumi.Output<number | undefined>;
  declare readonly region: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      status: undefined,
      locked: undefined,
      startTime: undefined,
      endTime: undefined,
      expireTime: undefined,
      sizeBytes: undefined,
      backupType: undefined,
      instanceType: undefined,
      memSizeMb: undefined,
      shardNum: undefined,
      replicasNum: undefined,
    };
    super(provider, name, { backupId: undefined, ...outputs, ...args }, opts, "tencentcloud", "RedisBackup");
  }
}
