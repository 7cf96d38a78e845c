/**
 * What a preview shows for a RedisBackup, by the rules every cloud shares:
 * - a change to an identity input (instance, remark, retention, region...) replaces the backup;
 * - adopting another backup, or no longer adopting one, replaces it;
 * - a backup a refresh found expired is replaced, unless `keepExpired`;
 * - settings that only steer the provider (`waitTimeoutMinutes`, `keepExpired`) update in place;
 * - a change to `triggers` (any value added, removed, changed; absent equals empty) replaces it;
 * - a value still unknown during preview counts as a change: it may well turn out different.
 */
import type * as pulumi from "@pulumi/pulumi";
import { triggersChanged } from "./triggers";
import { isUnknown } from "./unknown";

/** What a preview shows: whether anything changes, and which changes replace the backup. */
export interface DiffResult extends pulumi.dynamic.DiffResult {
  changes: boolean;
  replaces: string[];
}

/** What every cloud's recorded outputs carry for these rules. */
export interface DiffableOutputs {
  /** Unset while a create's job has made no backup (Alibaba). */
  backupId?: string;
  status?: string;
  adopted?: boolean;
  triggers?: unknown[];
}

/** What every cloud's inputs carry for these rules. */
export interface DiffableInputs {
  backupId?: string;
  keepExpired?: boolean;
  waitTimeoutMinutes?: number;
  triggers?: unknown[];
}

const STEERING = ["waitTimeoutMinutes", "keepExpired"];

/** The shared rules' plan for `news` against what was recorded. */
export function planDiff(
  olds: DiffableOutputs,
  news: DiffableInputs,
  o: { replaceOnChange: readonly string[]; updateInPlace?: readonly string[]; changedElsewhere?: boolean },
): DiffResult {
  const oldRecord = olds as unknown as Record<string, unknown>;
  const newRecord = news as unknown as Record<string, unknown>;
  const replaces = changedKeys(o.replaceOnChange, oldRecord, newRecord);
  if (
    isUnknown(news.backupId) ||
    (news.backupId !== undefined ? news.backupId !== olds.backupId : olds.adopted)
  ) {
    replaces.push("backupId");
  }
  if (triggersChanged(olds.triggers, news.triggers)) replaces.push("triggers");
  if (olds.status === "expired" && news.keepExpired !== true) replaces.push("status");
  const inPlace = changedKeys([...STEERING, ...(o.updateInPlace ?? [])], oldRecord, newRecord);
  return { changes: replaces.length > 0 || inPlace.length > 0 || o.changedElsewhere === true, replaces };
}

/** Keys whose new input differs from the recorded one (unknown counts as different). */
export function changedKeys(
  keys: readonly string[],
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
) {
  return keys.filter((k) => isUnknown(news[k]) || (olds[k] ?? null) !== (news[k] ?? null));
}
