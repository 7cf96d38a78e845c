/**
 * DescribeBackupTasks: the backup jobs of an instance and their progress on the world clock
 * (NoStart → Preparing → Waiting → Uploading → Checking → Finished). Running jobs are listed, and
 * successful ones for a day after they finish; a failed job drops out when it ends (its backup
 * shows BackupStatus Failed in DescribeBackups). BackupJobs is a plain array.
 */
import { AlicloudErrors } from "../errors";
import { formatSeconds } from "../time";
import { AlicloudAction, lookupInstance } from "./action";

/** The DescribeBackupTasks action: an instance's backup jobs, optionally of one BackupJobId or JobMode. */
export const describeBackupTasks: AlicloudAction = {
  name: "DescribeBackupTasks",
  required: ["InstanceId"],
  run(ctx, params) {
    const mode = params.JobMode || undefined;
    if (mode !== undefined && mode !== "Manual" && mode !== "Automated") {
      throw AlicloudErrors.invalidParameter("JobMode", `JobMode ${mode}; Manual or Automated`);
    }
    const instance = lookupInstance(ctx, params.InstanceId);
    const jobId = params.BackupJobId || undefined;
    const jobs = ctx.state
      .listedJobs(instance.instanceId)
      .filter((j) => mode === undefined || j.mode === mode)
      .filter((j) => jobId === undefined || String(j.jobId) === jobId);
    return {
      InstanceId: instance.instanceId,
      BackupJobs: jobs.map((j) => {
        const percent = String(ctx.state.jobPercent(j));
        return {
          BackupJobID: j.jobId,
          BackupProgressStatus: ctx.state.jobPhase(j),
          JobMode: j.mode,
          NodeId: j.nodeId ?? instance.instanceId,
          Process: percent,
          Progress: percent,
          StartTime: formatSeconds(j.startMs),
          TaskAction: j.mode === "Manual" ? "TempBackupTask" : "NormalBackupTask",
        };
      }),
    };
  },
};
