/**
 * Backups on three clouds, as a platform team would declare them, with the values a change would
 * touch read from stack config (`pulumi config set`), so the engine suite can change them between
 * runs as a pull request would.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud, ucloud } from "pulumi-redis-backup";

const config = new pulumi.Config();
const waitTimeoutMinutes = config.getNumber("waitTimeoutMinutes");

const orders = new tencentcloud.RedisBackup("orders", {
  instanceId: "crs-demo0001",
  remark: config.get("ordersRemark") ?? "before orders schema v2",
  storageDays: 30,
  waitTimeoutMinutes,
});

const sessions = new tencentcloud.RedisBackup("sessions", {
  instanceId: "crs-demo0002",
  remark: "sessions snapshot",
  storageDays: config.getNumber("sessionsStorageDays") ?? 7,
});

const catalog = new alicloud.RedisBackup("catalog", {
  instanceId: "r-demo0001",
  retentionDays: config.getNumber("catalogRetentionDays") ?? 14,
});

const cache = new ucloud.RedisBackup("cache", {
  groupId: "uredis-demo01",
  backupName: "cache-before-upgrade",
  waitTimeoutMinutes,
});

/** Each backup's id, status and expiry, by resource name. */
export const backups = Object.fromEntries(
  Object.entries({ orders, sessions, catalog, cache }).map(([name, b]) => [
    name,
    { backupId: b.backupId, status: b.status },
  ]),
);
