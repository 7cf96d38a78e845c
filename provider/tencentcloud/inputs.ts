/** Inputs of tencentcloud.RedisBackup, as a zod schema whose messages a person can act on. */
import type { Generational } from "../core/generation";
import { z } from "zod";
import { adoptInput, commonInputs, instanceInput, locationInput } from "../core/inputs";

/** The input that names the instance (the backup's, and the final backup's): `instanceId`. */
export const INSTANCE_KEY = "instanceId" as const;

/** The inputs of tencentcloud.RedisBackup; `check` validates with it. */
export const TencentBackupInputsSchema = z.object({
  instanceId: instanceInput(
    "instanceId",
    "the Redis instance",
    "a Tencent Redis instance",
    /^crs-[A-Za-z0-9]+$/,
    "crs-xjhsdj01",
  ),
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
  region: locationInput("region", /^[a-z]+(-[a-z0-9]+)+$/, "ap-guangzhou"),
  backupId: adoptInput,
  ...commonInputs,
});

/** The inputs of tencentcloud.RedisBackup as `check` leaves them, with the generation it adds (the create marker's, core/generation.ts). */
export type TencentBackupInputs = z.output<typeof TencentBackupInputsSchema> & Generational;

/** Changing one of these means a different backup: Tencent has no API that modifies a backup. */
export const REPLACE_ON_CHANGE = ["instanceId", "remark", "storageDays", "region"] as const;

export { DEFAULT_WAIT_TIMEOUT_MINUTES } from "../core/inputs";
