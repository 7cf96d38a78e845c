/**
 * ucloud.RedisBackup: a manual backup of a UCloud URedis (master/replica Redis) instance, as a
 * Pulumi resource.
 *
 * The provider is what Pulumi serializes into state (`__provider`) and runs on every create,
 * refresh and destroy; it loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { lazyProvider } from "../core/lazyProvider";
import { RedisBackupResource, SteeringArgs } from "../core/redisBackupResource";
import type { UCloudBackupInputs, UCloudBackupOutputs } from "./operations";

/** Serialized into every resource's state; see lazyProvider. */
const provider = lazyProvider<UCloudBackupInputs, UCloudBackupOutputs>(
  "pulumi-redis-backup/internal/ucloud/operations",
);

/** Arguments of {@link RedisBackup}. */
export interface RedisBackupArgs extends SteeringArgs {
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
}

/**
 * A manual backup of a UCloud URedis instance (CreateURedisBackup), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`)
 *   or vanished (dropped from the stack).
 * - Deleting the resource calls DeleteURedisBackup. That action is missing from UCloud's current SDKs;
 *   where the API no longer serves it, the backup stays until it expires and the delete says so.
 */
export class RedisBackup extends RedisBackupResource {
  /** The group the backup is of. */
  declare readonly groupId: pulumi.Output<string>;
  /** UCloud's backup id (a UUID); the resource id is `<groupId>:<backupId>`. */
  declare readonly backupId: pulumi.Output<string>;
  /** `creating`, `available`, `failed` or `expired`. */
  declare readonly status: pulumi.Output<string>;
  /** UCloud's State: `Backuping`, `Success`, `Error` or `Expired`. */
  declare readonly state: pulumi.Output<string>;
  /** True when the backup was adopted through `backupId` rather than taken. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** The backup's name as UCloud shows it (`backupName` plus a marker). */
  declare readonly ucloudBackupName: pulumi.Output<string | undefined>;
  /** The group's name. */
  declare readonly groupName: pulumi.Output<string | undefined>;
  /** Where the backup lives: its region. */
  declare readonly region: pulumi.Output<string>;
  /** Where the backup lives: its zone (DeleteURedisBackup needs it). */
  declare readonly zone: pulumi.Output<string | undefined>;
  /** The project the group belongs to, when one was set. */
  declare readonly projectId: pulumi.Output<string | undefined>;
  /** `manual` or `automatic`. */
  declare readonly backupType: pulumi.Output<string | undefined>;
  /** When it was taken, ISO 8601 UTC. */
  declare readonly backupTime: pulumi.Output<string | undefined>;
  /** Size of the backup in bytes. */
  declare readonly sizeBytes: pulumi.Output<number | undefined>;
  /** The group's memory, in MB. */
  declare readonly memorySizeMb: pulumi.Output<number | undefined>;
  /** The Redis version backed up, e.g. `6.0`. */
  declare readonly redisVersion: pulumi.Output<string | undefined>;
  /** The name exactly as written in the program. */
  declare readonly backupName: pulumi.Output<string | undefined>;

  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    const outputs = [
      "region",
      "zone",
      "projectId",
      "status",
      "state",
      "adopted",
      "ucloudBackupName",
      "groupName",
      "backupType",
      "backupTime",
      "sizeBytes",
      "memorySizeMb",
      "redisVersion",
    ];
    super(provider, "ucloud", name, args, outputs, opts);
  }
}
