/**
 * pulumi-redis-backup: Redis backups declared as code.
 *
 * ```ts
 * import { tencentcloud } from "pulumi-redis-backup";
 * new tencentcloud.RedisBackup("before-migration", { instanceId: "crs-xjhsdj01", remark: "before v2 migration", storageDays: 30 });
 * ```
 */
export * as tencentcloud from "./tencentcloud";
