/** Inputs of tencentcloud.RedisBackup, as a zod schema whose messages a person can act on. */
import { z } from "zod";
import { adoptInput, steeringInputs } from "../core/inputs";

export const TencentBackupInputsSchema = z.object({
  instanceId: z
    .string({ error: "instanceId is required: the Redis instance to back up, e.g. crs-xjhsdj01" })
    .regex(/^crs-[A-Za-z0-9]+$/, {
      error: "instanceId must be a Tencent Redis instance id like crs-xjhsdj01",
    }),
  remark: z
    .string({ error: "remark must be a string" })
    .max(200, { error: "remark must be at most 200 characters" })
    .optional(),
  storageDays: z
    .number({ error: "storageDays must be a whole number of days from 0 to 1825" })
    .int({ error: "storageDays must be a whole number of days from 0 to 1825" })
    .min(0, { error: "storageDays must be a whole number of days from 0 to 1825" })
    .max(1825, { error: "storageDays must be a whole number of days from 0 to 1825 (Tencent's limit)" })
    .optional(),
  region: z
    .string({ error: "region must be a string like ap-guangzhou" })
    .regex(/^[a-z]+(-[a-z0-9]+)+$/, { error: "region must look like ap-guangzhou" })
    .optional(),
  backupId: adoptInput,
  ...steeringInputs,
});

export type TencentBackupInputs = z.output<typeof TencentBackupInputsSchema>;

/** Changing one of these means a different backup: Tencent has no API that modifies a backup. */
export const REPLACE_ON_CHANGE = ["instanceId", "remark", "storageDays", "region"] as const;

export { DEFAULT_WAIT_TIMEOUT_MINUTES } from "../core/inputs";
