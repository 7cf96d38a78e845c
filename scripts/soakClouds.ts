/**
 * What the soak needs to know of each cloud: how to point the provider at the emulator, what a
 * resource's inputs look like, which drift the emulator can induce, how the cloud says "slow
 * down", and which backups in the emulator the provider made.
 */
import { Emulator, Fault, UCLOUD_DEMO_ZONE } from "../emulator";
import type { OperationDeps } from "../provider/core/deps";
import type { DiffResult } from "../provider/core/diff";
import * as alicloud from "../provider/alicloud/operations";
import * as tencent from "../provider/tencentcloud/operations";
import * as ucloud from "../provider/ucloud/operations";

type Outputs = { backupId: string } & Record<string, unknown>;

/** The lifecycle functions every cloud's operations module exports, as the soak calls them. */
export interface SoakOperations {
  create(inputs: object, deps?: Partial<OperationDeps>): Promise<{ id: string; outs: Outputs }>;
  read(id: string, props: Outputs, deps?: Partial<OperationDeps>): Promise<{ props?: Outputs }>;
  diff(id: string, olds: Outputs, news: object): DiffResult;
  update(id: string, olds: Outputs, news: object, deps?: Partial<OperationDeps>): Promise<{ outs: Outputs }>;
  remove(id: string, props: Outputs, deps?: Partial<OperationDeps>): Promise<void>;
}

export interface SoakCloud {
  name: string;
  operations: SoakOperations;
  /** The cloud's request timeout setting (emulatorEnvironment points it at the emulator; the soak brings its own limiter). */
  tuning(): Record<string, string>;
  seed(emulator: Emulator): void;
  inputs(n: number): object;
  /** Out-of-band changes the emulator can make to a backup: expiry, a lock, deletion. */
  drifts(emulator: Emulator): ((backupId: string) => void)[];
  /** The cloud's own "too many requests" error. */
  throttled: Fault;
  /** Ids of every backup the provider made (failed ones excepted). */
  backupsMade(emulator: Emulator): string[];
  /** Matches the instance names the soak uses, to check errors name theirs. */
  namesInstance: RegExp;
  /** What the emulator knows of a backup, to trace a duplicate to the lifecycle that made it. */
  describeMade(emulator: Emulator, backupId: string): string;
}

const INSTANCES = 10;
const pad = (i: number) => String(i).padStart(4, "0");

const tencentcloud: SoakCloud = {
  name: "tencentcloud",
  operations: tencent as unknown as SoakOperations,
  tuning: () => ({
    TENCENTCLOUD_REQUEST_TIMEOUT_SECONDS: "5",
  }),
  seed: (emulator) => {
    for (let i = 0; i < INSTANCES; i++) emulator.admin.addInstance({ instanceId: `crs-soak${pad(i)}` });
  },
  inputs: (n) => ({ instanceId: `crs-soak${pad(n % INSTANCES)}`, remark: `soak ${n}`, storageDays: 7 }),
  drifts: (emulator) => [
    (id) => emulator.admin.expireBackup(id),
    (id) => emulator.admin.lockBackup(id, true),
    (id) => emulator.admin.deleteBackup(id),
  ],
  throttled: {
    kind: "error",
    code: "RequestLimitExceeded",
    message: "Your current request times exceeds the frequency limit.",
  },
  backupsMade: (emulator) =>
    emulator.admin
      .backups()
      .filter((b) => /\[pulumi:[0-9a-f]{12}\]$/.test(b.remark) && b.lifecycle !== "failed")
      .map((b) => b.backupId),
  namesInstance: /crs-soak\d{4}/,
  describeMade: (emulator, id) =>
    `remark "${emulator.admin.backups().find((b) => b.backupId === id)?.remark}"`,
};

const ucloudCloud: SoakCloud = {
  name: "ucloud",
  operations: ucloud as unknown as SoakOperations,
  tuning: () => ({
    UCLOUD_TIMEOUT_SECOND: "5",
  }),
  seed: (emulator) => {
    for (let i = 0; i < INSTANCES; i++) {
      emulator.ucloud.addGroup({ groupId: `uredis-soak${pad(i)}`, zone: UCLOUD_DEMO_ZONE });
    }
  },
  inputs: (n) => ({ groupId: `uredis-soak${pad(n % INSTANCES)}`, backupName: `soak-backup-${n}` }),
  drifts: (emulator) => [(id) => emulator.ucloud.expireBackup(id), (id) => emulator.ucloud.deleteBackup(id)],
  // RetCode 153: the gateway's rate limit.
  throttled: { kind: "error", code: "153", message: "Request too frequently" },
  backupsMade: (emulator) =>
    emulator.ucloud
      .backups()
      .filter((b) => b.groupId.startsWith("uredis-soak") && b.backupType === "Manual" && b.state !== "Error")
      .map((b) => b.backupId),
  namesInstance: /uredis-soak\d{4}/,
  describeMade: (emulator, id) =>
    `name "${emulator.ucloud.backups().find((b) => b.backupId === id)?.backupName}"`,
};

const alicloudCloud: SoakCloud = {
  name: "alicloud",
  operations: alicloud as unknown as SoakOperations,
  tuning: () => ({
    ALIBABA_CLOUD_REQUEST_TIMEOUT_SECONDS: "5",
  }),
  seed: (emulator) => {
    for (let i = 0; i < INSTANCES; i++) emulator.alicloud.addInstance({ instanceId: `r-soak${pad(i)}` });
  },
  inputs: (n) => ({ instanceId: `r-soak${pad(n % INSTANCES)}`, retentionDays: 7 }),
  drifts: (emulator) => [
    (id) => emulator.alicloud.expireBackup(Number(id)),
    (id) => emulator.alicloud.deleteBackup(Number(id)),
  ],
  throttled: {
    kind: "error",
    code: "Throttling.User",
    message: "Request was denied due to user flow control.",
  },
  backupsMade: (emulator) =>
    emulator.alicloud
      .backups()
      .filter((b) => b.instanceId.startsWith("r-soak") && b.mode === "Manual" && b.lifecycle !== "failed")
      .map((b) => String(b.backupId)),
  namesInstance: /r-soak\d{4}/,
  describeMade: (emulator, id) =>
    `job ${emulator.alicloud.backups().find((b) => String(b.backupId) === id)?.jobId}`,
};

export const SOAK_CLOUDS: Record<string, SoakCloud> = {
  tencentcloud,
  alicloud: alicloudCloud,
  ucloud: ucloudCloud,
};
