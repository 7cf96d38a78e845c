/**
 * The UCloud part of the emulator, assembled: its world (groups, backups), its admin object and
 * its API, sharing the emulator's clock, faults, rate limiter and stats.
 */
import { SharedWorld, assembleVendor } from "../pipeline";
import type { Vendor, VendorKeyOptions } from "../vendor";
import { UCloudAdmin, createUCloudAdmin, ucloudAdminOperations } from "./admin";
import { ucloudApi } from "./api";
import {
  DEFAULT_UCLOUD_CREDENTIALS,
  UCLOUD_DEMO_GROUPS,
  UCloudEmulatorCredential,
  URedisGroupSeed,
  parseUCloudCredential,
} from "./seeds";
import { UCloudRedisState } from "./state";

export type { UCloudAdmin, UCloudBackupView } from "./admin";
export type { UCloudEmulatorCredential, URedisBackupSeed, URedisGroupSeed } from "./seeds";
export {
  DEFAULT_UCLOUD_CREDENTIALS,
  UCLOUD_DEMO_GROUPS,
  UCLOUD_DEMO_GROUP_IDS,
  UCLOUD_DEMO_REGION,
  UCLOUD_DEMO_ZONE,
} from "./seeds";
export { UCLOUD_PATH_PREFIX } from "./api";

/** Days a manual URedis backup is kept unless told otherwise (UCloud documents no figure; unverified). */
export const DEFAULT_UCLOUD_RETENTION_DAYS = 7;

/**
 * UCloud's part of `startEmulator`'s options (`ucloud`): its groups, keys, backup duration,
 * retention and whether DeleteURedisBackup is served.
 */
export interface UCloudEmulatorOptions extends VendorKeyOptions<UCloudEmulatorCredential> {
  /** Groups to start with; default the demo groups. */
  groups?: readonly URedisGroupSeed[];
  /** Seconds a backup stays Backuping on the world clock; default the emulator's taskSeconds. */
  backupSeconds?: number;
  /** Days before a backup shows Expired; default 7. */
  retentionDays?: number;
  /** false: DeleteURedisBackup answers RetCode 161 as an action that does not exist. Default true. */
  deleteSupported?: boolean;
}

/** The UCloud vendor: its API for the server, and its admin object (`emulator.ucloud`). */
export type UCloudVendor = Vendor<UCloudAdmin>;

/**
 * The UCloud vendor, on the emulator's shared clock, faults, limiter, stats and files; throws a
 * TypeError for credentials that are invalid or none.
 */
export function createUCloudVendor(options: UCloudEmulatorOptions, shared: SharedWorld): UCloudVendor {
  return assembleVendor(
    {
      option: "ucloud.credentials",
      credentials: (options.credentials ?? [DEFAULT_UCLOUD_CREDENTIALS]).map(parseUCloudCredential),
      state: new UCloudRedisState(shared.clock, {
        backupSeconds: options.backupSeconds ?? shared.taskSeconds,
        retentionDays: options.retentionDays ?? DEFAULT_UCLOUD_RETENTION_DAYS,
        groups: options.groups ?? UCLOUD_DEMO_GROUPS,
        deleteSupported: options.deleteSupported ?? true,
      }),
      admin: createUCloudAdmin,
      adminOperations: ucloudAdminOperations,
      api: ucloudApi,
    },
    shared,
  );
}
