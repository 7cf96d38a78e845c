/**
 * The README's promise under the real engine: `pulumi up` takes the backups on three clouds,
 * `preview --refresh` plans what drift calls for, `up --refresh` applies it, identity changes
 * replace, a longer Alibaba retention updates in place, and `destroy` empties the stack. One stack
 * runs through all of it in order, as a team's stack would over its life.
 */
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { runRedisBackupCli } from "./harness/cli";
import { opsOf, planOf } from "./harness/plan";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

describeEngine("lifecycle under the Pulumi engine", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    project = world.project("lifecycle");
    await project.initStack("dev");
  });

  async function recordedIds(): Promise<Record<string, string>> {
    const byName = backupsByName(await project.exportStack());
    return Object.fromEntries(Object.entries(byName).map(([n, r]) => [n, String(r.outputs?.backupId)]));
  }

  it("pulumi up takes the declared backups on all three clouds", async () => {
    const up = await project.ok(["up", "--yes", "--skip-preview"]);
    // The stack itself is the fifth resource.
    expect(up.stdout).toMatch(/\+ 5 created/);
    Object.assign(ids, await recordedIds());
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.tencentcloud.sort()).toEqual([ids.orders, ids.sessions].sort());
    expect(clouds.alicloud).toEqual([ids.catalog]);
    expect(clouds.ucloud).toEqual([ids.cache]);
    // Progress while waiting and the outcome of each create reach the CLI's output.
    expect(printed(up)).toMatch(/crs-demo0001: backup \S+ available, expires/);
    const outputs = await project.outputs<{ backups: Record<string, { status: string }> }>();
    expect(Object.values(outputs.backups).map((b) => b.status)).toEqual([
      "available",
      "available",
      "available",
      "available",
    ]);
  });

  it("plans no change right after (pulumi preview --expect-no-changes)", async () => {
    await project.ok(["preview", "--expect-no-changes"]);
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
  });

  it("plans what drift calls for, applies it with up --refresh, then plans nothing", async () => {
    world.emulator.admin.expireBackup(ids.orders);
    world.emulator.admin.lockBackup(ids.sessions, true);
    world.emulator.ucloud.deleteBackup(ids.cache);

    const preview = await project.ok(["preview", "--refresh", "--diff"]);
    const text = printed(preview);
    expect(text).toMatch(/~ status\s+: "available" => "expired"/);
    expect(text).toMatch(/~ locked\s+: false => true/);
    expect(text).toMatch(/\+-1 to replace/);
    expect(text).toMatch(/\+ 1 to create/);
    expect(text).toMatch(/~ 1 to update/);
    expect(text).toMatch(/backup \S+ of uredis-demo01 no longer exists; it will be removed from the stack/);

    const json = await project.ok(["preview", "--refresh", "--json"]);
    expect(opsOf(json)).toEqual({ orders: "replace", sessions: "update", cache: "create" });
    expect(planOf(json).orders.replaceReasons).toEqual(["status"]);

    const up = await project.ok(["up", "--refresh", "--yes", "--skip-preview"]);
    expect(printed(up)).toMatch(
      /Tencent Cloud cannot delete backups: backup \S+ of crs-demo0001 stays until it expires/,
    );
    const after = await recordedIds();
    expect(after.orders).not.toBe(ids.orders);
    expect(after.sessions).toBe(ids.sessions);
    expect(after.catalog).toBe(ids.catalog);
    expect(after.cache).not.toBe(ids.cache);
    const sessions = backupsByName(await project.exportStack()).sessions.outputs!;
    expect(sessions).toMatchObject({ status: "locked", locked: true, lockedAcknowledged: true });
    Object.assign(ids, after);

    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
  });

  it("pulumi stack export | pulumi-redis-backup drift --state - gives the verdicts of the README", async () => {
    world.emulator.admin.expireBackup(ids.orders);
    world.emulator.ucloud.deleteBackup(ids.cache);
    const exported = (await project.ok(["stack", "export"])).stdout;
    const drift = await runRedisBackupCli(["drift", "--state", "-"], exported, world.env);
    expect(drift.code).toBe(2);
    expect(drift.stdout).toMatch(/orders\s.*expired/);
    expect(drift.stdout).toMatch(/cache\s.*missing/);
    expect(drift.stdout).toMatch(/catalog\s.*ok/);
    // The lock found earlier was acknowledged, and it is still held.
    expect(drift.stdout).toMatch(/sessions\s.*locked/);
    expect(drift.stdout).toMatch(/4 backups: 1 ok, 1 expired, 1 locked, 1 missing/);
    // Back to a consistent stack for what follows.
    await project.ok(["up", "--refresh", "--yes", "--skip-preview"]);
    Object.assign(ids, await recordedIds());
  });

  it("replaces on identity changes, updates a longer Alibaba retention in place, and a new wait timeout takes nothing", async () => {
    await project.setConfig({
      ordersRemark: "after orders schema v2",
      sessionsStorageDays: 14,
      catalogRetentionDays: 7,
      waitTimeoutMinutes: 20,
    });
    const preview = await project.ok(["preview", "--json"]);
    expect(opsOf(preview)).toEqual({
      orders: "replace",
      sessions: "replace",
      catalog: "replace",
      cache: "update",
    });
    const reasons = planOf(preview);
    expect(reasons.orders.replaceReasons).toEqual(["remark"]);
    expect(reasons.sessions.replaceReasons).toEqual(["storageDays"]);
    expect(reasons.catalog.replaceReasons).toEqual(["retentionDays"]);

    const before = backupsInClouds(world.emulator);
    await project.ok(["up", "--yes", "--skip-preview"]);
    const after = await recordedIds();
    expect(after.orders).not.toBe(ids.orders);
    expect(after.sessions).not.toBe(ids.sessions);
    expect(after.catalog).not.toBe(ids.catalog);
    // The wait timeout steers the provider only: the same backup, nothing taken.
    expect(after.cache).toBe(ids.cache);
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.ucloud).toEqual(before.ucloud);
    // Alibaba deletes the replaced backup; Tencent cannot, so both old ones stay until they expire.
    expect(clouds.alicloud).toEqual([after.catalog]);
    expect(clouds.tencentcloud.length).toBe(before.tencentcloud.length + 2);
    Object.assign(ids, after);

    await project.setConfig({ catalogRetentionDays: 30 });
    expect(opsOf(await project.ok(["preview", "--json"]))).toEqual({ catalog: "update" });
    const expiresBefore = world.emulator.alicloud
      .backups()
      .find((b) => String(b.backupId) === ids.catalog)!.expireTime!;
    await project.ok(["up", "--yes", "--skip-preview"]);
    const catalog = world.emulator.alicloud.backups().find((b) => String(b.backupId) === ids.catalog)!;
    expect(catalog.listed).toBe(true);
    expect(Date.parse(catalog.expireTime!) - Date.parse(expiresBefore)).toBeGreaterThanOrEqual(
      23 * 86_400_000 - 60_000,
    );
    expect((await recordedIds()).catalog).toBe(ids.catalog);
    await project.ok(["preview", "--expect-no-changes"]);
  });

  it("pulumi destroy empties the stack, deletes what can be deleted and says what stays", async () => {
    const destroy = await project.ok(["destroy", "--yes", "--skip-preview"]);
    const text = printed(destroy);
    expect(text).toMatch(/- 5 deleted/);
    expect(text).toMatch(
      /warning: \[runtime\] Tencent Cloud cannot delete backups: backup \S+ of crs-demo0001 stays until it expires at \S+; it is no longer managed by this stack/,
    );
    expect(backupsByName(await project.exportStack())).toEqual({});
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.alicloud).toEqual([]);
    expect(clouds.ucloud).toEqual([]);
  });
});
