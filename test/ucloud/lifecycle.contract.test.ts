/** The shared lifecycle scenarios (test/contract/lifecycleContract.ts), run for UCloud. */
import { UCLOUD_DEMO_GROUP_IDS } from "../../emulator";
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { lifecycleContract } from "../contract/lifecycleContract";

const [, sessions] = UCLOUD_DEMO_GROUP_IDS;

lifecycleContract({
  ...CONTRACT_CLOUDS.ucloud,
  emulator: { rateLimitPerSecond: 0, ucloud: { backupSeconds: 45, retentionDays: 7 } },
  instance: sessions,
  labelOf: (outs) => outs.backupName,
  backupsOf: (em, groupId) => em.ucloud.backups(groupId).length,
  takenOf: (em, groupId) => em.ucloud.backups(groupId).length,
  adoptedOutputs: (taken) => ({ ucloudBackupName: taken.ucloudBackupName }),
  concurrentCreates: 6,
  adoptedInputs: (groupId, backupId) => ({ groupId, backupId, region: "cn-bj2", zone: "cn-bj2-05" }),
  adoptMissing: {
    backupId: "no-such-backup",
    message: (groupId) =>
      new RegExp(
        `^adopting Redis backup no-such-backup of ${groupId}: backup no-such-backup is not listed for ${groupId}$`,
      ),
  },
  missingInstance: {
    instance: "uredis-missing",
    message:
      /^creating Redis backup of uredis-missing: CreateURedisBackup: 230: Params \[GroupId\] not available \(RequestId [0-9a-f-]{36}\)$/,
  },
  timeout: (groupId) =>
    new RegExp(
      `timed out after 120s waiting for backup [0-9a-f-]{36} of ${groupId} to succeed; last status: Backuping`,
    ),
});
