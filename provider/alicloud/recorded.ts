/**
 * What alicloud.RedisBackup records of a backup beyond its inputs, each field documented as the
 * resource's output. Kept free of zod and of the API's schemas: the public classes' types reach this
 * file, and a user's project type-checks them without zod's declarations (scripts/consumer.ts checks).
 */

/** The statuses an Alibaba backup is recorded with. */
export type AlicloudBackupStatus = "available" | "expired";

/** One shard's backup file of a cloud-native cluster's backup. */
export interface AlicloudShardBackup {
  backupId: string;
  /** The file, e.g. `hins100322105_data_20240110012135.rdb`. */
  backupName?: string;
  /** What DescribeClusterBackupList calls the shard's InstanceName. */
  shard?: string;
  sizeBytes?: number;
  /** `OK` or `ERROR`, as Alibaba lists it. */
  status: string;
}

/** What alicloud.RedisBackup records beyond its inputs (the outputs of its resource). */
export interface AlicloudRecorded {
  /**
   * The backup file id; for a cluster that backs up per node, every node's id, comma-joined; for a
   * cloud-native cluster, its cluster backup id (`cb-...`).
   */
  backupId: string;
  /** The backup file ids one by one (one per node of a classic cluster, one per shard of a cloud-native one). */
  backupIds: string[];
  /** A cloud-native cluster's cluster backup id (`cb-...`, as DescribeClusterBackupList lists it); unset elsewhere. */
  clusterBackupId?: string;
  /** A cloud-native cluster's backup, shard by shard; unset elsewhere. */
  shards?: AlicloudShardBackup[];
  /** The job id CreateBackup returned (comma-joined per node on older cluster instances). */
  jobId?: string;
  /** The region the backup lives in (the input, or the provider's region when the input is unset). */
  region: string;
  /** `available` or `expired` (`creating` while a job the create stopped waiting for is still running). */
  status: AlicloudBackupStatus;
  /** True when the backup was adopted through the `backupId` input rather than taken. */
  adopted: boolean;
  /** `Manual` or `Automated`. */
  mode?: string;
  /** `Physical` or `Logical`. */
  method?: string;
  /** `FullBackup` or `IncrementalBackup`. */
  type?: string;
  /** When the backup started (its first file), ISO 8601 UTC. */
  startTime?: string;
  /** When the backup finished (its last file), ISO 8601 UTC. */
  endTime?: string;
  /** When Alibaba deletes the backup, ISO 8601 UTC; unset when it lives as long as the instance (retention -1). */
  expireTime?: string;
  /** Size in bytes, every node's file added up. */
  sizeBytes?: number;
  /** The engine version backed up, e.g. `7.0`. */
  engineVersion?: string;
  /** The node each file was taken on (the instance itself on a standard instance), comma-joined. */
  nodeInstanceId?: string;
}
