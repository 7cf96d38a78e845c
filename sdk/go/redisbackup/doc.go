// Manual Redis backups on Tencent Cloud, Alibaba Cloud and UCloud: the native provider of pulumi-redis-backup.
package redisbackup
