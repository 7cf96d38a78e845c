/**
 * The declarations file (`backups.yaml`): logical name → one backup, on any of the three clouds.
 * Field names are the same on every cloud (`instance`, `retentionDays`, `region`); each cloud's
 * rules, and the fields it does not take, are spelled out per cloud so that every message says
 * what to write instead. Messages never repeat the field: the report prefixes `name.field`.
 *
 * Loaded by the CLI and by `declareBackups` only; imports nothing but zod and the clouds' inputs.
 */
import { z } from "zod";
import { AlicloudBackupInputsSchema, type AlicloudBackupInputs } from "../alicloud/inputs";
import { TencentBackupInputsSchema, type TencentBackupInputs } from "../tencentcloud/inputs";
import { BACKUP_NAME, UCloudBackupInputsSchema, type UCloudBackupInputs } from "../ucloud/inputs";

export const CLOUDS = ["tencentcloud", "alicloud", "ucloud"] as const;
export type Cloud = (typeof CLOUDS)[number];

/** Top-level keys starting with this are ignored: room for YAML anchors (`x-defaults: &defaults`). */
export const IGNORED_KEY_PREFIX = "x-";

/** A logical name becomes the Pulumi resource name (the last part of its URN). */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const NAME_RULE =
  "a backup name must start with a letter or digit and hold at most 100 letters, digits, '.', '_' and '-' (it becomes the Pulumi resource name)";

const CLOUD_RULE = `must be one of ${CLOUDS.join(", ")}`;

const str = (what: string) => z.string({ error: `must be ${what}` });

/** The instance field: "required" when absent, the rule when wrong. */
const instance = (rule: RegExp, what: string, example: string) => {
  const wrong = `must be ${what} id like ${example}`;
  return z
    .string({
      error: (iss) =>
        iss.input === undefined || iss.input === null ? `required: ${what} id, e.g. ${example}` : wrong,
    })
    .regex(rule, { error: wrong });
};

const waitTimeoutMinutes = z
  .number({ error: "must be a number of minutes" })
  .positive({ error: "must be more than 0 minutes" })
  .max(1440, { error: "must be at most 1440 minutes (one day)" })
  .optional();

const keepExpired = z.boolean({ error: "must be true or false" }).optional();

/** A field another cloud takes: present here, it is a mistake worth its own sentence. */
const notHere = (reason: string) => z.never({ error: reason }).optional();

/** YAML reads `backupId: 111111111` as a number; a backup id is text. */
const idText = (rule: z.ZodString) =>
  z.preprocess((v) => (typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v), rule).optional();

const TENCENT_RETENTION =
  "must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)";
const ALICLOUD_RETENTION =
  "must be a whole number of days from 7 to 730, or -1 to keep the backup as long as the instance";

export const TencentDeclarationSchema = z.strictObject({
  cloud: z.literal("tencentcloud"),
  instance: instance(/^crs-[A-Za-z0-9]+$/, "a Tencent Cloud Redis instance", "crs-xjhsdj01"),
  remark: str("text").max(200, { error: "must be at most 200 characters" }).optional(),
  retentionDays: z
    .number({ error: TENCENT_RETENTION })
    .int({ error: TENCENT_RETENTION })
    .min(0, { error: TENCENT_RETENTION })
    .max(1825, { error: TENCENT_RETENTION })
    .optional(),
  region: str("a region like ap-guangzhou")
    .regex(/^[a-z]+(-[a-z0-9]+)+$/, { error: "must look like ap-guangzhou" })
    .optional(),
  backupId: idText(str("a backup id").min(1, { error: "must not be empty" })),
  keepExpired,
  waitTimeoutMinutes,
  backupName: notHere("Tencent Cloud backups have a remark, not a name: write remark instead"),
  zone: notHere("only ucloud backups take a zone; Tencent Cloud finds the instance by its region"),
  projectId: notHere("only ucloud backups take a projectId"),
});

