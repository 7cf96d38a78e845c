/**
 * CreateBackup: starts a manual backup and answers its job id. One backup at a time per instance:
 * while any job runs (manual or automatic) the answer is BackupJobExists. Clusters created before
 * 2023-12-05 (`perNodeJobs`) start one job per node and answer their ids comma-joined. There is no
 * idempotency token: a client that retries blindly after a lost answer gets BackupJobExists, or,
 * once the first job has finished, a second backup.
 */
import { AlicloudErrors } from "../errors";
import { AlicloudAction, intParam, lookupInstance } from "./action";

/** The CreateBackup action: InstanceId, and an optional BackupRetentionPeriod of 7–730 days or -1. */
export const createBackup: AlicloudAction = {
  name: "CreateBackup",
  required: ["InstanceId"],
  integers: ["BackupRetentionPeriod"],
  run(ctx, params) {
    const days = intParam(params, "BackupRetentionPeriod");
    if (days !== undefined && days !== -1 && (days < 7 || days > 730)) {
      throw AlicloudErrors.invalidRetention(params.BackupRetentionPeriod);
    }
    const instance = lookupInstance(ctx, params.InstanceId);
    const running = ctx.state.runningJobs(instance.instanceId);
    if (running.length > 0) {
      throw AlicloudErrors.backupJobExists(
        instance.instanceId,
        running.map((j) => j.jobId),
      );
    }
    const jobs = ctx.state.startBackup(instance, "Manual", days);
    return { BackupJobID: jobs.map((j) => j.jobId).join(",") };
  },
};
