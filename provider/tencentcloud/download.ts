/**
 * tencentcloud.getBackupDownloadUrls: the files of a backup with their public and intranet URLs
 * (DescribeBackupUrl), each "valid for 6 hours" as Tencent documents, so `expiresAt` is six hours
 * after the answer, on the server's clock as we know it.
 */
import { serverNow } from "../core/clockSkew";
import { DownloadUrlsSpec, downloadUrlsFunction, isoTime } from "../core/downloadUrls";
import { describeBackupUrl } from "./api";
import { TencentClient } from "./client";
import { resolveTencentSettings } from "./settings";

/** How long Tencent's URLs work: "下载地址的有效时长为6小时" (BackupDownloadInfo). */
export const TENCENT_URL_LIFETIME_MS = 6 * 3_600_000;

/** Arguments of {@link getBackupDownloadUrls}. */
export interface BackupDownloadUrlsArgs {
  /** The instance, e.g. `crs-xjhsdj01`. */
  instanceId: string;
  /** The backup, e.g. a RedisBackup's `backupId`. */
  backupId: string;
  /** Region of the instance; overrides `tencentcloud:region` / TENCENTCLOUD_REGION. */
  region?: string;
  /**
   * For these URLs only, `LimitOnlyIntranet` (only the intranet URL works) or `NoLimit`, instead
   * of the region's restriction (see BackupDownloadRestriction).
   */
  limitType?: "NoLimit" | "LimitOnlyIntranet";
}

/** @internal How Tencent finds a backup's files. */
export const downloadUrlsSpec: DownloadUrlsSpec<BackupDownloadUrlsArgs> = {
  describe: (a) => `Redis backup ${a.backupId} of ${a.instanceId}`,
  argsOf: (t) => ({ instanceId: t.instance, backupId: t.backupId, region: t.location.region }),
  async fetch(a, deps) {
    const settings = resolveTencentSettings(a.region);
    const client = new TencentClient(settings, deps);
    const res = await describeBackupUrl(client, {
      InstanceId: a.instanceId,
      BackupId: a.backupId,
      ...(a.limitType ? { LimitType: a.limitType } : {}),
    });
    const expiresAt = isoTime(serverNow(settings.endpoint, deps.clock) + TENCENT_URL_LIFETIME_MS);
    return {
      cloud: "tencentcloud",
      instanceId: a.instanceId,
      backupId: a.backupId,
      files: res.BackupInfos.map((f) => ({
        fileName: f.FileName,
        ...(f.FileSize ? { sizeBytes: f.FileSize } : {}),
        url: f.DownloadUrl,
        ...(f.InnerDownloadUrl ? { intranetUrl: f.InnerDownloadUrl } : {}),
        expiresAt,
      })),
    };
  },
};

/**
 * The files of a Tencent Redis backup, with URLs that work for 6 hours. In a Pulumi program: a
 * secret Output (the URLs are never in state in the clear); elsewhere: a Promise of plain values.
 *
 * @example
 *   const files = tencentcloud.getBackupDownloadUrls({ instanceId: "crs-xjhsdj01", backupId: backup.backupId });
 */
export const getBackupDownloadUrls = downloadUrlsFunction(downloadUrlsSpec);
