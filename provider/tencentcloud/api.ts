/**
 * The Redis API actions we use (version 2018-04-12), with zod schemas that are lenient where
 * Tencent is (TaskId as a string, BackupSet named RedisBackupSet in one doc example, numbers
 * sometimes sent as strings) and strict about what the provider relies on.
 */
import { z } from "zod";
import { collectPages } from "../core/pages";
import { lenientInt, optionalInt, optionalString, optionalText } from "../core/schemas";
import type { TencentClient } from "./client";

const int = lenientInt;
const requestId = z.string();

/** @internal ManualBackupInstance's answer: the task taking the backup. */
export const ManualBackupInstanceResponse = z.object({ TaskId: int, RequestId: requestId });

/** @internal DescribeTaskInfo's answer: where a task stands. */
export const DescribeTaskInfoResponse = z.object({
  Status: z.string(),
  StartTime: optionalString,
  TaskType: optionalString,
  InstanceId: optionalString,
  TaskMessage: optionalString,
  RequestId: requestId,
});
/** @internal A task as DescribeTaskInfo reports it. */
export type TaskInfo = z.output<typeof DescribeTaskInfoResponse>;

/** @internal One backup as DescribeInstanceBackups lists it (RedisBackupSet). */
export const RedisBackupSet = z.object({
  StartTime: z.string(),
  BackupId: z.string().min(1),
  BackupType: optionalText,
  Status: int,
  Remark: optionalString,
  Locked: optionalInt,
  BackupSize: optionalInt,
  FullBackup: optionalInt,
  InstanceType: optionalInt,
  InstanceId: optionalString,
  InstanceName: optionalString,
  Region: optionalString,
  EndTime: optionalString,
  FileType: optionalString,
  ExpireTime: optionalString,
  Encrypted: z.boolean().nullish(),
});
/** @internal A backup as DescribeInstanceBackups lists it: the listing alone carries ExpireTime. */
export type BackupSummary = z.output<typeof RedisBackupSet>;

/** @internal DescribeInstanceBackups' answer: one page of backups, BackupSet under either name. */
export const DescribeInstanceBackupsResponse = z
  .object({
    TotalCount: int,
    BackupSet: z.array(RedisBackupSet).nullish(),
    RedisBackupSet: z.array(RedisBackupSet).nullish(),
    RequestId: requestId,
  })
  .transform(({ BackupSet, RedisBackupSet: alt, ...rest }) => ({
    ...rest,
    BackupSet: BackupSet ?? alt ?? [],
  }));

/** @internal DescribeBackupDetail's answer: one backup's full record. */
export const DescribeBackupDetailResponse = z.object({
  BackupId: z.string().min(1),
  StartTime: z.string(),
  EndTime: optionalString,
  BackupType: optionalText,
  Status: int,
  Remark: optionalString,
  Locked: optionalInt,
  BackupSize: optionalInt,
  InstanceType: optionalInt,
  MemSize: optionalInt,
  ShardNum: optionalInt,
  ReplicasNum: optionalInt,
  RequestId: requestId,
});
/** @internal A backup's full record (DescribeBackupDetail). */
export type BackupDetail = z.output<typeof DescribeBackupDetailResponse>;

/** Starts a manual backup; returns the task that takes it. Not idempotent. */
export function manualBackupInstance(
  client: TencentClient,
  req: { InstanceId: string; Remark?: string; StorageDays?: number },
) {
  return client.call("ManualBackupInstance", req, ManualBackupInstanceResponse, { idempotent: false });
}

/** @internal Where task `taskId` stands. */
export function describeTaskInfo(client: TencentClient, taskId: number) {
  return client.call("DescribeTaskInfo", { TaskId: taskId }, DescribeTaskInfoResponse, { idempotent: true });
}

/** @internal DescribeInstanceBackups' filters and paging. */
export interface DescribeInstanceBackupsRequest {
  InstanceId: string;
  Limit?: number;
  Offset?: number;
  /** `yyyy-MM-dd HH:mm:ss` in Tencent's zone: backups *started* in [BeginTime, EndTime]. */
  BeginTime?: string;
  EndTime?: string;
  Status?: number[];
  InstanceName?: string;
}

