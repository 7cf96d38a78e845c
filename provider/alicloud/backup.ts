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

/** The listed backup files made by `jobIds` (DescribeBackups filtered by BackupJobId, one job at a time). */
export async function findBackupsOfJobs(
  client: AlicloudClient,
  instanceId: string,
  jobIds: string[],
  nowMs: number,
): Promise<BackupEntry[]> {
  const all: BackupEntry[] = [];
  for (const jobId of jobIds) {
    const entries = await listBackups(client, {
      InstanceId: instanceId,
      BackupJobId: jobId,
      ...wideWindow(nowMs),
    });
    all.push(...entries.filter((e) => e.BackupJobID === jobId && e.BackupId !== undefined));
  }
  return all;
}

/** The listed files among `backupIds`, in that order (DescribeBackups filtered by BackupId). */
export async function findBackupsById(
  client: AlicloudClient,
  instanceId: string,
  backupIds: string[],
  nowMs: number,
): Promise<BackupEntry[]> {
  const found: BackupEntry[] = [];
  for (const backupId of backupIds) {
    const entries = await listBackups(client, {
      InstanceId: instanceId,
      BackupId: backupId,
      ...wideWindow(nowMs),
    });
    const entry = entries.find((e) => e.BackupId === backupId);
    if (entry) found.push(entry);
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
  const entries = await findBackupsById(client, instanceId, backupIds, nowMs);
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
