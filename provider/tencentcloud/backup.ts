/**
 * Finder, status and waiter for Tencent backups: how a task leads to its backup, and what the
 * vendor's numeric codes mean for a user.
 */
import type { BackupStatusName } from "./recorded";
import type { WaitDeps } from "../core/deps";
import { NotFoundError, OperationFailedError } from "../core/errors";
import { formatZonelessTime, parseZonelessTime } from "../core/zonelessTime";
import { progressReporter, waitFor } from "../core/waiter";
import { BackupSummary, TaskInfo, describeBackupDetail, describeTaskInfo, listInstanceBackups } from "./api";
import type { TencentClient } from "./client";

/** Backup Status codes (DescribeBackupDetail / RedisBackupSet documentation). */
export const BACKUP_STATUS = {
  busy: 1, // in progress, or locked by another flow
  normal: 2,
  exporting: 3,
  exported: 4,
  expired: -1,
  deleted: -2,
} as const;

/** Every status a backup that exists can have; -2 (deleted) is left out on purpose. */
export const LISTED_STATUSES = [1, 2, 3, 4, -1];

/** @internal The statuses a Tencent backup is recorded with (declared with the recorded fields). */
export type { BackupStatusName } from "./recorded";

/** The user-facing status for a vendor status and lock flag. */
export function statusName(status: number, locked: number | undefined): BackupStatusName | "deleted" {
  if (status === BACKUP_STATUS.deleted) return "deleted";
  if (status === BACKUP_STATUS.expired) return "expired";
  if (status === BACKUP_STATUS.busy || locked === 1) return "locked";
  if (status === BACKUP_STATUS.exporting) return "exporting";
  if (status === BACKUP_STATUS.exported) return "exported";
  return "available";
}

/** Task statuses of DescribeTaskInfo. */
const TASK_PENDING = new Set(["preparing", "running"]);
const TASK_DONE = "succeed";

/** Hex digits of a Remark marker. */
export const REMARK_MARKER_LENGTH = 12;

/**
 * The marker added to the Remark so the backup a create made can be told apart from any other:
 * derived from the resource's generation when check recorded one (core/generation.ts), so it also
 * names the resource after the fact; else drawn at random.
 */
export function newRemarkToken(random: () => number, fromGeneration?: string): string {
  let hex = fromGeneration ?? "";
  while (hex.length < REMARK_MARKER_LENGTH) hex += Math.floor(random() * 16).toString(16);
  return `pulumi:${hex}`;
}

/** @internal The Remark sent: the program's remark followed by the marker, `remark [pulumi:…]`. */
export function remarkWithToken(remark: string | undefined, token: string): string {
  return remark ? `${remark} [${token}]` : `[${token}]`;
}

/** Waits until task `taskId` succeeds; a failed task throws with its TaskMessage. */
async function waitTaskSucceeded(
  client: TencentClient,
  taskId: number,
  instanceId: string,
  timeoutMs: number,
  deps: WaitDeps,
  onTask: (task: TaskInfo) => void,
): Promise<TaskInfo> {
  return waitFor({
    what: `backup task ${taskId} of ${instanceId}`,
    timeoutMs,
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: progressReporter(
      deps.reporter,
      instanceId,
      timeoutMs,
      (status) => `task ${taskId} ${status}`,
    ),
    poll: async () => {
      const task = await describeTaskInfo(client, taskId);
      onTask(task);
      if (task.Status === TASK_DONE) return { state: "done", value: task };
      if (TASK_PENDING.has(task.Status)) return { state: "pending", status: task.Status };
      throw new OperationFailedError(
        `backup task ${taskId} ended "${task.Status}"${task.TaskMessage ? `: ${task.TaskMessage}` : ""} (RequestId ${task.RequestId})`,
      );
    },
  });
}

const DAY_MS = 24 * 3600_000;

/**
 * DescribeInstanceBackups' BeginTime/EndTime around `aroundMs`: a day either side. The SDK's field
 * text (tencentcloud-sdk-go/-nodejs DescribeInstanceBackupsRequest, since 2024-11-04): backups that
 * *started* in [BeginTime, EndTime], "查询时间最大跨度30天" (a span of at most 30 days). No default
 * window is documented, so every listing sends one (vendor-research.md §4).
 */
function windowAround(aroundMs: number, timezone: string) {
  return {
    BeginTime: formatZonelessTime(aroundMs - DAY_MS, timezone),
    EndTime: formatZonelessTime(aroundMs + DAY_MS, timezone),
  };
}

/** Lists the backups of `instanceId` that started within a day of `aroundMs`. */
export function listBackupsAround(client: TencentClient, instanceId: string, aroundMs: number) {
  return listInstanceBackups(client, {
    InstanceId: instanceId,
    ...windowAround(aroundMs, client.settings.timezone),
    Status: LISTED_STATUSES,
  });
}

/** DescribeInstanceBackups' widest window: "查询时间最大跨度30天", so a second short of 30 days, both ends included. */
export const LISTING_WINDOW_MS = 30 * DAY_MS;

