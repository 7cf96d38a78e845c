/**
 * The Alibaba Cloud (R-KVStore 2015-01-01) part of the emulator, assembled: its world (instances,
 * jobs, backups), its admin object and its API, sharing the emulator's clock, faults, rate limiter
 * and stats.
 */
import { SharedWorld, assembleVendor } from "../pipeline";
import type { Vendor, VendorKeyOptions } from "../vendor";
import { AlicloudAdmin, alicloudAdminOperations, createAlicloudAdmin } from "./admin";
import { alicloudApi } from "./api";
import {
  ALICLOUD_DEMO_INSTANCES,
  AlicloudCredential,
  AlicloudInstanceSeed,
  DEFAULT_ALICLOUD_CREDENTIALS,
  parseAlicloudCredential,
} from "./seeds";
import { AlicloudRedisState } from "./state";

export type { AlicloudAdmin, AlicloudBackupView, AlicloudJobView } from "./admin";
export type { AlicloudBackupSeed, AlicloudCredential, AlicloudInstanceSeed } from "./seeds";
export {
  ALICLOUD_DEMO_INSTANCES,
  ALICLOUD_DEMO_INSTANCE_IDS,
  ALICLOUD_DEMO_REGION,
  DEFAULT_ALICLOUD_CREDENTIALS,
} from "./seeds";
export { ALICLOUD_PATH_PREFIX, R_KVSTORE_API_VERSION } from "./api";

/** Alibaba's part of `startEmulator`'s options (`alicloud`): its instances, AccessKeys and job duration. */
export interface AlicloudEmulatorOptions extends VendorKeyOptions<AlicloudCredential> {
  /** Instances to start with; default the demo instances. */
  instances?: readonly AlicloudInstanceSeed[];
  /** Seconds a backup job takes on the world clock; default the emulator's taskSeconds. */
  jobSeconds?: number;
}

/** The Alibaba vendor: its API for the server, and its admin object (`emulator.alicloud`). */
export type AlicloudVendor = Vendor<AlicloudAdmin>;

/**
 * The Alibaba vendor, on the emulator's shared clock, faults, limiter, stats and files; throws a
 * TypeError for credentials that are invalid or none.
 */
export function createAlicloudVendor(options: AlicloudEmulatorOptions, shared: SharedWorld): AlicloudVendor {
  return assembleVendor(
    {
      option: "alicloud.credentials",
      credentials: (options.credentials ?? [DEFAULT_ALICLOUD_CREDENTIALS]).map(parseAlicloudCredential),
      state: new AlicloudRedisState(shared.clock, {
        jobSeconds: options.jobSeconds ?? shared.taskSeconds,
        instances: options.instances ?? ALICLOUD_DEMO_INSTANCES,
      }),
      admin: createAlicloudAdmin,
      adminOperations: alicloudAdminOperations,
      api: alicloudApi,
    },
    shared,
  );
}
