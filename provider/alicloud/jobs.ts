/**
 * Alibaba backup jobs: how a job (or a comma-joined set of per-node jobs) leads to its backup
 * files, where a create's jobs stand, waiting for them, and starting one without ever taking two.
 */
import type { CreateSpec } from "../core/lifecycle";
import type { OperationDeps, WaitDeps } from "../core/deps";
import { CloudApiError, OperationFailedError, ResponseValidationError, TransportError } from "../core/errors";
import { progressReporter, waitFor } from "../core/waiter";
import { BackupJobInfo, createBackup, describeBackupTasks, listBackups, wideWindow } from "./api";
import { findBackupsBy, orderEntries } from "./backup";
import type { AlicloudClient } from "./client";
import { clusterBackupOfJob } from "./cluster";
import type { MadeBackup } from "./outputs";
import { BACKUP_JOB_EXISTS, isNotFound } from "./errors";
import type { AlicloudBackupInputs } from "./inputs";

/** Job ids in numeric order (per-node jobs of one create are numbered in node order). */
export function sortIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)].sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Jobs' progress in words, by phase, e.g. `job 1022,2480 Uploading`. Phases only, no percentages:
 * the waiter logs each change, and a phase changes a handful of times per job.
 */
function describeJobs(jobs: BackupJobInfo[]): string {
  const byPhase = new Map<string, string[]>();
  for (const j of jobs)
    byPhase.set(j.BackupProgressStatus, [...(byPhase.get(j.BackupProgressStatus) ?? []), j.BackupJobID]);
  return [...byPhase].map(([phase, ids]) => `job ${sortIds(ids).join(",")} ${phase}`).join("; ");
}

/**
 * The manual jobs an instance knows now: those DescribeBackupTasks lists and those behind every
 * manual backup DescribeBackups lists. A job missing from this set afterwards is a new one.
 */
async function knownManualJobs(client: AlicloudClient, instanceId: string, nowMs: number) {
  const tasks = await describeBackupTasks(client, { InstanceId: instanceId, JobMode: "Manual" });
  const backups = await listBackups(client, { InstanceId: instanceId, ...wideWindow(nowMs) });
  return new Set([
    ...tasks.BackupJobs.map((j) => j.BackupJobID),
    ...backups.filter((b) => b.BackupMode === "Manual" && b.BackupJobID).map((b) => b.BackupJobID!),
  ]);
}

/** Where a create's jobs stand, as one look at DescribeBackupTasks and DescribeBackups tells. */
export type JobsState =
  | { state: "done"; made: MadeBackup }
  /** `jobStartMs`: when the job started, by the server's clock, once DescribeBackupTasks has said. */
  | { state: "running"; status: string; jobStartMs?: number }
  | { state: "failed"; reason: string }
  /** Neither running nor listed: just accepted and not listed yet, or long gone. */
  | { state: "unlisted" };

/**
 * Where `jobIds` stand now: one look at DescribeBackupTasks, then DescribeBackups, then (a
 * cloud-native cluster's job lists no file there) DescribeClusterBackupList. `startedMs` is when the
 * job started as recorded earlier, for when DescribeBackupTasks no longer lists it.
 */
export async function jobsState(
  client: AlicloudClient,
  instanceId: string,
  jobIds: string[],
  nowMs: number,
  startedMs?: number,
): Promise<JobsState> {
  const tasks = await describeBackupTasks(client, {
    InstanceId: instanceId,
    JobMode: "Manual",
    ...(jobIds.length === 1 ? { BackupJobId: jobIds[0] } : {}),
  });
  const ours = tasks.BackupJobs.filter((j) => jobIds.includes(j.BackupJobID));
  const running = ours.filter((j) => j.BackupProgressStatus !== "Finished");
  const listedStart = Math.min(...ours.map((j) => Date.parse(j.StartTime ?? "")).filter(Number.isFinite));
  const jobStartMs = Number.isFinite(listedStart) ? listedStart : startedMs;
  if (running.length > 0) return { state: "running", status: describeJobs(running), jobStartMs };
  const entries = await findBackupsBy(client, instanceId, "BackupJobId", jobIds, nowMs);
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
  if (missing.length === 0)
    return { state: "done", made: { kind: "files", entries: orderEntries(entries, jobIds) } };
  // A cloud-native cluster's job leaves no file DescribeBackups lists: its cluster backup is found by the job's start.
  if (entries.length === 0 && jobStartMs !== undefined) {
    const cluster = await clusterBackupOfJob(client, instanceId, jobStartMs, nowMs);
    if (cluster?.ClusterBackupStatus === "OK") return { state: "done", made: { kind: "cluster", cluster } };
    if (cluster?.ClusterBackupStatus === "Failed") {
      return {
        state: "failed",
        reason: `backup job ${jobIds.join(",")} of ${instanceId} failed (cluster backup ${cluster.ClusterBackupId} Failed)`,
      };
    }
    if (cluster) {
      const progress = cluster.Progress ? ` ${cluster.Progress}` : "";
      return {
        state: "running",
        status: `cluster backup ${cluster.ClusterBackupId} ${cluster.ClusterBackupStatus}${progress}`,
      };
    }
  }
  if (ours.length > 0 || entries.length > 0)
    return { state: "running", status: `job ${missing.join(",")} finished; backup not listed yet` };
  return { state: "unlisted" };
}

