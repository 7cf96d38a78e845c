/**
 * A refresh of alicloud.RedisBackup answered from the listing of its instance that this process
 * shares (core/sharedListings.ts): all its files, or all its cluster backups, over the wide window.
 */
import { Session } from "../core/lifecycle";
import { listedEntries } from "../core/sharedListings";
import { BackupEntry, listBackups, wideWindow } from "./api";
import { clusterBackupsOf } from "./cluster";
import { AlicloudTarget } from "./ids";
import { AlicloudBackupInputs } from "./inputs";
import { AlicloudBackupOutputs, MadeBackup, buildOutputs } from "./outputs";
import { Connection } from "./pending";

/** A refresh's outputs of a backup as listed, whichever listing showed it. */
export function outputsOfListed(
  { settings }: Connection,
  inputs: AlicloudBackupInputs,
  previous: AlicloudBackupOutputs,
  found: MadeBackup,
): AlicloudBackupOutputs {
  const kept = previous.adopted ? { ...inputs, backupId: previous.backupId } : inputs;
  return buildOutputs(kept, found, { region: settings.regionId, jobId: previous.jobId, previous });
}

/**
 * The backup a target names in the listing of its instance this process shares (all its files,
 * or all its cluster backups, over the wide window): undefined unless every file is there.
 */
export async function sharedListingOf(
  { connection: { client, settings }, deps }: Session<Connection>,
  t: AlicloudTarget,
): Promise<MadeBackup | undefined> {
  const nowMs = deps.clock.now();
  const where = [
    "alicloud",
    settings.endpoint,
    settings.regionId,
    settings.accessKeyId,
    settings.accessKeySecret,
    settings.securityToken,
  ];
  if (t.clusterBackupId) {
    const [cluster] = await listedEntries(
      deps.timeline,
      { where, instance: t.instance, part: "clusters" },
      async () => (await clusterBackupsOf(client, t.instance, nowMs)) ?? [],
      (c) => c.ClusterBackupId,
      t.clusterBackupId,
    );
    return cluster && { kind: "cluster", cluster };
  }
  const files = { where, instance: t.instance, part: "files" };
  const listFiles = () => listBackups(client, { InstanceId: t.instance, ...wideWindow(nowMs) });
  const entries: BackupEntry[] = [];
  for (const backupId of t.backupIds) {
    const found = await listedEntries(deps.timeline, files, listFiles, (e) => e.BackupId ?? "", backupId);
    if (found.length === 0) return undefined;
    entries.push(...found);
  }
  return { kind: "files", entries };
}
