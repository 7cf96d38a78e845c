/**
 * The example program under pulumi.runtime.setMocks: what it declares, as a reviewer would read
 * it in a preview. Mocks never run provider code; they do run the serialization of __provider.
 */
import * as pulumi from "@pulumi/pulumi";

const registered: pulumi.runtime.MockResourceArgs[] = [];

beforeAll(async () => {
  process.env.TENCENTCLOUD_SECRET_KEY = "canary-example-secret-Pp4r";
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registered.push(a);
        return { id: `${a.name}-id`, state: { ...a.inputs, backupId: "b-1", status: "available" } };
      },
      call: (a) => a.inputs,
    },
    "redis-backups",
    "dev",
    false,
  );
});

it("declares the documented backups on three clouds with their settings", async () => {
  const program = await import("../../examples/redis-backups");
  await new Promise((resolve) => pulumi.all([program.backups.ordersBeforeMigration.id]).apply(resolve));
  const byName = Object.fromEntries(registered.map((r) => [r.name, r]));
  expect(Object.fromEntries(registered.map((r) => [r.name, r.type]))).toEqual({
    "orders-before-migration": "pulumi-nodejs:dynamic/tencentcloud:RedisBackup",
    "sessions-snapshot": "pulumi-nodejs:dynamic/tencentcloud:RedisBackup",
    "catalog-weekly": "pulumi-nodejs:dynamic/alicloud:RedisBackup",
    "cache-before-upgrade": "pulumi-nodejs:dynamic/ucloud:RedisBackup",
  });
  expect(byName["orders-before-migration"].inputs).toMatchObject({
    instanceId: "crs-demo0001",
    remark: "before orders schema v2 migration",
    storageDays: 30,
  });
  expect(byName["sessions-snapshot"].inputs).toMatchObject({ instanceId: "crs-demo0002", keepExpired: true });
  expect(byName["catalog-weekly"].inputs).toMatchObject({ instanceId: "r-demo0001", retentionDays: 7 });
  expect(byName["cache-before-upgrade"].inputs).toMatchObject({
    groupId: "uredis-demo01",
    backupName: "cache-before-upgrade",
  });
});

it("stores a small provider in state that captured no credential", () => {
  for (const r of registered) {
    const text: string =
      typeof r.inputs.__provider === "string" ? r.inputs.__provider : r.inputs.__provider.value;
    expect(text.length).toBeLessThanOrEqual(4096);
    expect(text).not.toContain("canary-example-secret-Pp4r");
    expect(text).toContain(`pulumi-redis-backup/internal/${r.type.split("/")[1].split(":")[0]}/operations`);
  }
});
