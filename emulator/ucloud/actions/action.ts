/**
 * The shape every emulated URedis action has, and the parameter and lookup rules they share. Each
 * action reads the flat string parameters (the gateway already checked the signature and Region),
 * throws UCloudApiError for business errors and returns the response's fields (the API layer adds
 * Action and RetCode).
 *
 * Fidelity choices the actions share (the docs say little beyond the field tables):
 * - A group outside the request's region (or ProjectId) is invisible, and so are its backups:
 *   Create answers 230 on GroupId, Describe lists nothing, a backup id answers 230 on BackupId.
 * - Limit and Offset are non-negative integers; anything else answers 230 on that parameter.
 */
import type { BackupFiles } from "../../files/store";
import { UCloudErrors } from "../errors";
import type { UCloudRedisState, URedisBackupRecord, URedisGroupRecord } from "../state";

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

/** Parameter `name`'s value; absent or empty answers 220 (Missing params). */
export function required(ctx: UCloudActionContext, name: string): string {
  const v = ctx.params[name];
  if (v === undefined || v === "") throw UCloudErrors.missingParams(name);
  return v;
}

/** Parameter `name` as a non-negative integer, `fallback` when absent or empty; otherwise 230. */
export function optionalInt(ctx: UCloudActionContext, name: string, fallback: number): number {
  const v = ctx.params[name];
  if (v === undefined || v === "") return fallback;
  if (!/^\d+$/.test(v)) throw UCloudErrors.paramsNotAvailable(name, `not a non-negative integer: ${v}`);
  return Number(v);
}

/**
 * The backup a request names with its group: it must exist, not be deleted, and belong to a group
 * visible from the request's region and project. Anything else is 230 on BackupId.
 */
export function lookupBackup(
  ctx: UCloudActionContext,
  backupId: string,
): { backup: URedisBackupRecord; group: URedisGroupRecord } {
  const backup = ctx.state.backup(backupId);
  const group = backup && ctx.state.visibleGroup(backup.groupId, ctx.region, ctx.projectId);
  if (!backup || backup.deleted || !group) {
    throw UCloudErrors.paramsNotAvailable("BackupId", `no backup ${backupId} in ${ctx.region}`);
  }
  return { backup, group };
}
