/**
 * The six R-KVStore actions we use (version 2015-01-01), with zod schemas that are lenient where
 * Alibaba is (ids as numbers or strings, sizes as strings, lists flat or wrapped as
 * `{"Backup": [...]}`) and strict about what the provider relies on.
 */
import { z } from "zod";
import { collectPages } from "../core/pages";
import { optionalInt } from "../core/schemas";
import type { AlicloudClient } from "./client";

/** An id that may arrive as a JSON number or string; kept as a string. */
const id = z.union([z.number().int(), z.string().regex(/^\d+$/)]).transform(String);
const optionalString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null || v === "" ? undefined : String(v)));
const requestId = z.string();

/** A list that may come flat (`[...]`) or wrapped (`{"<Elem>": [...]}`), or be absent. */
function list<T extends z.ZodType>(elem: string, item: T) {
  return z
    .preprocess((v) => {
      if (v == null) return [];
      if (Array.isArray(v) || typeof v !== "object") return v;
      return (v as Record<string, unknown>)[elem] ?? [];
    }, z.array(item))
    .optional()
    .transform((v) => v ?? []);
}

/** @internal CreateBackup's answer: the job id(s) it started. */
export const CreateBackupResponse = z.object({
  /** One job id, or (cluster instances created before 2023-12-05) one per node, comma-joined. */
  BackupJobID: z
    .union([z.string().regex(/^\d+(,\d+)*$/), z.number().int()])
    .transform((v) => String(v).split(",")),
  RequestId: requestId,
});

/** @internal One job as DescribeBackupTasks lists it. */
export const BackupJob = z.object({
  BackupJobID: id,
  /** NoStart, Preparing, Waiting, Uploading, Checking, Finished. */
  BackupProgressStatus: z.string(),
  JobMode: optionalString,
  NodeId: optionalString,
  Process: optionalString,
  Progress: optionalString,
  StartTime: optionalString,
  TaskAction: optionalString,
});
/** @internal A job as DescribeBackupTasks lists it. */
export type BackupJobInfo = z.output<typeof BackupJob>;

/** @internal DescribeBackupTasks' answer: the instance's running jobs. */
export const DescribeBackupTasksResponse = z.object({
  BackupJobs: list("BackupJob", BackupJob),
  InstanceId: optionalString,
  RequestId: requestId,
});

/** @internal One backup file as DescribeBackups lists it. */
export const Backup = z.object({
  /** Absent (or empty) while the job that makes it has not produced the file yet. */
  BackupId: id.nullish().transform((v) => v ?? undefined),
  BackupJobID: id.nullish().transform((v) => v ?? undefined),
  /** Success or Failed. */
  BackupStatus: z.string(),
  BackupMode: optionalString,
  BackupMethod: optionalString,
  BackupType: optionalString,
  BackupStartTime: optionalString,
  BackupEndTime: optionalString,
  BackupSize: optionalInt,
  BackupDBNames: optionalString,
  EngineVersion: optionalString,
  ExpectExpireTime: optionalString,
  NodeInstanceId: optionalString,
  RecoverConfigMode: optionalString,
  /** The file's public URL (no lifetime documented). */
  BackupDownloadURL: optionalString,
  /** The file's URL from an ECS instance in the same VPC or classic network. */
  BackupIntranetDownloadURL: optionalString,
});
/** @internal A backup file as DescribeBackups lists it. */
export type BackupEntry = z.output<typeof Backup>;

/** @internal DescribeBackups' answer: one page of backup files. */
export const DescribeBackupsResponse = z.object({
  TotalCount: optionalInt,
  PageNumber: optionalInt,
  PageSize: optionalInt,
  Backups: list("Backup", Backup),
  RequestId: requestId,
});

/** @internal One shard's backup file of a cluster backup (DescribeClusterBackupList `Backups[]`). */
export const ShardBackup = z.object({
  /** A string of digits here (a number in DescribeBackups). */
  BackupId: id,
  BackupName: optionalString,
  InstanceName: optionalString,
  /** OK or ERROR (not DescribeBackups' Success / Failed). */
  BackupStatus: z.string(),
  BackupStartTime: optionalString,
  BackupEndTime: optionalString,
  /** Bytes, as a string. */
  BackupSize: optionalInt,
  ExtraInfo: z.object({ CustinsDbVersion: optionalString }).nullish(),
  /** "1" or "0", as a string. */
  IsAvail: optionalString,
  BackupDownloadURL: optionalString,
  BackupIntranetDownloadURL: optionalString,
});
/** @internal A shard's backup file as DescribeClusterBackupList lists it. */
export type ShardBackupEntry = z.output<typeof ShardBackup>;

/**
 * @internal One cluster backup of a cloud-native cluster (DescribeClusterBackupList
 * `ClusterBackups[]`, alibabacloud-typescript-sdk DescribeClusterBackupListResponseBody).
 */
export const ClusterBackup = z.object({
  /** e.g. `cb-hyxdof5x9kqbtust`. */
  ClusterBackupId: z.string().regex(/^cb-[A-Za-z0-9]+$/),
  /** OK, RUNNING or Failed. */
  ClusterBackupStatus: z.string(),
  ClusterBackupMode: optionalString,
  ClusterBackupStartTime: optionalString,
  ClusterBackupEndTime: optionalString,
  /** Bytes, as a string. */
  ClusterBackupSize: optionalInt,
  ExpectExpireTime: optionalString,
  /** 1, or 0 when "shard-level backups failed or have not been completed". */
  IsAvail: optionalInt,
  Progress: optionalString,
  Backups: list("Backup", ShardBackup),
});
/** @internal A cluster backup as DescribeClusterBackupList lists it. */
export type ClusterBackupEntry = z.output<typeof ClusterBackup>;

