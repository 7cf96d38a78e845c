/**
 * Backups of cloud-native cluster instances. Alibaba: DescribeBackups "does not apply to
 * cloud-native cluster instances. Instead, use the DescribeClusterBackupList operation" (its doc
 * page, updated 2026-03-30). There a backup is a cluster backup (`cb-...`) made of one backup file
 * per shard. CreateBackup never returns a `cb-` id, only a job id ("the aggregate ClusterBackupId
 * only surfaces via DescribeClusterBackupList", terraform-provider-alicloud's test comment), and the
 * listing has no job filter, so a create's cluster backup is attributed by time, the way a create
 * already attributes its job: Alibaba runs one backup job per instance at a time (BackupJobExists),
 * so the first manual cluster backup that starts with or after our job's start (both the server's
 * times) is the one our job made (vendor-research.md §6.3).
 */
import { NotFoundError, OperationFailedError } from "../core/errors";
import { ClusterBackupEntry, listClusterBackups, wideWindow } from "./api";
import type { AlicloudClient } from "./client";
import { isUnsupportedForInstance } from "./errors";

/** Both times are the server's, to the second; a cluster backup is not expected to start before its job. */
const START_SLACK_MS = 5_000;

const startOf = (c: ClusterBackupEntry) => Date.parse(c.ClusterBackupStartTime ?? "");

/**
 * The instance's cluster backups, or undefined when it has none to list: it is not a cloud-native
 * cluster (the listing is refused as unsupported for this instance).
 */
export async function clusterBackupsOf(
  client: AlicloudClient,
  instanceId: string,
  nowMs: number,
  clusterBackupId?: string,
): Promise<ClusterBackupEntry[] | undefined> {
  try {
    return await listClusterBackups(client, {
      InstanceId: instanceId,
      ...wideWindow(nowMs),
      ...(clusterBackupId === undefined ? {} : { ClusterBackupId: clusterBackupId }),
    });
  } catch (e) {
    if (isUnsupportedForInstance(e)) return undefined;
    throw e;
  }
}

/** The manual cluster backup a job that started at `jobStartMs` made, if the instance lists one (see the module's comment). */
export async function clusterBackupOfJob(
  client: AlicloudClient,
  instanceId: string,
  jobStartMs: number,
  nowMs: number,
): Promise<ClusterBackupEntry | undefined> {
  const all = (await clusterBackupsOf(client, instanceId, nowMs)) ?? [];
  return all
    .filter((c) => c.ClusterBackupMode === "Manual" && startOf(c) >= jobStartMs - START_SLACK_MS)
    .sort((a, b) => startOf(a) - startOf(b))[0];
}

/** The cluster backup `clusterBackupId` of `instanceId`, or undefined when it is not listed (deleted, expired). */
export async function findClusterBackup(
  client: AlicloudClient,
  instanceId: string,
  clusterBackupId: string,
  nowMs: number,
): Promise<ClusterBackupEntry | undefined> {
  const found = await clusterBackupsOf(client, instanceId, nowMs, clusterBackupId);
  return found?.find((c) => c.ClusterBackupId === clusterBackupId);
}

/** A cluster backup to adopt: listed, complete, and usable. */
export async function findAdoptedClusterBackup(
  client: AlicloudClient,
  instanceId: string,
  clusterBackupId: string,
  nowMs: number,
): Promise<ClusterBackupEntry> {
  const found = await findClusterBackup(client, instanceId, clusterBackupId, nowMs);
  if (!found) throw new NotFoundError(`cluster backup ${clusterBackupId} is not listed for ${instanceId}`);
  if (found.ClusterBackupStatus !== "OK") {
    throw new OperationFailedError(
      `cluster backup ${clusterBackupId} of ${instanceId} is ${found.ClusterBackupStatus}, not a usable backup`,
    );
  }
  return found;
}
