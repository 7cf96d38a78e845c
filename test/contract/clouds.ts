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

/** Each cloud's entry: spread into a suite's fixture. `inputs` back up an instance, with a label where the cloud keeps one. */
export const CONTRACT_CLOUDS = {
  tencentcloud: {
    cloud: "tencentcloud",
    ops: tencentOps,
    pointAt: pointWith("tencentcloud"),
    deps: EMULATED_CLOUDS.tencentcloud.deps,
    inputs: (instanceId: string, extra: Extra = {}) => ({
      instanceId,
      ...(extra.label ? { remark: extra.label } : {}),
    }),
    newInstance: (em: Emulator, name: string) => {
      em.admin.addInstance({ instanceId: `crs-${name}` });
      return `crs-${name}`;
    },
    deleteBackup: (em: Emulator, backupId: string) => em.admin.deleteBackup(backupId),
  },
  alicloud: {
    cloud: "alicloud",
    ops: alicloudOps,
    // The emulator enforces the vendor's limit; the client's own (20/s by default) would slow each suite.
    pointAt: pointWith("alicloud", "ALIBABA_CLOUD_RATE_LIMIT_PER_SECOND", "100"),
    deps: EMULATED_CLOUDS.alicloud.deps,
    inputs: (instanceId: string) => ({ instanceId }),
    newInstance: (em: Emulator, name: string) => {
      em.alicloud.addInstance({ instanceId: `r-${name}` });
      return `r-${name}`;
    },
    deleteBackup: (em: Emulator, backupId: string) => em.alicloud.deleteBackup(Number(backupId)),
  },
  ucloud: {
    cloud: "ucloud",
    ops: ucloudOps,
    pointAt: pointWith("ucloud", "UCLOUD_RATE_LIMIT_PER_SECOND", "1000"),
    deps: EMULATED_CLOUDS.ucloud.deps,
    inputs: (groupId: string, extra: Extra = {}) => ({
      groupId,
      ...(extra.label ? { backupName: extra.label } : {}),
    }),
    newInstance: (em: Emulator, name: string) => {
      em.ucloud.addGroup({ groupId: `uredis-${name}` });
      return `uredis-${name}`;
    },
    deleteBackup: (em: Emulator, backupId: string) => em.ucloud.deleteBackup(backupId),
  },
} as const;
