/**
 * UCloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
 * declaration becomes, the `read` a drift check runs. Loads neither until asked.
 */
import { z } from "zod";
import { defineCloud } from "../core/cloud";
import { UCLOUD_SETTINGS } from "./settings";
import { UCloudFinalBackupInputsSchema } from "./finalInputs";
import type { RedisBackup } from "./resource";
import { idText, instanceField, notHere, steeringFields, str } from "../core/declarationFields";
import { INSTANCE_KEY, UCLOUD_RULES, UCloudBackupInputs, UCloudBackupInputsSchema } from "./inputs";

/** A UCloud entry of `backups.yaml`. */
export const UCloudDeclarationSchema = z.strictObject({
  cloud: z.literal("ucloud"),
  instance: instanceField(UCLOUD_RULES.groupId, "a UCloud URedis group", UCLOUD_RULES.groupExample),
  backupName: str("text")
    .regex(UCLOUD_RULES.backupName, { error: "must be 6 to 63 letters, digits, '-' and '_' (UCloud's rule)" })
    .optional(),
  region: str("a region like cn-bj2")
    .regex(UCLOUD_RULES.region, { error: "must look like cn-bj2 or hk" })
    .optional(),
  zone: str("a zone like cn-bj2-04")
    .regex(UCLOUD_RULES.zone, { error: "must look like cn-bj2-04" })
    .optional(),
  projectId: str("a project id like org-xxxxxx")
    .regex(UCLOUD_RULES.projectId, { error: "must look like org-xxxxxx" })
    .optional(),
  backupId: idText(str("a backup id").min(1, { error: "must not be empty" })),
  ...steeringFields,
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
  load: (module) => require(`./${module}`),
  final: { instanceKey: INSTANCE_KEY, inputsSchema: UCloudFinalBackupInputsSchema },
  label: "UCloud",
  settings: UCLOUD_SETTINGS,
});