/**
 * Waits until every job of `jobIds` is done and its backup files (or its cluster backup) are
 * listed; a file listed `Failed` fails the wait. Progress comes from DescribeBackupTasks.
 */
export async function waitBackupCreated(
  client: AlicloudClient,
  instanceId: string,
  jobIds: string[],
  timeoutMs: number,
  deps: WaitDeps,
  startedMs?: number,
): Promise<MadeBackup> {
  return waitFor({
    what: `backup job ${jobIds.join(",")} of ${instanceId}`,
    timeoutMs,
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: progressReporter(deps.reporter, instanceId, timeoutMs),
    poll: async () => {
      const now = await jobsState(client, instanceId, jobIds, deps.clock.now(), startedMs);
      switch (now.state) {
        case "done":
          return { state: "done", value: now.made };
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

/**
 * Job ids this process has already attributed to a create, per endpoint and instance, so that two
 * creates on one instance (one of them after a lost answer) never take the same job for their own.
 */
const claimedJobs = new Map<string, Set<string>>();

function claim(key: string, jobIds: string[]): string[] {
  const claimed = claimedJobs.get(key) ?? new Set<string>();
  for (const j of jobIds) claimed.add(j);
  claimedJobs.set(key, claimed);
  return jobIds;
}

/**
 * A failure after which CreateBackup may or may not have started a job: no answer, a garbled
 * answer, or a server error (5xx) other than the refusals known to come before any work.
 */
function outcomeUnknown(e: unknown): boolean {
  if (e instanceof TransportError) return e.outcomeUnknown;
  if (e instanceof ResponseValidationError) return true;
  return e instanceof CloudApiError && !e.retryable && (e.httpStatus ?? 0) >= 500;
}

/**
 * CreateBackup, sent so that it never starts two jobs. It takes no idempotency token, so before
 * each attempt we note the manual jobs the instance already knows; when an attempt's outcome is
 * unknown (timeout, dropped connection, 5xx) a job that appeared since is ours, and only if none
 * did do we try again. One create at a time per instance in this process, from the baseline to the
 * claim: Alibaba runs one backup job per instance anyway (BackupJobExists, which waits its turn),
 * and it makes "a job that appeared since my baseline" unambiguous between this process's creates.
 */
export function startJob(
  client: AlicloudClient,
  inputs: AlicloudBackupInputs,
  deps: OperationDeps,
): CreateSpec<string[]> {
  const instanceId = inputs.instanceId;
  const request = { InstanceId: instanceId, BackupRetentionPeriod: inputs.retentionDays };
  const key = `${client.settings.endpoint} ${instanceId}`;
  // The manual jobs known before the latest attempt; undefined while not (yet) known.
  let baseline: Set<string> | undefined;
  return {
    action: "CreateBackup",
    lookingFor: "the job it may have started",
    exclusiveKey: key,
    send: async () => {
      baseline = undefined;
      baseline = await knownManualJobs(client, instanceId, deps.clock.now()).catch((e: unknown) => {
        // An instance Alibaba does not know has no jobs; CreateBackup will say so in its own words.
        if (isNotFound(e)) return new Set<string>();
        throw e;
      });
      const { BackupJobID } = await createBackup(client, request);
      return claim(key, sortIds(BackupJobID));
    },
    find: async () => {
      // Without a baseline the failure came before CreateBackup was sent: nothing to find.
      if (!baseline) return undefined;
      const known = baseline;
      const claimed = claimedJobs.get(key) ?? new Set<string>();
      const now = await knownManualJobs(client, instanceId, deps.clock.now());
      const found = sortIds([...now].filter((j) => !known.has(j) && !claimed.has(j)));
      if (found.length === 0) return undefined;
      deps.reporter.info(`${instanceId}: found job ${found.join(",")}, started by that CreateBackup`);
      return claim(key, found);
    },
    outcomeUnknown,
    refusedForNow: (e) => e instanceof CloudApiError && (e.code === BACKUP_JOB_EXISTS || e.retryable),
    describeRefusal: (e) =>
      e.code === BACKUP_JOB_EXISTS ? "another backup job is running (BackupJobExists)" : e.code,
  };
}
