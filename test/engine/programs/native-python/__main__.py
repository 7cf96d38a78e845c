"""Backups from Python through the native provider (redis-backup), with the SDK generated from its
schema (sdk/python, on PYTHONPATH): the same resources as the TypeScript programs."""
import pulumi
import pulumi_redis_backup as redis_backup

config = pulumi.Config()

tencent = redis_backup.tencentcloud.RedisBackup(
    "from-python",
    instance_id="crs-demo0002",
    remark=config.get("remark") or "from python",
    storage_days=3,
)
ucloud = redis_backup.ucloud.RedisBackup("from-python-ucloud", group_id="uredis-demo02", backup_name="from-python")

pulumi.export("tencentBackupId", tencent.backup_id)
pulumi.export("tencentStatus", tencent.status)
pulumi.export("ucloudBackupId", ucloud.backup_id)

# The function, served by the provider's Invoke: its result is secret (the schema says so), so
# the URLs are encrypted in state.
download = redis_backup.tencentcloud.get_backup_download_urls_output(
    instance_id="crs-demo0002", backup_id=tencent.backup_id
)
pulumi.export("tencentFiles", download.files)
