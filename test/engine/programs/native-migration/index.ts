/**
 * The migration the README describes: dynamic RedisBackups (`pulumi-nodejs:dynamic/<cloud>:RedisBackup`)
 * declared again as the native provider's (`redis-backup:<cloud>:RedisBackup`, from the generated
 * SDK copied beside this file by the test) with the same name and inputs, and an alias of the old
 * type: the engine moves each to the native provider without taking a new backup.
 */
import * as pulumi from "@pulumi/pulumi";
import { tencentcloud, ucloud } from "pulumi-redis-backup";
import * as redisBackup from "./redis-backup-sdk";

const native = new pulumi.Config().getBoolean("native") ?? false;
const orders = { instanceId: "crs-demo0001", remark: "before the move", storageDays: 3 };
const sessions = { groupId: "uredis-demo01", backupName: "before-the-move" };

const was = (cloud: string) => ({ aliases: [{ type: `pulumi-nodejs:dynamic/${cloud}:RedisBackup` }] });
const backups = native
  ? [
      new redisBackup.tencentcloud.RedisBackup("orders", orders, was("tencentcloud")),
      new redisBackup.ucloud.RedisBackup("sessions", sessions, was("ucloud")),
    ]
  : [new tencentcloud.RedisBackup("orders", orders), new ucloud.RedisBackup("sessions", sessions)];

export const ids = backups.map((b) => b.id);
