/**
 * UCloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
 * declaration becomes, the `read` a drift check runs. Loads neither until asked.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { z } from "zod";
import type { CloudEntry } from "../core/cloud";
import type { Lifecycle } from "../core/lifecycle";
import type { RedisBackup } from "./resource";
import {
  idText,
  instanceField,
  keepExpiredField,
  notHere,
  str,
  waitTimeoutMinutesField,
} from "../core/declarationFields";
import { stripUndefined } from "../core/stripUndefined";
import { BACKUP_NAME, UCloudBackupInputs, UCloudBackupInputsSchema } from "./inputs";

/** A UCloud entry of `backups.yaml`. */
export const UCloudDeclarationSchema = z.strictObject({
  cloud: z.literal("ucloud"),
  instance: instanceField(/^uredis-[A-Za-z0-9]+$/, "a UCloud URedis group", "uredis-2cwmyb"),
  backupName: str("text")
    .regex(BACKUP_NAME, { error: "must be 6 to 63 letters, digits, '-' and '_' (UCloud's rule)" })
    .optional(),
  region: str("a region like cn-bj2")
    .regex(/^[a-z]+(-[a-z0-9]+)*$/, { error: "must look like cn-bj2 or hk" })
    .optional(),
  zone: str("a zone like cn-bj2-04")
    .regex(/^[a-z]+(-[a-z0-9]+)*-\d+$/, { error: "must look like cn-bj2-04" })
    .optional(),
  projectId: str("a project id like org-xxxxxx")
    .regex(/^[A-Za-z0-9_-]{1,64}$/, { error: "must look like org-xxxxxx" })
    .optional(),
  backupId: idText(str("a backup id").min(1, { error: "must not be empty" })),
  keepExpired: keepExpiredField,
  waitTimeoutMinutes: waitTimeoutMinutesField,
  retentionDays: notHere(
    "UCloud takes no retention per backup (CreateURedisBackup has none; the group's backup policy decides): remove it",
  ),
  remark: notHere("UCloud backups have a name, not a remark: write backupName instead"),
});

export type UCloudDeclaration = z.output<typeof UCloudDeclarationSchema>;

/** @internal */
export const ucloud: CloudEntry<"ucloud", UCloudDeclaration, UCloudBackupInputs, RedisBackup> = {
  name: "ucloud",
  declarationSchema: UCloudDeclarationSchema,
  fields: [
    "cloud",
    "instance",
    "backupName",
    "region",
    "zone",
    "projectId",
    "backupId",
    "keepExpired",
    "waitTimeoutMinutes",
  ],
  inputsSchema: UCloudBackupInputsSchema,
  toInputs: (d) =>
    stripUndefined({
      groupId: d.instance,
      backupName: d.backupName,
      region: d.region,
      zone: d.zone,
      projectId: d.projectId,
      backupId: d.backupId,
      keepExpired: d.keepExpired,
      waitTimeoutMinutes: d.waitTimeoutMinutes,
    }),
  declare(name, d, opts) {
    const { RedisBackup }: typeof import("./resource") = require("./resource");
    return new RedisBackup(name, ucloud.toInputs(d), opts);
  },
  read(id, recorded, deps) {
    // What a state export recorded for a ucloud.RedisBackup is what this lifecycle wrote.
    const lifecycle: Lifecycle<object, Record<string, unknown>> = require("./operations");
    return lifecycle.read(id, recorded, deps);
  },
  environment: {
    label: "UCloud",
    variables: ["UCLOUD_PUBLIC_KEY", "UCLOUD_PRIVATE_KEY", "UCLOUD_REGION", "UCLOUD_ENDPOINT"],
  },
};
