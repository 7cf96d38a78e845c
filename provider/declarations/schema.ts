/**
 * The declarations file (`backups.yaml`): logical name → one backup, on any of the clouds in the
 * registry (provider/clouds.ts). Field names are the same on every cloud (`instance`,
 * `retentionDays`, `region`); each cloud's rules, and the fields it does not take, are spelled out
 * in its own `cloud.ts` so that every message says what to write instead. Messages never repeat
 * the field: the report prefixes `name.field`.
 *
 * Loaded by the CLI and by `declareBackups` only; imports nothing but zod and the clouds' entries.
 */
import { z } from "zod";
import type { AlicloudDeclaration } from "../alicloud/cloud";
import { CLOUDS, CLOUD_ENTRIES, Cloud, Declaration, cloudEntry } from "../clouds";

import type { TencentDeclaration } from "../tencentcloud/cloud";
import type { UCloudDeclaration } from "../ucloud/cloud";
import type { Agree } from "../core/agree";
import type * as Public from "./types";

export { CLOUDS };
export type { Cloud, Declaration };

/**
 * Compile-time proof that the public types (types.ts, written out so that they reach no zod) say
 * what the schemas produce: a field added to one cloud's schema and not there fails `tsc` here.
 */
const publicTypesAgree: [
  Agree<TencentDeclaration, Public.TencentDeclaration>,
  Agree<AlicloudDeclaration, Public.AlicloudDeclaration>,
  Agree<UCloudDeclaration, Public.UCloudDeclaration>,
  Agree<Cloud, Public.Cloud>,
] = [true, true, true, true];
void publicTypesAgree;

/** Top-level keys starting with this are ignored: room for YAML anchors (`x-defaults: &defaults`). */
export const IGNORED_KEY_PREFIX = "x-";

/** A logical name becomes the Pulumi resource name (the last part of its URN). */
export const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const NAME_RULE =
  "a backup name must start with a letter or digit and hold at most 100 letters, digits, '.', '_' and '-' (it becomes the Pulumi resource name)";

/** What `cloud:` must say. */
export const cloudRule = `must be one of ${CLOUDS.join(", ")}`;

const [first, ...others] = CLOUD_ENTRIES.map((e) => e.declarationSchema);

/** One entry, whichever its cloud. */
export const DeclarationSchema = z.discriminatedUnion("cloud", [first, ...others]);

/** The whole file: name → declaration (top-level `x-` keys are dropped before this). */
export const DeclarationsSchema = z.record(z.string().regex(NAME, { error: NAME_RULE }), DeclarationSchema);

/** A declarations file: backup name → declaration. */
export type Declarations = Record<string, Declaration>;

const byCloud = <V>(pick: (cloud: Cloud) => V) =>
  Object.fromEntries(CLOUDS.map((c) => [c, pick(c)])) as Record<Cloud, V>;

/** The schema of each cloud's declarations. */
export const SCHEMA_OF: Record<Cloud, z.ZodObject> = byCloud((c) => cloudEntry(c).declarationSchema);

/** Fields each cloud takes, in the order the documentation lists them. */
export const FIELDS: Record<Cloud, readonly string[]> = byCloud((c) => cloudEntry(c).fields);

/** The cloud's own input schema: the last word on what the resource will accept. */
export const INPUTS_SCHEMA_OF: Record<Cloud, z.ZodObject> = byCloud((c) => cloudEntry(c).inputsSchema);

/** The resource inputs of one declaration, and its cloud. */
export interface ResourceInputs {
  cloud: Cloud;
  inputs: object;
}

/** Maps a declaration to its cloud's RedisBackup inputs (`instance` → instanceId / groupId, ...). */
export function toResourceInputs(d: Declaration): ResourceInputs {
  return { cloud: d.cloud, inputs: cloudEntry(d.cloud).toInputs(d) };
}
