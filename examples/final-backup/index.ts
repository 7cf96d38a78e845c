/**
 * Two backups a team asks for most:
 *
 * - a final backup before the instance goes: a FinalBackup of the instance, its instanceId the
 *   instance's output, so the engine deletes it (taking the backup) before the instance, on
 *   `pulumi destroy` and when the instance is replaced;
 * - a fresh backup before every migration: a RedisBackup whose `triggers` hold the migration
 *   version, and a migration that depends on it, so a new version takes a backup first.
 *
 * The instance and the migration here are stand-ins that run offline against the emulator
 * (standIns.ts); in your program they are your own resources, e.g. `redis.Instance` of
 * `@pulumi/tencentcloud` and a `command.local.Command` of `@pulumi/command` running the migration.
 */
import * as pulumi from "@pulumi/pulumi";
import { tencentcloud } from "pulumi-redis-backup";
import { StandInInstance, StandInMigration } from "./standIns";

const config = new pulumi.Config();

const orders = new StandInInstance("orders", {
  instanceId: config.get("ordersInstanceId") ?? "crs-example1",
});

new tencentcloud.FinalBackup("orders-final", {
  instanceId: orders.instanceId,
  remark: "orders, before the instance goes",
  storageDays: 30,
  // `pulumi config set skipFinalBackup true && pulumi up`, then `pulumi destroy`: no final backup.
  skip: config.getBoolean("skipFinalBackup"),
});

const migrationVersion = config.get("migrationVersion") ?? "2026-12-01-orders-index";
const beforeMigration = new tencentcloud.RedisBackup("before-migration", {
  instanceId: orders.instanceId,
  remark: "before a schema migration",
  storageDays: 14,
  triggers: [migrationVersion],
});
new StandInMigration("orders-schema", { version: migrationVersion }, { dependsOn: [beforeMigration] });

/** The backup taken before the current migration. */
export const beforeMigrationBackupId = beforeMigration.backupId;
