/**
 * The outputs each native resource declares in its schema beyond its inputs, hand-kept beside the
 * TypeScript interfaces they describe (provider/<cloud>/outputs.ts, core/finalBackup.ts): a test
 * (test/native/schema.test.ts) checks that every output a real create records is declared here.
 */

/** A schema property as this package declares it. */
export interface PropertySpec {
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** An array's items: a scalar type or a type token. */
  items?: { type: string } | { $ref: string };
  $ref?: string;
  description: string;
}

const str = (description: string): PropertySpec => ({ type: "string", description });
const int = (description: string): PropertySpec => ({ type: "integer", description });
const bool = (description: string): PropertySpec => ({ type: "boolean", description });

/** What every RedisBackup records alike. */
const COMMON = {
  backupId: str("The backup's id (the resource id is `<instance>:<backupId>`)."),
  status: str("`available`, `creating`, `locked`, `exporting`, `exported`, `failed` or `expired`."),
  adopted: bool("True when the backup was adopted through the `backupId` input rather than taken."),
  sizeBytes: int("The backup's size in bytes."),
};

/** tencentcloud.RedisBackup (provider/tencentcloud/outputs.ts). */
export const TENCENT_OUTPUTS: Record<string, PropertySpec> = {
  ...COMMON,
  locked: bool("Locked by another Tencent process."),
  lockedAcknowledged: bool("The lock state the last `pulumi up` saw."),
  startTime: str("ISO 8601 with offset."),
  endTime: str("ISO 8601 with offset."),
  expireTime: str("ISO 8601 with offset."),
  backupType: str("`manual` or `automatic`, from DescribeInstanceBackups."),
  backupTypeCode: str("The listing's raw BackupType code."),
  instanceType: int("Tencent's instance type code."),
  memSizeMb: int("Memory per shard, MB."),
  shardNum: int("Shards."),
  replicasNum: int("Replicas."),
};

/** alicloud.RedisBackup (provider/alicloud/outputs.ts). */
export const ALICLOUD_OUTPUTS: Record<string, PropertySpec> = {
  ...COMMON,
  backupIds: {
    type: "array",
    items: { type: "string" },
    description: "The backup file ids one by one (one per node or shard).",
  },
  clusterBackupId: str("A cloud-native cluster's cluster backup id (`cb-...`)."),
  shards: {
    type: "array",
    items: { $ref: "#/types/redis-backup:alicloud:ShardBackup" },
    description: "A cloud-native cluster's backup, shard by shard.",
  },
  jobId: str("The job id CreateBackup returned."),
  jobStartTime: str("When a job still running started (ISO 8601 UTC)."),
  region: str("The region the backup lives in."),
  mode: str("Manual or Automated."),
  method: str("Physical or Logical."),
  type: str("FullBackup or IncrementalBackup."),
  startTime: str("ISO 8601, UTC."),
  endTime: str("ISO 8601, UTC."),
  expireTime: str("When Alibaba deletes the backup; unset when it lives as long as the instance."),
  engineVersion: str("The instance's engine version."),
  nodeInstanceId: str("The node the file was taken on; comma-joined per node."),
};

/** One shard's file of an Alibaba cloud-native cluster's backup (AlicloudShardBackup). */
export const ALICLOUD_SHARD: Record<string, PropertySpec> = {
  backupId: str("The shard's backup file id."),
  backupName: str("The file, e.g. `hins100322105_data_20240110012135.rdb`."),
  shard: str("What DescribeClusterBackupList calls the shard's InstanceName."),
  sizeBytes: int("Size in bytes."),
  status: str("`OK` or `ERROR`, as Alibaba lists it."),
};

/** ucloud.RedisBackup (provider/ucloud/outputs.ts). */
export const UCLOUD_OUTPUTS: Record<string, PropertySpec> = {
  ...COMMON,
  state: str("UCloud's own State: `Backuping`, `Success`, `Error` or `Expired`."),
  ucloudBackupName: str("The name UCloud shows: `backupName` plus this create's marker."),
  groupName: str("The instance's name."),
  backupType: str("`manual` or `automatic`."),
  backupTime: str("When the backup was taken, ISO 8601 UTC."),
  memorySizeMb: int("The instance's memory, MB."),
  redisVersion: str("The instance's Redis version."),
};

/** Every FinalBackup (core/finalBackup.ts FinalBackupOutputs): its inputs, the origin the provider fills in, armedAt. */
export const FINAL_OUTPUTS: Record<string, PropertySpec> = {
  armedAt: str("When the FinalBackup was created (ISO 8601 UTC): the final backup is taken at its deletion."),
  resourceName: str("The resource's name, written into the final backup's label."),
  stack: str("The stack, written into the label."),
  project: str("The project, written into the label."),
};
