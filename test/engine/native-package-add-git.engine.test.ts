/**
 * `pulumi package add <git URL>/plugin`, under the real engine: what a user does with the
 * repository pushed somewhere. The CLI clones it (an https git server on this machine serving
 * this checkout's committed HEAD, harness/gitServer.ts), installs plugin/'s dependencies in its
 * clone (npm runs this package's `prepare` there with nothing installed: scripts/prepare.js
 * installs and builds), runs the plugin for its schema, generates the TypeScript SDK and records
 * the package; `pulumi up` then runs the plugin from that clone. The SDKs per language are
 * native-package-add*.engine.test.ts's; this one is about where the plugin comes from. (A YAML
 * program cannot use it here: the pulumi-yaml v1.25 host loads schemas through its own plugin
 * host, older than git plugins, and reports `no resource plugin 'pulumi-resource-redis-backup'
 * found` where the engine has found it.)
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT, backupsByName } from "../../tools/pulumi-cli/project";
import { GitServer, startGitServer } from "./harness/gitServer";
import { SDK_NPM_NAME as NPM_NAME, TENCENT_BACKUP_TYPE as TYPE } from "./harness/native";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { backupsInClouds, printed } from "./harness/world";

describeEngine("pulumi package add <git URL>, then up", () => {
  const world = useEngineWorld();
  let scratch: string;
  let server: GitServer;
  beforeAll(async () => {
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-package-git-"));
    server = await startGitServer(REPO_ROOT, scratch, {
      owner: "platform-team",
      name: "pulumi-redis-backup",
    });
  });
  afterAll(async () => {
    await server?.close();
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("pulumi package add https://…/pulumi-redis-backup.git/plugin clones the repository, builds the plugin in the clone and generates the SDK; pulumi up runs the plugin from the clone", async () => {
    const project = world.project("native-package-add");
    // Its own modules, installed by the language host when the package is linked.
    fs.unlinkSync(path.join(project.dir, "node_modules"));
    const source = `${server.url}/plugin`;
    const r = await project.ok(["package", "add", source], { env: server.env });
    const text = printed(r);
    expect(text).toContain("Downloading provider localhost_platform-team_pulumi-redis-backup.git_plugin");
    expect(text).toContain(`import * as pulumiRedisBackupNative from "${NPM_NAME}";`);
    // The schema's namespace is the URL's first folder.
    expect(text).toContain("Added package platform-team/Redis backups");
    expect(server.log.some((l) => /git-upload-pack .*200$/.test(l))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(path.join(project.dir, "package.json"), "utf8"));
    expect(pkg.dependencies[NPM_NAME]).toBe("file:sdks/platform-team-redis-backup");
    // The version is the commit it took (the repository has no tag).
    expect(fs.readFileSync(path.join(project.dir, "Pulumi.yaml"), "utf8")).toContain(
      `packages:\n  redis-backup: ${source.replace(/^https:\/\//, "")}@${server.commit}\n`,
    );

    await project.initStack("dev");
    await project.ok(["up", "--yes", "--skip-preview"], { env: server.env });
    const state = backupsByName(await project.exportStack());
    expect(state.added.type).toBe(TYPE);
    expect(state.added.outputs).toMatchObject({ remark: "through pulumi package add", status: "available" });
    expect(backupsInClouds(world.emulator).tencentcloud).toContain(state.added.outputs?.backupId);
    await project.ok(["preview", "--expect-no-changes"], { env: server.env });
  });
});
