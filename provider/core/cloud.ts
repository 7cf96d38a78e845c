/**
 * What a cloud gives the registry (provider/clouds.ts): its name, its part of the declarations
 * file, the RedisBackup a declaration becomes, the `read` a drift check runs, and the variables
 * that point it at a cloud. Each cloud's `cloud.ts` is one of these; nothing in it loads the
 * resource or the lifecycle until asked.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { OperationDeps } from "./deps";

/** A `read` as the drift check calls it: with what a state export recorded, whatever its shape. */
export type DriftRead = (
  id: string,
  recorded: Record<string, unknown>,
  deps: Partial<OperationDeps>,
) => Promise<{ id?: string; props?: Record<string, unknown> }>;

/** One cloud's entry; `Resource` is its RedisBackup class. */
export interface CloudEntry<
  Name extends string,
  Declaration,
  Inputs,
  Resource extends pulumi.CustomResource,
> {
  /** The name in `cloud:` fields, resource types (`pulumi-nodejs:dynamic/<name>:RedisBackup`) and config keys. */
  name: Name;
  /** How this cloud's entries in `backups.yaml` read (a strict object whose `cloud` is `name`). */
  declarationSchema: z.ZodObject & z.ZodType<Declaration>;
  /** The fields it takes, in the order the documentation lists them. */
  fields: readonly string[];
  /** The resource's own inputs schema: the last word on what a declaration may say. */
  inputsSchema: z.ZodObject;
  /** A declaration as the resource's inputs (`instance` → instanceId / groupId, ...). */
  toInputs(d: Declaration): Inputs;
  /** The RedisBackup a declaration becomes. */
  declare(name: string, d: Declaration, opts?: pulumi.CustomResourceOptions): Resource;
  /** The lifecycle's `read`, loaded when called. */
  read: DriftRead;
  /** The variables that point the provider at this cloud, for `drift --help`: label and names. */
  environment: { label: string; variables: string[] };
}
