/**
 * declareBackups in a Pulumi program (under pulumi.runtime.setMocks, as a preview would see it):
 * examples/declarations declares one resource per entry of its backups.yaml, of the entry's cloud,
 * named by its key; a file with problems declares nothing and says everything that is wrong.
 */
import * as pulumi from "@pulumi/pulumi";
import { writeFileSync } from "fs";
import { join } from "path";
import { DeclarationsError, declareBackups } from "pulumi-redis-backup";
import { tempDir } from "../helpers/tempDir";

const registered: pulumi.runtime.MockResourceArgs[] = [];

beforeAll(async () => {
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        registered.push(a);
        return {
          id: `${a.name}-id`,
          state: { ...a.inputs, backupId: `${a.name}-backup`, status: "available" },
        };
      },
      call: (a) => a.inputs,
    },
    "redis-backups-declared",
    "dev",
    false,
  );
});

const settled = <T>(o: pulumi.Output<T>) => new Promise<T>((done) => o.apply(done));

describe("the example program (examples/declarations)", () => {
  it("declares every backup of its backups.yaml, of its cloud, with the mapped inputs", async () => {
    const program = await import("../../examples/declarations");
    const outputs = await settled(pulumi.output(program.declared));
    expect(Object.keys(outputs).sort()).toEqual([
      "carts-weekly",
      "invoices-monthly",
      "orders-before-migration",
      "payments-pre-upgrade",
      "profiles-nightly",
      "reports-quarterly",
      "sessions-snapshot",
    ]);
    expect(outputs["carts-weekly"]).toEqual({ backupId: "carts-weekly-backup", status: "available" });

    const byName = Object.fromEntries(registered.map((r) => [r.name, r]));
    expect(byName["orders-before-migration"].type).toBe("pulumi-nodejs:dynamic/tencentcloud:RedisBackup");
    expect(byName["orders-before-migration"].inputs).toMatchObject({
      instanceId: "crs-demo0001",
      remark: "before orders schema v2 migration",
      storageDays: 30,
      region: "ap-guangzhou", // from the x-guangzhou anchor
    });
    expect(byName["carts-weekly"].type).toBe("pulumi-nodejs:dynamic/alicloud:RedisBackup");
    expect(byName["carts-weekly"].inputs).toMatchObject({
      instanceId: "r-demo0001",
      retentionDays: 30,
      regionId: "cn-hangzhou",
    });
    expect(byName["profiles-nightly"].type).toBe("pulumi-nodejs:dynamic/ucloud:RedisBackup");
    expect(byName["profiles-nightly"].inputs).toMatchObject({
      groupId: "uredis-demo01",
      backupName: "profiles-nightly",
      region: "cn-bj2",
      zone: "cn-bj2-04",
    });
  });
});

describe("declareBackups", () => {
  const dir = tempDir("declare-");

  it("passes resource options to every backup it declares", async () => {
    const file = join(dir, "one.yaml");
    writeFileSync(file, "nightly:\n  cloud: ucloud\n  instance: uredis-demo02\n");
    const parent = new pulumi.ComponentResource("shop:data:Backups", "shop-backups");
    const made = declareBackups(file, { resourceOptions: { parent } });
    expect(Object.keys(made)).toEqual(["nightly"]);
    expect(await settled(made.nightly.urn)).toBe(
      "urn:pulumi:dev::redis-backups-declared::shop:data:Backups$pulumi-nodejs:dynamic/ucloud:RedisBackup::nightly",
    );
  });

  it("declares nothing from a file with problems, and its error lists every one", () => {
    const file = join(dir, "broken.yaml");
    writeFileSync(
      file,
      [
        "orders:",
        "  cloud: tencentcloud",
        "  instance: crs-demo0001",
        "  retentionDays: 3000",
        "carts:",
        "  cloud: alicloud",
        "  instance: r-demo0001",
        "  zone: cn-hangzhou-h",
        "",
      ].join("\n"),
    );
    const before = registered.length;
    let thrown: unknown;
    try {
      declareBackups(file);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DeclarationsError);
    expect((thrown as Error).message).toBe(
      [
        `${file}: 2 problems in the backup declarations:`,
        `  ${file}:4:18: orders.retentionDays: must be a whole number of days from 0 to 1825 (0: the instance's default, usually 7)`,
        `  ${file}:8:9: carts.zone: only ucloud backups take a zone; Alibaba Cloud finds the instance by its region`,
      ].join("\n"),
    );
    expect((thrown as DeclarationsError).problems).toHaveLength(2);
    expect(registered.length).toBe(before);
  });
});
