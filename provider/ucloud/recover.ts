/**
 * What an interrupted UCloud create made: the backup named with the marker the pending create's
 * generation derives (core/generation.ts), `<backupName>-<8 hex>`.
 */
import { defaultDeps } from "../core/deps";
import { markerOf } from "../core/generation";
import { FindMade, byMarker, pendingInputs, recordedAs } from "../core/recover";
import { resourceId } from "../core/resourceId";
import { listURedisBackups } from "./api";
import { STATE, nameWithMarker } from "./backup";
import { UCloudClient } from "./client";
import { UCloudBackupInputsSchema } from "./inputs";
import { buildOutputs } from "./outputs";
import { resolveUCloudSettings } from "./settings";

/** See {@link FindMade}. */
export const findMade: FindMade = async (pending, { deps }) => {
  const inputs = pendingInputs(UCloudBackupInputsSchema, pending);
  const hex = markerOf(inputs, 8);
  if (!hex)
    return { made: "unknown", what: "its inputs carry no generation, so its backup has no known name" };
  const name = nameWithMarker(inputs.backupName, hex);
  const settings = resolveUCloudSettings({
    region: inputs.region,
    zone: inputs.zone,
    projectId: inputs.projectId,
  });
  const location = { region: settings.region, zone: settings.zone, projectId: settings.projectId };
  const client = new UCloudClient(settings, defaultDeps(deps));
  const named = (await listURedisBackups(client, { GroupId: inputs.groupId })).filter(
    (b) => b.BackupName === name && b.State !== STATE.error,
  );
  return byMarker(
    named,
    `(name ${name})`,
    (b) => ({
      made: "one",
      id: resourceId(inputs.groupId, b.BackupId),
      outputs: recordedAs(pending, buildOutputs(inputs, b, location, { adopted: false })),
      what: `backup ${b.BackupId} is named ${name}`,
    }),
    (b) => `${b.BackupId} (${b.State})`,
  );
};
