/** Inputs of ucloud.FinalBackup, as a zod schema whose messages a person can act on (loaded by the registry without the lifecycle). */
import { z } from "zod";
import { finalInputs } from "../core/inputs";
import { UCloudBackupInputsSchema } from "./inputs";

/** The inputs of ucloud.FinalBackup; `check` validates with it. */
export const UCloudFinalBackupInputsSchema = z.object({
  groupId: UCloudBackupInputsSchema.shape.groupId,
  region: UCloudBackupInputsSchema.shape.region,
  zone: UCloudBackupInputsSchema.shape.zone,
  projectId: UCloudBackupInputsSchema.shape.projectId,
  backupName: z
    .string({ error: "backupName must be a string" })
    .regex(/^[A-Za-z0-9_-]{1,35}$/, {
      error:
        "backupName must be 1 to 35 characters of letters, digits, - and _ (the final backup is named final-<backupName>-<time>)",
    })
    .optional(),
  ...finalInputs,
});

/** The inputs of ucloud.FinalBackup, as `check` leaves them. */
export type UCloudFinalBackupInputs = z.output<typeof UCloudFinalBackupInputsSchema>;
