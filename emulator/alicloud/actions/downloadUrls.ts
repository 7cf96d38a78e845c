/**
 * The download URLs of an Alibaba backup file, from the emulator's file server. DescribeBackups
 * documents BackupDownloadURL (public) and BackupIntranetDownloadURL (from an ECS instance in the
 * same VPC or classic network) but no lifetime for them; the emulator's last one hour (our guess,
 * emulator/README.md), and every listing hands out new ones. Neither is restricted.
 */
import type { InstanceRecord } from "../state";
import type { ActionContext } from "./action";

/** Our guess at how long the URLs work (Alibaba states none). */
export const ALICLOUD_URL_TTL_MS = 3_600_000;

/** The two URLs of backup file `backupId` of `instance` (`sizeBytes` as recorded). */
export function downloadUrls(
  ctx: ActionContext,
  instance: InstanceRecord,
  backup: { backupId: number; sizeBytes: number },
) {
  const fileName = `hins${backup.backupId}_data_${instance.instanceId}.rdb`;
  const sizeBytes = ctx.files.sizeOf("alicloud", String(backup.backupId), backup.sizeBytes);
  const issue = (network: "public" | "intranet") =>
    ctx.files.issue({
      vendor: "alicloud",
      objectKey: `alicloud/${instance.instanceId}/${backup.backupId}`,
      fileName,
      sizeBytes,
      network,
      ttlMs: ALICLOUD_URL_TTL_MS,
    }).url;
  return { BackupDownloadURL: issue("public"), BackupIntranetDownloadURL: issue("intranet") };
}
