/**
 * Retention changes. ModifyBackupExpireTime can move an expiry later but never earlier, so a longer
 * retention is an in-place update and a shorter one a replacement. -1 (the instance's lifetime)
 * cannot be set that way, so moving to or from it replaces too. Unsetting retentionDays keeps the
 * backup as it is.
 */
import type { OperationDeps } from "../core/deps";
import { OperationFailedError } from "../core/errors";
import { isUnknown } from "../core/unknown";
import { minuteTime, modifyBackupExpireTime } from "./api";
import type { AlicloudClient } from "./client";
import type { AlicloudBackupInputs } from "./inputs";
import type { AlicloudBackupOutputs, AlicloudRecordedOutputs } from "./outputs";

const DAY_MS = 86_400_000;

/** What a new retentionDays does to the recorded backup. */
export function retentionChange(
  olds: AlicloudRecordedOutputs,
  news: AlicloudBackupInputs,
): "none" | "inPlace" | "replace" {
  const before = olds.retentionDays;
  const after = news.retentionDays;
  if (isUnknown(after)) return "replace";
  if ((before ?? null) === (after ?? null)) return "none";
  if (after === undefined) return "inPlace";
  // A backup still being made has no expiry to move yet.
  if (olds.status === "creating") return "replace";
  if (after === -1 || before === -1 || !olds.expireTime || !olds.startTime) return "replace";
  return targetExpiry(olds.startTime, after) >= Date.parse(olds.expireTime) ? "inPlace" : "replace";
}

/** Start + days, rounded up to the minute (ExpectExpireTime has minutes only). */
function targetExpiry(startTime: string, days: number): number {
  const ms = Date.parse(startTime) + days * DAY_MS;
  return Math.ceil(ms / 60_000) * 60_000;
}

/** ModifyBackupExpireTime on every file of the backup, to start + `days` (`client` is asked for only then). */
export async function extendExpiry(
  client: () => AlicloudClient,
  instanceId: string,
  backupIds: string[],
  olds: AlicloudBackupOutputs,
  days: number,
  deps: OperationDeps,
): Promise<void> {
  if (olds.mode !== undefined && olds.mode !== "Manual") {
    throw new OperationFailedError(
      `backup ${olds.backupId} is an ${olds.mode} backup; Alibaba Cloud extends only manual backups`,
    );
  }
  const target = targetExpiry(olds.startTime!, days);
  if (olds.expireTime && target <= Date.parse(olds.expireTime)) return;
  for (const backupId of backupIds) {
    await modifyBackupExpireTime(client(), instanceId, backupId, minuteTime(target));
  }
  deps.reporter.info(
    `${instanceId}: backup ${olds.backupId} now expires ${new Date(target).toISOString().slice(0, 19)}Z (${days} days)`,
  );
}
