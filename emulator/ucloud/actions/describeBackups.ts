/**
 * DescribeURedisBackup. GroupId is optional: the sources disagree (the doc page and the Python SDK
 * since 0.11.72 mark it required; ucloud-sdk-go 0.22.90 says `required:"false"`), and the
 * vendor's 2019 acceptance tests (ucloud-sdk-python3 tests/test_services/test_set_2174.py,
 * ucloud-sdk-go tests/set_2174_test.go) send only Region and expect RetCode 0: without it, every
 * backup of the account in the Region is listed. TotalCount is "用户名下总的备份个数" (the total
 * number of backups under the account: ucloud-sdk-go, ucloud-sdk-python3, the doc page), so it
 * counts them all whatever GroupId or BackupId narrows the DataSet to; whether the real gateway
 * applies the filters to it is not stated (vendor-research.md §9.2–9.3). The list is newest first;
 * Limit defaults to 10, Offset to 0; a backup shows BackupSize 0 while Backuping.
 */
import type { BackupFiles } from "../../files/store";
import type { UCloudRedisState, URedisBackupRecord } from "../state";
import { type UCloudAction, optionalInt } from "./action";

/** The DescribeURedisBackup action: the account's backups in the Region, narrowed by GroupId or BackupId. */
export const describeURedisBackup: UCloudAction = {
  name: "DescribeURedisBackup",
  served: () => true,
  run(ctx) {
    const groupId = ctx.params.GroupId || undefined;
    const limit = optionalInt(ctx, "Limit", 10);
    const offset = optionalInt(ctx, "Offset", 0);
    const backupId = ctx.params.BackupId;
    const account = ctx.state.listedIn(ctx.region, ctx.projectId);
    const matched = account
      .filter((b) => groupId === undefined || b.groupId === groupId)
      .filter((b) => backupId === undefined || b.backupId === backupId);
    return {
      TotalCount: account.length,
      DataSet: matched.slice(offset, offset + limit).map((b) => backupSet(ctx.state, b, ctx.files)),
    };
  },
};

/** One URedisBackupSet entry (field names and types of ucloud-sdk-go services/umem/models.go). */
function backupSet(
  state: UCloudRedisState,
  b: URedisBackupRecord,
  files: BackupFiles,
): Record<string, unknown> {
  const group = state.group(b.groupId);
  const s = state.state(b);
  return {
    BackupId: b.backupId,
    BackupName: b.backupName,
    GroupId: b.groupId,
    GroupName: group?.name ?? "",
    Zone: group?.zone ?? "",
    BackupSize: s === "Backuping" || s === "Error" ? 0 : files.sizeOf("ucloud", b.backupId, b.sizeBytes),
    BackupTime: Math.floor(b.startMs / 1000),
    BackupType: b.backupType,
    State: s,
    MemorySize: group?.memorySizeGb ?? 0,
    RedisVersion: group?.redisVersion ?? "",
  };
}
