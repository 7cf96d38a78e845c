/**
 * What every cloud's FinalBackup class shares: the arguments every cloud takes, and a base class
 * that records where the resource lives (its name, the stack, the project: a dynamic provider is
 * told none of them, and `pulumi destroy` runs no program) and gives it its type token,
 * `pulumi-nodejs:dynamic/<cloud>:FinalBackup`.
 */
import * as pulumi from "@pulumi/pulumi";
import { LazyDynamicResource } from "./dynamicResource";
import type { WithOutputs } from "./redisBackupResource";

/** Arguments every cloud's FinalBackup takes, in the same words. */
export interface FinalBackupCommonArgs {
  /**
   * Take no final backup when this resource is deleted. Set it and run `pulumi up` before a
   * `pulumi destroy` that should delete the instance without one (Terraform's `skip_final_snapshot`).
   */
  skip?: pulumi.Input<boolean>;
  /** How long the delete may wait for the final backup, in minutes (default 30). */
  waitTimeoutMinutes?: pulumi.Input<number>;
}

/** @internal A FinalBackup of `cloud`, served by the lifecycle module at `modulePath` (see lazyProvider). */
export abstract class FinalBackupResource extends LazyDynamicResource {
  /** The FinalBackup's resource name, as the final backup's label names it. */
  declare readonly resourceName: pulumi.Output<string>;
  /** The stack the final backup's label names. */
  declare readonly stack: pulumi.Output<string>;
  /** The project the final backup's label names. */
  declare readonly project: pulumi.Output<string>;
  /** When the FinalBackup was created, ISO 8601 UTC; its backup is taken when it is deleted. */
  declare readonly armedAt: pulumi.Output<string>;
  /** Whether its deletion takes no final backup. */
  declare readonly skip: pulumi.Output<boolean | undefined>;

  // Public for WithOutputs to read its parameters; the class is abstract, so still never built directly.
  constructor(
    modulePath: string,
    cloud: string,
    name: string,
    args: object,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const origin = { resourceName: name, stack: pulumi.getStack(), project: pulumi.getProject() };
    const unknownYet = { armedAt: undefined };
    super(modulePath, cloud, "FinalBackup", name, { ...unknownYet, ...args, ...origin }, opts);
  }
}

/**
 * @internal The base of one cloud's FinalBackup class: {@link FinalBackupResource}, typed with the
 * outputs `O` it adds (the inputs it echoes, see EchoedInputs), each declared once, as its argument.
 */
export function finalBackupClass<O>() {
  return FinalBackupResource as unknown as WithOutputs<typeof FinalBackupResource, O>;
}
