/** Inputs of alicloud.RedisBackup, as a zod schema whose messages a person can act on. */
import type { Generational } from "../core/generation";
import { z } from "zod";
import { commonInputs, instanceInput, locationInput, wholeDays } from "../core/inputs";

/** The input that names the instance (the backup's, and the final backup's): `instanceId`. */
export const INSTANCE_KEY = "instanceId" as const;

/** Alibaba's rules for what a backup names, checked alike by the resources' inputs and by `backups.yaml`. */
export const ALICLOUD_RULES = {
  /** A Redis (Tair) instance id, and one to show. */
  instanceId: /^r-[A-Za-z0-9]+$/,
  instanceExample: "r-bp1zxszhcgatnx",
  /** A region id, and one to show. */
  region: /^[a-z]+(-[a-z0-9]+)+$/,
  regionExample: "cn-hangzhou",
  /** CreateBackup's BackupRetentionPeriod: 7 to 730 days, or -1 for the instance's lifetime. */
  isRetentionDays: (d: number) => d === -1 || (d >= 7 && d <= 730),
} as const;

const RETENTION =
  "retentionDays must be a whole number of days from 7 to 730, or -1 to keep the backup for the instance's lifetime";

/** A backup file id, several comma-joined (a classic cluster's per-node files), or a cloud-native cluster's `cb-` id. */
export const BACKUP_ID = /^(\d+(,\d+)*|cb-[A-Za-z0-9]+)$/;
/** What {@link BACKUP_ID} looks like, for messages. */
export const BACKUP_ID_SHAPE =
  'a backup file id like "111111111" (several, comma-joined, for a classic cluster), or a cloud-native cluster\'s cluster backup id like "cb-hyxdof5x9kqbtust"';

/** The inputs of alicloud.RedisBackup; `check` validates with it. */
export const AlicloudBackupInputsSchema = z.object({
  instanceId: instanceInput(
    "instanceId",
    "the Redis (Tair) instance",
    "an Alibaba Cloud Redis (Tair) instance",
    ALICLOUD_RULES.instanceId,
    ALICLOUD_RULES.instanceExample,
  ),
  retentionDays: wholeDays(RETENTION, ALICLOUD_RULES.isRetentionDays),
  regionId: locationInput("regionId", ALICLOUD_RULES.region, ALICLOUD_RULES.regionExample),
  backupId: z
    .string({ error: "backupId must be a string" })
    .regex(BACKUP_ID, { error: `backupId must be ${BACKUP_ID_SHAPE}` })
    .optional(),
  ...commonInputs,
});

/** The inputs of alicloud.RedisBackup as `check` leaves them, with the generation it adds (the create marker's, core/generation.ts). */
export type AlicloudBackupInputs = z.output<typeof AlicloudBackupInputsSchema> & Generational;

/** Changing one of these means another backup. retentionDays has its own rule (see diff). */
export const REPLACE_ON_CHANGE = ["instanceId", "regionId"] as const;

export { DEFAULT_WAIT_TIMEOUT_MINUTES } from "../core/inputs";
