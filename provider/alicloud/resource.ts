/**
 * alicloud.RedisBackup: a manual backup of an Alibaba Cloud ApsaraDB for Redis / Tair instance, as a
 * Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import { RedisBackupResource, SteeringArgs } from "../core/redisBackupResource";
import type { AlicloudBackupInputs, AlicloudRecordedOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<AlicloudBackupInputs, AlicloudRecordedOutputs>(
  "pulumi-redis-backup/internal/alicloud/operations",
);

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
  /** Region of the instance, e.g. `cn-hangzhou`; overrides `alicloud:region` / ALIBABA_CLOUD_REGION_ID. Changing it replaces the backup. */
  regionId?: pulumi.Input<string>;
  /** Adopt this existing backup instead of taking a new one: a file id (comma-joined for a classic cluster's per-node files), or a cloud-native cluster's `cb-` id. */
  backupId?: pulumi.Input<string>;
}

/**
 * A manual backup of an Alibaba Cloud Redis (Tair) instance (CreateBackup), tracked until it expires.
 *
 * - Create waits for the backup job (DescribeBackupTasks progress) until DescribeBackups lists its file.
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`)
 *   or vanished (dropped from the stack).
 * - Deleting the resource deletes the backup where Alibaba allows it (manual backups of cloud-native
 *   instances); elsewhere the backup stays until `expireTime`, and the delete says so.
 */
export class RedisBackup extends RedisBackupResource {
  /** The instance the backup is of. */
  declare readonly instanceId: pulumi.Output<string>;
  /** The backup file id (comma-joined, one per node, for clusters that back up per node); a cloud-native cluster's cluster backup id (`cb-...`). */
  declare readonly backupId: pulumi.Output<string>;
  /** The backup file ids one by one (one per node of a classic cluster, one per shard of a cloud-native one). */
  declare readonly backupIds: pulumi.Output<string[]>;
  /** A cloud-native cluster's cluster backup id (`cb-...`, DescribeClusterBackupList); unset on other instances. */
  declare readonly clusterBackupId: pulumi.Output<string | undefined>;
  /** A cloud-native cluster's backup shard by shard: `{ backupId, backupName, shard, sizeBytes, status }` each; unset elsewhere. */
  declare readonly shards: pulumi.Output<
    | { backupId: string; backupName?: string; shard?: string; sizeBytes?: number; status: string }[]
    | undefined
  >;
  /** The job id(s) CreateBackup returned. */
  declare readonly jobId: pulumi.Output<string | undefined>;
  /** The region the backup lives in. */
  declare readonly region: pulumi.Output<string>;
  /** `available` or `expired` (`creating` while a job the create stopped waiting for is still running). */
  declare readonly status: pulumi.Output<string>;
  /** True when the backup was adopted through `backupId` rather than taken. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** `Manual` or `Automated`. */
  declare readonly mode: pulumi.Output<string | undefined>;
  /** `Physical` or `Logical`. */
  declare readonly method: pulumi.Output<string | undefined>;
  /** `FullBackup` or `IncrementalBackup`. */
  declare readonly type: pulumi.Output<string | undefined>;
  /** When the backup started (its first file), ISO 8601 UTC. */
  declare readonly startTime: pulumi.Output<string | undefined>;
  /** When the backup finished (its last file), ISO 8601 UTC. */
  declare readonly endTime: pulumi.Output<string | undefined>;
  /** When Alibaba deletes the backup, ISO 8601 UTC; unset when it lives as long as the instance. */
  declare readonly expireTime: pulumi.Output<string | undefined>;
  /** Size in bytes, every node's file added up. */
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  /** The engine version backed up, e.g. `7.0`. */
  declare readonly engineVersion: pulumi.Output<string | undefined>;
  /** The node each file was taken on (the instance itself on a standard instance), comma-joined. */
  declare readonly nodeInstanceId: pulumi.Output<string | undefined>;
  /** Retention, as written in the program. */
  declare readonly retentionDays: pulumi.Output<number | undefined>;
  /** The region, as written in the program. */
  declare readonly regionId: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
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
    ];
    super(provider, "alicloud", name, args, outputs, opts);
  }
}
