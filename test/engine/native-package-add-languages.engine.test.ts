/**
 * `pulumi package add` in Go and YAML projects of a user's, under the real engine: the plugin
 * project (a copy of plugin/, as from a git URL), then `pulumi up` through what it added (the
 * engine runs the plugin from the folder Pulumi.yaml now names) and a preview that plans nothing. For Go the
 * command generates the Go SDK into ./sdks/redis-backup and points go.mod at it; for YAML, which
 * needs no SDK, it writes the package's file there and records the plugin in Pulumi.yaml. (The
 * TypeScript and Python projects are in native-package-add.engine.test.ts.)
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { useEngineWorld } from "./harness/suite";
import { TENCENT_BACKUP_TYPE as TYPE, describeEngineWith, pluginProjectCopy } from "./harness/native";
import { backupsInClouds, printed } from "./harness/world";

const goOnPath = (): boolean => spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;

/**
 * A copy of a Go or YAML program, without the link to this checkout's node_modules every engine
 * project gets: not a Node project, and the v3.68 Node.js host, asked which plugins the plugin
 * project needs, walks the node_modules of the folder it runs in (the project's) and would find
 * this checkout's sdk/nodejs there.
 */
function programCopy(world: ReturnType<typeof useEngineWorld>, name: string): PulumiProject {
  const project = world.project(name);
  fs.unlinkSync(path.join(project.dir, "node_modules"));
  return project;
}

/** `pulumi up` takes the one backup the program declares; then a preview plans nothing. */
async function expectUpTakesTheBackup(
  project: PulumiProject,
  world: ReturnType<typeof useEngineWorld>,
  name: string,
  remark: string,
): Promise<void> {
  await project.initStack("dev");
  await project.ok(["up", "--yes", "--skip-preview"]);
  const state = backupsByName(await project.exportStack());
  expect(state[name].type).toBe(TYPE);
  expect(state[name].outputs).toMatchObject({ remark, status: "available" });
  expect(backupsInClouds(world.emulator).tencentcloud).toContain(state[name].outputs?.backupId);
  await project.ok(["preview", "--expect-no-changes"]);
}

describeEngineWith(
  {
    what: "Go and YAML language hosts or Go toolchain",
    present:
      pinnedTool("pulumi-language-go") !== undefined &&
      pinnedTool("pulumi-language-yaml") !== undefined &&
      goOnPath(),
    how: "`npm run pulumi-cli` builds the hosts; Go itself must be on PATH",
  },
  "pulumi package add in Go and YAML projects, then up",
  () => {
    const world = useEngineWorld();
    let scratch: string;
    let plugin: string;
    beforeAll(() => {
      scratch = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-package-add-"));
      plugin = pluginProjectCopy(scratch);
    });
    afterAll(() => scratch && fs.rmSync(scratch, { recursive: true, force: true }));

    it("Go: pulumi package add <plugin folder> generates the Go SDK and points go.mod at it; pulumi up builds the program against it", async () => {
      const project = programCopy(world, "native-package-add-go");
      const r = await project.ok(["package", "add", plugin]);
      expect(printed(r)).toContain(
        'import "github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go/redisbackup"',
      );
      expect(fs.existsSync(path.join(project.dir, "sdks", "redis-backup", "go.mod"))).toBe(true);
      expect(fs.readFileSync(path.join(project.dir, "go.mod"), "utf8")).toContain(
        "replace github.com/pulumi-redis-backup/pulumi-redis-backup/sdk/go => ./sdks/redis-backup",
      );
      expect(fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8")).toContain(
        `packages:\n  redis-backup: ${plugin}\n`,
      );
      await expectUpTakesTheBackup(project, world, "added-go", "through pulumi package add, from go");
    });

    it("YAML: pulumi package add <plugin folder> writes the package's file and records the plugin; pulumi up runs it", async () => {
      const project = programCopy(world, "native-package-add-yaml");
      const r = await project.ok(["package", "add", plugin]);
      expect(printed(r)).toMatch(/Added package Redis backups/);
      expect(fs.readdirSync(path.join(project.dir, "sdks", "redis-backup"))).toEqual([
        "redis-backup-0.1.0.yaml",
      ]);
      expect(fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8")).toContain(
        `packages:\n  redis-backup: ${plugin}\n`,
      );
      await expectUpTakesTheBackup(project, world, "added-yaml", "through pulumi package add, from yaml");
    });
  },
);
