/**
 * Finder, progress and waiter for Alibaba backups: how a job (or a comma-joined set of per-node
 * jobs) leads to its backup files, and how to recognise the jobs a lost CreateBackup answer started.
 */
import { Clock, Sleep } from "../core/clock";
import { OperationFailedError } from "../core/errors";
import { Reporter } from "../core/log";
import { waitFor } from "../core/waiter";
import { BackupEntry, BackupJobInfo, describeBackupTasks, listBackups, wideWindow } from "./api";
import type { AlicloudClient } from "./client";

export interface WaitDeps {
  clock: Clock;
  sleep: Sleep;
  reporter: Reporter;
}

/** Job ids in numeric order (per-node jobs of one create are numbered in node order). */
export function sortIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Entries for `jobIds` in job order, then node order; only those that have a file id. */
export function orderEntries(entries: BackupEntry[], jobIds: string[]): BackupEntry[] {
  const rank = (e: BackupEntry) => jobIds.indexOf(e.BackupJobID ?? "");
  return entries
    .filter((e) => e.BackupId !== undefined)
    .sort((a, b) => rank(a) - rank(b) || (a.NodeInstanceId ?? "").localeCompare(b.NodeInstanceId ?? ""));
}

/**
 * Jobs' progress in words, by phase, e.g. `job 1022,2480 Uploading`. Phases only, no percentages:
 * the waiter logs each change, and a phase changes a handful of times per job.
 */
export function describeJobs(jobs: BackupJobInfo[]): string {
  const byPhase = new Map<string, string[]>();
  for (const j of jobs)
    byPhase.set(j.BackupProgressStatus, [...(byPhase.get(j.BackupProgressStatus) ?? []), j.BackupJobID]);
  return [...byPhase].map(([phase, ids]) => `job ${sortIds(ids).join(",")} ${phase}`).join("; ");
}

/**
 * The manual jobs an instance knows now: those DescribeBackupTasks lists and those behind every
 * manual backup DescribeBackups lists. A job missing from this set afterwards is a new one.
 */
export async function knownManualJobs(client: AlicloudClient, instanceId: string, nowMs: number) {
  const tasks = await describeBackupTasks(client, { InstanceId: instanceId, JobMode: "Manual" });
  const backups = await listBackups(client, { InstanceId: instanceId, ...wideWindow(nowMs) });
  return new Set([
    ...tasks.BackupJobs.map((j) => j.BackupJobID),
    ...backups.filter((b) => b.BackupMode === "Manual" && b.BackupJobID).map((b) => b.BackupJobID!),
  ]);
}

/** Manual jobs that are not in `baseline` nor in `exclude`: what our CreateBackup may have started. */
export async function newManualJobs(
  client: AlicloudClient,
  instanceId: string,
  baseline: Set<string>,
  exclude: Set<string>,
  nowMs: number,
): Promise<string[]> {
  const now = await knownManualJobs(client, instanceId, nowMs);
  return sortIds([...now].filter((j) => !baseline.has(j) && !exclude.has(j)));
}

/** Where a create's jobs stand, as one look at DescribeBackupTasks and DescribeBackups tells. */
export type JobsState =
  | { state: "done"; entries: BackupEntry[] }
  | { state: "running"; status: string }
  | { state: "failed"; reason: string }
  /** Neither running nor listed: just accepted and not listed yet, or long gone. */
  | { state: "unlisted" };

export async function jobsState(
  client: AlicloudClient,
  instanceId: string,
  jobIds: string[],
  nowMs: number,
): Promise<JobsState> {
  const tasks = await describeBackupTasks(client, {
    InstanceId: instanceId,
    JobMode: "Manual",
    ...(jobIds.length === 1 ? { BackupJobId: jobIds[0] } : {}),
  });
  const ours = tasks.BackupJobs.filter((j) => jobIds.includes(j.BackupJobID));
  const running = ours.filter((j) => j.BackupProgressStatus !== "Finished");
  if (running.length > 0) return { state: "running", status: describeJobs(running) };
  const entries = await backupsOfJobs(client, instanceId, jobIds, nowMs);
  const failed = entries.filter((e) => e.BackupStatus === "Failed");
  if (failed.length > 0) {
    return {
      state: "failed",
      reason:
        `backup job ${failed.map((e) => e.BackupJobID).join(",")} of ${instanceId} failed ` +
        `(BackupStatus Failed${failed[0].BackupId ? `, backup ${failed.map((e) => e.BackupId).join(",")}` : ""})`,
    };
  }
  const missing = jobIds.filter((j) => !entries.some((e) => e.BackupJobID === j));
  if (missing.length === 0) return { state: "done", entries: orderEntries(entries, jobIds) };
  if (ours.length > 0 || entries.length > 0)
    return { state: "running", status: `job ${missing.join(",")} finished; backup not listed yet` };
  return { state: "unlisted" };
}

/**
 * Waits until every job of `jobIds` is done and its backup files are listed; a file listed
 * `Failed` fails the wait. Progress comes from DescribeBackupTasks.
 */
export async function waitForBackups(
  client: AlicloudClient,
  instanceId: string,
  jobIds: string[],
  timeoutMs: number,
  deps: WaitDeps,
): Promise<BackupEntry[]> {
  const jobs = jobIds.join(",");
  return waitFor({
    what: `backup job ${jobs} of ${instanceId}`,
    timeoutMs,
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: (status, elapsed) =>
      deps.reporter.info(
        `backup of ${instanceId}: ${status} (${Math.round(elapsed / 1000)}s, timeout ${Math.round(timeoutMs / 60_000)}m)`,
      ),
    poll: async () => {
      const now = await jobsState(client, instanceId, jobIds, deps.clock.now());
      switch (now.state) {
        case "done":
          return { state: "done", value: now.entries };
        case "failed":
          throw new OperationFailedError(now.reason);
        case "running":
          return { state: "pending", status: now.status };
        case "unlisted":
          return { state: "pending", status: "job not listed yet" };
      }
    },
  });
}

/** The listed backup files made by `jobIds` (DescribeBackups filtered by BackupJobId, one job at a time). */
export async function backupsOfJobs(
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
export async function backupsById(
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
