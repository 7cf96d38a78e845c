/** One Alibaba backup, its wait timeout from stack config: a job may outlive it. */
import * as pulumi from "@pulumi/pulumi";
import { alicloud } from "pulumi-redis-backup";

const config = new pulumi.Config();

const nightly = new alicloud.RedisBackup("nightly", {
  instanceId: "r-demo0001",
  waitTimeoutMinutes: config.getNumber("waitTimeoutMinutes"),
});

/** The backup's id and status. */
export const backup = { backupId: nightly.backupId, status: nightly.status };
