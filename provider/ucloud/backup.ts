/**
 * Naming, finding, status and waiting for URedis backups.
 *
 * CreateURedisBackup takes no idempotency token, so every create sends a BackupName nobody else
 * uses: the name the program asked for, `-`, and 8 random hex digits (`nightly-3f9a2c1b`). After a
 * lost response the backup it may have made is found by that exact name, never confused with a
 * backup another create (concurrent, same name) made. The name stays within UCloud's rule (6–63
 * characters of [A-Za-z0-9-_]); names over 54 characters are shortened to make room. Outputs give
 * `backupName` back as written and the full name as `ucloudBackupName`.
 */
import type { BackupStatusName } from "./recorded";
import type { WaitDeps } from "../core/deps";
import { CloudApiError, NotFoundError, OperationFailedError } from "../core/errors";
import { progressReporter, waitFor } from "../core/waiter";
import { URedisBackup, findURedisBackup, listURedisBackups } from "./api";
import type { UCloudClient } from "./client";
import { isAuthRetCode } from "./errors";

/** The name of a backup whose program gave none. */
export const DEFAULT_NAME_PREFIX = "pulumi";
const MARKER_LENGTH = 8;
const MAX_NAME = 63;

/**
 * 8 hex digits that tell this create's backup from any other: the resource generation's when
 * check recorded one (core/generation.ts), so the name also says which resource made it; else random.
 */
export function newNameMarker(random: () => number, fromGeneration?: string): string {
  let hex = fromGeneration?.slice(0, MARKER_LENGTH) ?? "";
  while (hex.length < MARKER_LENGTH) hex += Math.floor(random() * 16).toString(16);
  return hex;
}

/** The BackupName sent: `<name>-<marker>`, the name shortened if need be to stay within 63 characters. */
export function nameWithMarker(name: string | undefined, marker: string): string {
  const base = (name ?? DEFAULT_NAME_PREFIX).slice(0, MAX_NAME - MARKER_LENGTH - 1);
  return `${base}-${marker}`;
}

/** UCloud's backup states (URedisBackupSet.State). */
export const STATE = {
  inProgress: "Backuping",
  success: "Success",
  error: "Error",
  expired: "Expired",
} as const;

/** The project's shared status vocabulary (core planDiff relies on `expired`), declared with the recorded fields. */
export type { BackupStatusName } from "./recorded";

/** @internal The shared status of a UCloud State. */
export function statusName(state: string): BackupStatusName | string {
  switch (state) {
    case STATE.inProgress:
      return "creating";
    case STATE.success:
      return "available";
    case STATE.error:
      return "failed";
    case STATE.expired:
      return "expired";
    default:
      return state.toLowerCase();
  }
}

/** The backups of `groupId` named exactly `name`; more than one would mean our marker was not unique. */
export async function findBackupByName(
  client: UCloudClient,
  groupId: string,
  name: string,
): Promise<URedisBackup | undefined> {
  // A failed backup under the name is no backup (a create after it takes another under that name).
  const matches = (await listURedisBackups(client, { GroupId: groupId })).filter(
    (b) => b.BackupName === name && b.State !== STATE.error,
  );
  if (matches.length > 1) {
    throw new OperationFailedError(
      `${matches.length} backups of ${groupId} are named ${name}: ${matches.map((b) => b.BackupId).join(", ")}`,
    );
  }
  return matches[0];
}

/** The backup itself failed (State Error): there is nothing to keep or to wait for. */
export class BackupFailedError extends OperationFailedError {
  override name = "BackupFailedError";
}

/**
 * Polls DescribeURedisBackup until the backup is `Success`. `Error` (and `Expired`, which a new
 * backup can only reach by failing) is a failure; a backup not listed yet is waited for, since a
 * listing may trail the create by a moment.
 */
export function waitBackupCreated(
  client: UCloudClient,
  groupId: string,
  backupId: string,
  timeoutMs: number,
  deps: WaitDeps,
  /** Told of every listing of the backup, e.g. to record what is known if the wait ends badly. */
  onSeen?: (backup: URedisBackup) => void,
): Promise<URedisBackup> {
  return waitFor({
    what: `backup ${backupId} of ${groupId} to succeed`,
    timeoutMs,
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: progressReporter(deps.reporter, groupId, timeoutMs, (status) => `${backupId} ${status}`),
    poll: async () => {
      const backup = await findURedisBackup(client, groupId, backupId);
      if (!backup) return { state: "pending", status: "not listed yet" };
      onSeen?.(backup);
      if (backup.State === STATE.success) return { state: "done", value: backup };
      if (backup.State === STATE.inProgress) return { state: "pending", status: backup.State };
      throw new BackupFailedError(
        `backup ${backupId}${backup.BackupName ? ` (${backup.BackupName})` : ""} of ${groupId} ended in state ${backup.State}; UCloud gives no reason (check the instance in the UCloud console)`,
      );
    },
  });
}

/** An existing backup to track; it must exist and not have failed. */
export async function findAdoptedBackup(
  client: UCloudClient,
  groupId: string,
  backupId: string,
): Promise<URedisBackup> {
  const backup = await findURedisBackup(client, groupId, backupId);
  if (!backup) throw new NotFoundError(`backup ${backupId} is not listed for ${groupId}`);
  if (backup.State === STATE.error) {
    throw new OperationFailedError(
      `backup ${backupId} of ${groupId} is in state Error; it cannot be restored from`,
    );
  }
  return backup;
}

/**
 * Whether a backup whose delete was refused is gone anyway: no longer listed, or expired (UCloud
 * names no "not found" code for this action, so the listing decides). Authentication errors and
 * failures to look are the delete's own error.
 */
export async function goneAfterFailedDelete(
  client: UCloudClient,
  groupId: string,
  backupId: string,
  err: unknown,
): Promise<boolean> {
  if (!(err instanceof CloudApiError) || isAuthRetCode(Number(err.code))) return false;
  try {
    const backup = await findURedisBackup(client, groupId, backupId);
    return backup === undefined || backup.State === STATE.expired;
  } catch {
    return false;
  }
}
