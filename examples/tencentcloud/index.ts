/**
 * Backups of two Tencent Cloud Redis instances, declared next to the instances they protect.
 * Run it with `pulumi up` from the repository root (see README), or through `npm run demo`,
 * which runs it against the local emulator.
 */
import * as pulumi from "@pulumi/pulumi";
import { tencentcloud } from "pulumi-redis-backup";

const config = new pulumi.Config();
// Defaults are the emulator's demo instances; point them at yours with `pulumi config set`.
const ordersInstance = config.get("ordersInstanceId") ?? "crs-demo0001";
const sessionsInstance = config.get("sessionsInstanceId") ?? "crs-demo0002";

/** Taken once before a risky migration and kept for a month. */
const beforeMigration = new tencentcloud.RedisBackup("orders-before-migration", {
  instanceId: ordersInstance,
  remark: "before orders schema v2 migration",
  storageDays: 30,
});

/** A short-lived safety copy; when it lapses nobody wants a new one. */
const sessionsSnapshot = new tencentcloud.RedisBackup("sessions-snapshot", {
  instanceId: sessionsInstance,
  remark: "sessions snapshot",
  storageDays: 7,
  keepExpired: true,
});

export const backups = {
  ordersBeforeMigration: {
    id: beforeMigration.backupId,
    status: beforeMigration.status,
    expireTime: beforeMigration.expireTime,
  },
  sessionsSnapshot: {
    id: sessionsSnapshot.backupId,
    status: sessionsSnapshot.status,
    expireTime: sessionsSnapshot.expireTime,
  },
};
