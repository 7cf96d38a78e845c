/**
 * The native provider as a user gets it into a project of their own, under the real engine:
 * `pulumi package add <the plugin folder>` (PulumiPlugin.yaml, `runtime: nodejs`) runs the plugin
 * to read its schema, generates the TypeScript SDK into ./sdks/redis-backup and links it into
 * package.json; `pulumi up` runs the plugin from that folder; `pulumi import` adopts a backup
 * made outside Pulumi and prints code that, added to the program, previews with no change; and
 * in a Python project the same command adds the SDK to requirements.txt.
 *
 * The project installs its own node_modules (npm, as a user's would), not the repo's link, and
 * the plugin folder is a copy whose dependency on this package points at this checkout.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { SDK_NPM_NAME as NPM_NAME, TENCENT_BACKUP_TYPE as TYPE, pluginProjectCopy } from "./harness/native";
import { backupsInClouds, printed } from "./harness/world";

describeEngine("pulumi package add, then up and import, in a project of the user's", () => {
  const world = useEngineWorld();
  let project: PulumiProject;
  let scratch: string;
  let plugin: string;
  afterAll(() => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-package-add-"));
    plugin = pluginProjectCopy(scratch);
    project = world.project("native-package-add");
    // Its own modules, installed by the language host when the package is linked.
    fs.unlinkSync(path.join(project.dir, "node_modules"));
  });

  it("pulumi package add <plugin folder> generates the TypeScript SDK and links it into package.json", async () => {
    const r = await project.ok(["package", "add", plugin]);
    const text = printed(r);
    expect(text).toContain(
      `Successfully generated an SDK for the redis-backup package at ${project.dir}/sdks`,
    );
    expect(text).toContain(`import * as pulumiRedisBackupNative from "${NPM_NAME}";`);
    expect(text).toMatch(/Added package Redis backups/);
    const pkg = JSON.parse(fs.readFileSync(path.join(project.dir, "package.json"), "utf8"));
    expect(pkg.dependencies[NPM_NAME]).toBe("file:sdks/redis-backup");
    // Installed, and compiled by the SDK's own postinstall.
    expect(fs.existsSync(path.join(project.dir, "node_modules", NPM_NAME, "bin", "index.js"))).toBe(true);
    expect(fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8")).toMatch(
      /packages:\n {2}redis-backup: \S+redis-backup-plugin\n/,
    );
  });

  it("pulumi up through the added package takes the backup; a preview then plans nothing", async () => {
    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"]);
    const state = backupsByName(await project.exportStack());
    expect(state.added.type).toBe(TYPE);
    expect(state.added.outputs).toMatchObject({ remark: "through pulumi package add", status: "available" });
    expect(backupsInClouds(world.emulator).tencentcloud).toContain(state.added.outputs?.backupId);
    await project.ok(["preview", "--expect-no-changes"]);
  });

  it("pulumi import prints TypeScript for a backup made outside Pulumi; added to the program, it previews with no change", async () => {
    world.emulator.admin.addInstance({
      instanceId: "crs-import02",
      backups: [
        { backupId: "console-0002", remark: "taken in the console", backupType: "0", startedHoursAgo: 2 },
      ],
    });
    const out = path.join(scratch, "imported.ts");
    const r = await project.ok([
      ...["import", TYPE, "console-backup", "crs-import02:console-0002"],
      ...["--yes", "--out", out],
    ]);
    expect(printed(r)).toMatch(/= 1 imported/);
    const code = fs.readFileSync(out, "utf8");
    expect(code).toContain(`from "${NPM_NAME}"`);
    expect(code).toMatch(/new \w+\.tencentcloud\.RedisBackup\("console-backup", \{/);
    expect(code).toContain('instanceId: "crs-import02"');
    expect(code).toContain('backupId: "console-0002"');
    fs.copyFileSync(out, path.join(project.dir, "imported.ts"));
    await project.ok(["preview", "--expect-no-changes"]);
    expect(world.emulator.admin.backups("crs-import02")).toHaveLength(1);
  });

  it("in a Python project, pulumi package add <plugin folder> generates the Python SDK and adds it to requirements.txt", async () => {
    const python = path.join(scratch, "python-project");
    fs.mkdirSync(python);
    fs.writeFileSync(path.join(python, "Pulumi.yaml"), "name: package-add-python\nruntime: python\n");
    fs.writeFileSync(path.join(python, "requirements.txt"), "pulumi==3.248.0\n");
    const r = await project.ok(["package", "add", plugin], { cwd: python });
    expect(printed(r)).toContain("import pulumi_redis_backup as redis_backup");
    expect(fs.readFileSync(path.join(python, "requirements.txt"), "utf8")).toBe(
      "pulumi==3.248.0\nsdks/redis-backup\n",
    );
    expect(fs.readFileSync(path.join(python, "Pulumi.yaml"), "utf8")).toContain(
      `packages:\n  redis-backup: ${plugin}\n`,
    );
    // Installed by the host's InstallDependencies (pulumi from PyPI, the SDK built from its folder)
    // into a venv it makes in the project folder itself: the v3.68 host takes a venv's path from a
    // flag the CLI no longer passes. The SDK imports there.
    const imported = spawnSync(
      path.join(python, "bin", "python"),
      ["-c", "import pulumi_redis_backup as r; print(r.tencentcloud.RedisBackup.__name__)"],
      { encoding: "utf8" },
    );
    expect({ status: imported.status, stdout: imported.stdout?.trim(), stderr: imported.stderr }).toEqual({
      status: 0,
      stdout: "RedisBackup",
      stderr: "",
    });
  });
});
