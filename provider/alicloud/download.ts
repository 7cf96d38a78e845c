/**
 * alicloud.getBackupDownloadUrls: the files of a backup with their public and intranet URLs, as
 * DescribeBackups lists them (BackupDownloadURL, BackupIntranetDownloadURL), or, for a
 * cloud-native cluster's `cb-` backup, DescribeClusterBackupList's shards. Alibaba documents no
 * lifetime for these URLs, so `expiresAt` is left unset; a refused URL is asked for again.
 */
import { DownloadUrlsSpec, downloadUrlsFunction, fileNameOfUrl as fileNameOf } from "../core/downloadUrls";
import { NotFoundError } from "../core/errors";
import { listBackups, listClusterBackups, wideWindow } from "./api";
import { AlicloudClient } from "./client";
import { resolveAlicloudSettings } from "./settings";

/** Arguments of {@link getBackupDownloadUrls}. */
export interface BackupDownloadUrlsArgs {
  /** The instance, e.g. `r-bp1zxszhcgatnx****`. */
  instanceId: string;
  /**
   * The backup: a RedisBackup's `backupId` — a file's id, several joined by commas (a classic
   * cluster's per-node files), or a cloud-native cluster's `cb-…` id.
   */
  backupId: string;
  /** Region of the instance; overrides `alicloud:region` / ALIBABA_CLOUD_REGION_ID. */
  regionId?: string;
}

/** @internal How Alibaba finds a backup's files. */
export const downloadUrlsSpec: DownloadUrlsSpec<BackupDownloadUrlsArgs> = {
  describe: (a) => `Redis backup ${a.backupId} of ${a.instanceId}`,
  argsOf: (t) => ({
    instanceId: t.instance,
    backupId: t.backupId,
    regionId: t.location.regionId ?? t.location.region,
  }),
  async fetch(a, deps) {
    const client = new AlicloudClient(resolveAlicloudSettings(a.regionId), deps);
    const window = wideWindow(deps.clock.now());
    const base = { cloud: "alicloud", instanceId: a.instanceId, backupId: a.backupId };
    if (a.backupId.startsWith("cb-")) {
      const [cluster] = await listClusterBackups(client, {
        InstanceId: a.instanceId,
        ...window,
        ClusterBackupId: a.backupId,
      });
      if (!cluster) throw new NotFoundError(`no cluster backup ${a.backupId} of ${a.instanceId}`);
      return {
        ...base,
        files: cluster.Backups.map((s) => ({
          fileName: fileNameOf(s.BackupDownloadURL, `${s.BackupId}.rdb`),
          ...(s.BackupSize ? { sizeBytes: s.BackupSize } : {}),
          url: required(s.BackupDownloadURL, s.BackupId),
          ...(s.BackupIntranetDownloadURL ? { intranetUrl: s.BackupIntranetDownloadURL } : {}),
          fileBackupId: s.BackupId,
        })),
      };
    }
    const files = [];
    for (const id of a.backupId.split(",")) {
      const [entry] = await listBackups(client, { InstanceId: a.instanceId, ...window, BackupId: id });
      if (!entry) throw new NotFoundError(`no backup ${id} of ${a.instanceId}`);
      files.push({
        fileName: fileNameOf(entry.BackupDownloadURL, `${id}.rdb`),
        ...(entry.BackupSize ? { sizeBytes: entry.BackupSize } : {}),
        url: required(entry.BackupDownloadURL, id),
        ...(entry.BackupIntranetDownloadURL ? { intranetUrl: entry.BackupIntranetDownloadURL } : {}),
        fileBackupId: id,
      });
    }
    return { ...base, files };
  },
};

function required(url: string | undefined, id: string): string {
  if (!url) throw new NotFoundError(`backup ${id} has no download URL (a failed backup has no file)`);
  return url;
}

/**
 * The files of an Alibaba Redis backup, with their URLs (no lifetime documented). In a Pulumi
 * program: a secret Output; elsewhere: a Promise of plain values.
 */
export const getBackupDownloadUrls = downloadUrlsFunction(downloadUrlsSpec);
