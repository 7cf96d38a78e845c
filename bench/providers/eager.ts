/**
 * The common mistake, for comparison only: providers that import their dependencies at module
 * scope and use them directly, so the serializer captures them into every resource's state.
 */
import { describeBackupDetail } from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";

/** Accepts any response: keeps zod out, so that this one serializes at all. */
const anything = { safeParse: (data: unknown) => ({ success: true as const, data }) };

/** Captures the client and everything it uses. */
export const eagerProvider = {
  async create(inputs: { instanceId: string }) {
    const client = new TencentClient(resolveTencentSettings());
    const r = await client.call(
      "ManualBackupInstance",
      { InstanceId: inputs.instanceId },
      anything as never,
      {
        idempotent: false,
      },
    );
    return { id: String(r), outs: {} };
  },
};

/** Also captures the zod schemas: Pulumi's serializer cannot even capture zod (pulumi/pulumi#5294). */
export const eagerWithSchemasProvider = {
  async read(id: string, props: { instanceId: string; backupId: string }) {
    const client = new TencentClient(resolveTencentSettings());
    return { id, props: await describeBackupDetail(client, props.instanceId, props.backupId) };
  },
};
