/** Inputs of tencentcloud.RedisBackup, as a zod schema whose messages a person can act on. */
import type { Generational } from "../core/generation";
import { z } from "zod";
import { adoptInput, commonInputs, instanceInput, locationInput } from "../core/inputs";

/** The input that names the instance (the backup's, and the final backup's): `instanceId`. */
export const INSTANCE_KEY = "instanceId" as const;

/** Tencent's rules for what a backup names, checked alike by the resources' inputs and by `backups.yaml`. */
export const TENCENT_RULES = {
  /** A Redis instance id, and one to show. */
  instanceId: /^crs-[A-Za-z0-9]+$/,
  instanceExample: "crs-xjhsdj01",
  /** A region, and one to show. */
  region: /^[a-z]+(-[a-z0-9]+)+$/,
  regionExample: "ap-guangzhou",
  /** The longest Remark ManualBackupInstance takes. */
  remarkMax: 200,
  /** The most days StorageDays keeps a backup. */
  storageDaysMax: 1825,
} as const;

const STORAGE_DAYS = `storageDays must be a whole number of days from 0 to ${TENCENT_RULES.storageDaysMax}`;

/** The inputs of tencentcloud.RedisBackup; `check` validates with it. */
export const TencentBackupInputsSchema = z.object({
  instanceId: instanceInput(
    "instanceId",
    "the Redis instance",
    "a Tencent Redis instance",
    TENCENT_RULES.instanceId,
    TENCENT_RULES.instanceExample,
  ),
  remark: z
    .string({ error: "remark must be a string" })
    .max(TENCENT_RULES.remarkMax, { error: `remark must be at most ${TENCENT_RULES.remarkMax} characters` })
    .optional(),
  storageDays: z
    .number({ error: STORAGE_DAYS })
    .int({ error: STORAGE_DAYS })
    .min(0, { error: STORAGE_DAYS })
    .max(TENCENT_RULES.storageDaysMax, { error: `${STORAGE_DAYS} (Tencent's limit)` })
    .optional(),
  region: locationInput("region", TENCENT_RULES.region, TENCENT_RULES.regionExample),
  backupId: adoptInput,
  ...commonInputs,
});

/** The inputs of tencentcloud.RedisBackup as `check` leaves them, with the generation it adds (the create marker's, core/generation.ts). */
export type TencentBackupInputs = z.output<typeof TencentBackupInputsSchema> & Generational;

/** Changing one of these means a different backup: Tencent has no API that modifies a backup. */
export const REPLACE_ON_CHANGE = ["instanceId", "remark", "storageDays", "region"] as const;

export { DEFAULT_WAIT_TIMEOUT_MINUTES } from "../core/inputs";
