/** Inputs of tencentcloud.FinalBackup, as a zod schema whose messages a person can act on (loaded by the registry without the lifecycle). */
import { z } from "zod";
import { finalInputs } from "../core/inputs";
import { TencentBackupInputsSchema } from "./inputs";

/** The inputs of tencentcloud.FinalBackup; `check` validates with it. */
export const TencentFinalBackupInputsSchema = z.object({
  instanceId: TencentBackupInputsSchema.shape.instanceId,
  region: TencentBackupInputsSchema.shape.region,
  remark: z
    .string({ error: "remark must be a string" })
    .max(80, { error: "remark must be at most 80 characters (the label takes the rest of Tencent's Remark)" })
    .optional(),
  storageDays: TencentBackupInputsSchema.shape.storageDays,
  ...finalInputs,
});

/** The inputs of tencentcloud.FinalBackup, as `check` leaves them. */
export type TencentFinalBackupInputs = z.output<typeof TencentFinalBackupInputsSchema>;
