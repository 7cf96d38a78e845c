/**
 * What every contract suite needs of a cloud, written once: its lifecycle module, how the
 * provider is pointed at the emulator (with the client's own rate limit raised where the
 * emulator's is the one under test), its deps, and how the emulator's world makes an instance
 * and loses a backup. Each `test/<cloud>/*.contract.test.ts` spreads its cloud's entry and adds
 * what only that suite asks.
 */
import type { Emulator } from "../../emulator";
import * as alicloudOps from "../../provider/alicloud/operations";
import * as tencentOps from "../../provider/tencentcloud/operations";
import * as ucloudOps from "../../provider/ucloud/operations";
import { EMULATED_CLOUDS } from "../helpers/cloudEnv";

/** Sets one variable after the cloud's settings are pointed at the emulator. */
function pointWith(cloud: keyof typeof EMULATED_CLOUDS, variable?: string, value?: string) {
  return (emulator: Emulator) => {
    EMULATED_CLOUDS[cloud].point(emulator);
    if (variable) process.env[variable] = value;
  };
}

/** What a suite may ask the inputs to carry beyond the instance (in the cloud's own names). */
type Extra = { label?: string };

/** How the emulator's world of one cloud makes and loses instances and backups. */
interface World {
  /** The instance id prefix (`crs-`, `r-`, `uredis-`). */
  prefix: string;
  addInstance(em: Emulator, id: string): void;
  deleteInstance(em: Emulator, id: string): void;
  deleteBackup(em: Emulator, backupId: string): void;
  setTaskSeconds(em: Emulator, seconds: number): void;
  /** The next backup task or job on the instance fails. */
  failNextTask(em: Emulator, id: string): void;
}

/** The world's calls, and `newInstance`: a fresh instance named `<prefix><name>`. */
function world(w: World) {
  const { prefix, ...calls } = w;
  return {
    ...calls,
    newInstance: (em: Emulator, name: string) => {
      w.addInstance(em, `${prefix}${name}`);
      return `${prefix}${name}`;
    },
  };
}

/** Each cloud's entry: spread into a suite's fixture. `inputs` back up an instance, with a label where the cloud keeps one. */
export const CONTRACT_CLOUDS = {
  tencentcloud: {
    cloud: "tencentcloud",
    ops: tencentOps,
    key: "instanceId",
    pointAt: pointWith("tencentcloud"),
    deps: EMULATED_CLOUDS.tencentcloud.deps,
    inputs: (instanceId: string, extra: Extra = {}) => ({
      instanceId,
      ...(extra.label ? { remark: extra.label } : {}),
    }),
    ...world({
      prefix: "crs-",
      addInstance: (em, instanceId) => em.admin.addInstance({ instanceId }),
      deleteInstance: (em, id) => em.admin.deleteInstance(id),
      deleteBackup: (em, backupId) => em.admin.deleteBackup(backupId),
      setTaskSeconds: (em, seconds) => em.admin.setTaskSeconds(seconds),
      failNextTask: (em, id) => em.admin.failNextTask(id, "disk full"),
    }),
  },
  alicloud: {
    cloud: "alicloud",
    ops: alicloudOps,
    key: "instanceId",
    // The emulator enforces the vendor's limit; the client's own (20/s by default) would slow each suite.
    pointAt: pointWith("alicloud", "ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND", "100"),
    deps: EMULATED_CLOUDS.alicloud.deps,
    inputs: (instanceId: string) => ({ instanceId }),
    ...world({
      prefix: "r-",
      addInstance: (em, instanceId) => em.alicloud.addInstance({ instanceId }),
      deleteInstance: (em, id) => em.alicloud.deleteInstance(id),
      deleteBackup: (em, backupId) => em.alicloud.deleteBackup(Number(backupId)),
      setTaskSeconds: (em, seconds) => em.alicloud.setJobSeconds(seconds),
      failNextTask: (em, id) => em.alicloud.failNextJob(id),
    }),
  },
  ucloud: {
    cloud: "ucloud",
    ops: ucloudOps,
    key: "groupId",
    pointAt: pointWith("ucloud", "UCLOUD_RATE_LIMIT_PER_SECOND", "1000"),
    deps: EMULATED_CLOUDS.ucloud.deps,
    inputs: (groupId: string, extra: Extra = {}) => ({
      groupId,
      ...(extra.label ? { backupName: extra.label } : {}),
    }),
    ...world({
      prefix: "uredis-",
      addInstance: (em, groupId) => em.ucloud.addGroup({ groupId }),
      deleteInstance: (em, id) => em.ucloud.deleteGroup(id),
      deleteBackup: (em, backupId) => em.ucloud.deleteBackup(backupId),
      setTaskSeconds: (em, seconds) => em.ucloud.setBackupSeconds(seconds),
      failNextTask: (em, id) => em.ucloud.failNextBackup(id),
    }),
  },
} as const;
