/** Inputs of alicloud.FinalBackup, as a zod schema whose messages a person can act on (loaded by the registry without the lifecycle). */
import { z } from "zod";
import { finalInputs } from "../core/inputs";
import { AlicloudBackupInputsSchema } from "./inputs";

/** The inputs of alicloud.FinalBackup; `check` validates with it. */
export const AlicloudFinalBackupInputsSchema = z.object({
  instanceId: AlicloudBackupInputsSchema.shape.instanceId,
  regionId: AlicloudBackupInputsSchema.shape.regionId,
  retentionDays: AlicloudBackupInputsSchema.shape.retentionDays,
  ...finalInputs,
});

/** The inputs of alicloud.FinalBackup, as `check` leaves them. */
export type AlicloudFinalBackupInputs = z.output<typeof AlicloudFinalBackupInputsSchema>;
