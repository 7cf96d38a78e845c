/**
 * The native provider (`redis-backup`, plugin/bin/pulumi-resource-redis-backup) under the real
 * engine, from the TypeScript SDK generated from its schema (sdk/nodejs): two explicit providers
 * reaching their own accounts, `pulumi import` of a backup made outside Pulumi, `pulumi preview
 * --diff` naming the properties that change, customTimeouts stopping a create's wait, and the
 * download function through an explicit provider.
 */
import { Emulator, startEmulator } from "../../emulator";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { TENCENT_BACKUP_TYPE as TYPE, nativeProject } from "./harness/native";
import { exportWithout, shownOutputs } from "./harness/stack";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

/** The second account's key pair: only its own emulator accepts it. */
const ACCOUNT_B = { secretId: "AKIDACCOUNTB0000000000000000000000002", secretKey: "account-b-secret-Tz7q" };

describeEngine("the native provider under the Pulumi engine", () => {
  const world = useEngineWorld();
  let accountB: Emulator;
  let project: PulumiProject;
  const recorded = async () => backupsByName(await project.exportStack());

  beforeAll(async () => {
    accountB = await startEmulator({ port: 0, taskSeconds: 1, credentials: [ACCOUNT_B] });
    project = nativeProject(world.project("native"));
    await project.initStack("dev");
    await project.setConfig({ accountBSecretId: ACCOUNT_B.secretId, accountBEndpoint: accountB.url });
    await project.setSecret("accountBSecretKey", ACCOUNT_B.secretKey);
  });
  afterAll(async () => accountB?.close());

  it("two explicit providers with their own credentials each reach their own account", async () => {
    await project.ok(["up", "--yes", "--skip-preview"]);
    const state = await recorded();
    const ours = state.orders.outputs?.backupId as string;
    const theirs = state["account-b-orders"].outputs?.backupId as string;
    expect(state.orders.type).toBe(TYPE);
    expect(backupsInClouds(world.emulator).tencentcloud).toContain(ours);
    expect(backupsInClouds(world.emulator).tencentcloud).not.toContain(theirs);
    expect(backupsInClouds(accountB).tencentcloud).toEqual([theirs]);
  });

  it("getBackupDownloadUrlsOutput through the explicit provider: account B's URLs, secret in state", async () => {
    const issued = accountB.admin.issuedUrls();
    await exportWithout(project, issued);
    const shown = await shownOutputs(project);
    expect(shown.otherFiles).toHaveLength(1);
    expect(issued).toContain(shown.otherFiles[0].url);
    expect(world.emulator.admin.issuedUrls()).not.toContain(shown.otherFiles[0].url);
  });

  it("pulumi import adopts a backup made outside Pulumi; its code previews with no change", async () => {
    world.emulator.admin.addInstance({
      instanceId: "crs-import01",
      backups: [
        { backupId: "console-0001", remark: "taken in the console", backupType: "0", startedHoursAgo: 2 },
      ],
    });
    const id = "crs-import01:console-0001";
    // Adoption only: the code it prints is tested in native-package-add.engine.test.ts, whose program
    // imports the SDK by the name `pulumi import` writes.
    const r = await project.ok(["import", TYPE, "console-backup", id, "--yes", "--generate-code=false"]);
    expect(printed(r)).toMatch(/= 1 imported/);
    const adopted = (await recorded())["console-backup"];
    expect(adopted.id).toBe(id);
    expect(adopted.inputs).toEqual({ instanceId: "crs-import01", backupId: "console-0001" });
    expect(adopted.outputs).toMatchObject({ adopted: true, status: "available" });
    // The code `pulumi import` prints, declared: nothing to do, and no backup taken.
    await project.setConfig({ importedId: id });
    await project.ok(["preview", "--expect-no-changes"]);
    expect(world.emulator.admin.backups("crs-import01")).toHaveLength(1);
  });

  it('customTimeouts { create: "1m" } stop a create waiting behind a slow task at a minute; the stack records the backup', async () => {
    world.emulator.admin.setTaskSeconds(3_600);
    try {
      await project.setConfig({ slow: true, createTimeout: "1m" });
      const r = await project.run(["up", "--yes", "--skip-preview"]);
      expect(r.code).not.toBe(0);
      expect(printed(r)).toMatch(
        /creating Redis backup of crs-demo0002: timed out after 60s waiting for backup task \d+ of crs-demo0002; last status: /,
      );
      const slow = (await recorded()).slow;
      expect(slow.id).toMatch(/^crs-demo0002:\S+$/);
      expect(slow.initErrors?.[0]).toMatch(/timed out after 60s/);
    } finally {
      world.emulator.admin.setTaskSeconds(1);
    }
  });

  // Last: it expires a backup, which every later `up` would replace.
  it("pulumi preview --diff names each property: ~ remark, and a status that replaces", async () => {
    const state = await recorded();
    world.emulator.admin.expireBackup(state.orders.outputs?.backupId as string);
    await project.setConfig({ remark: "after v2" });
    const text = printed(await project.ok(["preview", "--refresh", "--diff"]));
    const orders = text.slice(text.lastIndexOf("+-redis-backup:tencentcloud:RedisBackup: (replace)"));
    expect(orders).toMatch(
      /\[urn=urn:pulumi:dev::engine-native::redis-backup:tencentcloud:RedisBackup::orders\]/,
    );
    expect(orders).toContain(`~ remark: "before v2" => "after v2"`);
    expect(orders).toContain(`- status: "expired"`);
  });
});
