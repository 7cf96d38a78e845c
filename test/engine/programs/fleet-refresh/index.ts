/**
 * A small fleet: six Tencent backups of one instance and six UCloud backups of one group, so that a
 * refresh shows what one listing per instance saves.
 */
import { tencentcloud, ucloud } from "pulumi-redis-backup";

const six = Array.from({ length: 6 }, (_, i) => i);
export const tencent = six.map(
  (i) => new tencentcloud.RedisBackup(`orders-${i}`, { instanceId: "crs-demo0001", remark: `fleet ${i}` }).id,
);
export const ucloudBackups = six.map(
  (i) => new ucloud.RedisBackup(`cache-${i}`, { groupId: "uredis-demo01", backupName: `fleet-${i}` }).id,
);
