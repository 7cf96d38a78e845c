/** The Redis 2018-04-12 actions the emulator implements, by name. */
import { actionsByName } from "../../vendor";
import type { TencentAction } from "./action";
import { describeBackupDetail } from "./describeBackupDetail";
import { describeBackupUrl } from "./describeBackupUrl";
import { describeBackupDownloadRestriction, modifyBackupDownloadRestriction } from "./downloadRestriction";
import { describeInstanceBackups } from "./describeInstanceBackups";
import { describeTaskInfo } from "./describeTaskInfo";
import { manualBackupInstance } from "./manualBackupInstance";

/** Every Redis action the emulator serves, by Action name; any other answers InvalidAction. */
export const REDIS_ACTIONS: ReadonlyMap<string, TencentAction> = actionsByName([
  manualBackupInstance,
  describeTaskInfo,
  describeInstanceBackups,
  describeBackupDetail,
  describeBackupUrl,
  describeBackupDownloadRestriction,
  modifyBackupDownloadRestriction,
]);
