/**
 * ucloud.getBackupDownloadUrls: the file of a URedis backup and its public URL
 * (DescribeURedisBackupURL's BackupPath), with its size from DescribeURedisBackup. UCloud gives
 * no intranet URL and documents no lifetime, so `intranetUrl` and `expiresAt` are left unset.
 */
import { DownloadUrlsSpec, downloadUrlsFunction, fileNameOfUrl } from "../core/downloadUrls";
import { NotFoundError } from "../core/errors";
import { describeURedisBackupURL, findURedisBackup } from "./api";
import { UCloudClient } from "./client";
import { resolveUCloudSettings } from "./settings";

/** Arguments of {@link getBackupDownloadUrls}. */
export interface BackupDownloadUrlsArgs {
  /** The URedis group, e.g. `uredis-rl5xuxx5`. */
  groupId: string;
  /** The backup, e.g. a RedisBackup's `backupId`. */
  backupId: string;
  /** Region, zone and project of the group; override `ucloud:region` / UCLOUD_REGION and the rest. */
  region?: string;
  zone?: string;
  projectId?: string;
  /** A URL for another IDC of the region (the API's RegionFlag, "cross-IDC"). */
  regionFlag?: boolean;
}

/** @internal How UCloud finds a backup's file. */
export const downloadUrlsSpec: DownloadUrlsSpec<BackupDownloadUrlsArgs> = {
  describe: (a) => `Redis backup ${a.backupId} of ${a.groupId}`,
  argsOf: ({ instance, backupId, location: { region, zone, projectId } }) => ({
    groupId: instance,
    backupId,
    region,
    zone,
    projectId,
  }),
  async fetch(a, deps) {
    const settings = resolveUCloudSettings({ region: a.region, zone: a.zone, projectId: a.projectId });
    const client = new UCloudClient(settings, deps);
    const listed = await findURedisBackup(client, a.groupId, a.backupId);
    if (!listed) throw new NotFoundError(`no backup ${a.backupId} of ${a.groupId}`);
    const { url } = await describeURedisBackupURL(client, {
      BackupId: a.backupId,
      GroupId: a.groupId,
      ...(a.regionFlag === undefined ? {} : { RegionFlag: a.regionFlag }),
    });
    if (!url) throw new NotFoundError(`DescribeURedisBackupURL gave no BackupPath for backup ${a.backupId}`);
    return {
      cloud: "ucloud",
      instanceId: a.groupId,
      backupId: a.backupId,
      files: [
        {
          fileName: fileNameOfUrl(url, `${listed.BackupName ?? a.backupId}.rdb`),
          ...(listed.BackupSize ? { sizeBytes: listed.BackupSize } : {}),
          url,
        },
      ],
    };
  },
};

/**
 * The file of a UCloud URedis backup, with its public URL (no lifetime documented). In a Pulumi
 * program: a secret Output; elsewhere: a Promise of plain values.
 */
export const getBackupDownloadUrls = downloadUrlsFunction(downloadUrlsSpec);
