/**
 * A Redis instance of the test program's own, made and deleted in the emulator through its admin
 * HTTP API, as a cloud's instance resource would be through the vendor's: so the engine orders the
 * FinalBackup that depends on it as it would order one next to a real instance. Deleting it does
 * what deleting the vendor's instance does, as far as the emulator models it: Tencent's
 * DestroyPostpaidInstance moves it to the recycle bin (isolated: its backups stay listed, no new
 * backup can be taken); Alibaba's and UCloud's are gone with their backups.
 */
import * as pulumi from "@pulumi/pulumi";

export type Cloud = "tencentcloud" | "alicloud" | "ucloud";

interface InstanceInputs {
  cloud: Cloud;
  instanceId: string;
}

/** The emulator's admin operations that make and delete an instance of each cloud. */
const ADMIN = {
  tencentcloud: { create: "addInstance", delete: "isolateInstance", key: "instanceId" },
  alicloud: { create: "alicloud/addInstance", delete: "alicloud/deleteInstance", key: "instanceId" },
  ucloud: { create: "ucloud/addGroup", delete: "ucloud/deleteGroup", key: "groupId" },
} as const;

const provider: pulumi.dynamic.ResourceProvider = {
  async create(inputs: InstanceInputs) {
    await admin(inputs.cloud, "create", inputs.instanceId);
    return { id: inputs.instanceId, outs: inputs };
  },
  async diff(_id, olds: InstanceInputs, news: InstanceInputs) {
    const replaces = news.instanceId !== olds.instanceId ? ["instanceId"] : [];
    return { changes: replaces.length > 0, replaces };
  },
  async delete(_id, props: InstanceInputs) {
    await admin(props.cloud, "delete", props.instanceId);
  },
};

/** POST <emulator>/_emulator/<op> with the instance's id (the emulator's URL from TENCENTCLOUD_ENDPOINT). */
async function admin(cloud: Cloud, step: "create" | "delete", instanceId: string): Promise<void> {
  const ops = ADMIN[cloud];
  const res = await fetch(`${process.env.TENCENTCLOUD_ENDPOINT}/_emulator/${ops[step]}`, {
    method: "POST",
    body: JSON.stringify({ [ops.key]: instanceId }),
  });
  if (!res.ok) throw new Error(`${step} ${instanceId}: ${res.status} ${await res.text()}`);
}

/** An instance in the emulated `cloud`; its id is `instanceId` (a new one replaces it). */
export class EmulatedInstance extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  constructor(name: string, args: InstanceInputs, opts?: pulumi.CustomResourceOptions) {
    super(provider, name, args, opts, "engine", "EmulatedInstance");
  }
}
