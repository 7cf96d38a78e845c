/**
 * `pulumi-redis-backup recover` against the emulator: a stack export whose pending creates are the
 * ones a killed `pulumi up` leaves (the shape the pinned CLI writes: `deployment.pending_operations`
 * of type `creating`, each with the URN and the inputs check returned). What each create made is
 * made here by the provider's own create, so the marker in the cloud is the one a real create sends.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { main } from "../../cli";
import { firstGeneration } from "../../provider/core/generation";
import * as alicloud from "../../provider/alicloud/operations";
import * as tencent from "../../provider/tencentcloud/operations";
import * as ucloud from "../../provider/ucloud/operations";
import { alicloudDeps, emulatorDeps, pointEveryCloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";
import { captureIo } from "./captureIo";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
const dir = mkdtempSync(join(tmpdir(), "recover-test-"));

beforeAll(() => {
  pointEveryCloudAt(handle.emulator);
});

const urn = (cloud: string, name: string) =>
  `urn:pulumi:dev::shop::pulumi-nodejs:dynamic/${cloud}:RedisBackup::${name}`;
const withGeneration = <T extends object>(inputs: T, name: string) => ({
  ...inputs,
  __generation: firstGeneration(`shop/dev/${name}`),
});

/** A stack export holding `pending` creates and `resources`, as `pulumi stack export` writes one. */
function exportWith(
  pending: { cloud: string; name: string; inputs: object }[],
  resources: object[] = [],
): string {
  const file = join(dir, `state-${pending.map((p) => p.name).join("-")}.json`);
  const provider = "urn:pulumi:dev::shop::pulumi:providers:pulumi-nodejs::default::abc";
  writeFileSync(
    file,
    JSON.stringify({
      version: 3,
      deployment: {
        manifest: { time: new Date().toISOString(), version: "v3.248.0" },
        resources: [
          { urn: "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev", type: "pulumi:pulumi:Stack" },
          ...resources,
        ],
        pending_operations: pending.map((p) => ({
          resource: {
            urn: urn(p.cloud, p.name),
            custom: true,
            type: `pulumi-nodejs:dynamic/${p.cloud}:RedisBackup`,
            inputs: { ...p.inputs, __provider: "exports.handler = ..." },
            parent: "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev",
            provider,
          },
          type: "creating",
        })),
      },
    }),
  );
  return file;
}

const recover = async (args: string[]) => {
  const io = captureIo();
  const code = await main(["recover", ...args], io);
  return { code, out: io.out, err: io.err };
};

