/**
 * A local emulator of Tencent Cloud's Redis backup API (2018-04-12) that speaks the real protocol:
 * TC3-HMAC-SHA256 verified against what was received, the `{"Response": ...}` envelope, Tencent's
 * error codes, per-action rate limits, tasks that take time, backups that expire. Point a client
 * at `url`, or use `url` as its HTTP proxy so it can keep the real hostname.
 *
 * @example
 *   const emulator = await startEmulator({ taskSeconds: 30 });
 *   // ... call emulator.url with DEFAULT_TENCENT_CREDENTIALS, region DEMO_REGION ...
 *   emulator.admin.advanceClock(60);
 *   await emulator.close();
 */
import { NeutralAdmin, createNeutralAdmin, neutralAdminOperations } from "./admin";
import { EmulatorClock } from "./clock";
import { FaultInjector } from "./faults";
import { BackupFiles } from "./files/store";
import type { SharedWorld } from "./pipeline";
import { SlidingWindowRateLimiter } from "./rateLimiter";
import { createEmulatorServer } from "./server";
import { CancellableSleeper } from "./sleep";
import { StatsRecorder } from "./stats";
import { TencentAdmin, TencentEmulatorOptions, createTencentVendor } from "./tencentcloud";
import { UCloudAdmin, UCloudEmulatorOptions, createUCloudVendor } from "./ucloud";
import { AlicloudAdmin, AlicloudEmulatorOptions, createAlicloudVendor } from "./alicloud";

export type { AdminStats, NeutralAdmin } from "./admin";
export type { AdminBackupView, TencentAdmin } from "./tencentcloud";
export type { Fault, FaultKind, FaultOptions } from "./faults";
export type { BackupSeed, EmulatorData, InstanceSeed, TencentCredential } from "./tencentcloud";
export {
  DEFAULT_TENCENT_CREDENTIALS,
  DEMO_INSTANCES,
  DEMO_INSTANCE_IDS,
  DEMO_REGION,
  REDIS_API_VERSION,
  parseEmulatorData,
} from "./tencentcloud";
export { ANY_ACTION } from "./faults";
export type {
  UCloudAdmin,
  UCloudBackupView,
  UCloudEmulatorCredential,
  UCloudEmulatorOptions,
  URedisBackupSeed,
  URedisGroupSeed,
} from "./ucloud";
export {
  DEFAULT_UCLOUD_CREDENTIALS,
  DEFAULT_UCLOUD_RETENTION_DAYS,
  UCLOUD_DEMO_GROUPS,
  UCLOUD_DEMO_GROUP_IDS,
  UCLOUD_DEMO_REGION,
  UCLOUD_DEMO_ZONE,
  UCLOUD_PATH_PREFIX,
} from "./ucloud";
export type {
  AlicloudAdmin,
  AlicloudBackupSeed,
  AlicloudBackupView,
  AlicloudCredential,
  AlicloudEmulatorOptions,
  AlicloudInstanceSeed,
  AlicloudJobView,
} from "./alicloud";
export {
  ALICLOUD_DEMO_INSTANCES,
  ALICLOUD_DEMO_INSTANCE_IDS,
  ALICLOUD_DEMO_REGION,
  ALICLOUD_PATH_PREFIX,
  DEFAULT_ALICLOUD_CREDENTIALS,
  R_KVSTORE_API_VERSION,
} from "./alicloud";

/** Documented rate limit of each Redis backup action. */
export const DEFAULT_RATE_LIMIT_PER_SECOND = 20;
/** How long a backup task takes on the world clock unless told otherwise. */
export const DEFAULT_TASK_SECONDS = 5;

/**
 * The emulator's admin object: its own, cloud-neutral operations, and Tencent's, the default
 * vendor's, which it has always carried (they are also `emulator.tencentcloud`).
 */
export type EmulatorAdmin = NeutralAdmin & TencentAdmin;

