/**
 * A backup through the native provider, from the SDK `pulumi package add` generated into
 * ./sdks/redis-backup and linked as a dependency (the test runs it first), and, once the test has
 * written it, the code `pulumi import` printed for a backup made outside Pulumi (./imported.ts).
 */
import * as fs from "fs";
import * as path from "path";
import * as redisBackup from "pulumi-redis-backup-native";

const added = new redisBackup.tencentcloud.RedisBackup("added", {
  instanceId: "crs-demo0001",
  remark: "through pulumi package add",
  storageDays: 3,
});

export const backupId = added.backupId;
export const status = added.status;

if (fs.existsSync(path.join(__dirname, "imported.ts"))) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./imported");
}
