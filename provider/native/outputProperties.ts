/**
 * The outputs each native resource declares in its schema beyond its inputs: their types, kept
 * beside the TypeScript interfaces they describe (provider/<cloud>/outputs.ts, core/finalBackup.ts);
 * their descriptions are the TypeScript classes' docs (docs.json), but for the few outputs only the
 * native resource declares. A test (test/native/schema.test.ts) checks that every output a real
 * create records is declared here.
 */

/** A schema property as this package declares it. */
export interface PropertySpec {
  type: "string" | "integer" | "number" | "boolean" | "array" | "object";
  /** An array's items: a scalar type or a type token. */
  items?: { type: string } | { $ref: string };
  $ref?: string;
  /** Where the class documents the property, its doc (docs.json) is the description. */
  description?: string;
}

const str = (description?: string): PropertySpec => ({ type: "string", description });
const int = (description?: string): PropertySpec => ({ type: "integer", description });
const bool = (description?: string): PropertySpec => ({ type: "boolean", description });

/** What every RedisBackup records alike. */
const COMMON = {
  backupId: str(),
  status: str(),
  adopted: bool(),
  sizeBytes: int(),
};

/** tencentcloud.RedisBackup (provider/tencentcloud/outputs.ts). */
export const TENCENT_OUTPUTS: Record<string, PropertySpec> = {
  ...COMMON,
  locked: bool(),
  lockedAcknowledged: bool(),
  startTime: str(),
  endTime: str(),
  expireTime: str(),
  backupType: str(),
  backupTypeCode: str(),
  instanceType: int(),
  memSizeMb: int(),
  shardNum: int(),
  replicasNum: int(),
};

/** alicloud.RedisBackup (provider/alicloud/outputs.ts). */
export const ALICLOUD_OUTPUTS: Record<string, PropertySpec> = {
  ...COMMON,
  backupIds: {
    type: "array",
    items: { type: "string" },
  },
  clusterBackupId: str(),
  shards: {
    type: "array",
    items: { $ref: "#/types/redis-backup:alicloud:ShardBackup" },
  },
  jobId: str(),
  jobStartTime: str("When a job still running started (ISO 8601 UTC)."),
  region: str(),
  mode: str(),
  method: str(),
  type: str(),
  startTime: str(),
  endTime: str(),
  expireTime: str(),
  engineVersion: str(),
  nodeInstanceId: str(),
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
  state: str(),
  ucloudBackupName: str(),
  groupName: str(),
  backupType: str(),
  backupTime: str(),
  memorySizeMb: int(),
  redisVersion: str(),
};

/** Every FinalBackup (core/finalBackup.ts FinalBackupOutputs): its inputs, the origin the provider fills in, armedAt. */
export const FINAL_OUTPUTS: Record<string, PropertySpec> = {
  armedAt: str(),
  resourceName: str(),
  stack: str(),
  project: str(),
};