/** @internal DescribeClusterBackupList's answer: one page of cluster backups, a plain array, no TotalCount. */
export const DescribeClusterBackupListResponse = z.object({
  ClusterBackups: list("ClusterBackup", ClusterBackup),
  PageNumber: optionalInt,
  PageSize: optionalInt,
  RequestId: requestId,
});

/** @internal The answer of actions that return nothing but their RequestId. */
export const EmptyResponse = z.object({ RequestId: requestId });

/** `yyyy-MM-ddTHH:mmZ`, UTC, minutes: the format of DescribeBackups windows and ExpectExpireTime. */
export function minuteTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16)}Z`;
}

/**
 * The window every lookup uses: from 2010 to well in the future, as Terraform does. Backups are
 * found by id or job, never by time, so no local clock has to agree with Alibaba's.
 */
export function wideWindow(nowMs: number): { StartTime: string; EndTime: string } {
  const end = Math.max(Date.UTC(2050, 0, 1), nowMs + 2 * 365 * 86_400_000);
  return { StartTime: "2010-01-01T00:00Z", EndTime: minuteTime(end) };
}

/** Starts a manual backup; returns its job id(s). Not idempotent, and there is no client token. */
export function createBackup(
  client: AlicloudClient,
  req: { InstanceId: string; BackupRetentionPeriod?: number },
) {
  return client.call("CreateBackup", req, CreateBackupResponse, { idempotent: false });
}

/** @internal The instance's backup jobs still running (optionally one job, one mode). */
export function describeBackupTasks(
  client: AlicloudClient,
  req: { InstanceId: string; BackupJobId?: string; JobMode?: "Manual" | "Automated" },
) {
  return client.call("DescribeBackupTasks", req, DescribeBackupTasksResponse, { idempotent: true });
}

/** @internal DescribeBackups' filters: a time window, and a backup or job id. */
export interface DescribeBackupsRequest {
  InstanceId: string;
  StartTime: string;
  EndTime: string;
  BackupId?: string;
  BackupJobId?: string;
  PageSize?: 30 | 50 | 100 | 200 | 300;
  PageNumber?: number;
}

/** @internal One page of the instance's backup files matching `req`. */
export function describeBackups(client: AlicloudClient, req: DescribeBackupsRequest) {
  return client.call("DescribeBackups", { ...req }, DescribeBackupsResponse, { idempotent: true });
}

/** Every backup matching `req`, following PageNumber pages. */
export async function listBackups(
  client: AlicloudClient,
  req: Omit<DescribeBackupsRequest, "PageSize" | "PageNumber">,
  pageSize: 30 | 50 | 100 | 200 | 300 = 100,
): Promise<BackupEntry[]> {
  return collectPages(async (page, before) => {
    const r = await describeBackups(client, { ...req, PageSize: pageSize, PageNumber: page + 1 });
    const items = r.Backups;
    const counted = r.TotalCount !== undefined && before + items.length >= r.TotalCount;
    return { items, last: items.length < pageSize || counted };
  });
}

/** @internal DescribeClusterBackupList's filters: a time window (required), and a cluster backup id. */
export interface DescribeClusterBackupListRequest {
  InstanceId: string;
  StartTime: string;
  EndTime: string;
  ClusterBackupId?: string;
}

/**
 * Every cluster backup of a cloud-native cluster matching `req`, following PageNumber pages until a
 * short one (the answer has no TotalCount). Sent as GET, as the vendor's SDK does.
 */
export function listClusterBackups(
  client: AlicloudClient,
  req: DescribeClusterBackupListRequest,
  pageSize: 30 | 50 | 100 | 200 | 300 = 100,
): Promise<ClusterBackupEntry[]> {
  return collectPages(async (page) => {
    const r = await client.call(
      "DescribeClusterBackupList",
      { ...req, PageSize: pageSize, PageNumber: page + 1 },
      DescribeClusterBackupListResponse,
      { idempotent: true },
    );
    return { items: r.ClusterBackups, last: r.ClusterBackups.length < pageSize };
  });
}

/** Deletes one backup file (manual backups of cloud-native instances only). */
export function deleteBackup(client: AlicloudClient, instanceId: string, backupId: string) {
  return client.call(
    "DeleteBackup",
    { InstanceId: instanceId, BackupId: backupId },
    EmptyResponse,
    // Deleting twice is harmless (the second answers NotFound), so an unknown outcome may be retried.
    { idempotent: true },
  );
}

/** Moves a manual backup's expiry later (never earlier). Setting the same time twice is harmless. */
export function modifyBackupExpireTime(
  client: AlicloudClient,
  instanceId: string,
  backupId: string,
  expectExpireTime: string,
) {
  return client.call(
    "ModifyBackupExpireTime",
    { InstanceId: instanceId, BackupId: backupId, ExpectExpireTime: expectExpireTime },
    EmptyResponse,
    { idempotent: true },
  );
}
