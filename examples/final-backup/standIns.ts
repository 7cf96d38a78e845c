/**
 * Stand-ins for the resources a real program has, so this example runs offline: an instance made
 * and released in the emulator through its admin API (`POST <emulator>/_emulator/addInstance`,
 * `/isolateInstance`: Tencent's delete moves an instance to its recycle bin), and a migration that
 * only records its version. Replace them with your instance resource and your migration.
 */
import * as pulumi from "@pulumi/pulumi";

const instances: pulumi.dynamic.ResourceProvider = {
  async create({ instanceId }: { instanceId: string }) {
    await emulatorAdmin("addInstance", instanceId);
    return { id: instanceId, outs: { instanceId } };
  },
  async diff(_id, olds: { instanceId: string }, news: { instanceId: string }) {
    const replaces = olds.instanceId === news.instanceId ? [] : ["instanceId"];
    return { changes: replaces.length > 0, replaces };
  },
  async delete(_id, { instanceId }: { instanceId: string }) {
    await emulatorAdmin("isolateInstance", instanceId);
  },
};

async function emulatorAdmin(op: string, instanceId: string): Promise<void> {
  const res = await fetch(`${process.env.TENCENTCLOUD_ENDPOINT}/_emulator/${op}`, {
    method: "POST",
    body: JSON.stringify({ instanceId }),
  });
  if (!res.ok) throw new Error(`${op} ${instanceId}: ${res.status} ${await res.text()}`);
}

/** A Tencent Redis instance in the emulator (TENCENTCLOUD_ENDPOINT). */
export class StandInInstance extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  constructor(name: string, args: { instanceId: string }, opts?: pulumi.CustomResourceOptions) {
    super(instances, name, args, opts, "example", "StandInInstance");
  }
}

const migrations: pulumi.dynamic.ResourceProvider = {
  create: async (inputs: { version: string }) => ({ id: inputs.version, outs: inputs }),
  update: async (_id, _olds, news: { version: string }) => ({ outs: news }),
};

/** A schema migration to `version` (a real one runs it: a command, a job). */
export class StandInMigration extends pulumi.dynamic.Resource {
  constructor(name: string, args: { version: pulumi.Input<string> }, opts?: pulumi.CustomResourceOptions) {
    super(migrations, name, args, opts, "example", "StandInMigration");
  }
}
