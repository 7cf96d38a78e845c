/**
 * Old state keeps working: a stack written by release 0.1.0 (its `__provider` and outputs, kept in
 * fixtures/state-0.1.0/stack.json) refreshes, plans nothing and destroys under today's code. The
 * `__provider` stored in that state is what the engine runs on refresh and destroy; it loads the
 * lifecycle by package name, so it runs the installed (today's) lifecycle modules.
 */
import * as fs from "fs";
import * as path from "path";
import { ALICLOUD_DEMO_INSTANCES, DEMO_INSTANCES, UCLOUD_DEMO_GROUPS } from "../../emulator";
import { ExportedResource, PulumiProject, StackExport, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

const FIXTURE = path.join(__dirname, "fixtures/state-0.1.0/stack.json");
const released = JSON.parse(fs.readFileSync(FIXTURE, "utf8")) as StackExport;
const recorded = backupsByName(released);

/** The backup a recorded resource names, as `outputs` say. */
const outs = (r: ExportedResource) => r.outputs as Record<string, string | number>;

/** `seeds`, with `backup` added after the own backups of the one seed `isIt` picks. */
function withBackup<S extends { backups?: readonly unknown[] }>(
  seeds: readonly S[],
  isIt: (seed: S) => boolean,
  backup: NonNullable<S["backups"]>[number],
): S[] {
  return seeds.map((s) => (isIt(s) ? { ...s, backups: [...(s.backups ?? []), backup] } : s));
}

/** The emulated clouds as they were when the state was written: the recorded backups exist. */
function worldOfTheFixture() {
  const { orders, sessions, catalog, cache } = recorded;
  const tencentBackup = (r: ExportedResource) => ({
    backupId: String(outs(r).backupId),
    remark: String(outs(r).remark),
    backupType: "0" as const,
    startedHoursAgo: 1,
    storageDays: Number(outs(r).storageDays),
  });
  return {
    instances: DEMO_INSTANCES.map((i) => ({
      ...i,
      backups: [
        ...(i.backups ?? []),
        ...[orders, sessions].filter((r) => outs(r).instanceId === i.instanceId).map(tencentBackup),
      ],
    })),
    alicloud: {
      instances: withBackup(ALICLOUD_DEMO_INSTANCES, (i) => i.instanceId === outs(catalog).instanceId, {
        backupId: Number(outs(catalog).backupId),
        mode: "Manual",
        startedHoursAgo: 1,
        retentionDays: Number(outs(catalog).retentionDays),
      }),
    },
    ucloud: {
      groups: withBackup(UCLOUD_DEMO_GROUPS, (g) => g.groupId === outs(cache).groupId, {
        backupId: String(outs(cache).backupId),
        backupName: String(outs(cache).backupName),
        backupType: "Manual",
        takenHoursAgo: 1,
      }),
    },
  };
}

describeEngine("a stack written by release 0.1.0, under today's code", () => {
  const world = useEngineWorld(worldOfTheFixture());
  let project: PulumiProject;

  beforeAll(async () => {
    project = world.project("lifecycle");
    await project.initStack("released");
    const file = path.join(project.dir, "released.json");
    fs.writeFileSync(file, JSON.stringify(released));
    await project.ok(["stack", "import", "--file", file]);
  });

  it("records the four backups of 0.1.0, each with the __provider that release serialized", () => {
    expect(Object.keys(recorded).sort()).toEqual(["cache", "catalog", "orders", "sessions"]);
    for (const r of Object.values(recorded)) {
      expect(String(r.outputs?.__provider)).toMatch(/pulumi-redis-backup\/internal\/\w+\/operations/);
    }
  });

  it("refreshes: every recorded backup is found, none dropped", async () => {
    const refresh = await project.ok(["refresh", "--yes", "--skip-preview"]);
    expect(printed(refresh)).not.toMatch(/no longer exists/);
    const now = backupsByName(await project.exportStack());
    expect(Object.keys(now).sort()).toEqual(["cache", "catalog", "orders", "sessions"]);
    for (const [name, r] of Object.entries(now)) {
      expect(r.id).toBe(recorded[name].id);
      expect(r.outputs?.status).toBe("available");
      // Refresh and destroy run the code stored in state: 0.1.0's, byte for byte.
      expect(r.outputs?.__provider).toBe(recorded[name].outputs?.__provider);
    }
  });

  it("plans nothing against the same program", async () => {
    await project.ok(["preview", "--expect-no-changes"]);
  });

  it("destroys: Alibaba's and UCloud's backups deleted, Tencent's left to expire, the stack empty", async () => {
    const destroy = await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(printed(destroy)).toMatch(
      /Tencent Cloud cannot delete backups: backup \S+ of crs-demo0001 stays until/,
    );
    expect(backupsByName(await project.exportStack())).toEqual({});
    const clouds = backupsInClouds(world.emulator);
    expect(clouds.alicloud).toEqual([]);
    expect(clouds.ucloud).toEqual([]);
    expect(clouds.tencentcloud.sort()).toEqual(
      [outs(recorded.orders).backupId, outs(recorded.sessions).backupId].map(String).sort(),
    );
  });
});
