/**
 * The native provider's functions: each cloud's `getBackupDownloadUrls`, served by Invoke with the
 * same spec (provider/<cloud>/download.ts) the TypeScript functions run, with plain values (the
 * call runs in the provider, outside any program) and the provider's configured credentials. The
 * argument tables are hand-kept, typed by the TypeScript `BackupDownloadUrlsArgs` they describe
 * (an argument missing or extra does not compile); the result is core's `BackupDownload`.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { CLOUDS, Cloud } from "../clouds";
import type { DownloadUrlsSpec } from "../core/downloadUrls";
import type { BackupDownloadUrlsArgs as AlicloudArgs } from "../alicloud/download";
import type { BackupDownloadUrlsArgs as TencentArgs } from "../tencentcloud/download";
import type { BackupDownloadUrlsArgs as UCloudArgs } from "../ucloud/download";
import { PropertySpec } from "./outputProperties";

/** The function's name in every cloud's module: `redis-backup:<cloud>:getBackupDownloadUrls`. */
export const DOWNLOAD_FUNCTION = "getBackupDownloadUrls";

/**
 * The schema type of one file of a cloud's backup (core's BackupFile): one per cloud module, as
 * Go's generator cannot name a root-package type from a module's function.
 */
export const backupFileType = (cloud: Cloud) => `redis-backup:${cloud}:BackupFile`;

/** A function the native provider serves. */
export interface NativeFunction {
  cloud: Cloud;
  token: string;
  /** Its arguments, as the TypeScript function takes them. */
  inputs: Record<string, PropertySpec>;
  required: string[];
  /** The spec the TypeScript function runs, loaded when called. */
  spec(): DownloadUrlsSpec<object>;
}

const str = (description: string): PropertySpec => ({ type: "string", description });
const bool = (description: string): PropertySpec => ({ type: "boolean", description });

const BACKUP_ID = str("The backup, e.g. a RedisBackup's `backupId`.");

/** One cloud's argument table: every key of its `BackupDownloadUrlsArgs`, no other. */
interface ArgsTable<A> {
  inputs: Record<keyof A & string, PropertySpec>;
  required: (keyof A & string)[];
}

/** Each cloud's arguments (provider/<cloud>/download.ts's `BackupDownloadUrlsArgs`). */
const ARGS: {
  tencentcloud: ArgsTable<TencentArgs>;
  alicloud: ArgsTable<AlicloudArgs>;
  ucloud: ArgsTable<UCloudArgs>;
} = {
  tencentcloud: {
    inputs: {
      instanceId: str("The instance, e.g. `crs-xjhsdj01`."),
      backupId: BACKUP_ID,
      region: str(
        "Region of the instance; overrides `redis-backup:tencentcloudRegion` / TENCENTCLOUD_REGION.",
      ),
      limitType: str(
        "For these URLs only, `LimitOnlyIntranet` (only the intranet URL works) or `NoLimit`, instead of the region's restriction.",
      ),
    },
    required: ["instanceId", "backupId"],
  },
  alicloud: {
    inputs: {
      instanceId: str("The instance, e.g. `r-bp1zxszhcgatnx****`."),
      backupId: str(
        "The backup: a RedisBackup's `backupId` (a file's id, several joined by commas, or a cloud-native cluster's `cb-…` id).",
      ),
      regionId: str(
        "Region of the instance; overrides `redis-backup:alicloudRegion` / ALIBABA_CLOUD_REGION_ID.",
      ),
    },
    required: ["instanceId", "backupId"],
  },
  ucloud: {
    inputs: {
      groupId: str("The URedis group, e.g. `uredis-rl5xuxx5`."),
      backupId: BACKUP_ID,
      region: str("Region of the group; overrides `redis-backup:ucloudRegion` / UCLOUD_REGION."),
      zone: str("Zone of the group; overrides `redis-backup:ucloudZone`."),
      projectId: str("Project of the group; overrides `redis-backup:ucloudProjectId`."),
      regionFlag: bool("A URL for another IDC of the region (the API's RegionFlag, cross-IDC)."),
    },
    required: ["groupId", "backupId"],
  },
};

/** Every function, one per cloud. */
export const NATIVE_FUNCTIONS: readonly NativeFunction[] = CLOUDS.map((cloud) => ({
  cloud,
  token: `redis-backup:${cloud}:${DOWNLOAD_FUNCTION}`,
  inputs: ARGS[cloud].inputs,
  required: ARGS[cloud].required,
  spec: () => require(`../${cloud}/download`).downloadUrlsSpec as DownloadUrlsSpec<object>,
}));

/** The function a token names, or undefined. */
export const functionOf = (token: string) => NATIVE_FUNCTIONS.find((f) => f.token === token);

/** The properties of one file (core/downloadUrls.ts's BackupFile). */
export const BACKUP_FILE_PROPERTIES: Record<string, PropertySpec> = {
  fileName: str("The file's name as the cloud gives it, e.g. `crs-xjhsdj01_318995367.rdb`."),
  sizeBytes: { type: "integer", description: "Size in bytes, as the cloud reports it; unset when unknown." },
  url: str("The URL that works from the internet (subject to the cloud's download restriction)."),
  intranetUrl: str("The URL that works from inside the cloud's network, where the cloud gives one."),
  expiresAt: str(
    "When the URLs stop working, ISO 8601, where the cloud states a lifetime (Tencent: 6 hours).",
  ),
  fileBackupId: str(
    "The cloud's own backup id of this file, where it differs from the backup's (an Alibaba shard).",
  ),
};

/**
 * A function's schema: its arguments, and its result (core's BackupDownload) with every output
 * `secret: true`: the URLs are bearer credentials to the backup's data for hours.
 */
export function functionSchema(f: NativeFunction) {
  const secretStr = (description: string) => ({ ...str(description), secret: true });
  return {
    description: `The files of a ${f.cloud} Redis backup with their download URLs (secret: they grant access to the data).`,
    inputs: { properties: f.inputs, required: f.required },
    outputs: {
      properties: {
        cloud: secretStr("The cloud."),
        instanceId: secretStr("The instance (UCloud: the group)."),
        backupId: secretStr("The backup."),
        files: {
          type: "array",
          items: { $ref: `#/types/${backupFileType(f.cloud)}` },
          secret: true,
          description: "The backup's files (a cluster's backup has one per shard).",
        },
      },
      required: ["cloud", "instanceId", "backupId", "files"],
    },
  };
}
