/**
 * A schema migration as a program would run one (e.g. a command resource): here it only records
 * the version it applied. A new version updates it in place; it depends on the backup taken first.
 */
import * as pulumi from "@pulumi/pulumi";

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: { version: string }) {
    return { id: `migration-${inputs.version}`, outs: inputs };
  },
  async diff(_id, olds: { version: string }, news: { version: string }) {
    return { changes: olds.version !== news.version };
  },
  async update(_id, _olds, news: { version: string }) {
    return { outs: news };
  },
};

/** The migration to `version`. */
export class Migration extends pulumi.dynamic.Resource {
  constructor(name: string, args: { version: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, args, opts, "engine", "Migration");
  }
}
