/**
 * A Python program using the native provider through its generated Python SDK (sdk/python), under
 * the real engine and the Python language host (`npm run pulumi-cli` builds it, `npm run
 * pulumi-python` makes the venv with `pulumi` from PyPI): the same backups as from TypeScript,
 * then a preview that plans nothing; the download function's URLs are secrets in state.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { PulumiProject, REPO_ROOT } from "../../tools/pulumi-cli/project";
import { pinnedPython } from "../../tools/pulumi-cli/python";
import { useEngineWorld } from "./harness/suite";
import { describeEngineWith, nativeProject } from "./harness/native";
import { expectSecretDownloads, expectUpTakesBoth } from "./harness/stack";

describeEngineWith(
  {
    what: "Python language host or venv",
    present: pinnedPython() !== undefined && pinnedTool("pulumi-language-python") !== undefined,
    how: "`npm run pulumi-cli` and `npm run pulumi-python` make them",
  },
  "a Python program through the native provider",
  () => {
    const world = useEngineWorld();
    let project: PulumiProject;
    let site: string;
    afterAll(() => site && fs.rmSync(site, { recursive: true, force: true }));

    beforeAll(async () => {
      const python = pinnedPython();
      if (!python || !pinnedTool("pulumi-language-python")) {
        throw new Error(
          "no Python language host or venv: run `npm run pulumi-cli` and `npm run pulumi-python` first",
        );
      }
      // The SDK installed as a user's `pip install sdk/python` would (its version is read from its
      // metadata), into a folder of this test's, from a copy (pip builds in the source folder).
      site = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-python-sdk-"));
      fs.cpSync(path.join(REPO_ROOT, "sdk", "python"), path.join(site, "source"), { recursive: true });
      const pip = spawnSync(
        python,
        [
          ...["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps"],
          ...[
            "--no-build-isolation",
            "--no-index",
            "--target",
            path.join(site, "lib"),
            path.join(site, "source"),
          ],
        ],
        { encoding: "utf8" },
      );
      if (pip.status !== 0) throw new Error(`pip install sdk/python: ${pip.stderr}`);
      project = world.project("native-python", {
        PULUMI_PYTHON_CMD: python,
        PYTHONPATH: path.join(site, "lib"),
      });
      nativeProject(project, { sdk: false });
      await project.initStack("dev");
    });

    it("pulumi up takes the backups a Python program declares; a preview then plans nothing", async () => {
      await expectUpTakesBoth(project, world.emulator, "from-python", "from python", "ucloud");
    });

    it("get_backup_download_urls: not one URL the emulator issued is in the state in the clear; the secret output holds one", async () => {
      // crs-demo0002 is a three-shard cluster: one file per shard.
      await expectSecretDownloads(project, world.emulator, { tencentFiles: 3 });
    });
  },
);
