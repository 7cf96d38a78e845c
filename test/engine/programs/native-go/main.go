// Backups from Go through the native provider (redis-backup), with the SDK generated from its schema
// (sdk/go/redisbackup, the module github.com/pulumi-redis-backup/pulumi-redis-backup/sdk, which the
// test points at this checkout's sdk/ with a replace): the same resources as the TypeScript programs.
package main

import (
	"github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go/redisbackup/tencentcloud"
	"github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go/redisbackup/ucloud"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		remark := config.Get(ctx, "remark")
		if remark == "" {
			remark = "from go"
		}
		tencent, err := tencentcloud.NewRedisBackup(ctx, "from-go", &tencentcloud.RedisBackupArgs{
			InstanceId:  pulumi.String("crs-demo0002"),
			Remark:      pulumi.String(remark),
			StorageDays: pulumi.Int(3),
		})
		if err != nil {
			return err
		}
		uc, err := ucloud.NewRedisBackup(ctx, "from-go-ucloud", &ucloud.RedisBackupArgs{
			GroupId:    pulumi.String("uredis-demo02"),
			BackupName: pulumi.String("from-go"),
		})
		if err != nil {
			return err
		}
		ctx.Export("tencentBackupId", tencent.BackupId)
		ctx.Export("tencentStatus", tencent.Status)
		ctx.Export("ucloudBackupId", uc.BackupId)

		// The function, served by the provider's Invoke: its result is secret (the schema says
		// so), so the URLs are encrypted in state.
		download := tencentcloud.GetBackupDownloadUrlsOutput(ctx, tencentcloud.GetBackupDownloadUrlsOutputArgs{
			InstanceId: pulumi.String("crs-demo0002"),
			BackupId:   tencent.BackupId.Elem(),
		})
		ctx.Export("tencentFiles", download.Files())
		// UCloud's, the same way: one file, its URL secret too.
		ucloudDownload := ucloud.GetBackupDownloadUrlsOutput(ctx, ucloud.GetBackupDownloadUrlsOutputArgs{
			GroupId:  pulumi.String("uredis-demo02"),
			BackupId: uc.BackupId.Elem(),
		})
		ctx.Export("ucloudFiles", ucloudDownload.Files())
		return nil
	})
}
