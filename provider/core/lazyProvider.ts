/**
 * The dynamic provider every RedisBackup uses: each method loads the cloud's lifecycle module by
 * package name when it runs. What Pulumi serializes into `__provider` is therefore these few
 * lines and a module path — no client, no credential, no config — and the code that runs is the
 * installed package's, so a fixed bug reaches old stacks on their next refresh or destroy.
 */
import type * as pulumi from "@pulumi/pulumi";

/** What a cloud's lifecycle module (`provider/<cloud>/operations.ts`) exports. */
export interface LifecycleModule {
  configure(config: unknown): void;
  check(olds: unknown, news: unknown): unknown;
  diff(id: string, olds: unknown, news: unknown): unknown;
  create(inputs: unknown): Promise<unknown>;
  read(id: string, props: unknown): Promise<unknown>;
  update(id: string, olds: unknown, news: unknown): Promise<unknown>;
  remove(id: string, props: unknown): Promise<void>;
}

/**
 * A provider whose methods delegate to `modulePath`, e.g.
 * `pulumi-redis-backup/internal/tencentcloud/operations`. The path is a contract with every state
 * ever written: keep it, and keep its `remove` working.
 */
export function lazyProvider(modulePath: string): pulumi.dynamic.ResourceProvider {
  const impl = (): LifecycleModule => require(modulePath);
  return {
    configure: async (req) => impl().configure(req.config),
    check: async (olds, news) => impl().check(olds, news) as pulumi.dynamic.CheckResult,
    diff: async (id, olds, news) => impl().diff(id, olds, news) as pulumi.dynamic.DiffResult,
    create: async (inputs) => (await impl().create(inputs)) as pulumi.dynamic.CreateResult,
    read: async (id, props) => (await impl().read(id, props)) as pulumi.dynamic.ReadResult,
    update: async (id, olds, news) => (await impl().update(id, olds, news)) as pulumi.dynamic.UpdateResult,
    delete: async (id, props) => impl().remove(id, props),
  };
}
