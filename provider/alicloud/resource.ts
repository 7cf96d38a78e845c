/**
 * alicloud.RedisBackup: a manual backup of an Alibaba Cloud ApsaraDB for Redis / Tair instance, as a
 * Pulumi resource.
 *
 * Its `__provider` (core/dynamicResource.ts), stored in state and run on every create, refresh and
 * destroy, loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { EchoedInputs, OutputsOf, SteeringArgs, redisBackupClass } from "../core/redisBackupResource";
import type { AlicloudBackupStatus, AlicloudRecorded } from "./recorded";

/** The lifecycle module serving it, named in every resource's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/alicloud/operations";

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs extends SteeringArgs {
  /** The instance to back up, e.g. `r-bp1zxszhcgatnx`. Changing it replaces the backup. */
  instanceId: pulumi.Input<string>;
  /**
   * Days to keep the backup, 7–730, or -1 for as long as the instance exists (unset: the instance's
   * backup policy). A longer retention is applied in place (ModifyBackupExpireTime); a shorter one,
   * or a change to or from -1, replaces the backup.
   */
  retentionDays?: pulumi.Input<number>;
  /** Region of the instance, e.g. `cn-hangzhou`; overrides `alicloud:region` / ALIBABA_CLOUD_REGION_ID. Changing it replaces the resource. */
  regionId?: pulumi.Input<string>;
  /** Adopt this existing backup instead of taking a new one: a file id (comma-joined for a classic cluster's per-node files), or a cloud-native cluster's `cb-` id. */
  backupId?: pulumi.Input<string>;
}

/** The outputs the provider adds to the inputs, unknown until the create answers (documented on AlicloudRecorded). */
const OUTPUTS = [
  "backupIds",
  "clusterBackupId",
  "shards",
  "jobId",
  "region",
  "status",
  "adopted",
  "mode",
  "method",
  "type",
  "startTime",
  "endTime",
  "expireTime",
  "sizeBytes",
  "engineVersion",
  "nodeInstanceId",
] as const;

/** What a RedisBackup records: its inputs as written, `backupId`, and the outputs above (`creating` among the statuses). */
type Outputs = EchoedInputs<Pick<RedisBackupArgs, "instanceId" | "retentionDays" | "regionId">> &
  OutputsOf<
    Pick<AlicloudRecorded, "backupId" | (typeof OUTPUTS)[number]>,
    { status: AlicloudBackupStatus | "creating" }
  >;

/**
 * A manual backup of an Alibaba Cloud Redis (Tair) instance (CreateBackup), tracked until it expires.
 *
 * - Create waits for the backup job (DescribeBackupTasks progress) until DescribeBackups lists its file.
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`)
 *   or vanished (dropped from the stack).
 * - Deleting the resource deletes the backup where Alibaba allows it (manual backups of cloud-native
 *   instances); elsewhere the backup stays until `expireTime`, and the delete says so.
 */
export class RedisBackup extends redisBackupClass<Outputs>() {
  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "alicloud", name, args, OUTPUTS, opts);
  }
}
