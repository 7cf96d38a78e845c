/**
 * FinalBackup and `triggers` under the real engine. The program holds an instance of its own on
 * each cloud (made and deleted in the emulator through its admin API) and a FinalBackup of it; the
 * emulator refuses a backup of an instance that is gone (Tencent: isolated in the recycle bin;
 * Alibaba, UCloud: deleted), so a final backup that exists was taken while its instance did, and
 * the event log shows the engine's order. One stack goes through it all in order: triggers, a
 * replacement of every instance (create-before-delete, then deleteBeforeReplace), a destroy that a
 * failing backup stops, the destroy that then succeeds, and `skip`.
 */
import * as fs from "fs";
import * as path from "path";
import type { Emulator } from "../../emulator";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { runRedisBackupCli } from "./harness/cli";
import { StepEvent, indexOf, stepEvents } from "./harness/events";
import { opsOf, planOf } from "./harness/plan";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { printed } from "./harness/world";

/** Each cloud's instance resource and FinalBackup in the program, and its instance ids by generation. */
const PAIRS = [
  { cloud: "tencentcloud", instance: "orders", final: "orders-final", id: (g: number) => `crs-fbt${g}` },
  { cloud: "alicloud", instance: "catalog", final: "catalog-final", id: (g: number) => `r-fbt${g}` },
  { cloud: "ucloud", instance: "cache", final: "cache-final", id: (g: number) => `uredis-fbt${g}` },
] as const;

/** Manual backups the emulator took of `instanceId` (failed ones left out), whatever the API still shows. */
function manualBackups(emulator: Emulator, cloud: string, instanceId: string): string[] {
  if (cloud === "tencentcloud") {
    return emulator.admin
      .backups(instanceId)
      .filter((b) => b.backupType === "0" && b.lifecycle !== "failed")
      .map((b) => b.backupId);
  }
  if (cloud === "alicloud") {
    return emulator.alicloud
      .backups(instanceId)
      .filter((b) => b.mode === "Manual" && b.lifecycle !== "failed")
      .map((b) => String(b.backupId));
  }
  return emulator.ucloud
    .backups(instanceId)
    .filter((b) => b.backupType === "Manual" && b.state !== "Error")
    .map((b) => b.backupId);
}

/** The CLI output the README quotes, printed once the file has run (ids differ from run to run). */
const quoted: string[] = [];

