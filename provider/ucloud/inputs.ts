/** Inputs of ucloud.RedisBackup, as a zod schema whose messages a person can act on. */
import type { Generational } from "../core/generation";
import { z } from "zod";
import { adoptInput, commonInputs, instanceInput, locationInput } from "../core/inputs";

/** The input that names the instance (the backup's, and the final backup's): `groupId`. */
export const INSTANCE_KEY = "groupId" as const;

/** UCloud's rules for what a backup names, checked alike by the resources' inputs and by `backups.yaml`. */
export const UCLOUD_RULES = {
  /** A URedis group id, and one to show. */
  groupId: /^uredis-[A-Za-z0-9]+$/,
  groupExample: "uredis-2cwmyb",
  /** CreateURedisBackup's rule for BackupName: 6–63 characters of letters, digits, `-` and `_`. */
  backupName: /^[A-Za-z0-9_-]{6,63}$/,
  /** A region (`cn-bj2`, `hk`), a zone (`cn-bj2-04`), a project id (`org-xxxxxx`). */
  region: /^[a-z]+(-[a-z0-9]+)*$/,
  zone: /^[a-z]+(-[a-z0-9]+)*-\d+$/,
  projectId: /^[A-Za-z0-9_-]{1,64}$/,
} as const;

/** The inputs of ucloud.RedisBackup; `check` validates with it. */
export const UCloudBackupInputsSchema = z.object({
  groupId: instanceInput(
    "groupId",
    "the URedis instance",
    "a UCloud URedis (master/replica) group",
    UCLOUD_RULES.groupId,
    UCLOUD_RULES.groupExample,
  ),
  backupName: z
    .string({ error: "backupName must be a string" })
    .regex(UCLOUD_RULES.backupName, {
      error: "backupName must be 6 to 63 characters of letters, digits, - and _ (UCloud's rule)",
    })
    .optional(),
  region: locationInput("region", UCLOUD_RULES.region, "cn-bj2", "cn-bj2 or hk"),
  zone: locationInput("zone", UCLOUD_RULES.zone, "cn-bj2-04"),
  projectId: locationInput("projectId", UCLOUD_RULES.projectId, "org-xxxxxx"),
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
