/**
 * Backups of Redis instances on three clouds, declared next to the instances they protect.
 * Run it with `pulumi up` from the repository root (see README), or through `npm run demo`,
 * which runs it against the local emulator.
 */
import * as pulumi from "@pulumi/pulumi";
import { alicloud, tencentcloud, ucloud } from "pulumi-redis-backup";

const config = new pulumi.Config();
// Defaults are the emulator's demo instances; point them at yours with `pulumi config set`.
const ordersInstance = config.get("ordersInstanceId") ?? "crs-demo0001";
const sessionsInstance = config.get("sessionsInstanceId") ?? "crs-demo0002";
const catalogInstance = config.get("catalogInstanceId") ?? "r-demo0001";
const cacheGroup = config.get("cacheGroupId") ?? "uredis-demo01";

/** Tencent Cloud: taken once before a risky migration and kept for a month. */
const beforeMigration = new tencentcloud.RedisBackup("orders-before-migration", {
  instanceId: ordersInstance,
  remark: "before orders schema v2 migration",
  storageDays: 30,
});

/** Tencent Cloud: a short-lived safety copy; when it lapses nobody wants a new one. */
const sessionsSnapshot = new tencentcloud.RedisBackup("sessions-snapshot", {
  instanceId: sessionsInstance,
  remark: "sessions snapshot",
  storageDays: 7,
  keepExpired: true,
});

/** Alibaba Cloud: a week's retention, which can later be lengthened in place. */
const catalogWeekly = new alicloud.RedisBackup("catalog-weekly", {
  instanceId: catalogInstance,
  retentionDays: 7,
});

/** UCloud: a named manual backup of a URedis group. */
const cacheBeforeUpgrade = new ucloud.RedisBackup("cache-before-upgrade", {
  groupId: cacheGroup,
  backupName: "cache-before-upgrade",
});

const summary = (b: { backupId: pulumi.Output<string>; status: pulumi.Output<string> }) => ({
  id: b.backupId,
  status: b.status,
});

export const backups = {
  ordersBeforeMigration: { ...summary(beforeMigration), expireTime: beforeMigration.expireTime },
  sessionsSnapshot: { ...summary(sessionsSnapshot), expireTime: sessionsSnapshot.expireTime },
  catalogWeekly: { ...summary(catalogWeekly), expireTime: catalogWeekly.expireTime },
  cacheBeforeUpgrade: summary(cacheBeforeUpgrade),
};
