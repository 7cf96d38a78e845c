/**
 * What ucloud.RedisBackup records of a backup beyond its inputs, each field documented as the
 * resource's output. Kept free of zod and of the API's schemas: the public classes' types reach this
 * file, and a user's project type-checks them without zod's declarations (scripts/consumer.ts checks).
 */

/** A backup's status, in the words every cloud shares. */
export type BackupStatusName = "creating" | "available" | "failed" | "expired";

/** What ucloud.RedisBackup records beyond its inputs (the outputs of its resource). */
export interface UCloudRecorded {
  /** UCloud's backup id (a UUID); the resource id is `<groupId>:<backupId>`. */
  backupId: string;
  /** Where the backup lives: its region, as used to take or adopt it (the inputs, else the provider's settings). */
  region: string;
  /** Where the backup lives: its zone as UCloud lists it (else the zone used to take it); DeleteURedisBackup needs it. */
  zone?: string;
  /** The project the group belongs to, when one was set. */
  projectId?: string;
  /** `creating`, `available`, `failed` or `expired`: the shared vocabulary of every cloud. */
  status: BackupStatusName | string;
  /** UCloud's own State: `Backuping`, `Success`, `Error` or `Expired`. */
  state: string;
  /** True when the backup was adopted through the `backupId` input rather than taken. */
  adopted: boolean;
  /** The name UCloud shows: `backupName` plus this create's marker (or the adopted backup's name). */
  ucloudBackupName?: string;
  /** The group's name. */
  groupName?: string;
  /** `manual` or `automatic` (UCloud's `Manual` / `Auto`). */
  backupType?: string;
  /** When the backup was taken, ISO 8601 UTC (UCloud sends Unix seconds). */
  backupTime?: string;
  /** Size of the backup in bytes. */
  sizeBytes?: number;
  /** The group's memory, in MB (UCloud reports GB: MemorySize, as in URedisGroupSet). */
  memorySizeMb?: number;
  /** The Redis version backed up, e.g. `6.0`. */
  redisVersion?: string;
}