/**
 * What `startEmulator` takes: where to listen, Tencent's settings (at the top level), the shared
 * clock and rate limit, and the other vendors' settings.
 */
export interface EmulatorOptions extends TencentEmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1 (the emulator is never meant to be reachable from elsewhere). */
  host?: string;
  /** Seconds a backup task takes on the world clock; default 5, 0 = finished at once. */
  taskSeconds?: number;
  /** Server clock skew from real time in seconds (simulates a client with a wrong clock). */
  clockSkewSeconds?: number;
  /**
   * Where the emulator's clocks read "real" time, in ms since the epoch; default Date.now. A
   * simulation running on a timeline of its own (the soak's, faster than real time) passes it
   * here, so signatures, rate limits, tasks and expiry all follow that timeline.
   */
  timeSource?: () => number;
  /** Requests per action per second; default 20 as documented, 0 = unlimited. */
  rateLimitPerSecond?: number;
  /** UCloud URedis: groups, keys, backup duration, retention, DeleteURedisBackup switch (served at `/ucloud`). */
  ucloud?: UCloudEmulatorOptions;
  /** Alibaba Cloud R-KVStore: instances, AccessKeys, job duration (served at `/alicloud` and for r-kvstore*.aliyuncs.com). */
  alicloud?: AlicloudEmulatorOptions;
}

/** A running emulator: its URL, its admin objects (neutral and per vendor) and `close`. */
export interface Emulator {
  /** Base URL, e.g. http://127.0.0.1:8787 — the API endpoint and the proxy address. */
  url: string;
  port: number;
  admin: EmulatorAdmin;
  /** Tencent's out-of-band operations (also at `POST /_emulator/tencentcloud/<op>`, and in `admin`). */
  tencentcloud: TencentAdmin;
  /** UCloud's out-of-band operations (also at `POST /_emulator/ucloud/<op>`). */
  ucloud: UCloudAdmin;
  /** Alibaba Cloud's out-of-band operations (also at `POST /_emulator/alicloud/<op>`). */
  alicloud: AlicloudAdmin;
  /** Stops listening and drops every open connection. */
  close(): Promise<void>;
}

/** Starts an emulator; resolves once it listens. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const host = options.host ?? "127.0.0.1";
  const clock = new EmulatorClock(options.timeSource);
  clock.setSkew(options.clockSkewSeconds ?? 0);
  const sleeper = new CancellableSleeper();
  const world: SharedWorld = {
    clock,
    faults: new FaultInjector(),
    limiter: new SlidingWindowRateLimiter(
      options.rateLimitPerSecond ?? DEFAULT_RATE_LIMIT_PER_SECOND,
      options.timeSource,
    ),
    stats: new StatsRecorder(),
    sleep: sleeper.sleep,
    files: new BackupFiles(clock),
    taskSeconds: options.taskSeconds ?? DEFAULT_TASK_SECONDS,
  };
  const tencent = createTencentVendor(options, world);
  const ucloud = createUCloudVendor(options.ucloud ?? {}, world);
  const alicloud = createAlicloudVendor(options.alicloud ?? {}, world);
  const neutral = createNeutralAdmin(world);
  const http = createEmulatorServer({
    vendors: [tencent.api, ucloud.api, alicloud.api],
    defaultVendor: tencent.api,
    adminOperations: neutralAdminOperations(neutral),
    dateNow: () => clock.signingNow(),
    files: world.files,
  });
  const port = await http.listen(options.port ?? 0, host);
  const urlHost = host.includes(":") ? `[${host}]` : host;
  world.files.setBaseUrl(`http://${urlHost}:${port}`);
  return {
    url: `http://${urlHost}:${port}`,
    port,
    admin: { ...neutral, ...tencent.admin },
    tencentcloud: tencent.admin,
    ucloud: ucloud.admin,
    alicloud: alicloud.admin,
    close: async () => {
      sleeper.cancelAll();
      await http.close();
    },
  };
}
export { emulatorEnvironment } from "./environment";
