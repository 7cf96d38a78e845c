/**
 * Alibaba Cloud in the registry (provider/clouds.ts): its part of `backups.yaml`, the resource a
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
import { AlicloudBackupInputs, AlicloudBackupInputsSchema } from "./inputs";

const RETENTION =
  "must be a whole number of days from 7 to 730, or -1 to keep the backup as long as the instance";

/** An Alibaba Cloud entry of `backups.yaml`. */
export const AlicloudDeclarationSchema = z.strictObject({
  cloud: z.literal("alicloud"),
  instance: instanceField(/^r-[A-Za-z0-9]+$/, "an Alibaba Cloud Redis (Tair) instance", "r-bp1zxszhcgatnx"),
  retentionDays: z
    .number({ error: RETENTION })
    .int({ error: RETENTION })
    .refine((d) => d === -1 || (d >= 7 && d <= 730), { error: RETENTION })
    .optional(),
  region: str("a region like cn-hangzhou")
    .regex(/^[a-z]+(-[a-z0-9]+)+$/, { error: "must look like cn-hangzhou" })
    .optional(),
  backupId: idText(
    str("a backup file id").regex(/^\d+(,\d+)*$/, {
      error: 'must be a backup file id like "111111111" (several, comma-joined, for a cluster)',
    }),
  ),
  keepExpired: keepExpiredField,
  waitTimeoutMinutes: waitTimeoutMinutesField,
  remark: notHere("Alibaba Cloud backups take no remark (CreateBackup has none): remove it"),
  backupName: notHere("Alibaba Cloud backups take no name (CreateBackup has none): remove it"),
  zone: notHere("only ucloud backups take a zone; Alibaba Cloud finds the instance by its region"),
  projectId: notHere("only ucloud backups take a projectId"),
});

export type AlicloudDeclaration = z.output<typeof AlicloudDeclarationSchema>;

/** @internal */
export const alicloud: CloudEntry<"alicloud", AlicloudDeclaration, AlicloudBackupInputs, RedisBackup> = {
  name: "alicloud",
  declarationSchema: AlicloudDeclarationSchema,
  fields: ["cloud", "instance", "retentionDays", "region", "backupId", "keepExpired", "waitTimeoutMinutes"],
  inputsSchema: AlicloudBackupInputsSchema,
  toInputs: (d) =>
    stripUndefined({
      instanceId: d.instance,
      retentionDays: d.retentionDays,
      regionId: d.region,
      backupId: d.backupId,
      keepExpired: d.keepExpired,
      waitTimeoutMinutes: d.waitTimeoutMinutes,
    }),
  declare(name, d, opts) {
    const { RedisBackup }: typeof import("./resource") = require("./resource");
    return new RedisBackup(name, alicloud.toInputs(d), opts);
  },
  read(id, recorded, deps) {
    // What a state export recorded for an alicloud.RedisBackup is what this lifecycle wrote.
    const lifecycle: Lifecycle<object, Record<string, unknown>> = require("./operations");
    return lifecycle.read(id, recorded, deps);
  },
  environment: {
    label: "Alibaba Cloud",
    variables: [
      "ALIBABA_CLOUD_ACCESS_KEY_ID",
      "ALIBABA_CLOUD_ACCESS_KEY_SECRET",
      "ALIBABA_CLOUD_REGION_ID",
      "ALIBABA_CLOUD_ENDPOINT",
    ],
  },
};
