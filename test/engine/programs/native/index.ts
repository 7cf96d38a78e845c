/**
 * Backups through the native provider, from the SDK `pulumi package gen-sdk` makes (sdk/nodejs,
 * copied beside this file as ./redis-backup-sdk by the test): the default provider (the
 * environment's account), an explicit provider with an account of its own, a backup bounded by
 * customTimeouts, one adopted by `pulumi import`, and the download function through the explicit
 * provider.
 */
import * as pulumi from "@pulumi/pulumi";
import * as redisBackup from "./redis-backup-sdk";

const config = new pulumi.Config();

const orders = new redisBackup.tencentcloud.RedisBackup("orders", {
  instanceId: "crs-demo0001",
  remark: config.get("remark") ?? "before v2",
  storageDays: 3,
});

// A second account in the same stack: its own credentials, endpoint and region.
const accountB = new redisBackup.Provider("account-b", {
  tencentcloudSecretId: config.require("accountBSecretId"),
  tencentcloudSecretKey: config.requireSecret("accountBSecretKey"),
  tencentcloudEndpoint: config.require("accountBEndpoint"),
  tencentcloudRegion: "ap-guangzhou",
});
const other = new redisBackup.tencentcloud.RedisBackup(
  "account-b-orders",
  { instanceId: "crs-demo0001", remark: "account b" },
  { provider: accountB },
);

if (config.getBoolean("slow")) {
  // customTimeouts reach the provider, and win over waitTimeoutMinutes.
  new redisBackup.tencentcloud.RedisBackup(
    "slow",
    { instanceId: "crs-demo0002", remark: "slow", waitTimeoutMinutes: 30 },
    { customTimeouts: { create: config.require("createTimeout") } },
  );
}

const imported = config.get("importedId");
if (imported) {
  // What `pulumi import` recorded, written as code: the backup is adopted, never taken.
  const [instanceId, backupId] = imported.split(":");
  new redisBackup.tencentcloud.RedisBackup("console-backup", { instanceId, backupId }, { protect: true });
}

export const ordersId = orders.id;
export const otherId = other.id;
// The function through the explicit provider: account B's credentials and endpoint; a secret.
export const otherFiles = redisBackup.tencentcloud.getBackupDownloadUrlsOutput(
  // `backupId` is an optional input too, so its output type allows undefined.
  { instanceId: "crs-demo0001", backupId: other.backupId.apply((id) => id ?? "") },
  { provider: accountB },
).files;
