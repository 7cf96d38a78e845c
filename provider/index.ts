/**
 * pulumi-redis-backup: Redis backups declared as code.
 *
 * ```ts
 * import { tencentcloud } from "pulumi-redis-backup";
 * new tencentcloud.RedisBackup("before-migration", { instanceId: "crs-xjhsdj01", remark: "before v2 migration", storageDays: 30 });
 * ```
 *
 * Each cloud's namespace is exported here by name (TypeScript needs it spelled to export its
 * types); everything else that needs the list of clouds reads the registry, provider/clouds.ts.
 */
export * as tencentcloud from "./tencentcloud";
export * as alicloud from "./alicloud";
export * as ucloud from "./ucloud";
export { declareBackups, DeclarationsError } from "./declarations";
export type { DeclareBackupsOptions, DeclaredBackup, Declaration, Problem } from "./declarations";
export type { BackupDownload, BackupFile, DownloadUrls } from "./core/downloadUrls";
