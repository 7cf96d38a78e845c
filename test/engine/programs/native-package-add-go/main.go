// A backup from Go through the SDK `pulumi package add` generated into ./sdks/redis-backup and
// linked into go.mod with a replace (the test runs it first; until then this does not build).
package main

import (
	"github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go/redisbackup/tencentcloud"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		backup, err := tencentcloud.NewRedisBackup(ctx, "added-go", &tencentcloud.RedisBackupArgs{
			InstanceId:  pulumi.String("crs-demo0001"),
			Remark:      pulumi.String("through pulumi package add, from go"),
			StorageDays: pulumi.Int(3),
		})
		if err != nil {
			return err
		}
		ctx.Export("backupId", backup.BackupId)
		ctx.Export("status", backup.Status)
		return nil
	})
}
