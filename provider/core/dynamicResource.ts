/**
 * The base of every resource the dynamic provider serves: a `pulumi-nodejs:dynamic/<module>:<type>`
 * custom resource whose `__provider` is two lines that load {@link lazyProvider} by package name.
 *
 * `pulumi.dynamic.Resource` would serialize the provider object instead: each of its seven methods
 * wrapped by Pulumi's closure serializer, 2.2–2.3 KB. That text is stored twice per resource (inputs
 * and outputs) and travels in every request and answer between the engine and the host, where
 * google-protobuf's JavaScript codec builds it byte by byte: over a fleet refresh it was most of what
 * the host allocated for each read. The host needs only what `pulumi.dynamic.Resource` produces, a
 * module whose `handler()` returns the provider (`requireFromString(__provider).handler()` in
 * @pulumi/pulumi's cmd/dynamic-provider), and this is one, written out.
 */
import * as pulumi from "@pulumi/pulumi";

/** The package path of core/lazyProvider.ts: named in every `__provider` written since, so kept forever. */
export const LAZY_PROVIDER_MODULE = "pulumi-redis-backup/internal/lazyProvider";

/** `__provider` of a resource served by the lifecycle module at `modulePath` (see lazyProvider). */
export function lazyProviderText(modulePath: string): string {
  if (!/^pulumi-redis-backup\/internal\/[A-Za-z0-9/]+$/.test(modulePath)) {
    throw new TypeError(`not a lifecycle module of this package: ${modulePath}`);
  }
  return (
    `exports.handler = () =>\n` +
    `  require(${JSON.stringify(LAZY_PROVIDER_MODULE)}).lazyProvider(${JSON.stringify(modulePath)});\n`
  );
}

/** @internal A dynamic resource of type `pulumi-nodejs:dynamic/<module>:<type>` served by `modulePath`. */
export abstract class LazyDynamicResource extends pulumi.CustomResource {
  constructor(
    modulePath: string,
    module: string,
    type: string,
    name: string,
    props: pulumi.Inputs,
    opts?: pulumi.CustomResourceOptions,
  ) {
    if ("__provider" in props) throw new Error("A dynamic resource must not define the __provider key");
    super(
      `pulumi-nodejs:dynamic/${module}:${type}`,
      name,
      { ...props, __provider: lazyProviderText(modulePath) },
      opts,
    );
  }
}
