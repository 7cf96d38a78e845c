/** The Redis 2018-04-12 actions the emulator implements, by name. */
import type { TencentAction } from "./action";
import { describeBackupDetail } from "./describeBackupDetail";
import { describeInstanceBackups } from "./describeInstanceBackups";
import { describeTaskInfo } from "./describeTaskInfo";
import { manualBackupInstance } from "./manualBackupInstance";

export type { ActionContext, TencentAction } from "./action";

export const REDIS_ACTIONS: ReadonlyMap<string, TencentAction> = new Map(
  [manualBackupInstance, describeTaskInfo, describeInstanceBackups, describeBackupDetail].map((a) => [
    a.name,
    a,
  ]),
);
