/**
 * What Alibaba can delete of a backup, and what it says when it cannot: the delete hook of
 * alicloud.RedisBackup (operations.ts).
 */
import { CloudApiError } from "../core/errors";
import { deleteBackup } from "./api";
import { AlicloudClient } from "./client";
import { isNotFound, isUnsupportedForInstance } from "./errors";
import type { AlicloudBackupOutputs } from "./outputs";

/**
 * DeleteBackup deletes manual backups of cloud-native instances ("本操作仅支持云原生版实例", its CN
 * page). Elsewhere (automatic backups, classic instances, whose clusters answer CreateBackup with
 * per-node jobs) no call is made or the instance's "not supported" answer ends it: the backup stays
 * until it expires, and we say so.
 *
 * A cloud-native cluster's backup is deleted shard by shard: DeleteBackup takes a BackupId ("实例的
 * 备份文件 ID", a backup file's id) and an InstanceId and has no cluster-level parameter, and a `cb-`
 * id is not a backup file's id; the shards' files are what it can name (vendor-research.md §6.5).
 * terraform-provider-alicloud's alicloud_redis_backup does not fan out (one DeleteBackup of the id it
 * recorded, found through DescribeBackups, which does not apply to these instances): it covers only
 * standard ones, so it is no evidence either way. Whether deleting one shard's file removes the whole
 * cluster backup is not documented; a shard already gone answers NotFound, which is what we want.
 */
export async function removeBackup(
  client: AlicloudClient,
  deps: { reporter: { info(m: string): void; warn(m: string): void } },
  instanceId: string,
  backupIds: string[],
  props: AlicloudBackupOutputs,
) {
  const backup = props.clusterBackupId
    ? `${props.clusterBackupId} (shard files ${backupIds.join(",")})`
    : backupIds.join(",");
  const stays =
    `backup ${backup} of ${instanceId} stays ` +
    (props.expireTime ? `until it expires at ${props.expireTime}` : "as long as the instance exists") +
    "; it is no longer managed by this stack";
  if (props.status === "expired")
    return deps.reporter.info(`backup ${backup} of ${instanceId} has expired; nothing to delete`);
  if (props.mode !== undefined && props.mode !== "Manual") {
    return deps.reporter.warn(`Alibaba Cloud deletes only manual backups: ${stays}`);
  }
  if ((props.jobId ?? "").includes(",")) {
    return deps.reporter.warn(`Alibaba Cloud deletes backups only on cloud-native instances: ${stays}`);
  }
  for (const backupId of backupIds) {
    try {
      await deleteBackup(client, instanceId, backupId);
    } catch (e) {
      if (isNotFound(e)) continue; // already gone: that is what we wanted
      if (!isUnsupportedForInstance(e)) throw e;
      return deps.reporter.warn(
        `${instanceId} cannot delete backups (DeleteBackup: ${(e as CloudApiError).code}): ${stays}`,
      );
    }
  }
  deps.reporter.info(`${instanceId}: backup ${backup} deleted`);
}
