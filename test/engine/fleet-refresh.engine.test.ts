/**
 * `pulumi refresh` through the real engine, which sends its reads to one provider process at once:
 * they are answered from one listing per instance (provider/core/sharedListings.ts), and what
 * changed out of band still shows: a lock, and a backup deleted (asked about on its own first).
 */
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";

describeEngine("pulumi refresh of many backups per instance", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  const calls = () => ({ ...world.emulator.admin.stats().requestsByAction });

  beforeAll(async () => {
    project = world.project("fleet-refresh");
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
  });

  it("reads twelve backups with one listing per instance, and still sees the lock and the deletion", async () => {
    const before = backupsByName(await project.exportStack());
    const locked = before["orders-2"].outputs?.backupId as string;
    const deleted = before["cache-4"].outputs?.backupId as string;
    world.emulator.admin.lockBackup(locked, true);
    world.emulator.ucloud.deleteBackup(deleted);

    const start = calls();
    await project.ok(["refresh", "--yes", "--skip-preview"]);
    const end = calls();
    const made = (action: string) => (end[action] ?? 0) - (start[action] ?? 0);
    // One listing of crs-demo0001, none of the six detail calls.
    expect(made("DescribeInstanceBackups")).toBe(1);
    expect(made("DescribeBackupDetail")).toBe(0);
    // One listing of the group, then the backup it no longer shows, asked about on its own.
    expect(made("DescribeURedisBackup")).toBe(2);

    const after = backupsByName(await project.exportStack());
    expect(after["orders-2"].outputs).toMatchObject({ status: "locked", locked: true });
    expect(after["orders-1"].outputs).toMatchObject({ status: "available" });
    expect(after["cache-4"]).toBeUndefined();
    expect(
      Object.keys(after)
        .filter((n) => n.startsWith("cache-"))
        .sort(),
    ).toEqual(["cache-0", "cache-1", "cache-2", "cache-3", "cache-5"]);
  });
});
