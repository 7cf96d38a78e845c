/**
 * ucloud.RedisBackup: a manual backup of a UCloud URedis (master/replica Redis) instance, as a
 * Pulumi resource.
 *
 * Its `__provider` (core/dynamicResource.ts), stored in state and run on every create, refresh and
 * destroy, loads the lifecycle (operations.ts) by package name when called.
 */
import * as pulumi from "@pulumi/pulumi";
import { EchoedInputs, OutputsOf, SteeringArgs, redisBackupClass } from "../core/redisBackupResource";
import type { UCloudRecorded } from "./recorded";

/** The lifecycle module serving it, named in every resource's `__provider` (see core/dynamicResource.ts). */
const MODULE = "pulumi-redis-backup/internal/ucloud/operations";

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
  /** Region of the group, e.g. `cn-bj2`; overrides `ucloud:region` / UCLOUD_REGION. Setting a different one replaces the resource. */
  region?: pulumi.Input<string>;
  /** Zone of the group, e.g. `cn-bj2-04`; overrides `ucloud:zone` / UCLOUD_ZONE. Setting a different one replaces the resource. */
  zone?: pulumi.Input<string>;
  /** Project of the group (required for sub-accounts); overrides `ucloud:projectId` / UCLOUD_PROJECT_ID. */
  projectId?: pulumi.Input<string>;
}

/** The outputs the provider adds to the inputs, unknown until the create answers (documented on UCloudRecorded). */
const OUTPUTS = [
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
] as const;

/** What a RedisBackup records: its inputs as written, `backupId`, and the outputs above. */
type Outputs = EchoedInputs<Pick<RedisBackupArgs, "groupId" | "backupName">> &
  OutputsOf<Pick<UCloudRecorded, "backupId" | (typeof OUTPUTS)[number]>>;

/**
 * A manual backup of a UCloud URedis instance (CreateURedisBackup), tracked until it expires.
 *
 * - `pulumi refresh` notices a backup that expired (the next `up` replaces it unless `keepExpired`)
 *   or vanished (dropped from the stack).
 * - Deleting the resource calls DeleteURedisBackup. That action is missing from UCloud's current SDKs;
 *   where the API no longer serves it, the backup stays until it expires and the delete says so.
 */
export class RedisBackup extends redisBackupClass<Outputs>() {
  constructor(name: string, args: RedisBackupArgs, opts?: pulumi.CustomResourceOptions) {
    super(MODULE, "ucloud", name, args, OUTPUTS, opts);
  }
}
