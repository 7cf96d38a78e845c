/**
 * Alibaba Cloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
 * declaration becomes, the `read` a drift check runs. Loads neither until asked.
 */
import { z } from "zod";
import { defineCloud } from "../core/cloud";
import { ALICLOUD_SETTINGS } from "./settings";
import { AlicloudFinalBackupInputsSchema } from "./finalInputs";
import type { RedisBackup } from "./resource";
import {
  idText,
  instanceField,
  locationField,
  notHere,
  steeringFields,
  str,
} from "../core/declarationFields";
import { wholeDays } from "../core/inputs";
import {
  ALICLOUD_RULES,
  AlicloudBackupInputs,
  AlicloudBackupInputsSchema,
  BACKUP_ID,
  BACKUP_ID_SHAPE,
  INSTANCE_KEY,
} from "./inputs";

const RETENTION =
  "must be a whole number of days from 7 to 730, or -1 to keep the backup as long as the instance";

/** An Alibaba Cloud entry of `backups.yaml`. */
export const AlicloudDeclarationSchema = z.strictObject({
  cloud: z.literal("alicloud"),
  instance: instanceField(
    ALICLOUD_RULES.instanceId,
    "an Alibaba Cloud Redis (Tair) instance",
    ALICLOUD_RULES.instanceExample,
  ),
  retentionDays: wholeDays(RETENTION, ALICLOUD_RULES.isRetentionDays),
  region: locationField("a region", ALICLOUD_RULES.region, ALICLOUD_RULES.regionExample),
  backupId: idText(str("a backup file id").regex(BACKUP_ID, { error: `must be ${BACKUP_ID_SHAPE}` })),
  ...steeringFields,
  remark: notHere("Alibaba Cloud backups take no remark (CreateBackup has none): remove it"),
  backupName: notHere("Alibaba Cloud backups take no name (CreateBackup has none): remove it"),
  zone: notHere("only ucloud backups take a zone; Alibaba Cloud finds the instance by its region"),
  projectId: notHere("only ucloud backups take a projectId"),
});

/** An Alibaba Cloud entry of `backups.yaml`, as its schema leaves it. */
export type AlicloudDeclaration = z.output<typeof AlicloudDeclarationSchema>;

/** @internal The registry entry (see provider/clouds.ts). */
export const alicloud = defineCloud<"alicloud", AlicloudDeclaration, AlicloudBackupInputs, RedisBackup>({
  name: "alicloud",
  declarationSchema: AlicloudDeclarationSchema,
  inputsSchema: AlicloudBackupInputsSchema,
  inputsOf: (d) => ({
    instanceId: d.instance,
    retentionDays: d.retentionDays,
    regionId: d.region,
  }),
  final: { instanceKey: INSTANCE_KEY, inputsSchema: AlicloudFinalBackupInputsSchema },
  settings: ALICLOUD_SETTINGS,
});
