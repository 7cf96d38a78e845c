/**
 * UCloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
 * declaration becomes, the `read` a drift check runs. Loads neither until asked.
 */
import { z } from "zod";
import { defineCloud } from "../core/cloud";
import { UCLOUD_SETTINGS } from "./settings";
import { UCloudFinalBackupInputsSchema } from "./finalInputs";
import type { RedisBackup } from "./resource";
import { commonFields, instanceField, locationField, notHere, str } from "../core/declarationFields";
import { INSTANCE_KEY, UCLOUD_RULES, UCloudBackupInputs, UCloudBackupInputsSchema } from "./inputs";

/** A UCloud entry of `backups.yaml`. */
export const UCloudDeclarationSchema = z.strictObject({
  cloud: z.literal("ucloud"),
  instance: instanceField(UCLOUD_RULES.groupId, "a UCloud URedis group", UCLOUD_RULES.groupExample),
  backupName: str("text")
    .regex(UCLOUD_RULES.backupName, { error: "must be 6 to 63 letters, digits, '-' and '_' (UCloud's rule)" })
    .optional(),
  region: locationField("a region", UCLOUD_RULES.region, "cn-bj2", "cn-bj2 or hk"),
  zone: locationField("a zone", UCLOUD_RULES.zone, "cn-bj2-04"),
  projectId: locationField("a project id", UCLOUD_RULES.projectId, "org-xxxxxx"),
  ...commonFields,
  retentionDays: notHere(
    "UCloud takes no retention per backup (CreateURedisBackup has none; the group's backup policy decides): remove it",
  ),
  remark: notHere("UCloud backups have a name, not a remark: write backupName instead"),
});

/** A UCloud entry of `backups.yaml`, as its schema leaves it. */
export type UCloudDeclaration = z.output<typeof UCloudDeclarationSchema>;

/** @internal The registry entry (see provider/clouds.ts). */
export const ucloud = defineCloud<"ucloud", UCloudDeclaration, UCloudBackupInputs, RedisBackup>({
  name: "ucloud",
  declarationSchema: UCloudDeclarationSchema,
  inputsSchema: UCloudBackupInputsSchema,
  inputsOf: (d) => ({
    groupId: d.instance,
    backupName: d.backupName,
    region: d.region,
    zone: d.zone,
    projectId: d.projectId,
  }),
  final: { instanceKey: INSTANCE_KEY, inputsSchema: UCloudFinalBackupInputsSchema },
  settings: UCLOUD_SETTINGS,
});
