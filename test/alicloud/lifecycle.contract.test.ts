/** The shared lifecycle scenarios (test/contract/lifecycleContract.ts), run for Alibaba Cloud. */
import { ALICLOUD_DEMO_INSTANCE_IDS } from "../../emulator";
import { CONTRACT_CLOUDS } from "../contract/clouds";
import { lifecycleContract } from "../contract/lifecycleContract";

const [nativeStd] = ALICLOUD_DEMO_INSTANCE_IDS;

lifecycleContract({
  ...CONTRACT_CLOUDS.alicloud,
  emulator: { taskSeconds: 45, rateLimitPerSecond: 100 },
  instance: nativeStd,
  backupsOf: (em, instanceId) => em.alicloud.backups(instanceId).length,
  takenOf: (em, instanceId) => em.alicloud.jobs(instanceId).length,
  adoptedOutputs: () => ({ mode: "Manual" }),
  // Alibaba runs one backup job per instance at a time: concurrent creates take turns.
  concurrentCreates: 3,
  adoptedInputs: (instanceId, backupId) => ({ instanceId, backupId }),
  adoptMissing: {
    backupId: "123",
    message: (instanceId) =>
      new RegExp(`^adopting Redis backup 123 of ${instanceId}: backup 123 is not listed for ${instanceId}$`),
  },
  missingInstance: {
    instance: "r-missing1",
    message:
      /^creating Redis backup of r-missing1: CreateBackup: InvalidInstanceId\.NotFound: The specified instance does not exist\. \(RequestId [0-9A-F-]{36}\)$/,
  },
  timeout: (instanceId) =>
    new RegExp(
      `^creating Redis backup of ${instanceId}: timed out after 120s waiting for backup job \\d+ of ${instanceId}; last status: job \\d+ (NoStart|Preparing); job \\d+ was accepted`,
    ),
});
