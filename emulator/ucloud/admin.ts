/**
 * What tests, the demo and users do to the emulated UCloud out of band: in process as
 * `emulator.ucloud.<op>(...)`, over HTTP as `POST /_emulator/ucloud/<op>` with a JSON object of
 * named arguments. The clock, faults, rate limit and stats are the emulator's shared ones
 * (`emulator.admin`, `POST /_emulator/<op>`).
 */
import { forwardTo } from "../forward";
import { AdminOperation, args } from "../adminRoutes";
import type { URedisGroupSeed } from "./seeds";
import type { UCloudRedisState, URedisBackupState } from "./state";

/** A backup as the emulator holds it, for assertions. */
export interface UCloudBackupView {
  backupId: string;
  groupId: string;
  backupName: string;
  backupType: "Manual" | "Auto";
  /** The State the API shows now; null once deleted (it is no longer listed). */
  state: URedisBackupState | null;
  deleted: boolean;
  /** Unix seconds, as BackupTime. */
  backupTime: number;
  /** Unix seconds (world clock) from which it shows Expired. */
  expireTime: number;
}

/** UCloud's out-of-band operations (`emulator.ucloud`, `POST /_emulator/ucloud/<op>`). */
export interface UCloudAdmin {
  /** Adds a URedis group (optionally with existing backups). */
  addGroup(seed: URedisGroupSeed): void;
  /** Deletes a group out of band: it and its backups are no longer listed; creates answer 230. */
  deleteGroup(groupId: string): void;
  /** Deletes a backup out of band: no longer listed. */
  deleteBackup(backupId: string): void;
  /** Makes a backup expire now (world clock): State Expired. */
  expireBackup(backupId: string): void;
  /** The next backup of this group ends in State Error. */
  failNextBackup(groupId: string): void;
  /** Seconds a new backup stays Backuping on the world clock (0 = done at once). */
  setBackupSeconds(seconds: number): void;
  /** Days a new backup is kept before it shows Expired. */
  setRetentionDays(days: number): void;
  /** false: DeleteURedisBackup answers RetCode 161 "Action [DeleteURedisBackup] not found". */
  setDeleteSupported(supported: boolean): void;
  /** Backup records, newest first, deleted ones included, optionally of one group. */
  backups(groupId?: string): UCloudBackupView[];
}

/** The UCloud admin object, acting on the emulated URedis world `state`. */
export function createUCloudAdmin(state: UCloudRedisState): UCloudAdmin {
  return {
    addGroup: (seed) => void state.addGroup(seed),
    ...forwardTo(state, [
      "deleteGroup",
      "deleteBackup",
      "expireBackup",
      "failNextBackup",
      "setBackupSeconds",
      "setRetentionDays",
    ]),
    setDeleteSupported: (supported) => {
      state.deleteSupported = supported;
    },
    backups: (groupId) =>
      state.all(groupId).map((b) => ({
        backupId: b.backupId,
        groupId: b.groupId,
        backupName: b.backupName,
        backupType: b.backupType,
        state: b.deleted ? null : state.state(b),
        deleted: b.deleted,
        backupTime: Math.floor(b.startMs / 1000),
        expireTime: Math.floor(b.expireMs / 1000),
      })),
  };
}

/** The admin operations by HTTP name (served under `/_emulator/ucloud/`). */
export function ucloudAdminOperations(admin: UCloudAdmin): Record<string, AdminOperation> {
  return {
    // The body is the seed itself: {"groupId": "uredis-...", ...}.
    addGroup: (a) => admin.addGroup(a as unknown as URedisGroupSeed),
    deleteGroup: (a) => admin.deleteGroup(args.string(a, "groupId")),
    deleteBackup: (a) => admin.deleteBackup(args.string(a, "backupId")),
    expireBackup: (a) => admin.expireBackup(args.string(a, "backupId")),
    failNextBackup: (a) => admin.failNextBackup(args.string(a, "groupId")),
    setBackupSeconds: (a) => admin.setBackupSeconds(args.number(a, "seconds")),
    setRetentionDays: (a) => admin.setRetentionDays(args.number(a, "days")),
    setDeleteSupported: (a) => admin.setDeleteSupported(args.boolean(a, "supported")),
    backups: (a) => admin.backups(args.optionalString(a, "groupId")),
  };
}
