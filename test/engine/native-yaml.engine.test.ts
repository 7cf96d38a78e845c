/**
 * A Pulumi YAML program using the native provider under the real engine and the YAML language
 * host (pulumi-yaml v1.25.0, built by `npm run pulumi-cli`): the host reads the resources' types
 * from the plugin's own schema (GetSchema), no SDK involved.
 */
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { PulumiProject, backupsByName } from "../../tools/pulumi-cli/project";
import { describeEngineWith, nativeProject } from "./harness/native";
import { useEngineWorld } from "./harness/suite";
import { backupsInClouds } from "./harness/world";

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
      await project.ok(["up", "--yes", "--skip-preview"]);
      const state = backupsByName(await project.exportStack());
      expect(state["from-yaml"].type).toBe("redis-backup:tencentcloud:RedisBackup");
      expect(state["from-yaml"].outputs).toMatchObject({ remark: "from yaml", status: "available" });
      expect(backupsInClouds(world.emulator).tencentcloud).toContain(state["from-yaml"].outputs?.backupId);
      expect(backupsInClouds(world.emulator).alicloud).toContain(
        state["from-yaml-alicloud"].outputs?.backupId,
      );
      await project.ok(["preview", "--expect-no-changes"]);
    });
  },
);
