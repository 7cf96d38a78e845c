/**
 * A backup, its download URLs asked for in the program (and exported, as a user might to hand
 * them to a copy job), and the region's download restriction reviewed as code.
 */
import * as pulumi from "@pulumi/pulumi";
import { tencentcloud } from "pulumi-redis-backup";

const backup = new tencentcloud.RedisBackup("to-download", {
  instanceId: "crs-demo0001",
  remark: "download me",
});

new tencentcloud.BackupDownloadRestriction("intranet-only", { limitType: "LimitOnlyIntranet" });

const urls = tencentcloud.getBackupDownloadUrls({ instanceId: backup.instanceId, backupId: backup.backupId });

/** Everything the function gave, URLs included: a secret output. */
export const downloads = urls;
/** Derived from it, so secret too: the first file's public URL. */
export const firstUrl = pulumi.output(urls).apply((d) => d.files[0].url);
