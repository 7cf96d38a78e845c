/**
 * The Tencent Cloud (Redis 2018-04-12) part of the emulator, assembled: its world (instances,
 * tasks, backups), its admin object and its API, sharing the emulator's clock, faults, rate limiter
 * and stats. Tencent is the default vendor: its API is at `POST /`.
 */
import { SharedWorld, assembleVendor } from "../pipeline";
import type { Vendor, VendorKeyOptions } from "../vendor";
import { TencentAdmin, createTencentAdmin, tencentAdminOperations } from "./admin";
import { tencentApi } from "./api";
import {
  DEFAULT_TENCENT_CREDENTIALS,
  DEMO_INSTANCES,
  InstanceSeed,
  TencentCredential,
  parseCredential,
} from "./seeds";
import { DetailBackupType, TencentRedisState } from "./state";
import { parseUtcOffset } from "./time";

export type { AdminBackupView, TencentAdmin } from "./admin";
export type { DetailBackupType } from "./state";
export type { BackupSeed, EmulatorData, InstanceSeed, TencentCredential } from "./seeds";
export {
  DEFAULT_TENCENT_CREDENTIALS,
  DEMO_INSTANCES,
  DEMO_INSTANCE_IDS,
  DEMO_REGION,
  parseEmulatorData,
} from "./seeds";
export { REDIS_API_VERSION } from "./api";

/**
 * Tencent's settings (at the top level of `startEmulator`'s options): its instances, keys, time
 * zone and DescribeBackupDetail's BackupType table. Its tasks take the emulator's `taskSeconds`.
 */
export interface TencentEmulatorOptions extends VendorKeyOptions<TencentCredential> {
  /** Instances to start with; default the demo instances. */
  instances?: readonly InstanceSeed[];
  /** Zone of Tencent's `yyyy-MM-dd HH:mm:ss` strings; default +08:00. */
  timezoneOffset?: string;
  /** Which table DescribeBackupDetail's BackupType follows; default `as-listed` (both doc examples). */
  detailBackupType?: DetailBackupType;
}

/** The Tencent vendor: its API for the server, and its admin object (`emulator.tencentcloud`). */
export type TencentVendor = Vendor<TencentAdmin>;

/**
 * The Tencent vendor, on the emulator's shared clock, faults, limiter, stats and files; throws for
 * an invalid time zone or credentials.
 */
export function createTencentVendor(options: TencentEmulatorOptions, shared: SharedWorld): TencentVendor {
  const utcOffsetMinutes = parseUtcOffset(options.timezoneOffset ?? "+08:00");
  return assembleVendor(
    {
      option: "credentials",
      credentials: (options.credentials ?? [DEFAULT_TENCENT_CREDENTIALS]).map(parseCredential),
      state: new TencentRedisState(shared.clock, {
        taskSeconds: shared.taskSeconds,
        instances: options.instances ?? DEMO_INSTANCES,
        detailBackupType: options.detailBackupType,
      }),
      admin: (state) => createTencentAdmin(state, utcOffsetMinutes),
      adminOperations: tencentAdminOperations,
      api: (deps) => tencentApi({ ...deps, utcOffsetMinutes }),
    },
    shared,
  );
}
