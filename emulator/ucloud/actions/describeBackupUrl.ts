/**
 * DescribeURedisBackupURL: the public URL of a finished backup's file (BackupPath; BackupURL, the
 * deprecated name, carries the same). The docs give no intranet URL and no lifetime; the emulator's
 * URLs last one hour (our guess, emulator/README.md). Zone, GroupId and RegionFlag (cross-IDC) are
 * accepted and change nothing here. A backup that is not `Success` has no file (our guess: 230 on
 * BackupId, as for one that does not exist).
 */
import { UCloudErrors } from "../errors";
import { type UCloudAction, lookupBackup, required } from "./action";

/** Our guess at how long a URL works (UCloud states none). */
export const UCLOUD_URL_TTL_MS = 3_600_000;

/** The DescribeURedisBackupURL action: the public URL of backup BackupId's file. */
export const describeURedisBackupURL: UCloudAction = {
  name: "DescribeURedisBackupURL",
  served: () => true,
  run(ctx) {
    const backupId = required(ctx, "BackupId");
    const { backup, group } = lookupBackup(ctx, backupId);
    const state = ctx.state.state(backup);
    if (state !== "Success") {
      throw UCloudErrors.paramsNotAvailable("BackupId", `backup ${backupId} is ${state}; it has no file`);
    }
    const url = ctx.files.issue({
      vendor: "ucloud",
      objectKey: `ucloud/${group.groupId}/${backupId}`,
      fileName: `${backup.backupName}.rdb`,
      sizeBytes: ctx.files.sizeOf("ucloud", backupId, backup.sizeBytes),
      network: "public",
      ttlMs: UCLOUD_URL_TTL_MS,
    }).url;
    return { BackupPath: url, BackupURL: url };
  },
};
