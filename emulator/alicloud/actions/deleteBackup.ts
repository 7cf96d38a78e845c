/**
 * DeleteBackup: deletes a manual backup file. Only cloud-native instances support it (the SDK's
 * doc); on a classic instance the answer is IncorrectInstanceType (code unverified), on an
 * automatic backup IncorrectBackupMode (unverified), and on a file that is not (or no longer)
 * listed InvalidBackupId.NotFound (unverified).
 */
import { AlicloudErrors } from "../errors";
import { AlicloudAction, lookupInstance, manualBackupOf } from "./action";

/** The DeleteBackup action: removes manual backup BackupId of cloud-native instance InstanceId. */
export const deleteBackup: AlicloudAction = {
  name: "DeleteBackup",
  required: ["InstanceId", "BackupId"],
  run(ctx, params) {
    const instance = lookupInstance(ctx, params.InstanceId);
    if (!instance.cloudNative) {
      throw AlicloudErrors.instanceTypeNotSupported(
        instance.instanceId,
        "a classic instance; DeleteBackup supports only cloud-native instances",
      );
    }
    const backup = manualBackupOf(ctx, instance, params);
    ctx.state.deleteBackup(backup.backupId);
    return {};
  },
};
