/**
 * DescribeClusterBackupList: the cluster backups of a cloud-native cluster instance, newest first,
 * whose start lies in [StartTime, EndTime] (both required; `yyyy-MM-ddTHH:mmZ` as documented, or
 * with seconds as the doc's EndTime example has), paged by PageNumber (PageSize 5, 10, 15, 20, 30,
 * 50, 100, 200 or 300; default 30). Sources: alibabacloud-typescript-sdk r-kvstore-20150101
 * DescribeClusterBackupListRequest/ResponseBody, alibabacloud-go r-kvstore-20150101 client.go (GET),
 * the doc page api-r-kvstore-2015-01-01-describeclusterbackuplist-redis (vendor-research.md §6).
 *
 * The answer as the SDK models it: `ClusterBackups` a plain array (no TotalCount), each with a
 * `cb-` ClusterBackupId, ClusterBackupStatus OK / RUNNING / Failed, sizes as strings, IsAvail a
 * number, and `Backups`, one per shard, with BackupStatus OK / ERROR and IsAvail a string.
 * Our guesses (emulator/alicloud/README.md): shards are listed once the job ends; Progress is sent
 * while it runs; ExpectExpireTime is the earliest shard expiry; a cluster backup stays listed while
 * any of its shard files remains; RegionId is required, as the doc says.
 */
import { AlicloudErrors } from "../errors";
import { isCloudNativeCluster } from "../state";
import { formatSeconds, parseMinutes, parseSeconds } from "../time";
import { AlicloudAction, lookupInstance, pageOf, timeWindow } from "./action";
import { downloadUrls } from "./downloadUrls";

const PAGE_SIZES = new Set([5, 10, 15, 20, 30, 50, 100, 200, 300]);

/** A window bound, and how much past an end it still holds: to the minute, or to the second. */
function bound(text: string): { ms: number; grainMs: number } | undefined {
  const minutes = parseMinutes(text);
  if (minutes !== undefined) return { ms: minutes, grainMs: 60_000 };
  const seconds = parseSeconds(text);
  return seconds === undefined ? undefined : { ms: seconds, grainMs: 1000 };
}

/** `hins<job>_data_<yyyyMMddHHmmss>.rdb`, the shape of the doc example's BackupName. */
const fileName = (jobId: number, startMs: number) =>
  `hins${jobId}_data_${new Date(startMs).toISOString().replace(/\D/g, "").slice(0, 14)}.rdb`;

/** The DescribeClusterBackupList action: a cloud-native cluster's backups, each with its shards' files. */
export const describeClusterBackupList: AlicloudAction = {
  name: "DescribeClusterBackupList",
  required: ["InstanceId", "RegionId", "StartTime", "EndTime"],
  integers: ["PageSize", "PageNumber"],
  run(ctx, params) {
    const { start, end } = timeWindow(params, bound, (b) => b.ms);
    const { pageSize, pageNumber, of } = pageOf(params, PAGE_SIZES);
    const instance = lookupInstance(ctx, params.InstanceId);
    if (!isCloudNativeCluster(instance)) {
      throw AlicloudErrors.instanceTypeNotSupported(
        instance.instanceId,
        "DescribeClusterBackupList is served for cloud-native cluster instances only",
      );
    }
    const wanted = params.ClusterBackupId || undefined;
    const withShards = params.NoShardBackup?.toLowerCase() !== "true";
    const matching = ctx.state
      .clusterBackups(instance.instanceId)
      .filter(({ job }) => wanted === undefined || job.clusterBackupId === wanted)
      .filter(({ job }) => job.startMs >= start.ms && job.startMs < end.ms + end.grainMs);
    const page = of(matching);
    const total = (f: (b: { sizeBytes: number }) => number) =>
      matching.reduce((sum, c) => sum + c.shards.reduce((s, b) => s + f(b), 0), 0);
    return {
      ClusterBackups: page.map(({ job, shards }) => {
        const running = !ctx.state.isFinished(job);
        const status = running ? "RUNNING" : job.failed ? "Failed" : "OK";
        const expiries = shards.map((b) => b.expireMs).filter((e): e is number => e !== null);
        return {
          ClusterBackupId: job.clusterBackupId,
          ClusterBackupStatus: status,
          ClusterBackupMode: job.mode,
          ClusterBackupStartTime: formatSeconds(job.startMs),
          ClusterBackupEndTime: running ? "" : formatSeconds(job.startMs + job.durationMs),
          ClusterBackupSize: String(running ? 0 : shards.reduce((s, b) => s + b.sizeBytes, 0)),
          ...(expiries.length ? { ExpectExpireTime: formatSeconds(Math.min(...expiries)) } : {}),
          IsAvail: status === "OK" && shards.length === instance.shardCount ? 1 : 0,
          ...(running ? { Progress: `${ctx.state.jobPercent(job)}%` } : {}),
          ShardClassMemory: 1024,
          Backups:
            withShards && !running
              ? shards.map((b) => ({
                  BackupId: String(b.backupId),
                  BackupName: fileName(job.jobId, job.startMs),
                  InstanceName: b.nodeInstanceId,
                  BackupStatus: b.failed ? "ERROR" : "OK",
                  BackupStartTime: formatSeconds(b.startMs),
                  BackupEndTime: formatSeconds(b.startMs + b.durationMs),
                  BackupSize: String(ctx.files.sizeOf("alicloud", String(b.backupId), b.sizeBytes)),
                  ...(b.failed ? {} : downloadUrls(ctx, instance, b)),
                  Engine: "redis",
                  ExtraInfo: { CustinsDbVersion: instance.engineVersion },
                  IsAvail: b.failed ? "0" : "1",
                  RecoverConfigMode: "",
                }))
              : [],
        };
      }),
      MaxResults: pageSize,
      PageNumber: pageNumber,
      PageSize: pageSize,
      FreeSize: 0,
      FullStorageSize: total((b) => b.sizeBytes),
      LogStorageSize: 0,
    };
  },
};
