/** What ucloud.RedisBackup records in state, built from UCloud's URedisBackupSet. */
import { definedOver, stripUndefined } from "../core/stripUndefined";
import { toIsoWithOffset } from "../core/zonelessTime";
import type { URedisBackup } from "./api";
import { statusName } from "./backup";
import type { UCloudRecorded } from "./recorded";
import type { UCloudBackupInputs } from "./inputs";

/** What ucloud.RedisBackup records (its resource's outputs). */
export interface UCloudBackupOutputs extends UCloudBackupInputs, Omit<UCloudRecorded, "backupId"> {
  groupId: string;
  backupId: string;
  // Both an input (optional) and what is recorded (always): the recorded one, documented in recorded.ts.
  region: string;
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
  return definedOver(inputs, {
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
  return definedOver(inputs, {
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
