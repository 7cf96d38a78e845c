/**
 * DescribeBackups: the backup files of an instance whose start lies in [StartTime, EndTime]
 * (required, UTC `yyyy-MM-ddTHH:mmZ`, end after start), newest first, paged (PageSize 30, 50, 100,
 * 200 or 300; default 30), inside the `Backups.Backup` wrapper. A file is listed once its job has
 * ended (Success or Failed) and until it expires or is deleted. The documented NeedAof is accepted
 * and changes nothing here.
 */
import { newestFirst } from "../state";
import { formatSeconds, parseMinutes } from "../time";
import { AlicloudAction, intParam, lookupInstance, pageOf, timeWindow } from "./action";
import { downloadUrls } from "./downloadUrls";

const PAGE_SIZES = new Set([30, 50, 100, 200, 300]);

/** The DescribeBackups action: an instance's backup files in [StartTime, EndTime], with download URLs. */
export const describeBackups: AlicloudAction = {
  name: "DescribeBackups",
  required: ["InstanceId", "StartTime", "EndTime"],
  integers: ["BackupId", "BackupJobId", "PageSize", "PageNumber"],
  run(ctx, params) {
    const { start, end } = timeWindow(params, parseMinutes, (minute) => minute);
    const { pageSize, pageNumber, of } = pageOf(params, PAGE_SIZES);
    const instance = lookupInstance(ctx, params.InstanceId);
    const backupId = intParam(params, "BackupId");
    const jobId = intParam(params, "BackupJobId");
    const matching = ctx.state
      .allBackups(instance.instanceId)
      .filter((b) => ctx.state.isListed(b))
      .filter((b) => backupId === undefined || b.backupId === backupId)
      .filter((b) => jobId === undefined || b.jobId === jobId)
      // Minute precision: a backup started at 10:00:59 is within a window that ends at 10:00.
      .filter((b) => b.startMs >= start && b.startMs < end + 60_000)
      .sort(newestFirst);
    const page = of(matching);
    return {
      PageNumber: pageNumber,
      PageSize: pageSize,
      TotalCount: matching.length,
      Backups: {
        Backup: page.map((b) => ({
          BackupId: b.backupId,
          BackupJobID: b.jobId,
          BackupStatus: b.failed ? "Failed" : "Success",
          BackupMode: b.mode,
          BackupMethod: b.method,
          BackupType: "FullBackup",
          BackupStartTime: formatSeconds(b.startMs),
          BackupEndTime: formatSeconds(b.startMs + b.durationMs),
          BackupSize: ctx.files.sizeOf("alicloud", String(b.backupId), b.sizeBytes),
          BackupDBNames: "all",
          ...(b.failed ? {} : downloadUrls(ctx, instance, b)),
          EngineVersion: instance.engineVersion,
          NodeInstanceId: b.nodeInstanceId,
          RecoverConfigMode: '{"whitelist":true,"config":true,"account":true}',
          // Undocumented field; left out for backups kept for the instance's lifetime.
          ...(b.expireMs === null ? {} : { ExpectExpireTime: formatSeconds(b.expireMs) }),
        })),
      },
    };
  },
};
