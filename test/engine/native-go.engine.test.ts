/**
 * A Go program using the native provider through its generated Go SDK (sdk/go/redisbackup, the
 * module in sdk/go.mod), under the real engine and the Go language host (`npm run pulumi-cli`
 * builds it; the host builds the program with the `go` on PATH, modules from the Go module proxy or
 * its cache): the same backups as from TypeScript, then a preview that plans nothing; the download
 * function's URLs are secrets in state.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { PulumiProject, REPO_ROOT } from "../../tools/pulumi-cli/project";
import { useEngineWorld } from "./harness/suite";
import { describeEngineWith, nativeProject } from "./harness/native";
import { expectSecretDownloads, expectUpTakesBoth } from "./harness/stack";
import { printed } from "./harness/world";

/** The Go SDK's module, as a user's go.mod requires it. */
const SDK_MODULE = "github.com/pulumi-redis-backup/pulumi-redis-backup/sdk";

const goOnPath = (): boolean => spawnSync("go", ["version"], { encoding: "utf8" }).status === 0;

describeEngineWith(
  {
    what: "Go language host or Go toolchain",
    present: pinnedTool("pulumi-language-go") !== undefined && goOnPath(),
    how: "`npm run pulumi-cli` builds the host; Go itself must be on PATH",
  },
  "a Go program through the native provider",
  () => {
    const world = useEngineWorld();
    let project: PulumiProject;

    beforeAll(async () => {
      if (!pinnedTool("pulumi-language-go")) {
        throw new Error("no Go language host: run `npm run pulumi-cli` first");
      }
      project = world.project("native-go", {});
      // The copy lives in a temporary folder: its go.mod points at this checkout's SDK by absolute path,
      // as a user's would at a checkout (or requires a published version instead).
      const edit = spawnSync("go", ["mod", "edit", `-replace=${SDK_MODULE}=${path.join(REPO_ROOT, "sdk")}`], {
        cwd: project.dir,
        encoding: "utf8",
      });
      if (edit.status !== 0) throw new Error(`go mod edit: ${edit.stderr}`);
      nativeProject(project, { sdk: false });
      await project.initStack("dev");
    });

    it("every package of the generated Go SDK compiles (go vet ./go/... in sdk/), alicloud's included", () => {
      const vet = spawnSync("go", ["vet", "./go/..."], {
        cwd: path.join(REPO_ROOT, "sdk"),
        encoding: "utf8",
      });
      // stderr may name modules fetched the first time; on failure it says what did not compile.
      expect({ status: vet.status, stderr: vet.stderr }).toMatchObject({ status: 0 });
    });

    it("pulumi up takes the backups a Go program declares; a preview then plans nothing", async () => {
      await expectUpTakesBoth(project, world.emulator, "from-go", "from go", "ucloud");
    });

    it("GetBackupDownloadUrls of Tencent and UCloud: not one URL the emulator issued is in the state in the clear; the secret outputs hold them", async () => {
      // crs-demo0002 is a three-shard cluster: one file per shard; a URedis backup is one file.
      await expectSecretDownloads(project, world.emulator, { tencentFiles: 3, ucloudFiles: 1 });
    });

    it("a changed remark in the Go program's config replaces its backup, as in TypeScript", async () => {
      await project.setConfig({ remark: "from go, again" });
      const text = printed(await project.ok(["preview", "--diff"]));
      const fromGo = text.slice(text.lastIndexOf("+-redis-backup:tencentcloud:RedisBackup: (replace)"));
      expect(fromGo).toMatch(
        /\[urn=urn:pulumi:dev::engine-native-go::redis-backup:tencentcloud:RedisBackup::from-go\]/,
      );
      expect(fromGo).toContain(`~ remark: "from go" => "from go, again"`);
    });
  },
);
