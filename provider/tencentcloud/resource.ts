/**
 * tencentcloud.RedisBackup: a manual backup of a Tencent Cloud Redis instance, as a Pulumi resource.
 *
 * Its `__provider` (core/dynamicResource.ts), stored in state and run on every create, refresh and
 * destroy, loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { EchoedInputs, OutputsOf, SteeringArgs, redisBackupClass } from "../core/redisBackupResource";
import type { TencentRecorded } from "./recorded";

/** The lifecycle module serving it, named in every resource's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/tencentcloud/operations";

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

/** The outputs the provider adds to the inputs, unknown until the create answers (documented on TencentRecorded). */
const OUTPUTS = [
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
] as const;

/** What a RedisBackup records: its inputs as written, `backupId`, and the outputs above. */
type Outputs = EchoedInputs<Pick<RedisBackupArgs, "instanceId" | "remark" | "storageDays" | "region">> &
  OutputsOf<Pick<TencentRecorded, "backupId" | (typeof OUTPUTS)[number]>>;

/**
 * A manual backup of a Tencent Cloud Redis instance (ManualBackupInstance), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`),
 *   got locked or unlocked (the next `up` acknowledges it in place), or vanished (dropped from the stack).
 * - Deleting the resource deletes nothing at Tencent: there is no API for it; the backup stays until `expireTime`.
 */
export class RedisBackup extends redisBackupClass<Outputs>() {
  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "tencentcloud", name, args, OUTPUTS, opts);
  }
}
