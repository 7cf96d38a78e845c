/**
 * The resource options users rely on, as the engine applies them to our backups: `dependsOn`
 * orders creates, `ignoreChanges` keeps an edited remark from taking a new backup, `--target`
 * changes only what it names, `deleteBeforeReplace` deletes the old backup before taking the new
 * one, `protect` keeps a backup through a destroy (which deletes the rest and fails), and
 * `retainOnDelete` leaves the backup in the cloud.
 */
import * as path from "path";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { indexOf, stepEvents } from "./harness/events";
import { opsOf } from "./harness/plan";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

describeEngine("resource options under the Pulumi engine", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  let eventLogs = 0;
  /** `pulumi up` with an event log; returns the engine's step events. */
  async function upWithEvents(...extra: string[]) {
    const log = path.join(project.dir, `events-${++eventLogs}.jsonl`);
    // --event-log is one of the CLI's debugging flags, shown only with PULUMI_DEBUG_COMMANDS.
    await project.ok(["up", "--yes", "--skip-preview", "--event-log", log, ...extra], {
      env: { PULUMI_DEBUG_COMMANDS: "true" },
    });
    return stepEvents(log);
  }
  const recorded = async () => backupsByName(await project.exportStack());

  beforeAll(async () => {
    project = world.project("options");
    await project.initStack("dev");
  });

  it("dependsOn: the dependent backup is taken only after the one it depends on is done", async () => {
    const events = await upWithEvents();
    const firstDone = indexOf(events, "done", "create", "first");
    const secondStarts = indexOf(events, "pre", "create", "second");
    expect(firstDone).toBeGreaterThanOrEqual(0);
    expect(secondStarts).toBeGreaterThan(firstDone);
    const state = await recorded();
    expect(state.second.dependencies).toEqual([state.first.urn]);
    expect(state.guarded.protect).toBe(true);
    expect(state.kept.retainOnDelete).toBe(true);
  });

  it("ignoreChanges: an edited remark plans nothing and takes no backup", async () => {
    const before = backupsInClouds(world.emulator).tencentcloud.length;
    await project.setConfig({ pinnedRemark: "pinned, edited" });
    await project.ok(["preview", "--expect-no-changes"]);
    await project.ok(["up", "--yes", "--skip-preview"]);
    expect(backupsInClouds(world.emulator).tencentcloud.length).toBe(before);
    expect((await recorded()).pinned.outputs?.remark).toBe("pinned");
  });

  it("--target replaces only what it names; deleteBeforeReplace deletes the old backup first", async () => {
    await project.setConfig({ firstName: "first-copy-renamed", swappedName: "swapped-renamed" });
    expect(opsOf(await project.ok(["preview", "--json"]))).toEqual({ first: "replace", swapped: "replace" });
    const before = await recorded();

    const events = await upWithEvents("--target", before.swapped.urn);
    const deleted = indexOf(events, "done", "delete-replaced", "swapped");
    const created = indexOf(events, "pre", "create-replacement", "swapped");
    expect(deleted).toBeGreaterThanOrEqual(0);
    expect(created).toBeGreaterThan(deleted);
    // What --target leaves out, the engine steps over unchanged.
    expect(new Set(events.filter((e) => e.name === "first").map((e) => e.op))).toEqual(new Set(["same"]));

    const after = await recorded();
    expect(after.swapped.outputs?.backupId).not.toBe(before.swapped.outputs?.backupId);
    expect(after.first.outputs?.backupId).toBe(before.first.outputs?.backupId);
    const ucloud = backupsInClouds(world.emulator).ucloud;
    expect(ucloud).not.toContain(before.swapped.outputs?.backupId);
    expect(ucloud).toContain(after.swapped.outputs?.backupId);
    // What --target left out is still planned.
    expect(opsOf(await project.ok(["preview", "--json"]))).toEqual({ first: "replace" });
  });

  it("protect and retainOnDelete: destroy fails on the protected backup, deletes the others, leaves the retained one", async () => {
    const before = await recorded();
    const id = (name: string) => String(before[name].outputs?.backupId);
    const destroy = await project.run(["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code).not.toBe(0);
    expect(printed(destroy)).toMatch(
      /resource "?urn:pulumi:dev::engine-options::\S+::guarded"? cannot be deleted/,
    );
    expect(printed(destroy)).toMatch(/because it is protected/);
    // The engine goes on with everything else: only the protected backup stays in the stack.
    expect(Object.keys(await recorded())).toEqual(["guarded"]);
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.ucloud).toEqual([id("guarded")]);
    // retainOnDelete: out of the stack, still in the cloud.
    expect(clouds.alicloud).toEqual([id("kept")]);
  });

  it("once unprotected, destroy empties the stack", async () => {
    await project.setConfig({ protect: false });
    await project.ok(["up", "--yes", "--skip-preview"]);
    const kept = String((await recorded()).kept.outputs?.backupId);
    const retainedBefore = backupsInClouds(world.emulator).alicloud.filter((b) => b !== kept);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(await recorded()).toEqual({});
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.ucloud).toEqual([]);
    expect(clouds.alicloud.sort()).toEqual([...retainedBefore, kept].sort());
  });
});
