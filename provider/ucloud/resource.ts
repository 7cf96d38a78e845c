/**
 * ucloud.RedisBackup: a manual backup of a UCloud URedis (master/replica Redis) instance, as a
 * Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import type { UCloudBackupInputs, UCloudBackupOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<UCloudBackupInputs, UCloudBackupOutputs>(
  "pulumi-redis-backup/internal/ucloud/operations",
);

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs {
  /** The URedis group (instance) to back up, e.g. `uredis-2cwmyb`. Changing it replaces the backup. */
  groupId: pulumi.Input<string>;
  /**
   * Name of the backup, 6–63 characters of letters, digits, `-` and `_` (default `pulumi`). UCloud
   * shows it with a marker appended (`ucloudBackupName`), which keeps a retried create from taking
   * two backups. Changing it replaces the backup.
   */
  backupName?: pulumi.Input<string>;
  /** Region of the group, e.g. `cn-bj2`; overrides `ucloud:region` / UCLOUD_REGION. Setting a different one replaces the backup. */
  region?: pulumi.Input<string>;
  /** Zone of the group, e.g. `cn-bj2-04`; overrides `ucloud:zone` / UCLOUD_ZONE. Setting a different one replaces the backup. */
  zone?: pulumi.Input<string>;
  /** Project of the group (required for sub-accounts); overrides `ucloud:projectId` / UCLOUD_PROJECT_ID. */
  projectId?: pulumi.Input<string>;
  /** Adopt this existing backup instead of taking a new one (`pulumi import` cannot work with dynamic providers). */
  backupId?: pulumi.Input<string>;
  /** How long create may wait for the backup, in minutes (default 30). Changing it never replaces anything. */
  waitTimeoutMinutes?: pulumi.Input<number>;
  /** Keep an expired backup in the stack instead of taking a fresh one on the next `pulumi up`. */
  keepExpired?: pulumi.Input<boolean>;
}

/**
 * A manual backup of a UCloud URedis instance (CreateURedisBackup), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`)
 *   or vanished (dropped from the stack).
 * - Deleting the resource calls DeleteURedisBackup. That action is missing from UCloud's current SDKs;
 *   where the API no longer serves it, the backup stays until it expires and the delete says so.
 */
export class RedisBackup extends pulumi.dynamic.Resource {
  declare readonly groupId: pulumi.Output<string>;
  declare readonly backupId: pulumi.Output<string>;
  /** `creating`, `available`, `failed` or `expired`. */
  declare readonly status: pulumi.Output<string>;
  /** UCloud's State: `Backuping`, `Success`, `Error` or `Expired`. */
  declare readonly state: pulumi.Output<string>;
  declare readonly adopted: pulumi.Output<boolean>;
  /** The backup's name as UCloud shows it (`backupName` plus a marker). */
  declare readonly ucloudBackupName: pulumi.Output<string | undefined>;
  declare readonly groupName: pulumi.Output<string | undefined>;
  /** Where the backup lives. */
  declare readonly region: pulumi.Output<string>;
  declare readonly zone: pulumi.Output<string | undefined>;
  declare readonly projectId: pulumi.Output<string | undefined>;
  /** `manual` or `automatic`. */
  declare readonly backupType: pulumi.Output<string | undefined>;
  /** When it was taken, ISO 8601 UTC. */
  declare readonly backupTime: pulumi.Output<string | undefined>;
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  declare readonly memorySizeMb: pulumi.Output<number | undefined>;
  declare readonly redisVersion: pulumi.Output<string | undefined>;
  /** The name exactly as written in the program. */
  declare readonly backupName: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = {
      status: undefined,
      state: undefined,
      adopted: undefined,
      ucloudBackupName: undefined,
      groupName: undefined,
      backupType: undefined,
      backupTime: undefined,
      sizeBytes: undefined,
      memorySizeMb: undefined,
      redisVersion: undefined,
    };
    super(
      provider,
      name,
      { backupId: undefined, region: undefined, zone: undefined, projectId: undefined, ...outputs, ...args },
      opts,
      "ucloud",
      "RedisBackup",
    );
  }
}
