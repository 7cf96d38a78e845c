/**
 * The native provider's Pulumi package schema, built from the registry: each cloud's RedisBackup
 * and FinalBackup, their inputs from the zod schemas `check` validates with (so the two cannot
 * drift), their outputs from the hand-kept tables of outputProperties.ts, and the provider's
 * configuration, and each cloud's getBackupDownloadUrls function (functions.ts). `pulumi package gen-sdk` makes SDKs for every language from it; the checked-in
 * plugin/schema.json is this object, written by `npm run native-schema` and compared by a test.
 */
import { z } from "zod";
import { CLOUD_ENTRIES, Cloud } from "../clouds";
import type { SettingKey } from "../core/settings";
import {
  ALICLOUD_OUTPUTS,
  ALICLOUD_SHARD,
  FINAL_OUTPUTS,
  PropertySpec,
  TENCENT_OUTPUTS,
  UCLOUD_OUTPUTS,
} from "./outputProperties";
import { BACKUP_FILE_PROPERTIES, NATIVE_FUNCTIONS, backupFileType, functionSchema } from "./functions";
import DOCS from "./docs.json";

/** What the TypeScript class of a cloud's resource says of itself (docs.json, `npm run native-schema`). */
interface ClassDocs {
  description: string;
  inputs: Record<string, string>;
  outputs: Record<string, string>;
}

/**
 * A doc in the native provider's words: a stack config key of the dynamic provider
 * (`` `tencentcloud:region` ``) is the native provider's config variable (`redis-backup:tencentcloudRegion`).
 */
function nativeWords(text: string): string {
  return text.replace(STACK_CONFIG_KEY, (_, cloud: string, key: string) => {
    return `\`${PACKAGE}:${configVariable(cloud, key)}\``;
  });
}

/** A dynamic provider's stack config key in a doc, `` `<cloud>:<key>` `` of a registered cloud. */
const STACK_CONFIG_KEY = new RegExp(`\`(${CLOUD_ENTRIES.map((e) => e.name).join("|")}):(\\w+)\``, "g");

/** The docs of a cloud's resource of `kind`. */
const docsOf = (cloud: Cloud, kind: Kind): ClassDocs =>
  (DOCS as Record<string, Record<string, ClassDocs>>)[cloud][kind];

/** The package name: the plugin is `pulumi-resource-redis-backup`, tokens `redis-backup:<cloud>:<Type>`. */
export const PACKAGE = "redis-backup";

/** The two kinds of resource every cloud has. */
export type Kind = "RedisBackup" | "FinalBackup";

/** The token of a cloud's resource, e.g. `redis-backup:tencentcloud:RedisBackup`. */
export const tokenOf = (cloud: Cloud, kind: Kind) => `${PACKAGE}:${cloud}:${kind}`;

/** Inputs of a FinalBackup the native provider fills in from the resource's URN, never the program. */
export const ORIGIN_INPUTS = ["resourceName", "stack", "project"] as const;

const OUTPUTS: Record<Cloud, Record<string, PropertySpec>> = {
  tencentcloud: TENCENT_OUTPUTS,
  alicloud: ALICLOUD_OUTPUTS,
  ucloud: UCLOUD_OUTPUTS,
};

/**
 * The provider's configuration: each cloud's stack config keys (`tencentcloud:secretId`) as one
 * variable (`tencentcloudSecretId`), set as `redis-backup:tencentcloudSecretId` or on an explicit
 * provider. The keys are the ones the cloud's settings spec names (a test asks that they are the
 * ones its settings read).
 */
export const CONFIG_KEYS = Object.fromEntries(
  CLOUD_ENTRIES.map((entry) => [entry.name, entry.configKeys]),
) as Record<Cloud, SettingKey[]>;

/** The config variable of `<cloud>:<key>`: `tencentcloudSecretId`. */
export const configVariable = (cloud: string, key: string) =>
  `${cloud}${key.charAt(0).toUpperCase()}${key.slice(1)}`;

/** A schema property of a zod field, as `z.toJSONSchema` describes it, with the argument's doc (required). */
function propertyOf(field: z.ZodType, cloud: Cloud, name: string, doc: string | undefined): PropertySpec {
  const json = z.toJSONSchema(field, { io: "input", unrepresentable: "any" }) as {
    type?: string;
    pattern?: string;
  };
  const type = json.type as PropertySpec["type"] | undefined;
  if (!doc) throw new TypeError(`${cloud} input ${name}: no doc on the class's argument`);
  const description = nativeWords(doc);
  if (type === "array") return { type, items: { $ref: "pulumi.json#/Any" }, description };
  if (type === "string" || type === "integer" || type === "number" || type === "boolean") {
    return { type, description };
  }
  throw new TypeError(`${cloud} input ${name}: no schema type for ${JSON.stringify(json)}`);
}

