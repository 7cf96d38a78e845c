/**
 * What every cloud's RedisBackup class shares: the arguments that steer the provider, and a base
 * class that names every output Pulumi should expect (unknown until the create answers) and gives
 * the resource its type token, `pulumi-nodejs:dynamic/<cloud>:RedisBackup`.
 */
import * as pulumi from "@pulumi/pulumi";

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

/** @internal A RedisBackup of `cloud`, served by `provider` (see lazyProvider). */
export abstract class RedisBackupResource extends pulumi.dynamic.Resource {
  /**
   * @param outputs the outputs the provider adds to the inputs (`backupId` and the location
   *   inputs a cloud records are always among them, whether set or not)
   */
  protected constructor(
    provider: pulumi.dynamic.ResourceProvider,
    cloud: string,
    name: string,
    args: object,
    outputs: readonly string[],
    opts?: pulumi.CustomResourceOptions,
  ) {
    const unknownYet = Object.fromEntries(["backupId", ...outputs].map((k) => [k, undefined]));
    // Who declares it, for the generation check derives the create's marker from (core/generation.ts).
    const createdBy = { __createdBy: `${pulumi.getProject()}/${pulumi.getStack()}/${name}` };
    super(provider, name, { ...unknownYet, ...args, ...createdBy }, opts, cloud, "RedisBackup");
  }
}
