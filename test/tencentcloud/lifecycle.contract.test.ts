/** The shared lifecycle scenarios (test/contract/lifecycleContract.ts), run for Tencent Cloud. */
import { DEMO_INSTANCE_IDS } from "../../emulator";
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { lifecycleContract } from "../contract/lifecycleContract";

const [, sessions] = DEMO_INSTANCE_IDS;

lifecycleContract({
  ...CONTRACT_CLOUDS.tencentcloud,
  emulator: { taskSeconds: 45, rateLimitPerSecond: 20 },
  instance: sessions,
  labelOf: (outs) => outs.remark,
  backupsOf: (em, instance) => em.admin.backups(instance).length,
  takenOf: (em, instance) => em.admin.backups(instance).length,
  concurrentCreates: 6,
  adoptedInputs: (instanceId, backupId) => ({ instanceId, backupId }),
  adoptMissing: {
    backupId: "no-such-backup",
    message: () =>
      /^adopting Redis backup no-such-backup of crs-\w+: DescribeBackupDetail: InvalidParameterValue\.BackupNotExists: .+ \(RequestId [0-9a-f-]{36}\)$/,
  },
  missingInstance: {
    instance: "crs-missing1",
    message:
      /^creating Redis backup of crs-missing1: ManualBackupInstance: ResourceNotFound\.InstanceNotExists: .+ \(RequestId [0-9a-f-]{36}\)$/,
  },
  timeout: () => /timed out after 120s waiting for backup task \d+ of crs-\w+; last status: preparing/,
});
