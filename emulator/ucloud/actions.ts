/**
 * The URedis backup actions the emulator implements. Each reads the flat string parameters (the
 * gateway already checked the signature and Region), throws UCloudApiError for business errors and
 * returns the response's fields (the API layer adds Action and RetCode).
 *
 * Fidelity choices (the docs say little beyond the field tables):
 * - BackupName must match CreateURedisBackup's documented rule (6–63 of [A-Za-z0-9-_]); names need
 *   not be unique, so only a client's own marker tells two backups of one name apart.
 * - A group outside the request's region (or ProjectId) is invisible: Create answers 230 on
 *   GroupId, Describe lists nothing.
 * - DescribeURedisBackup lists newest first; GroupId is optional (see describeURedisBackup);
 *   TotalCount is the account's total; Limit defaults to 10, Offset to 0; a backup shows
 *   BackupSize 0 while Backuping.
 * - DeleteURedisBackup requires BackupId and Zone (see deleteURedisBackup); it can be switched to
 *   answer as an action that does not exist (RetCode 161), as the current SDKs suggest.
 */
import { actionsByName } from "../vendor";
import type { BackupFiles } from "../files/store";
import { describeURedisBackupURL } from "./describeBackupUrl";
import { describeURedisGroup } from "./describeGroup";
import { UCloudErrors } from "./errors";
import type { UCloudRedisState, URedisBackupRecord } from "./state";

/**
 * What a URedis action runs against: the emulated world, the request's Region and ProjectId, its
 * parameters and the file server.
 */
export interface UCloudActionContext {
  state: UCloudRedisState;
  region: string;
  projectId?: string;
  params: Readonly<Record<string, string>>;
  /** The emulator's file server, which DescribeURedisBackupURL's URLs point at. */
  files: BackupFiles;
}

/** One URedis action: its Action name, whether it is served now, and what it does. */
export interface UCloudAction {
  name: string;
  /** False when the action is switched off: the gateway then answers 161 as for an unknown action. */
  served(state: UCloudRedisState): boolean;
  run(ctx: UCloudActionContext): Record<string, unknown>;
}

const BACKUP_NAME = /^[A-Za-z0-9_-]{6,63}$/;

function required(ctx: UCloudActionContext, name: string): string {
  const v = ctx.params[name];
  if (v === undefined || v === "") throw UCloudErrors.missingParams(name);
  return v;
}

function optionalInt(ctx: UCloudActionContext, name: string, fallback: number): number {
  const v = ctx.params[name];
  if (v === undefined || v === "") return fallback;
  if (!/^\d+$/.test(v)) throw UCloudErrors.paramsNotAvailable(name, `not a non-negative integer: ${v}`);
  return Number(v);
}

/** CreateURedisBackup: starts a backup named BackupName of group GroupId and answers its BackupId. */
export const createURedisBackup: UCloudAction = {
  name: "CreateURedisBackup",
  served: () => true,
  run(ctx) {
    const groupId = required(ctx, "GroupId");
    const backupName = required(ctx, "BackupName");
    if (!BACKUP_NAME.test(backupName)) {
      throw UCloudErrors.paramsNotAvailable("BackupName", "6 to 63 characters of [A-Za-z0-9-_]");
    }
    const group = ctx.state.visibleGroup(groupId, ctx.region, ctx.projectId);
    if (!group) throw UCloudErrors.paramsNotAvailable("GroupId", `no group ${groupId} in ${ctx.region}`);
    const zone = ctx.params.Zone;
    if (zone && zone !== group.zone) {
      throw UCloudErrors.paramsNotAvailable("Zone", `group ${groupId} is in ${group.zone}, not ${zone}`);
    }
    return { BackupId: ctx.state.createBackup(group, backupName).backupId };
  },
};

/**
 * DescribeURedisBackup. GroupId is optional: the sources disagree (the doc page and the Python SDK
 * since 0.11.72 mark it required; ucloud-sdk-go 0.22.90 says `required:"false"`), and the
 * vendor's 2019 acceptance tests (ucloud-sdk-python3 tests/test_services/test_set_2174.py,
 * ucloud-sdk-go tests/set_2174_test.go) send only Region and expect RetCode 0: without it, every
 * backup of the account in the Region is listed. TotalCount is "用户名下总的备份个数" (the total
 * number of backups under the account: ucloud-sdk-go, ucloud-sdk-python3, the doc page), so it
 * counts them all whatever GroupId or BackupId narrows the DataSet to; whether the real gateway
 * applies the filters to it is not stated (vendor-research.md §9.2–9.3).
 */
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

/**
 * DeleteURedisBackup requires Zone. The issue that asked otherwise read the Java SDK as requiring
 * only Region and BackupId; the evidence says the opposite: ucloud-sdk-java's
 * DeleteURedisBackupParam (ucloud-sdk-java-umem/.../DeleteURedisBackupParam.java, up to ca370c21,
 * removed in the 2021-12-24 v1.0.0 refactor) has `@NotEmpty(message = "zone can not be empty")` on
 * Zone, beside Region and BackupId, and both acceptance tests that call it (ucloud-sdk-python3
 * test_set_2174.py, ucloud-sdk-go set_2174_test.go at eed6909) send Zone, Region and BackupId. No
 * current SDK or doc page has the action at all (vendor-research.md §9.1). The provider always
 * sends the backup's Zone, as the listing gives it.
 */
export const deleteURedisBackup: UCloudAction = {
  name: "DeleteURedisBackup",
  served: (state) => state.deleteSupported,
  run(ctx) {
    const backupId = required(ctx, "BackupId");
    const zone = required(ctx, "Zone");
    const backup = ctx.state.backup(backupId);
    const group = backup && ctx.state.visibleGroup(backup.groupId, ctx.region, ctx.projectId);
    if (!backup || backup.deleted || !group) {
      throw UCloudErrors.paramsNotAvailable("BackupId", `no backup ${backupId} in ${ctx.region}`);
    }
    if (zone !== group.zone) {
      throw UCloudErrors.paramsNotAvailable("Zone", `backup ${backupId} is in ${group.zone}, not ${zone}`);
    }
    ctx.state.deleteBackup(backupId);
    return {};
  },
};

/** One URedisBackupSet entry (field names and types of ucloud-sdk-go services/umem/models.go). */
export function backupSet(
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

/** Every URedis action the emulator knows, by Action name; any other, or one not served, is RetCode 161. */
export const UCLOUD_ACTIONS: ReadonlyMap<string, UCloudAction> = actionsByName([
  createURedisBackup,
  describeURedisBackup,
  deleteURedisBackup,
  describeURedisGroup,
  describeURedisBackupURL,
]);
