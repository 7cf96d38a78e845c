/**
 * What an interrupted Tencent create made: the backup whose Remark ends with the marker the
 * pending create's generation derives (core/generation.ts), among those started around it.
 */
import { defaultDeps } from "../core/deps";
import { markerOf } from "../core/generation";
import { FindMade, byMarker, pendingInputs, recordedAs } from "../core/recover";
import { resourceId } from "../core/resourceId";
import { BACKUP_STATUS, REMARK_MARKER_LENGTH, listBackupsAround } from "./backup";
import { TencentClient } from "./client";
import { TencentBackupInputsSchema } from "./inputs";
import { summaryOutputs } from "./outputs";
import { resolveTencentSettings } from "./settings";

/** See {@link FindMade}. */
export const findMade: FindMade = async (pending, { startedAfterMs, deps }) => {
  const inputs = pendingInputs(TencentBackupInputsSchema, pending);
  const hex = markerOf(inputs, REMARK_MARKER_LENGTH);
  if (!hex)
    return { made: "unknown", what: "its inputs carry no generation, so its backup has no known marker" };
  const token = `pulumi:${hex}`;
  const settings = resolveTencentSettings(inputs.region);
  const client = new TencentClient(settings, defaultDeps(deps));
  const listed = await listBackupsAround(client, inputs.instanceId, startedAfterMs);
  const marked = listed.filter(
    (b) => (b.Remark ?? "").endsWith(`[${token}]`) && b.Status !== BACKUP_STATUS.expired,
  );
  return byMarker(
    marked,
    `[${token}]`,
    (b) => ({
      made: "one",
      id: resourceId(inputs.instanceId, b.BackupId),
      outputs: recordedAs(pending, summaryOutputs(inputs, b, settings.timezone)),
      what: `backup ${b.BackupId} carries its marker [${token}]`,
    }),
    (b) => `${b.BackupId} (started ${b.StartTime})`,
  );
};