describeEngine("FinalBackup and triggers under the Pulumi engine", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  let logs = 0;
  const backups = (cloud: string, id: string) => manualBackups(world.emulator, cloud, id);
  /** Runs a command with an event log; returns what the CLI printed and the engine's step events. */
  async function withEvents(args: string[], mustSucceed = true) {
    const log = path.join(project.dir, `events-${++logs}.jsonl`);
    const r = await project.run([...args, "--yes", "--skip-preview", "--event-log", log], {
      env: { PULUMI_DEBUG_COMMANDS: "true" },
    });
    if (mustSucceed && r.code !== 0) throw new Error(`${r.command} exited ${r.code}\n${printed(r)}`);
    return { r, events: stepEvents(log) };
  }
  const at = (events: StepEvent[], phase: StepEvent["phase"], op: string, name: string) => {
    const i = indexOf(events, phase, op, name);
    expect(i).toBeGreaterThanOrEqual(0);
    return i;
  };
  const quote = (title: string, text: string) => quoted.push(`== ${title}\n${text.trim()}\n`);

  beforeAll(async () => {
    project = world.project("final-backup");
    await project.initStack("dev");
  });
  afterAll(() => {
    if (quoted.length)
      process.stdout.write(`\nFinalBackup engine run, as the CLI printed it:\n${quoted.join("\n")}\n`);
  });

  it("up arms a FinalBackup per instance and takes no backup; its __provider stays small", async () => {
    const up = await project.ok(["up", "--yes", "--skip-preview"]);
    expect(printed(up)).toMatch(
      /crs-fbt1: final backup armed by FinalBackup "orders-final": it is taken when this resource is deleted/,
    );
    for (const p of PAIRS) expect(backups(p.cloud, p.id(1))).toEqual([]);
    const state = backupsByName(await project.exportStack());
    for (const p of PAIRS) {
      const final = state[p.final];
      expect(final.type).toBe(`pulumi-nodejs:dynamic/${p.cloud}:FinalBackup`);
      expect(final.outputs).toMatchObject({
        resourceName: p.final,
        stack: "dev",
        project: "engine-final-backup",
      });
      // The FinalBackup depends on its instance: that is what orders the engine's deletes.
      expect(final.dependencies).toContain(state[p.instance].urn);
      const size = String(final.inputs?.__provider).length;
      expect(size).toBeLessThan(4096);
      quote(`__provider of ${p.cloud}.FinalBackup`, `${size} bytes`);
    }
  });

  it("triggers: a new value takes one fresh backup before the migration; unchanged values take none", async () => {
    const before = backups("tencentcloud", "crs-demo0001");
    const old = backupsByName(await project.exportStack())["before-migration"].outputs?.backupId;
    await project.setConfig({ migrationVersion: "v2" });
    const plan = await project.ok(["preview", "--json"]);
    expect(opsOf(plan)).toEqual({ "before-migration": "replace", schema: "update" });
    expect(planOf(plan)["before-migration"].replaceReasons).toEqual(["triggers"]);
    const { events } = await withEvents(["up"]);
    // The migration starts only once the fresh backup is done.
    expect(at(events, "pre", "update", "schema")).toBeGreaterThan(
      at(events, "done", "create-replacement", "before-migration"),
    );
    const after = backups("tencentcloud", "crs-demo0001");
    expect(after.length).toBe(before.length + 1);
    const fresh = backupsByName(await project.exportStack())["before-migration"].outputs;
    expect(fresh?.backupId).not.toBe(old);
    expect(fresh?.triggers).toEqual(["v2"]);

    const again = await project.ok(["up", "--yes", "--skip-preview"]);
    expect(printed(again)).not.toMatch(/created|replaced|updated/);
    expect(backups("tencentcloud", "crs-demo0001")).toEqual(after);
  });

  it("replacing the instances (create-before-delete): each old instance's final backup is taken, once, before it is deleted", async () => {
    await project.setConfig({ generation: 2 });
    const { r, events } = await withEvents(["up"]);
    for (const p of PAIRS) {
      // The new instance first, then the FinalBackup of it; at the end, the old FinalBackup's delete
      // (the final backup) completes before the old instance's delete starts.
      expect(at(events, "pre", "create-replacement", p.final)).toBeGreaterThan(
        at(events, "done", "create-replacement", p.instance),
      );
      expect(at(events, "pre", "delete-replaced", p.instance)).toBeGreaterThan(
        at(events, "done", "delete-replaced", p.final),
      );
      expect(backups(p.cloud, p.id(1))).toHaveLength(1);
      expect(backups(p.cloud, p.id(2))).toEqual([]);
    }
    expect(printed(r)).toMatch(
      /crs-fbt1: final backup \S+ available, expires \S+; taken by engine-final-backup\/dev\/orders-final; list final backups with `pulumi-redis-backup final-backups --cloud tencentcloud --instance crs-fbt1`/,
    );
    quote("pulumi up (instances replaced, create-before-delete)", r.stdout);

    // Findable afterwards, from the cloud: Tencent keeps the isolated instance's backups, with their label.
    const found = await runRedisBackupCli(
      ["final-backups", "--cloud", "tencentcloud", "--instance", "crs-fbt1"],
      "",
      world.env,
    );
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(
      new RegExp(
        `tencentcloud +crs-fbt1 +${backups("tencentcloud", "crs-fbt1")[0]} +available .* engine-final-backup/dev/orders-final\\n`,
      ),
    );
    quote("pulumi-redis-backup final-backups --cloud tencentcloud --instance crs-fbt1", found.stdout);
  });

  it("replacing the instances with deleteBeforeReplace: the final backup, then the old instance's delete, then the new instance", async () => {
    await project.setConfig({ generation: 3, deleteBeforeReplace: true });
    const { r, events } = await withEvents(["up"]);
    for (const p of PAIRS) {
      const finalDeleted = at(events, "done", "delete-replaced", p.final);
      const instanceDeleting = at(events, "pre", "delete-replaced", p.instance);
      const instanceCreating = at(events, "pre", "create-replacement", p.instance);
      expect(instanceDeleting).toBeGreaterThan(finalDeleted);
      expect(instanceCreating).toBeGreaterThan(at(events, "done", "delete-replaced", p.instance));
      expect(at(events, "pre", "create-replacement", p.final)).toBeGreaterThan(
        at(events, "done", "create-replacement", p.instance),
      );
      expect(backups(p.cloud, p.id(2))).toHaveLength(1);
      expect(backups(p.cloud, p.id(3))).toEqual([]);
    }
    quote("pulumi up (instances replaced, deleteBeforeReplace)", r.stdout);
  });

  it("a final backup that fails stops the destroy before its instance is deleted", async () => {
    world.emulator.admin.failNextTask("crs-fbt3", "backup disk full");
    world.emulator.alicloud.failNextJob("r-fbt3");
    world.emulator.ucloud.failNextBackup("uredis-fbt3");
    const { r, events } = await withEvents(["destroy"], false);
    expect(r.code).not.toBe(0);
    const text = printed(r);
    expect(text).toMatch(
      /no final backup of crs-fbt3 was taken, so this deletion stops here .*crs-fbt3 is not deleted/,
    );
    expect(text).toMatch(/backup disk full/);
    const state = backupsByName(await project.exportStack());
    for (const p of PAIRS) {
      // The engine never started the instance's delete; instance and FinalBackup stay in the stack.
      expect(indexOf(events, "pre", "delete", p.instance)).toBe(-1);
      expect(Object.keys(state)).toEqual(expect.arrayContaining([p.instance, p.final]));
      expect(backups(p.cloud, p.id(3))).toEqual([]);
    }
    quote("pulumi destroy (every final backup fails)", text);
  });

  it("pulumi destroy then takes each final backup once, before its instance goes", async () => {
    const { r, events } = await withEvents(["destroy"]);
    for (const p of PAIRS) {
      expect(at(events, "pre", "delete", p.instance)).toBeGreaterThan(at(events, "done", "delete", p.final));
      // The emulator refuses a backup of an instance that is gone: this one was taken while it was there.
      expect(backups(p.cloud, p.id(3))).toHaveLength(1);
    }
    expect(backupsByName(await project.exportStack())).toEqual({});
    quote("pulumi destroy", r.stdout);

    // Afterwards, from the state before the destroy. A file backend keeps each update's checkpoint
    // (Pulumi Cloud: `pulumi stack export --version <n>`): the newest that still holds FinalBackups.
    const history = path.join(project.backendDir, ".pulumi", "history", "engine-final-backup", "dev");
    const checkpoints = fs
      .readdirSync(history)
      .filter((f) => f.endsWith(".checkpoint.json"))
      .sort()
      .map((f) => fs.readFileSync(path.join(history, f), "utf8"));
    const exported = checkpoints.reverse().find((c) => c.includes(":FinalBackup"))!;
    const found = await runRedisBackupCli(["final-backups", "--state", "-"], exported, world.env);
    expect(found.stdout).toMatch(
      new RegExp(
        `tencentcloud +crs-fbt3 +${backups("tencentcloud", "crs-fbt3")[0]} +available .* engine-final-backup/dev/orders-final\\n`,
      ),
    );
    // Alibaba's and UCloud's emulated instances are gone with their backups (see the README).
    expect(found.stdout).toMatch(
      /^alicloud r-fbt3: listing the final backups of r-fbt3: DescribeBackups: InvalidInstanceId.NotFound/m,
    );
    expect(found.stdout).toMatch(
      /^ucloud uredis-fbt3: listing the final backups of uredis-fbt3: uredis-fbt3 no longer exists/m,
    );
    expect(found.code).toBe(1);
    quote("pulumi-redis-backup final-backups --state <the checkpoint before the destroy>", found.stdout);
  });

  it("skip: true, set by an up before the destroy, deletes every instance without a final backup", async () => {
    await project.setConfig({ generation: 4, deleteBeforeReplace: false });
    await project.ok(["up", "--yes", "--skip-preview"]);
    await project.setConfig({ skip: true });
    // skip changes the FinalBackups in place: an update each, nothing taken, nothing replaced.
    const { events: updated } = await withEvents(["up"]);
    for (const p of PAIRS) {
      expect(new Set(updated.filter((e) => e.name === p.final).map((e) => e.op))).toEqual(
        new Set(["update"]),
      );
    }
    const { r } = await withEvents(["destroy"]);
    const text = printed(r);
    for (const p of PAIRS) {
      expect(backups(p.cloud, p.id(4))).toEqual([]);
      expect(text).toContain(
        `no final backup of ${p.id(4)} was taken: skip: true on FinalBackup "${p.final}"`,
      );
    }
    expect(backupsByName(await project.exportStack())).toEqual({});
    quote("pulumi destroy (skip: true)", r.stdout);
  });
});
