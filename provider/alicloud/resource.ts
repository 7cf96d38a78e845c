/**
 * alicloud.RedisBackup: a manual backup of an Alibaba Cloud ApsaraDB for Redis / Tair instance, as a
 * Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import type { AlicloudBackupInputs, AlicloudRecordedOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<AlicloudBackupInputs, AlicloudRecordedOutputs>(
  "pulumi-redis-backup/internal/alicloud/operations",
);

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs {
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
  /** Adopt this existing backup file (comma-joined ids for a per-node cluster backup) instead of taking a new one. */
  backupId?: pulumi.Input<string>;
  /** How long create may wait for the backup job, in minutes (default 30). Changing it never replaces anything. */
  waitTimeoutMinutes?: pulumi.Input<number>;
  /** Keep an expired backup in the stack instead of taking a fresh one on the next `pulumi up`. */
  keepExpired?: pulumi.Input<boolean>;
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
export class RedisBackup extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  /** The backup file id (comma-joined, one per node, for clusters that back up per node). */
  declare readonly backupId: pulumi.Output<string>;
  declare readonly backupIds: pulumi.Output<string[]>;
  /** The job id(s) CreateBackup returned. */
  declare readonly jobId: pulumi.Output<string | undefined>;
  /** The region the backup lives in. */
  declare readonly region: pulumi.Output<string>;
  /** `available` or `expired`. */
  declare readonly status: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;
  /** `Manual` or `Automated`. */
  declare readonly mode: pulumi.Output<string | undefined>;
  /** `Physical` or `Logical`. */
  declare readonly method: pulumi.Output<string | undefined>;
  /** `FullBackup` or `IncrementalBackup`. */
  declare readonly type: pulumi.Output<string | undefined>;
  /** ISO 8601, UTC. */
  declare readonly startTime: pulumi.Output<string | undefined>;
  declare readonly endTime: pulumi.Output<string | undefined>;
  /** Unset when the backup lives as long as the instance. */
  declare readonly expireTime: pulumi.Output<string | undefined>;
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  declare readonly engineVersion: pulumi.Output<string | undefined>;
  declare readonly nodeInstanceId: pulumi.Output<string | undefined>;
  declare readonly retentionDays: pulumi.Output<number | undefined>;
  declare readonly regionId: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      backupIds: undefined,
      jobId: undefined,
      region: undefined,
      status: undefined,
      adopted: undefined,
      mode: undefined,
      method: undefined,
      type: undefined,
      startTime: undefined,
      endTime: undefined,
      expireTime: undefined,
      sizeBytes: undefined,
      engineVersion: undefined,
      nodeInstanceId: undefined,
    };
    super(provider, name, { backupId: undefined, ...outputs, ...args }, opts, "alicloud", "RedisBackup");
  }
}
