/**
 * What a lifecycle module exports — a cloud's `operations.ts` and `finalOperations.ts`, a setting's
 * module — whatever it serves: the functions its dynamic provider calls by package name, and the
 * native provider calls alike.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { CheckResult } from "./check";
import type { OperationDeps } from "./deps";
import type { DiffResult } from "./diff";
import type { ConfigSource } from "./settings";

/** A refresh's result: the outputs and the inputs they imply (the SDK's ReadResult, inputs typed as inputs). */
export type ReadResult<I, O> = Omit<pulumi.dynamic.ReadResult<O>, "inputs"> & { readonly inputs?: I };

/**
 * The functions of a lifecycle module. `I` the inputs, `R` what state records, `O` what a create or
 * an update records (one of the records `R` allows).
 */
export interface LifecycleModule<I, R, O extends R = R> {
  configure(config: ConfigSource): void;
  check(olds: unknown, news: unknown): CheckResult<I>;
  diff(id: string, olds: R, news: I): DiffResult;
  create(inputs: I, overrides?: Partial<OperationDeps>): Promise<Required<pulumi.dynamic.CreateResult<O>>>;
  read(id: string, props?: R, overrides?: Partial<OperationDeps>): Promise<ReadResult<I, R>>;
  update(
    id: string,
    olds: R,
    news: I,
    overrides?: Partial<OperationDeps>,
  ): Promise<Required<pulumi.dynamic.UpdateResult<O>>>;
  remove(id: string, props: R, overrides?: Partial<OperationDeps>): Promise<void>;
}
