/**
 * How a refresh of tencentcloud.RedisBackup reads a backup, for operations.ts: from the listing of
 * its instance this process shares (core/sharedListings.ts), and what either read records.
 */
import type { Connection as CoreConnection } from "../core/connection";
import { Session } from "../core/lifecycle";
import { listedEntries, sharedListings } from "../core/sharedListings";
import { BackupDetail, BackupSummary } from "./api";
import { LISTING_WINDOW_MS, listBackupsIn, listingWindow } from "./backup";
import { TencentClient } from "./client";
import { TencentBackupInputs } from "./inputs";
import { TencentBackupOutputs, buildOutputs } from "./outputs";
import { TencentSettings } from "./settings";

/** What Tencent's hooks are given: the settings and a client. */
export type Connection = CoreConnection<TencentSettings, TencentClient>;

/**
 * A refresh from the listing of the backup's 30-day window (the one of this process's windows its
 * recorded start time falls in), with what only DescribeBackupDetail gives (memory, shards, replicas) kept from
 * state; a backup recorded without them, or without a start time, is read on its own.
 */
export async function listedRead(
  { connection: { client, settings }, deps }: Session<Connection>,
  t: { instance: string; backup: string },
  inputs: TencentBackupInputs,
  previous: TencentBackupOutputs,
): Promise<TencentBackupOutputs | undefined> {
  const startMs = previous.startTime === undefined ? NaN : Date.parse(previous.startTime);
  const { memSizeMb, shardNum, replicasNum } = previous;
  if (!Number.isFinite(startMs) || [memSizeMb, shardNum, replicasNum].includes(undefined)) return undefined;
  const window = listingWindow(
    sharedListings(deps.timeline).windowOf(startMs, LISTING_WINDOW_MS),
    settings.timezone,
  );
  const [summary] = await listedEntries(
    deps.timeline,
    {
      where: [
        "tencentcloud",
        settings.endpoint,
        settings.region,
        settings.secretId,
        settings.secretKey,
        settings.token,
      ],
      instance: t.instance,
      part: window.BeginTime,
    },
    () => listBackupsIn(client, t.instance, window),
    (b) => b.BackupId,
    t.backup,
  );
  if (!summary) return undefined;
  // Assigned, not spread into a literal with more keys: see definedOver (core/stripUndefined.ts).
  const detail: BackupDetail = Object.assign({}, summary, {
    MemSize: memSizeMb,
    ShardNum: shardNum,
    ReplicasNum: replicasNum,
    RequestId: "",
  });
  return outputsOfCurrent(settings, t, inputs, previous, detail, summary, false);
}

/** The listing gives ExpireTime and the BackupType code; once both are recorded, the detail suffices. */
export const needsSummary = (previous: TencentBackupOutputs) =>
  !previous.expireTime || previous.backupTypeCode === undefined;

/**
 * A refresh's outputs, however the backup was read: the listing's entry counts only where a
 * per-backup read would have asked for it (so both reads record the same), the rest from state.
 */
export function outputsOfCurrent(
  settings: TencentSettings,
  t: { backup: string },
  inputs: TencentBackupInputs,
  previous: TencentBackupOutputs,
  detail: BackupDetail,
  summary: BackupSummary | undefined,
  acknowledgeLock: boolean,
): TencentBackupOutputs {
  const kept = previous.adopted ? { ...inputs, backupId: t.backup } : inputs;
  return buildOutputs(kept, detail, {
    summary: needsSummary(previous) ? summary : undefined,
    previous,
    timezone: settings.timezone,
    acknowledgeLock,
  });
}
