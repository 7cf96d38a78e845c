/**
 * The examples run as the projects a user would have (Pulumi.yaml, package.json, index.ts in one
 * folder): `pulumi up` takes their backups, a refreshed preview plans nothing, `destroy` empties them.
 * A change to the declarations is previewed with no cloud credentials, as examples/ci does.
 */
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { PulumiProject, REPO_ROOT, backupsByName } from "../../tools/pulumi-cli/project";
import { CLOUD_ENV } from "../helpers/cloudEnv";
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

    // examples/ci previews pull requests with no cloud credentials: a preview checks and diffs
    // inputs only. A change to backups.yaml plans its create, replace and update with every cloud
    // variable empty (any call to a cloud would fail on the missing credentials).
    const file = path.join(project.dir, "backups.yaml");
    const reviewed = fs.readFileSync(file, "utf8");
    fs.writeFileSync(
      file,
      reviewed
        .replace(
          "remark: invoices, monthly\n  retentionDays: 10",
          "remark: invoices, monthly\n  retentionDays: 12",
        )
        .replace("instance: r-demo0003\n  retentionDays: 90", "instance: r-demo0003\n  retentionDays: 120") +
        "\nsessions-weekly:\n  <<: *guangzhou\n  instance: crs-demo0002\n  retentionDays: 7\n",
    );
    const noCredentials = Object.fromEntries(
      Object.values(CLOUD_ENV)
        .flat()
        .map((name) => [name, ""]),
    );
    const preview = await project.ok(["preview", "--diff"], { env: noCredentials });
    expect(preview.stdout).toMatch(/\+ 1 to create/);
    expect(preview.stdout).toMatch(/~ 1 to update/);
    expect(preview.stdout).toMatch(/\+-1 to replace/);
    expect(preview.stdout).not.toMatch(/credentials are missing/);
    fs.writeFileSync(file, reviewed);

    await project.ok(["destroy", "--yes", "--skip-preview"]);
    expect(backupsByName(await project.exportStack())).toEqual({});
  });
});