interface ResourceSchema {
  description: string;
  properties: Record<string, PropertySpec>;
  required: string[];
  inputProperties: Record<string, PropertySpec>;
  requiredInputs: string[];
}

function resourceSchema(
  cloud: Cloud,
  kind: Kind,
  inputs: z.ZodObject,
  outputs: Record<string, PropertySpec>,
) {
  const docs = docsOf(cloud, kind);
  const names = Object.keys(inputs.shape).filter(
    (n) => kind === "RedisBackup" || !(ORIGIN_INPUTS as readonly string[]).includes(n),
  );
  const inputProperties = Object.fromEntries(
    names.map((n) => [n, propertyOf(inputs.shape[n] as z.ZodType, cloud, n, docs.inputs[n])]),
  );
  const requiredInputs = names.filter((n) => !(inputs.shape[n] as z.ZodType).safeParse(undefined).success);
  // The outputs as the class documents them; the few only the native resource declares keep their own words.
  const documented = Object.fromEntries(
    Object.entries(outputs).map(([n, spec]) => {
      const description = docs.outputs[n] ? nativeWords(docs.outputs[n]) : spec.description;
      if (!description)
        throw new TypeError(`${cloud} ${kind} output ${n}: documented neither on the class nor here`);
      return [n, { ...spec, description }];
    }),
  );
  const schema: ResourceSchema = {
    description: nativeWords(docs.description),
    properties: { ...inputProperties, ...documented },
    required: requiredInputs,
    inputProperties,
    requiredInputs,
  };
  return schema;
}

/** The package schema (Pulumi's schema format, `pulumi.json#/`), version `version`. */
export function packageSchema(version: string) {
  const resources: Record<string, ResourceSchema> = {};
  const variables: Record<string, { type: string; secret?: boolean; description: string }> = {};
  for (const entry of CLOUD_ENTRIES) {
    resources[tokenOf(entry.name, "RedisBackup")] = resourceSchema(
      entry.name,
      "RedisBackup",
      entry.inputsSchema,
      OUTPUTS[entry.name],
    );
    resources[tokenOf(entry.name, "FinalBackup")] = resourceSchema(
      entry.name,
      "FinalBackup",
      entry.final.inputsSchema,
      FINAL_OUTPUTS,
    );
    for (const c of CONFIG_KEYS[entry.name]) {
      variables[configVariable(entry.name, c.key)] = {
        type: c.type ?? "string",
        ...(c.secret ? { secret: true } : {}),
        description: `Stack config ${entry.name}:${c.key} of the dynamic provider (its environment variables still apply).`,
      };
    }
  }
  return {
    name: PACKAGE,
    displayName: "Redis backups",
    version,
    description:
      "Manual Redis backups on Tencent Cloud, Alibaba Cloud and UCloud: the native provider of pulumi-redis-backup.",
    license: "Apache-2.0",
    repository: "https://github.com/pulumi-redis-backup/pulumi-redis-backup",
    meta: { moduleFormat: "(.*)" },
    config: { variables },
    provider: {
      description: "The redis-backup provider: credentials and regions per cloud.",
      properties: variables,
      inputProperties: variables,
    },
    types: {
      "redis-backup:alicloud:ShardBackup": {
        type: "object",
        description: "One shard's backup file of an Alibaba cloud-native cluster's backup.",
        properties: ALICLOUD_SHARD,
        required: ["backupId", "status"],
      },
      ...Object.fromEntries(
        NATIVE_FUNCTIONS.map((f) => [
          backupFileType(f.cloud),
          {
            type: "object",
            description: `One file of a ${f.cloud} backup, with its download URLs.`,
            properties: BACKUP_FILE_PROPERTIES,
            required: ["fileName", "url"],
          },
        ]),
      ),
    },
    resources,
    functions: Object.fromEntries(NATIVE_FUNCTIONS.map((f) => [f.token, functionSchema(f)])),
    language: {
      nodejs: { packageName: "pulumi-redis-backup-native", dependencies: { "@pulumi/pulumi": "^3.0.0" } },
      python: { packageName: "pulumi_redis_backup", requires: { pulumi: ">=3.0.0,<4.0.0" } },
      go: {
        importBasePath: "github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go/redisbackup",
        rootPackageName: "redisbackup",
        generateResourceContainerTypes: true,
      },
    },
  };
}
