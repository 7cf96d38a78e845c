/**
 * The examples run as the projects a user would have (Pulumi.yaml, package.json, index.ts in one
 * folder): `pulumi up` takes their backups, a refreshed preview plans nothing, `destroy` empties them.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { REPO_ROOT, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";

const EXAMPLES = path.join(REPO_ROOT, "examples");

/** The backups a declarations file declares: its top-level keys, but for `x-` ones (shared settings). */
function declaredNames(file: string): string[] {
  return Object.keys(parse(fs.readFileSync(file, "utf8")) as object).filter((k) => !k.startsWith("x-"));
}

describeEngine("the examples under the Pulumi engine", () => {
  const world = useEngineWorld();

  it("examples/redis-backups: up, no changes on a refreshed preview, destroy", async () => {
    const project = world.project(path.join(EXAMPLES, "redis-backups"));
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
    expect(Object.keys(backupsByName(await project.exportStack())).sort()).toEqual([
      "cache-before-upgrade",
      "catalog-weekly",
      "orders-before-migration",
      "sessions-snapshot",
    ]);
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });

  it("examples/final-backup: up arms the final backup, destroy takes it before the instance goes", async () => {
    const project = world.project(path.join(EXAMPLES, "final-backup"));
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
    expect(Object.keys(backupsByName(await project.exportStack())).sort()).toEqual([
      "before-migration",
      "orders",
      "orders-final",
      "orders-schema",
    ]);
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    const finals = () =>
      world.emulator.admin
        .backups("crs-example1")
        .filter((b) => b.remark.startsWith("final backup of crs-example1"));
    expect(finals()).toEqual([]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(finals()).toHaveLength(1);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });

  it("examples/declarations: every backup of backups.yaml taken, then destroyed", async () => {
    const project = world.project(path.join(EXAMPLES, "declarations"));
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
    const names = declaredNames(path.join(EXAMPLES, "declarations/backups.yaml"));
    expect(Object.keys(backupsByName(await project.exportStack())).sort()).toEqual(names.sort());
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });
});