/** @internal One page of the backups of an instance matching `req`. */
export function describeInstanceBackups(client: TencentClient, req: DescribeInstanceBackupsRequest) {
  return client.call("DescribeInstanceBackups", { ...req }, DescribeInstanceBackupsResponse, {
    idempotent: true,
  });
}

/** Every backup matching `req`, following Offset/Limit pages (100 at a time, the documented maximum). */
export async function listInstanceBackups(
  client: TencentClient,
  req: Omit<DescribeInstanceBackupsRequest, "Limit" | "Offset">,
  pageSize = 100,
): Promise<BackupSummary[]> {
  return collectPages(async (page, before) => {
    const res = await describeInstanceBackups(client, { ...req, Limit: pageSize, Offset: page * pageSize });
    const items = res.BackupSet;
    return { items, last: items.length < pageSize || before + items.length >= res.TotalCount };
  });
}

/** @internal The full record of backup `backupId` of `instanceId`. */
export function describeBackupDetail(client: TencentClient, instanceId: string, backupId: string) {
  return client.call(
    "DescribeBackupDetail",
    { InstanceId: instanceId, BackupId: backupId },
    DescribeBackupDetailResponse,
    { idempotent: true },
  );
}

/** @internal One file of a backup as DescribeBackupUrl gives it (BackupDownloadInfo). */
export const BackupDownloadInfo = z.object({
  FileName: z.string().min(1),
  /** Bytes; 0 means invalid (the SDK's words). */
  FileSize: optionalInt,
  DownloadUrl: z.string().min(1),
  InnerDownloadUrl: optionalString,
});

/** @internal DescribeBackupUrl's answer: the files of a backup, URLs valid for 6 hours. */
export const DescribeBackupUrlResponse = z.object({
  BackupInfos: z
    .array(BackupDownloadInfo)
    .nullish()
    .transform((v) => v ?? []),
  RequestId: requestId,
});

/** The network restriction of backup downloads, in the API's words (ModifyBackupDownloadRestriction). */
export interface DownloadRestrictionFields {
  LimitType: string;
  VpcComparisonSymbol?: string;
  IpComparisonSymbol?: string;
  LimitVpc?: { Region: string; VpcList: string[] }[];
  LimitIp?: string[];
}

/** @internal DescribeBackupDownloadRestriction's answer: the region's restriction. */
export const DescribeBackupDownloadRestrictionResponse = z.object({
  LimitType: z.string().min(1),
  VpcComparisonSymbol: optionalString,
  IpComparisonSymbol: optionalString,
  LimitVpc: z
    .array(
      z.object({
        Region: z.string(),
        VpcList: z
          .array(z.string())
          .nullish()
          .transform((v) => v ?? []),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
  LimitIp: z
    .array(z.string())
    .nullish()
    .transform((v) => v ?? []),
  RequestId: requestId,
});

/** @internal The answer of actions that return only their RequestId. */
export const EmptyResponse = z.object({ RequestId: requestId });

/** @internal The files of backup `backupId` of `instanceId`, with URLs under `restriction` (else the region's). */
export function describeBackupUrl(
  client: TencentClient,
  req: { InstanceId: string; BackupId: string } & Partial<DownloadRestrictionFields>,
) {
  return client.call("DescribeBackupUrl", { ...req }, DescribeBackupUrlResponse, { idempotent: true });
}

/** @internal The region's backup download restriction. */
export function describeBackupDownloadRestriction(client: TencentClient) {
  return client.call("DescribeBackupDownloadRestriction", {}, DescribeBackupDownloadRestrictionResponse, {
    idempotent: true,
  });
}

/** @internal Replaces the region's backup download restriction (the same twice is harmless). */
export function modifyBackupDownloadRestriction(client: TencentClient, req: DownloadRestrictionFields) {
  return client.call("ModifyBackupDownloadRestriction", { ...req }, EmptyResponse, { idempotent: true });
}
