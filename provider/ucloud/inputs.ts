/** Inputs of ucloud.RedisBackup, as a zod schema whose messages a person can act on. */
import type { Generational } from "../core/generation";
import { z } from "zod";
import { adoptInput, commonInputs, instanceInput, locationInput } from "../core/inputs";

/** The input that names the instance (the backup's, and the final backup's): `groupId`. */
export const INSTANCE_KEY = "groupId" as const;

/** CreateURedisBackup's rule for BackupName: 6–63 characters of letters, digits, `-` and `_`. */
export const BACKUP_NAME = /^[A-Za-z0-9_-]{6,63}$/;

/** The inputs of ucloud.RedisBackup; `check` validates with it. */
export const UCloudBackupInputsSchema = z.object({
  groupId: instanceInput(
    "groupId",
    "the URedis instance",
    "a UCloud URedis (master/replica) group",
    /^uredis-[A-Za-z0-9]+$/,
    "uredis-2cwmyb",
  ),
  backupName: z
    .string({ error: "backupName must be a string" })
    .regex(BACKUP_NAME, {
      error: "backupName must be 6 to 63 characters of letters, digits, - and _ (UCloud's rule)",
    })
    .optional(),
  region: locationInput("region", /^[a-z]+(-[a-z0-9]+)*$/, "cn-bj2", "cn-bj2 or hk"),
  zone: locationInput("zone", /^[a-z]+(-[a-z0-9]+)*-\d+$/, "cn-bj2-04"),
  projectId: locationInput("projectId", /^[A-Za-z0-9_-]{1,64}$/, "org-xxxxxx"),
  backupId: adoptInput,
  ...commonInputs,
});

/** The inputs of ucloud.RedisBackup as `check` leaves them, with the generation it adds (the create marker's, core/generation.ts). */
export type UCloudBackupInputs = z.output<typeof UCloudBackupInputsSchema> & Generational;

/** Changing one of these means a different backup: UCloud has no API that modifies a backup. */
export const REPLACE_ON_CHANGE = ["groupId", "backupName"] as const;

/**
 * Where the backup lives. Outputs record where it actually is; only a value the program sets (and
 * that differs) replaces it. Leaving one unset means "the provider's default", which does not move
 * a backup that already exists.
 */
export const LOCATION = ["region", "zone", "projectId"] as const;

export { DEFAULT_WAIT_TIMEOUT_MINUTES } from "../core/inputs";
