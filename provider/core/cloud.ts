/**
 * What a cloud gives the registry (provider/clouds.ts): its name, its part of the declarations
 * file, the RedisBackup a declaration becomes, the `read` a drift check runs, and the variables
 * that point it at a cloud. Each cloud's `cloud.ts` is one of these; nothing in it loads the
 * resource or the lifecycle until asked.
 */
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { OperationDeps } from "./deps";
import type { Lifecycle } from "./lifecycle";
import { stripUndefined } from "./stripUndefined";

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

/** The steering fields every declaration may carry, as every cloud's inputs take them. */
interface Steering {
  backupId?: string;
  keepExpired?: boolean;
  waitTimeoutMinutes?: number;
}

/** What a cloud writes to make its entry; {@link defineCloud} adds what every cloud does alike. */
export interface CloudSpec<
  Name extends string,
  Declaration extends Steering,
  Inputs,
  Resource extends pulumi.CustomResource,
> extends Omit<CloudEntry<Name, Declaration, Inputs, Resource>, "fields" | "toInputs" | "declare" | "read"> {
  /** The cloud's own inputs of a declaration (`instance` under the cloud's name for it, ...); steering fields are added. */
  inputsOf(d: Declaration): Omit<Inputs, keyof Steering>;
  /** The RedisBackup class, loaded when a declaration is made into one. */
  resource(): new (name: string, args: Inputs, opts?: pulumi.CustomResourceOptions) => Resource;
  /** The lifecycle module, loaded when a drift check reads: what a state export recorded is what it wrote. */
  lifecycle(): Lifecycle<object, Record<string, unknown>>;
}

/** A cloud's registry entry from its spec. */
export function defineCloud<
  Name extends string,
  Declaration extends Steering,
  Inputs,
  Resource extends pulumi.CustomResource,
>(spec: CloudSpec<Name, Declaration, Inputs, Resource>): CloudEntry<Name, Declaration, Inputs, Resource> {
  const { inputsOf, resource, lifecycle, ...entry } = spec;
  const toInputs = (d: Declaration): Inputs =>
    stripUndefined({
      ...inputsOf(d),
      backupId: d.backupId,
      keepExpired: d.keepExpired,
      waitTimeoutMinutes: d.waitTimeoutMinutes,
    }) as Inputs;
  // The fields it takes are its schema's, in their order, but for those only other clouds take.
  const fields = Object.entries(entry.declarationSchema.shape)
    .filter(([, field]) => !(field instanceof z.ZodOptional && field.unwrap() instanceof z.ZodNever))
    .map(([name]) => name);
  return {
    ...entry,
    fields,
    toInputs,
    declare: (name, d, opts) => new (resource())(name, toInputs(d), opts),
    read: (id, recorded, deps) => lifecycle().read(id, recorded, deps),
  };
}