/** A window of start times in ms (from `windowOf` in core/sharedListings.ts) as DescribeInstanceBackups takes it. */
export function listingWindow(window: { beginMs: number; endMs: number }, timezone: string) {
  return {
    BeginTime: formatZonelessTime(window.beginMs, timezone),
    EndTime: formatZonelessTime(window.endMs, timezone),
  };
}

/** Every backup of `instanceId` (but the deleted) that started within `window`. */
export function listBackupsIn(
  client: TencentClient,
  instanceId: string,
  window: { BeginTime: string; EndTime: string },
) {
  return listInstanceBackups(client, { InstanceId: instanceId, ...window, Status: LISTED_STATUSES });
}

/**
 * The backup whose Remark ends with our marker, among those that started within a day of
 * `aroundMs` (the server's time of the create: its task's StartTime, else the time it was sent, as
 * the server's clock had it). Several concurrent creates on one instance each carry their own
 * marker, so they are never confused.
 */
export async function findBackupByMarker(
  client: TencentClient,
  instanceId: string,
  token: string,
  aroundMs: number,
): Promise<BackupSummary | undefined> {
  const all = await listBackupsAround(client, instanceId, aroundMs);
  // An expired backup under the same marker is a past life of the resource (Tencent keeps backups
  // a destroyed stack leaves until they expire): never the one a create is after.
  const matches = all.filter(
    (b) => (b.Remark ?? "").endsWith(`[${token}]`) && b.Status !== BACKUP_STATUS.expired,
  );
  if (matches.length > 1) {
    throw new OperationFailedError(
      `${matches.length} backups of ${instanceId} carry marker ${token}: ${matches.map((b) => b.BackupId).join(", ")}`,
    );
  }
  return matches[0];
}

/** The listing entry of one backup (it alone carries ExpireTime), found near its start time. */
export async function findBackupSummary(
  client: TencentClient,
  instanceId: string,
  backupId: string,
  startTime: string,
): Promise<BackupSummary | undefined> {
  const around = parseZonelessTime(startTime, client.settings.timezone);
  if (around === undefined) return undefined;
  return (await listBackupsAround(client, instanceId, around)).find((b) => b.BackupId === backupId);
}

/**
 * What an accepted ManualBackupInstance started: its task, or (after a lost answer) the backup
 * found; `sentAtMs` is when it was sent, by the server's clock as well as we know it, and
 * `taskStartMs` the task's StartTime once DescribeTaskInfo has told it.
 */
export type Started = { token: string; sentAtMs: number } & (
  { taskId: number; taskStartMs?: number } | { found: BackupSummary }
);

/** The server's time of the create: where the backup it made is looked for. */
export function startedAround(started: Started, timezone: string): number {
  if ("found" in started) return parseZonelessTime(started.found.StartTime, timezone) ?? started.sentAtMs;
  return started.taskStartMs ?? started.sentAtMs;
}

/**
 * Waits until the backup carrying `token` is listed and done, up to `deadline`: its task first,
 * when known. Listing can trail the task by a moment, and a backup found after a lost response may
 * still be in progress.
 */
export async function waitBackupCreated(
  client: TencentClient,
  instanceId: string,
  started: Started,
  deadline: number,
  deps: WaitDeps,
): Promise<BackupSummary> {
  const left = () => Math.max(1, deadline - deps.clock.now());
  if ("taskId" in started) {
    await waitTaskSucceeded(client, started.taskId, instanceId, left(), deps, (task) => {
      const at = task.StartTime ? parseZonelessTime(task.StartTime, client.settings.timezone) : undefined;
      if (at !== undefined) started.taskStartMs = at;
    });
  }
  return waitFor({
    what: `the backup marked ${started.token} of ${instanceId} to be listed and complete`,
    timeoutMs: left(),
    clock: deps.clock,
    sleep: deps.sleep,
    onProgress: (status) => deps.reporter.info(`backup of ${instanceId}: ${status}`),
    poll: async () => {
      const around = startedAround(started, client.settings.timezone);
      const found = await findBackupByMarker(client, instanceId, started.token, around);
      return found && found.Status !== BACKUP_STATUS.busy
        ? { state: "done", value: found }
        : { state: "pending", status: found ? "in progress" : "not listed yet" };
    },
  });
}

/**
 * The backup `backupId` of `instanceId` as listed (the listing alone carries ExpireTime and the
 * BackupType whose table agrees with the doc examples), to adopt it: however old it is, its
 * DescribeBackupDetail StartTime says which 30-day window lists it.
 */
export async function findAdoptedBackup(
  client: TencentClient,
  instanceId: string,
  backupId: string,
): Promise<BackupSummary> {
  const detail = await describeBackupDetail(client, instanceId, backupId);
  const summary = await findBackupSummary(client, instanceId, backupId, detail.StartTime);
  if (!summary) throw new NotFoundError(`backup ${backupId} is not listed for ${instanceId}`);
  return summary;
}