describe("recover", () => {
  it("names the Tencent backup carrying the pending create's marker and the UCloud one named by it", async () => {
    const orders = withGeneration({ instanceId: "crs-demo0001", remark: "before v2" }, "orders");
    const cache = withGeneration({ groupId: "uredis-demo01", backupName: "cache-nightly" }, "cache");
    const made = await tencent.create(orders, emulatorDeps(handle.emulator));
    const madeU = await ucloud.create(cache, emulatorDeps(handle.emulator));
    // Another backup of the same instance, by another create: never confused with it.
    await tencent.create(
      withGeneration({ instanceId: "crs-demo0001", remark: "before v2" }, "other"),
      emulatorDeps(handle.emulator),
    );
    const state = exportWith([
      { cloud: "tencentcloud", name: "orders", inputs: orders },
      { cloud: "ucloud", name: "cache", inputs: cache },
    ]);
    const repaired = join(dir, "repaired.json");
    const r = await recover(["--state", state, "--write-state", repaired]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      `orders (tencentcloud): backup ${made.outs.backupId} carries its marker [pulumi:${orders.__generation.slice(0, 12)}]: the interrupted create made it; record it as ${made.id}`,
    );
    expect(r.out).toContain(
      `cache (ucloud): backup ${madeU.outs.backupId} is named ${madeU.outs.ucloudBackupName}`,
    );
    expect(r.out).toContain(`pulumi stack import --file ${repaired}`);
    const doc = JSON.parse(readFileSync(repaired, "utf8"));
    expect(doc.deployment.pending_operations).toEqual([]);
    const byUrn = Object.fromEntries(doc.deployment.resources.map((x: { urn: string }) => [x.urn, x]));
    expect(byUrn[urn("tencentcloud", "orders")]).toMatchObject({
      id: made.id,
      outputs: {
        backupId: made.outs.backupId,
        instanceId: "crs-demo0001",
        __generation: orders.__generation,
      },
    });
    expect(byUrn[urn("tencentcloud", "orders")].outputs.__provider).toBe("exports.handler = ...");
    expect(byUrn[urn("ucloud", "cache")]).toMatchObject({ id: madeU.id });
  });

  it("says when nothing was made, and the repaired export drops the pending create", async () => {
    const sessions = withGeneration({ instanceId: "crs-demo0002" }, "sessions");
    const state = exportWith([{ cloud: "tencentcloud", name: "sessions", inputs: sessions }]);
    const r = await recover(["--state", state, "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      settled: true,
      pendingCreates: [
        {
          urn: urn("tencentcloud", "sessions"),
          name: "sessions",
          cloud: "tencentcloud",
          made: "none",
          what: `no backup carries marker [pulumi:${sessions.__generation.slice(0, 12)}]`,
        },
      ],
    });
  });

  it("on Alibaba names the one manual job the stack does not record, and lists several when there are", async () => {
    const catalog = { instanceId: "r-demo0003" };
    const recordedOne = await alicloud.create(catalog, alicloudDeps(handle.emulator));
    const recorded = {
      urn: urn("alicloud", "old"),
      type: "pulumi-nodejs:dynamic/alicloud:RedisBackup",
      id: recordedOne.id,
      outputs: recordedOne.outs,
    };
    const made = await alicloud.create(catalog, alicloudDeps(handle.emulator));
    const state = exportWith([{ cloud: "alicloud", name: "catalog", inputs: catalog }], [recorded]);
    const one = JSON.parse((await recover(["--state", state, "--json"])).out);
    expect(one.pendingCreates[0]).toMatchObject({ made: "one", id: `r-demo0003:job-${made.outs.jobId}` });
    const other = await alicloud.create(catalog, alicloudDeps(handle.emulator));
    const r = await recover(["--state", state, "--json"]);
    expect(r.code).toBe(2);
    const several = JSON.parse(r.out);
    expect(several.settled).toBe(false);
    expect(several.pendingCreates[0]).toMatchObject({
      made: "several",
      candidates: [`job ${made.outs.jobId}`, `job ${other.outs.jobId}`],
    });
  });

  it("checks the recorded inputs before it asks the cloud: one that does not check is named, what it does not know is left aside", async () => {
    const requests = () =>
      Object.values(handle.emulator.admin.stats().requestsByAction).reduce((a, b) => a + b, 0);
    const before = requests();
    const edited = withGeneration({ instanceId: "redis-0001" }, "edited");
    const older = withGeneration(
      { groupId: "uredis-demo01", backupName: "older-nightly", retiredOption: true },
      "older",
    );
    const state = exportWith([
      { cloud: "tencentcloud", name: "edited", inputs: edited },
      { cloud: "ucloud", name: "older", inputs: older },
    ]);
    const r = await recover(["--state", state, "--json"]);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out).pendingCreates;
    expect(found[0]).toMatchObject({ name: "edited", made: "error" });
    expect(found[0].what).toBe(
      "its recorded inputs do not check: instanceId: instanceId must be a Tencent Redis instance id like crs-xjhsdj01",
    );
    expect(found[1]).toMatchObject({ name: "older", made: "none" });
    // The UCloud listing is the only call: the Tencent create with a bad instance asked nothing.
    expect(requests() - before).toBe(1);
  });

  it("refuses a file that is not an export, saying how to make one", async () => {
    const file = join(dir, "not-json.json");
    writeFileSync(file, "Current stack is dev\n");
    const r = await recover(["--state", file]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not-json\.json is not JSON \(.*\); make it with `pulumi stack export`\n$/);
    writeFileSync(file, JSON.stringify({ version: 3 }));
    expect((await recover(["--state", file])).err).toContain(
      'not-json.json is not a Pulumi stack export: expected {"version": 3, "deployment": {...}}',
    );
  });

  it("says plainly when the export holds no pending create", async () => {
    const r = await recover(["--state", exportWith([])]);
    expect(r).toMatchObject({ code: 0, out: "No pending create of a RedisBackup: nothing to recover.\n" });
  });
});