export const AlicloudDeclarationSchema = z.strictObject({
  cloud: z.literal("alicloud"),
  instance: instance(/^r-[A-Za-z0-9]+$/, "an Alibaba Cloud Redis (Tair) instance", "r-bp1zxszhcgatnx"),
  retentionDays: z
    .number({ error: ALICLOUD_RETENTION })
    .int({ error: ALICLOUD_RETENTION })
    .refine((d) => d === -1 || (d >= 7 && d <= 730), { error: ALICLOUD_RETENTION })
    .optional(),
  region: str("a region like cn-hangzhou")
    .regex(/^[a-z]+(-[a-z0-9]+)+$/, { error: "must look like cn-hangzhou" })
    .optional(),
  backupId: idText(
    str("a backup file id").regex(/^\d+(,\d+)*$/, {
      error: 'must be a backup file id like "111111111" (several, comma-joined, for a cluster)',
    }),
  ),
  keepExpired,
  waitTimeoutMinutes,
  remark: notHere("Alibaba Cloud backups take no remark (CreateBackup has none): remove it"),
  backupName: notHere("Alibaba Cloud backups take no name (CreateBackup has none): remove it"),
  zone: notHere("only ucloud backups take a zone; Alibaba Cloud finds the instance by its region"),
  projectId: notHere("only ucloud backups take a projectId"),
});

export const UCloudDeclarationSchema = z.strictObject({
  cloud: z.literal("ucloud"),
  instance: instance(/^uredis-[A-Za-z0-9]+$/, "a UCloud URedis group", "uredis-2cwmyb"),
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
  keepExpired,
  waitTimeoutMinutes,
  retentionDays: notHere(
    "UCloud takes no retention per backup (CreateURedisBackup has none; the group's backup policy decides): remove it",
  ),
  remark: notHere("UCloud backups have a name, not a remark: write backupName instead"),
});

export const DeclarationSchema = z.discriminatedUnion("cloud", [
  TencentDeclarationSchema,
  AlicloudDeclarationSchema,
  UCloudDeclarationSchema,
]);

export type TencentDeclaration = z.output<typeof TencentDeclarationSchema>;
export type AlicloudDeclaration = z.output<typeof AlicloudDeclarationSchema>;
export type UCloudDeclaration = z.output<typeof UCloudDeclarationSchema>;
export type Declaration = z.output<typeof DeclarationSchema>;

/** The whole file: name → declaration (top-level `x-` keys are dropped before this). */
export const DeclarationsSchema = z.record(z.string().regex(NAME, { error: NAME_RULE }), DeclarationSchema);

export type Declarations = Record<string, Declaration>;

/** The schema of each cloud's declarations. */
export const SCHEMA_OF: Record<Cloud, z.ZodObject> = {
  tencentcloud: TencentDeclarationSchema,
  alicloud: AlicloudDeclarationSchema,
  ucloud: UCloudDeclarationSchema,
};

/** Fields each cloud takes, in the order the documentation lists them. */
export const FIELDS: Record<Cloud, readonly string[]> = {
  tencentcloud: [
    "cloud",
    "instance",
    "remark",
    "retentionDays",
    "region",
    "backupId",
    "keepExpired",
    "waitTimeoutMinutes",
  ],
  alicloud: ["cloud", "instance", "retentionDays", "region", "backupId", "keepExpired", "waitTimeoutMinutes"],
  ucloud: [
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
};

export const cloudRule = CLOUD_RULE;

/** The resource inputs of one declaration, per cloud. */
export type ResourceInputs =
  | { cloud: "tencentcloud"; inputs: TencentBackupInputs }
  | { cloud: "alicloud"; inputs: AlicloudBackupInputs }
  | { cloud: "ucloud"; inputs: UCloudBackupInputs };

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Maps a declaration to its cloud's RedisBackup inputs (`instance` → instanceId / groupId, ...). */
export function toResourceInputs(d: Declaration): ResourceInputs {
  const common = {
    backupId: d.backupId,
    keepExpired: d.keepExpired,
    waitTimeoutMinutes: d.waitTimeoutMinutes,
  };
  switch (d.cloud) {
    case "tencentcloud":
      return {
        cloud: d.cloud,
        inputs: defined({
          instanceId: d.instance,
          remark: d.remark,
          storageDays: d.retentionDays,
          region: d.region,
          ...common,
        }),
      };
    case "alicloud":
      return {
        cloud: d.cloud,
        inputs: defined({
          instanceId: d.instance,
          retentionDays: d.retentionDays,
          regionId: d.region,
          ...common,
        }),
      };
    case "ucloud":
      return {
        cloud: d.cloud,
        inputs: defined({
          groupId: d.instance,
          backupName: d.backupName,
          region: d.region,
          zone: d.zone,
          projectId: d.projectId,
          ...common,
        }),
      };
  }
}

/** The cloud's own input schema: the last word on what the resource will accept. */
export const INPUTS_SCHEMA_OF: Record<Cloud, z.ZodObject> = {
  tencentcloud: TencentBackupInputsSchema,
  alicloud: AlicloudBackupInputsSchema,
  ucloud: UCloudBackupInputsSchema,
};
