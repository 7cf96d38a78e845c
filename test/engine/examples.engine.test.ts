/**
 * The examples run as the projects a user would have (Pulumi.yaml, package.json, index.ts in one
 * folder): `pulumi up` takes their backups, a refreshed preview plans nothing, `destroy` empties them.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { PulumiProject, REPO_ROOT, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";

const EXAMPLES = path.join(REPO_ROOT, "examples");

/** The backups a declarations file declares: its top-level keys, but for `x-` ones (shared settings). */
function declaredNames(file: string): string[] {
  return Object.keys(parse(fs.readFileSync(file, "utf8")) as object).filter((k) => !k.startsWith("x-"));
}

describeEngine("the examples under the Pulumi engine", () => {
  const world = useEngineWorld();

  /**
   * The example `name` as a project of its own: `pulumi up` of its `dev` stack records exactly the
   * backups `names` (sorted), and a refreshed preview then plans nothing.
   */
  async function upExample(name: string, names: string[]): Promise<PulumiProject> {
    const project = world.project(path.join(EXAMPLES, name));
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
    expect(Object.keys(backupsByName(await project.exportStack())).sort()).toEqual(names);
    await project.ok(["preview", "--refresh", "--expect-no-changes"]);
    return project;
  }

  it("examples/redis-backups: up, no changes on a refreshed preview, destroy", async () => {
    const project = await upExample("redis-backups", [
      "cache-before-upgrade",
      "catalog-weekly",
      "orders-before-migration",
      "sessions-snapshot",
    ]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });

  it("examples/final-backup: up arms the final backup, destroy takes it before the instance goes", async () => {
    const finals = () =>
      world.emulator.admin
        .backups("crs-example1")
        .filter((b) => b.remark.startsWith("final backup of crs-example1"));
    const project = await upExample("final-backup", [
      "before-migration",
      "orders",
      "orders-final",
      "orders-schema",
    ]);
    expect(finals()).toEqual([]);
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(finals()).toHaveLength(1);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });

  it("examples/declarations: every backup of backups.yaml taken, then destroyed", async () => {
    const names = declaredNames(path.join(EXAMPLES, "declarations/backups.yaml"));
    const project = await upExample("declarations", names.sort());
    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });
});
