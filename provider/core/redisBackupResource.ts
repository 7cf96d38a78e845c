/**
 * What every cloud's RedisBackup class shares: the arguments that steer the provider, and a base
 * class that names every output Pulumi should expect (unknown until the create answers) and gives
 * the resource its type token, `pulumi-nodejs:dynamic/<cloud>:RedisBackup`.
 */
import * as pulumi from "@pulumi/pulumi";
import { LazyDynamicResource } from "./dynamicResource";

/** Arguments every cloud's RedisBackup takes, in the same words. */
export interface SteeringArgs {
  /** Adopt this existing backup instead of taking a new one (`pulumi import` cannot work with dynamic providers). */
  backupId?: pulumi.Input<string>;
  /** How long create may wait for the backup, in minutes (default 30). Changing it never replaces anything. */
  waitTimeoutMinutes?: pulumi.Input<number>;
  /** Keep an expired backup in the stack instead of taking a fresh one on the next `pulumi up`. */
  keepExpired?: pulumi.Input<boolean>;
  /**
   * Any values; when one changes (or one is added, removed or reordered), the backup is replaced,
   * so `pulumi up` takes a fresh one. E.g. `[migrationVersion]`: a backup before every migration.
   * Unset and `[]` mean the same.
   */
  triggers?: pulumi.Input<pulumi.Input<unknown>[]>;
}

/**
 * @internal The fields of `T` a resource records, each the Output Pulumi gives it; the docs of `T`'s
 * fields are the outputs' docs. `Override` gives some a wider type than `T` records (e.g. a status
 * a pending create records).
 */
export type OutputsOf<T, Override = unknown> = {
  readonly [K in keyof T]-?: pulumi.Output<K extends keyof Override ? Override[K] : T[K]>;
};

/** @internal The inputs `A` a resource records as they were written, each an Output, documented as its argument. */
export type EchoedInputs<A> = { readonly [K in keyof A]-?: pulumi.Output<pulumi.Unwrap<A[K]>> };

/** @internal A RedisBackup of `cloud`, served by the lifecycle module at `modulePath` (see lazyProvider). */
export abstract class RedisBackupResource extends LazyDynamicResource {
  /**
   * @param outputs the outputs the provider adds to the inputs (`backupId` and the location
   *   inputs a cloud records are always among them, whether set or not)
   */
  // Public for WithOutputs to read its parameters; the class is abstract, so still never built directly.
  constructor(
    modulePath: string,
    cloud: string,
    name: string,
    args: object,
    outputs: readonly string[],
    opts?: pulumi.CustomResourceOptions,
  ) {
    const unknownYet = Object.fromEntries(["backupId", ...outputs].map((k) => [k, undefined]));
    // Who declares it, for the generation check derives the create's marker from (core/generation.ts).
    const createdBy = { __createdBy: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
    super(modulePath, cloud, "RedisBackup", name, { ...unknownYet, ...args, ...createdBy }, opts);
  }
}

/** @internal The abstract class `C`, its instances typed as `C`'s and `O`'s: how a cloud's class gets its outputs. */
export type WithOutputs<C extends abstract new (...args: never[]) => object, O> = abstract new (
  ...args: ConstructorParameters<C>
) => InstanceType<C> & O;

/**
 * @internal The base of one cloud's RedisBackup class: {@link RedisBackupResource}, typed with its
 * outputs `O` (from {@link OutputsOf} and {@link EchoedInputs}), so that each output is declared
 * and documented once, where the cloud records it.
 */
export function redisBackupClass<O>() {
  return RedisBackupResource as unknown as WithOutputs<typeof RedisBackupResource, O>;
}
