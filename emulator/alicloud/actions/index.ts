/** The R-KVStore 2015-01-01 actions the emulator implements, by name. */
import { actionsByName } from "../../vendor";
import type { AlicloudAction } from "./action";
import { createBackup } from "./createBackup";
import { deleteBackup } from "./deleteBackup";
import { describeBackupTasks } from "./describeBackupTasks";
import { describeBackups } from "./describeBackups";
import { describeClusterBackupList } from "./describeClusterBackupList";
import { modifyBackupExpireTime } from "./modifyBackupExpireTime";

/** Every R-KVStore action the emulator serves, by Action name; any other answers InvalidAction.NotFound. */
export const ALICLOUD_ACTIONS: ReadonlyMap<string, AlicloudAction> = actionsByName([
  createBackup,
  describeBackups,
  describeClusterBackupList,
  describeBackupTasks,
  deleteBackup,
  modifyBackupExpireTime,
]);
