/**
 * The dynamic provider every resource of this package uses: each method loads the lifecycle module
 * by package name when it runs. A resource's `__provider` (core/dynamicResource.ts) is two lines that
 * load this module as `pulumi-redis-backup/internal/lazyProvider` and call `lazyProvider(modulePath)`;
 * states written before hold these same functions serialized by Pulumi. Either way no client, no
 * credential and no config is stored, and the code that runs is the installed package's, so a
 * fixed bug reaches old stacks on their next refresh or destroy. The export name, its argument and
 * the package path are a contract with every state written since: keep them.
 */
import type * as pulumi from "@pulumi/pulumi";
import type { Lifecycle, ReadResult } from "./lifecycle";

/**
 * Pulumi's ResourceProvider, with `read` answering the resource's inputs as inputs (the SDK types
 * them as outputs; the host hands them on as the new inputs either way).
 */
export type LazyProvider<I, R> = Omit<pulumi.dynamic.ResourceProvider<I, R>, "read"> & {
  read(id: string, props?: R): Promise<ReadResult<I, R>>;
};

/**
 * A provider whose methods delegate to `modulePath`, e.g.
 * `pulumi-redis-backup/internal/tencentcloud/operations` (a module exporting a {@link Lifecycle}).
 * The path, and the export names configure/check/diff/create/read/update/remove, are a contract
 * with every state ever written: keep them, and keep `remove` working.
 */
export function lazyProvider<I, R>(modulePath: string): LazyProvider<I, R> {
  const impl = (): Lifecycle<I, R> => require(modulePath);
  return {
    configure: async (req) => impl().configure(req.config),
    check: async (olds, news) => impl().check(olds, news),
    diff: async (id, olds, news) => impl().diff(id, olds, news),
    create: async (inputs) => impl().create(inputs),
    read: async (id, props) => impl().read(id, props),
    update: async (id, olds, news) => impl().update(id, olds, news),
    delete: async (id, props) => impl().remove(id, props),
  };
}
