/**
 * How a refresh of ucloud.RedisBackup reads a backup from the listing of its group this process
 * shares (core/sharedListings.ts), and what it records, for operations.ts.
 */
import { Session } from "../core/lifecycle";
import { listedEntries } from "../core/sharedListings";
import { URedisBackup, listURedisBackups } from "./api";
import { UCloudClient } from "./client";
import { UCloudBackupInputs } from "./inputs";
import { Location, UCloudBackupOutputs, buildOutputs } from "./outputs";

/** What UCloud's hooks are given: where the backup is, and a client. */
export interface Connection {
  location: Location;
  client: UCloudClient;
}

/** A refresh from the group's listing (DescribeURedisBackup by GroupId), shared by this process's reads. */
export async function listedRead(
  { connection, deps }: Session<Connection>,
  t: { instance: string; backup: string },
  inputs: UCloudBackupInputs,
  previous: UCloudBackupOutputs,
): Promise<UCloudBackupOutputs | undefined> {
  const { client } = connection;
  const { settings } = client;
  const [backup] = await listedEntries(
    deps.timeline,
    {
      where: [
        "ucloud",
        settings.endpoint,
        settings.region,
        settings.projectId,
        settings.publicKey,
        settings.privateKey,
        settings.securityToken,
      ],
      instance: t.instance,
    },
    () => listURedisBackups(client, { GroupId: t.instance }),
    (b) => b.BackupId,
    t.backup,
  );
  return backup && outputsOfListed(connection, t, inputs, previous, backup);
}

/** A refresh's outputs of a backup as listed, whichever listing showed it. */
export function outputsOfListed(
  { location }: Connection,
  t: { backup: string },
  inputs: UCloudBackupInputs,
  previous: UCloudBackupOutputs,
  backup: URedisBackup,
): UCloudBackupOutputs {
  const kept = previous.adopted ? { ...inputs, backupId: t.backup } : { ...inputs, backupId: undefined };
  const where = { ...location, zone: previous.zone ?? location.zone };
  return buildOutputs(kept, backup, where, { adopted: previous.adopted === true });
}
