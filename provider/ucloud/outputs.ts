/** What ucloud.RedisBackup records in state, built from UCloud's URedisBackupSet. */
import { stripUndefined } from "../core/stripUndefined";
import { toIsoWithOffset } from "../core/zonelessTime";
import type { URedisBackup } from "./api";
import { BackupStatusName, statusName } from "./backup";
import type { UCloudBackupInputs } from "./inputs";

/** What ucloud.RedisBackup records (its resource's outputs). */
export interface UCloudBackupOutputs extends UCloudBackupInputs {
  groupId: string;
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

const BACKUP_TYPES: Record<string, string> = { Manual: "manual", Auto: "automatic" };

/** Where the backup is; recorded once, at create. */
export interface Location {
  region: string;
  zone?: string;
  projectId?: string;
}

/**
 * The inputs part of the state, as `read` hands them back: what the program set, with the
 * location as recorded (a location the program leaves unset never causes a diff; see inputs.ts).
 */
export function inputsOf(o: UCloudBackupOutputs): UCloudBackupInputs {
  return stripUndefined({
    groupId: o.groupId,
    backupName: o.backupName,
    region: o.region,
    zone: o.zone,
    projectId: o.projectId,
    backupId: o.adopted ? o.backupId : undefined,
    waitTimeoutMinutes: o.waitTimeoutMinutes,
    keepExpired: o.keepExpired,
  });
}

/** The outputs of a backup as UCloud lists it, where it lives. */
export function buildOutputs(
  inputs: UCloudBackupInputs,
  backup: URedisBackup,
  location: Location,
  extra: { adopted: boolean },
): UCloudBackupOutputs {
  return stripUndefined({
    ...stripUndefined(inputs),
    groupId: inputs.groupId,
    backupId: backup.BackupId,
    region: location.region,
    zone: backup.Zone ?? location.zone,
    projectId: location.projectId,
    status: statusName(backup.State),
    state: backup.State,
    adopted: extra.adopted,
    ucloudBackupName: backup.BackupName,
    groupName: backup.GroupName,
    backupType:
      backup.BackupType === undefined ? undefined : (BACKUP_TYPES[backup.BackupType] ?? backup.BackupType),
    backupTime:
      backup.BackupTime === undefined ? undefined : toIsoWithOffset(backup.BackupTime * 1000, "+00:00"),
    sizeBytes: backup.BackupSize,
    memorySizeMb: backup.MemorySize === undefined ? undefined : backup.MemorySize * 1024,
    redisVersion: backup.RedisVersion,
  });
}

/**
 * What is known of a backup that exists but whose create did not finish (the wait timed out or
 * could not be completed): recorded so that the engine keeps it and a later `up` completes it.
 */
export function pendingOutputs(
  inputs: UCloudBackupInputs,
  backupId: string,
  ucloudBackupName: string,
  location: Location,
  seen: URedisBackup | undefined,
): UCloudBackupOutputs {
  if (seen) return buildOutputs(inputs, seen, location, { adopted: false });
  return stripUndefined({
    ...stripUndefined(inputs),
    groupId: inputs.groupId,
    backupId,
    region: location.region,
    zone: location.zone,
    projectId: location.projectId,
    status: "creating",
    state: "Backuping",
    adopted: false,
    ucloudBackupName,
  });
}
