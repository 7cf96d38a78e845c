/** Alibaba Cloud ApsaraDB for Redis / Tair backups. */
export { RedisBackup, RedisBackupArgs } from "./resource";
export { FinalBackup, FinalBackupArgs } from "./finalBackup";
export { getBackupDownloadUrls, BackupDownloadUrlsArgs } from "./download";
