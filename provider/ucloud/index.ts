/** UCloud URedis (master/replica Redis) backups. */
export { RedisBackup, RedisBackupArgs } from "./resource";
export { FinalBackup, FinalBackupArgs } from "./finalBackup";
export { getBackupDownloadUrls, BackupDownloadUrlsArgs } from "./download";
