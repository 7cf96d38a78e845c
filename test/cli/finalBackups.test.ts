/**
 * `pulumi-redis-backup final-backups` and `drift` on FinalBackups, against the emulator: the final
 * backups a FinalBackup took are found by instance or from a state export that still holds it, with
 * where they came from; Alibaba's, which carry no text, are listed as every manual backup; an
 * instance that cannot be asked is said, with exit code 1. `drift` judges a FinalBackup by whether
 * its instance is still there.
 */
import { main } from "../../cli";
import * as alicloudFinal from "../../provider/alicloud/finalOperations";
import * as tencentFinal from "../../provider/tencentcloud/finalOperations";
import { alicloudDeps, emulatorDeps, pointEveryCloudAt } from "../helpers/cloudEnv";
import { useEmulator } from "../helpers/emulator";
import { captureIo } from "./captureIo";

const handle = useEmulator({ taskSeconds: 0, rateLimitPerSecond: 0 });
const origin = { resourceName: "orders-final", stack: "prod", project: "shop" };
const run = async (args: string[], stdin?: string) => {
  const io = captureIo({ stdin });
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
};

beforeAll(() => {
  pointEveryCloudAt(handle.emulator);
});

/** A state export holding one FinalBackup, as `pulumi stack export` writes it. */
function stateWith(type: string, id: string, outputs: object): string {
  const urn = `urn:pulumi:prod::shop::pulumi-nodejs:dynamic/${type}::orders-final`;
  return JSON.stringify({
    version: 3,
    deployment: { resources: [{ urn, type: `pulumi-nodejs:dynamic/${type}`, id, outputs }] },
  });
}

it("finds a Tencent final backup by instance, and from a state export, with who took it", async () => {
  handle.emulator.admin.addInstance({ instanceId: "crs-cli1" });
  const inputs = { instanceId: "crs-cli1", storageDays: 10, ...origin };
  const { id, outs } = await tencentFinal.create(inputs, emulatorDeps(handle.emulator));
  const state = stateWith("tencentcloud:FinalBackup", id, outs);
  // Before the backup: drift says the FinalBackup is armed; nothing is listed yet.
  const armed = await run(["drift", "--state", "-", "--format", "json"], state);
  expect(armed.code).toBe(0);
  expect(JSON.parse(armed.out).backups[0]).toMatchObject({ verdict: "ok", currentStatus: "armed" });
  expect((await run(["final-backups", "--cloud", "tencentcloud", "--instance", "crs-cli1"])).out).toBe(
    "0 final backups found.\n",
  );

  await tencentFinal.remove(id, outs, emulatorDeps(handle.emulator));
  const [backup] = handle.emulator.admin.backups("crs-cli1");
  const byInstance = await run(["final-backups", "--cloud", "tencentcloud", "--instance", "crs-cli1"]);
  expect(byInstance.code).toBe(0);
  expect(byInstance.out).toMatch(
    new RegExp(
      `^CLOUD +INSTANCE +BACKUP ID +STATUS +TAKEN +EXPIRES +TAKEN BY\ntencentcloud +crs-cli1 +${backup.backupId} +available +\\S+\\+08:00 +\\S+\\+08:00 +shop/prod/orders-final\n\n1 final backup found.\n$`,
    ),
  );
  const fromState = await run(["final-backups", "--state", "-", "--format", "json"], state);
  expect(JSON.parse(fromState.out).rows).toEqual([
    expect.objectContaining({
      backupId: backup.backupId,
      instance: "crs-cli1",
      takenBy: "shop/prod/orders-final",
    }),
  ]);
});

it("lists every manual Alibaba backup, saying the cloud keeps no attribution", async () => {
  handle.emulator.alicloud.addInstance({ instanceId: "r-cli1" });
  const inputs = { instanceId: "r-cli1", ...origin };
  const { id, outs } = await alicloudFinal.create(inputs, alicloudDeps(handle.emulator));
  await alicloudFinal.remove(id, outs, alicloudDeps(handle.emulator));
  const r = await run(["final-backups", "--cloud", "alicloud", "--instance", "r-cli1"]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/alicloud +r-cli1 +\d+ +available .*\(not recorded by the cloud\)/);
  expect(r.out).toMatch(/Alibaba Cloud keeps no text with a backup/);
});

it('says that, and which, instances could not be asked (not a bare "0 found"), and exits 1; drift calls a FinalBackup whose instance is gone missing', async () => {
  handle.emulator.alicloud.addInstance({ instanceId: "r-cli2" });
  const { id, outs } = await alicloudFinal.create(
    { instanceId: "r-cli2", ...origin },
    alicloudDeps(handle.emulator),
  );
  handle.emulator.alicloud.deleteInstance("r-cli2");
  const r = await run(["final-backups", "--cloud", "alicloud", "--instance", "r-cli2"]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(
    /^0 final backups found; 1 instance could not be asked:\nalicloud r-cli2: listing the final backups of r-cli2: DescribeBackups: InvalidInstanceId.NotFound/,
  );
  const drift = await run(
    ["drift", "--state", "-", "--format", "json"],
    stateWith("alicloud:FinalBackup", id, outs),
  );
  expect(drift.code).toBe(2);
  expect(JSON.parse(drift.out).backups[0]).toMatchObject({
    verdict: "missing",
    currentStatus: "instance gone",
  });
});

it("asks for an instance to ask about", async () => {
  expect((await run(["final-backups", "--instance", "crs-x"])).err).toMatch(/--instance needs --cloud/);
  expect((await run(["final-backups"])).err).toMatch(/no instance to ask about/);
});
