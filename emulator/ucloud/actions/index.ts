/** The URedis actions the emulator implements, by name. */
import { actionsByName } from "../../vendor";
import type { UCloudAction } from "./action";
import { createURedisBackup } from "./createBackup";
import { deleteURedisBackup } from "./deleteBackup";
import { describeURedisBackupURL } from "./describeBackupUrl";
import { describeURedisBackup } from "./describeBackups";
import { describeURedisGroup } from "./describeGroup";

/** Every URedis action the emulator knows, by Action name; any other, or one not served, is RetCode 161. */
export const UCLOUD_ACTIONS: ReadonlyMap<string, UCloudAction> = actionsByName([
  createURedisBackup,
  describeURedisBackup,
  deleteURedisBackup,
  describeURedisGroup,
  describeURedisBackupURL,
]);
