/** Tencent Cloud Redis (TencentDB for Redis) backups. */
export { RedisBackup, RedisBackupArgs } from "./resource";
export { FinalBackup, FinalBackupArgs } from "./finalBackup";
export { getBackupDownloadUrls, BackupDownloadUrlsArgs } from "./download";
export { BackupDownloadRestriction, BackupDownloadRestrictionArgs } from "./restriction";
