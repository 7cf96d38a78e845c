/**
 * Tencent Cloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
 * declaration becomes, the `read` a drift check runs. Loads neither until asked.
 */
import { z } from "zod";
import { defineCloud } from "../core/cloud";
import { TENCENT_SETTINGS } from "./settings";
import { TencentFinalBackupInputsSchema } from "./finalInputs";
import type { RedisBackup } from "./resource";
import { commonFields, instanceField, locationField, notHere, str } from "../core/declarationFields";
import { wholeDays } from "../core/inputs";
import { TencentBackupInputs, TencentBackupInputsSchema, INSTANCE_KEY, TENCENT_RULES } from "./inputs";

const RETENTION = `must be a whole number of days from 0 to ${TENCENT_RULES.storageDaysMax} (0: the instance's default, usually 7)`;

/** A Tencent Cloud entry of `backups.yaml`. */
export const TencentDeclarationSchema = z.strictObject({
  cloud: z.literal("tencentcloud"),
  instance: instanceField(
    TENCENT_RULES.instanceId,
    "a Tencent Cloud Redis instance",
    TENCENT_RULES.instanceExample,
  ),
  remark: str("text")
    .max(TENCENT_RULES.remarkMax, { error: `must be at most ${TENCENT_RULES.remarkMax} characters` })
    .optional(),
  retentionDays: wholeDays(RETENTION, (d) => d >= 0 && d <= TENCENT_RULES.storageDaysMax),
  region: locationField("a region", TENCENT_RULES.region, TENCENT_RULES.regionExample),
  ...commonFields,
  backupName: notHere("Tencent Cloud backups have a remark, not a name: write remark instead"),
  zone: notHere("only ucloud backups take a zone; Tencent Cloud finds the instance by its region"),
  projectId: notHere("only ucloud backups take a projectId"),
});

/** A Tencent entry of `backups.yaml`, as its schema leaves it. */
export type TencentDeclaration = z.output<typeof TencentDeclarationSchema>;

/** @internal The registry entry (see provider/clouds.ts). */
export const tencentcloud = defineCloud<"tencentcloud", TencentDeclaration, TencentBackupInputs, RedisBackup>(
  {
    name: "tencentcloud",
    declarationSchema: TencentDeclarationSchema,
    inputsSchema: TencentBackupInputsSchema,
    inputsOf: (d) => ({
      instanceId: d.instance,
      remark: d.remark,
      storageDays: d.retentionDays,
      region: d.region,
    }),
    final: { instanceKey: INSTANCE_KEY, inputsSchema: TencentFinalBackupInputsSchema },
    settings: TENCENT_SETTINGS,
  },
);
