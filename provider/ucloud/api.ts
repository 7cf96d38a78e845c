/**
 * The URedis (UMem master/replica Redis) backup actions we use, with zod schemas that are lenient
 * where UCloud is (RetCode and integers sometimes strings, BackupType a number in one doc example,
 * most fields optional in the docs) and strict about what the provider relies on (BackupId, State).
 */
import { z } from "zod";
import { collectPages } from "../core/pages";
import { optionalInt } from "../core/schemas";
import type { UCloudClient } from "./client";

const optionalString = z
  .string()
  .nullish()
  .transform((v) => v || undefined);

/** @internal CreateURedisBackup's answer: the backup's id, at once. */
export const CreateURedisBackupResponse = z.object({
  // The doc table says always present; the doc's example omits it. Without it there is nothing to track.
  BackupId: z.string({ error: "BackupId is missing" }).min(1, { error: "BackupId is empty" }),
});

/** @internal One backup as DescribeURedisBackup lists it (URedisBackupSet). */
export const URedisBackupSet = z.object({
  BackupId: z.string().min(1),
  BackupName: optionalString,
  GroupId: optionalString,
  GroupName: optionalString,
  Zone: optionalString,
  /** Bytes. */
  BackupSize: optionalInt,
  /** Unix seconds. */
  BackupTime: optionalInt,
  /** `Manual` | `Auto` (the DescribeURedisBackup page's example shows the number 1). */
  BackupType: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v == null || v === "" ? undefined : String(v))),
  /** `Backuping` | `Success` | `Error` | `Expired`. */
  State: z.string().min(1),
  MemorySize: optionalInt,
  RedisVersion: optionalString,
  SrcRegionName: optionalString,
  DstRegionName: optionalString,
});
/** @internal A backup as DescribeURedisBackup lists it. */
export type URedisBackup = z.output<typeof URedisBackupSet>;

/** @internal DescribeURedisBackup's answer: one page of backups. */
export const DescribeURedisBackupResponse = z
  .object({
    TotalCount: optionalInt,
    DataSet: z.array(URedisBackupSet).nullish(),
  })
  .transform(({ TotalCount, DataSet }) => ({ TotalCount, DataSet: DataSet ?? [] }));

/** @internal One master/replica group as DescribeURedisGroup lists it (URedisGroupSet; only what we read). */
export const URedisGroupSet = z.object({
  GroupId: z.string().min(1),
  Name: optionalString,
  Zone: optionalString,
  /** e.g. `Running`, `Creating`. */
  State: optionalString,
});

/** @internal DescribeURedisGroup's answer: one page of groups. */
export const DescribeURedisGroupResponse = z
  .object({ TotalCount: optionalInt, DataSet: z.array(URedisGroupSet).nullish() })
  .transform(({ TotalCount, DataSet }) => ({ TotalCount, DataSet: DataSet ?? [] }));

/**
 * The group `groupId` as DescribeURedisGroup describes it, or undefined when it is not listed:
 * UCloud answers RetCode 0 with no entry for a group deleted (its SDK's acceptance test expects it).
 */
export async function findURedisGroup(client: UCloudClient, groupId: string) {
  const res = await client.call(
    "DescribeURedisGroup",
    { GroupId: groupId, Offset: 0, Limit: 20 },
    DescribeURedisGroupResponse,
    { idempotent: true },
  );
  return res.DataSet.find((g) => g.GroupId === groupId);
}

/** Only RetCode, Action and Message (ucloud-sdk-java DeleteURedisBackupResult). */
export const DeleteURedisBackupResponse = z.object({});

/** Starts a backup of `GroupId` named `BackupName`; returns its BackupId at once. Not idempotent. */
export function createURedisBackup(client: UCloudClient, req: { GroupId: string; BackupName: string }) {
  return client.call("CreateURedisBackup", req, CreateURedisBackupResponse, { idempotent: false });
}

/** @internal DescribeURedisBackup's filters and paging. */
export interface DescribeURedisBackupRequest {
  GroupId: string;
  /** Only this backup (current Go SDK). */
  BackupId?: string;
  Limit?: number;
  Offset?: number;
}

/** @internal One page of the backups of a group matching `req`. */
export function describeURedisBackup(client: UCloudClient, req: DescribeURedisBackupRequest) {
  return client.call("DescribeURedisBackup", { ...req }, DescribeURedisBackupResponse, { idempotent: true });
}

/** Safety net: a gateway that ignored Offset would otherwise page forever. */
const MAX_PAGES = 1000;

/**
 * Every backup matching `req`, following Offset/Limit pages. A short page is the last. TotalCount
 * is documented as "用户名下总的备份个数", the account's total (ucloud-sdk-go, ucloud-sdk-python3,
 * the doc page), not the filter's: it is never a count of this group's backups, and only ever ends
 * the walk early when the account has no more.
 */
export async function listURedisBackups(
  client: UCloudClient,
  req: Omit<DescribeURedisBackupRequest, "Limit" | "Offset">,
  pageSize = 100,
): Promise<URedisBackup[]> {
  return collectPages(async (page) => {
    const offset = page * pageSize;
    const res = await describeURedisBackup(client, { ...req, Limit: pageSize, Offset: offset });
    const items = res.DataSet;
    const accountExhausted = res.TotalCount !== undefined && offset + items.length >= res.TotalCount;
    return { items, last: items.length < pageSize || accountExhausted };
  }, MAX_PAGES);
}

/** One backup of a group, or undefined when it is not listed (deleted, or its group gone). */
export async function findURedisBackup(
  client: UCloudClient,
  groupId: string,
  backupId: string,
): Promise<URedisBackup | undefined> {
  return (await listURedisBackups(client, { GroupId: groupId, BackupId: backupId })).find(
    (b) => b.BackupId === backupId,
  );
}

/**
 * Deletes a backup. Only the 2019 Java SDK has this action (Zone required there); the current
 * SDKs do not, so callers must expect RetCode 161 (action not found).
 */
export function deleteURedisBackup(client: UCloudClient, req: { BackupId: string; Zone?: string }) {
  return client.call("DeleteURedisBackup", req, DeleteURedisBackupResponse, { idempotent: true });
}

/** @internal DescribeURedisBackupURL's answer: BackupPath (BackupURL is its deprecated name). */
export const DescribeURedisBackupURLResponse = z
  .object({ BackupPath: optionalString, BackupURL: optionalString })
  .transform((r) => ({ url: r.BackupPath ?? r.BackupURL }));

/** @internal The public URL of a backup's file (`RegionFlag`: cross-IDC, as the docs name it). */
export function describeURedisBackupURL(
  client: UCloudClient,
  req: { BackupId: string; GroupId?: string; RegionFlag?: boolean },
) {
  return client.call("DescribeURedisBackupURL", { ...req }, DescribeURedisBackupURLResponse, {
    idempotent: true,
  });
}
