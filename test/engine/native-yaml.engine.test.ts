/**
 * A Pulumi YAML program using the native provider under the real engine and the YAML language
 * host (pulumi-yaml v1.25.0, built by `npm run pulumi-cli`): the host reads the resources' types
 * from the plugin's own schema (GetSchema), no SDK involved; a function by `fn::invoke`, its result
 * secret in state; and it prints the code of an import.
 */
import * as fs from "fs";
import * as path from "path";
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { PulumiProject } from "../../tools/pulumi-cli/project";
import { describeEngineWith, nativeProject } from "./harness/native";
import { expectUpTakesBoth, exportWithout, shownOutputs } from "./harness/stack";
import { useEngineWorld } from "./harness/suite";

describeEngineWith(
  {
    what: "YAML language host",
    present: pinnedTool("pulumi-language-yaml") !== undefined,
    how: "`npm run pulumi-cli` builds it",
  },
  "a Pulumi YAML program through the native provider",
  () => {
    const world = useEngineWorld();
    let project: PulumiProject;

    beforeAll(async () => {
      if (!pinnedTool("pulumi-language-yaml")) {
        throw new Error("no YAML language host: run `npm run pulumi-cli` first");
      }
      project = nativeProject(world.project("native-yaml"), { sdk: false });
      await project.initStack("dev");
    });

    it("pulumi up takes the backups a YAML program declares; a preview then plans nothing", async () => {
      await expectUpTakesBoth(project, world.emulator, "from-yaml", "from yaml", "alicloud");
    });

    it("fn::invoke of alicloud:getBackupDownloadUrls: its URLs are only in the secret output, never in state in the clear", async () => {
      const issued = world.emulator.admin.issuedUrls();
      await exportWithout(project, issued);
      const shown = await shownOutputs(project);
      // r-demo0003 is a classic instance: one file, with its public and intranet URL.
      expect(shown.alicloudFiles).toHaveLength(1);
      expect(issued).toContain(shown.alicloudFiles[0].url);
      expect(issued).toContain(shown.alicloudFiles[0].intranetUrl);
    });

    it("pulumi import adopts a backup made outside Pulumi and prints code that previews with no change", async () => {
      world.emulator.admin.addInstance({
        instanceId: "crs-import02",
        backups: [
          { backupId: "console-0002", remark: "taken in the console", backupType: "0", startedHoursAgo: 2 },
        ],
      });
      const r = await project.ok([
        "import",
        "redis-backup:tencentcloud:RedisBackup",
        "console-backup",
        "crs-import02:console-0002",
        "--yes",
      ]);
      // The YAML host generates programs (the pinned Node.js host does not): the code as printed.
      const code = r.stdout.slice(r.stdout.lastIndexOf("resources:\n"));
      const expected = [
        "resources:",
        "  console-backup:",
        "    type: redis-backup:tencentcloud:RedisBackup",
        "    properties:",
        "      backupId: console-0002",
        "      instanceId: crs-import02",
        "    options:",
        "      protect: true",
        "",
      ].join("\n");
      expect(code.slice(0, expected.length)).toBe(expected);
      // Copied into the program, as the CLI asks: nothing to do, and no backup taken.
      const file = path.join(project.dir, "Pulumi.yaml");
      const block = code.slice("resources:\n".length).trimEnd();
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("resources:\n", `resources:\n${block}\n`));
      await project.ok(["preview", "--expect-no-changes"]);
      expect(world.emulator.admin.backups("crs-import02")).toHaveLength(1);
    });
  },
);
