/**
 * A stack of dynamic RedisBackups moved to the native provider's resources with aliases, end to
 * end under the real engine: the preview plans nothing, the `up` takes no backup and keeps every
 * id, and a refresh afterwards finds nothing to change.
 */
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { nativeProject } from "./harness/native";
import { opsOf } from "./harness/plan";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds } from "./harness/world";

describeEngine("moving dynamic RedisBackups to the native provider", () => {
  const world = useEngineWorld();
  let project: PulumiProject;

  beforeAll(async () => {
    project = nativeProject(world.project("native-migration"));
    await project.initStack("dev");
  });

  it("aliases move each backup to its native type: same id, no new backup, nothing to refresh", async () => {
    await project.ok(["up", "--yes", "--skip-preview"]);
    const before = backupsByName(await project.exportStack());
    expect(before.orders.type).toBe("pulumi-nodejs:dynamic/tencentcloud:RedisBackup");
    const inClouds = backupsInClouds(world.emulator);

    await project.setConfig({ native: true });
    expect(opsOf(await project.ok(["preview", "--json"]))).toEqual({});
    await project.ok(["up", "--yes", "--skip-preview"]);
    const after = backupsByName(await project.exportStack());
    expect(after.orders.type).toBe("redis-backup:tencentcloud:RedisBackup");
    expect(after.sessions.type).toBe("redis-backup:ucloud:RedisBackup");
    expect(after.orders.id).toBe(before.orders.id);
    expect(after.sessions.id).toBe(before.sessions.id);
    expect(after.orders.inputs).not.toHaveProperty("__provider");
    expect(backupsInClouds(world.emulator)).toEqual(inClouds);

    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
  });
});
