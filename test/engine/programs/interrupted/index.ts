/**
 * One backup on each cloud that config `clouds` names (comma-separated; default all three), the
 * program a CI job would run when the job gets cancelled mid-create.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud, ucloud } from "pulumi-redis-backup";

const config = new pulumi.Config();
const clouds = (config.get("clouds") ?? "tencentcloud,alicloud,ucloud").split(",");

const backups: pulumi.CustomResource[] = [];
if (clouds.includes("tencentcloud")) {
  backups.push(
    new tencentcloud.RedisBackup("orders", { instanceId: "crs-demo0001", remark: "before orders v2" }),
  );
}
if (clouds.includes("alicloud")) {
  backups.push(new alicloud.RedisBackup("catalog", { instanceId: "r-demo0001" }));
}
if (clouds.includes("ucloud")) {
  backups.push(new ucloud.RedisBackup("cache", { groupId: "uredis-demo01", backupName: "cache-nightly" }));
}

/** How many backups the program declares. */
export const declared = backups.length;
