/**
 * Finders for Alibaba backup files: by id, by the job that made them, and the ones a resource
 * adopts. Backups are found by id or job, never by time, so no local clock has to agree with
 * Alibaba's (every lookup uses the wide window).
 */
import { NotFoundError, OperationFailedError } from "../core/errors";
import { BackupEntry, listBackups, wideWindow } from "./api";
import type { AlicloudClient } from "./client";

/** Entries for `jobIds` in job order, then node order; only those that have a file id. */
export function orderEntries(entries: BackupEntry[], jobIds: string[]): BackupEntry[] {
  const rank = (e: BackupEntry) => jobIds.indexOf(e.BackupJobID ?? "");
  return entries
    .filter((e) => e.BackupId !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a.NodeInstanceId ?? "").localeCompare(b.NodeInstanceId ?? ""));
}

/**
 * The listed files DescribeBackups gives for each of `values` filtered by `filter`, one value at a
 * time, in that order: the files a job made (BackupJobId), or the files of given ids (BackupId).
 */
export async function findBackupsBy(
  client: AlicloudClient,
  instanceId: string,
  filter: "BackupJobId" | "BackupId",
  values: string[],
  nowMs: number,
): Promise<BackupEntry[]> {
  const field = filter === "BackupJobId" ? "BackupJobID" : "BackupId";
  const found: BackupEntry[] = [];
  for (const value of values) {
    const entries = await listBackups(client, {
      InstanceId: instanceId,
      [filter]: value,
      ...wideWindow(nowMs),
    });
    found.push(...entries.filter((e) => e[field] === value && e.BackupId !== undefined));
  }
  return found;
}

/** The files of an existing backup to adopt: every one listed, and every one a usable backup. */
export async function findAdoptedBackups(
  client: AlicloudClient,
  instanceId: string,
  backupIds: string[],
  nowMs: number,
): Promise<BackupEntry[]> {
  const entries = await findBackupsBy(client, instanceId, "BackupId", backupIds, nowMs);
  const missing = backupIds.filter((b) => !entries.some((e) => e.BackupId === b));
  if (missing.length > 0)
    throw new NotFoundError(`backup ${missing.join(",")} is not listed for ${instanceId}`);
  const failed = entries.filter((e) => e.BackupStatus !== "Success");
  if (failed.length > 0) {
    throw new OperationFailedError(
      `backup ${failed.map((e) => e.BackupId).join(",")} of ${instanceId} is ${failed[0].BackupStatus}, not a usable backup`,
    );
  }
  return entries;
}
