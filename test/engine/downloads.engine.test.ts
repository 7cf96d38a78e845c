/**
 * Download URLs under the Pulumi engine: a program asks for a backup's URLs and exports them, and
 * not one URL the emulator handed out is in `pulumi stack export` or the backend folder (the
 * function's result is a secret, encrypted there); the exported value still holds them for whoever
 * may read secrets. The region's download restriction is a resource: a change made out of band is
 * planned by `pulumi preview --refresh --diff` as an in-place update back to the program's value.
 */
import { PulumiProject } from "../../tools/pulumi-cli/project";
import { modifyBackupDownloadRestriction } from "../../provider/tencentcloud/api";
import { TencentClient } from "../../provider/tencentcloud/client";
import { resolveTencentSettings } from "../../provider/tencentcloud/settings";
import { pointTencentAt } from "../helpers/cloudEnv";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { printed } from "./harness/world";

describeEngine("backup download URLs under the Pulumi engine", () => {
  const world = useEngineWorld();
  let project: PulumiProject;

  beforeAll(async () => {
    project = world.project("downloads");
    await project.initStack("dev");
  });

  it("keeps every URL the emulator handed out out of the state, in the clear", async () => {
    const up = printed(await project.ok(["up", "--yes", "--skip-preview"]));
    expect(up).toMatch(/\+ 3 created/);
    const issued = world.emulator.admin.issuedUrls();
    // One file: its public and intranet URL at the up's program run (at least).
    expect(issued.length).toBeGreaterThanOrEqual(2);
    const exported = (await project.ok(["stack", "export"])).stdout;
    const backend = project.backendText();
    for (const url of issued) {
      expect({ url, inExport: exported.includes(url), inBackend: backend.includes(url) }).toEqual({
        url,
        inExport: false,
        inBackend: false,
      });
    }
    // Not even the emulator's file path: no `/_files/` anywhere.
    expect(exported).not.toContain("/_files/");
    const stack = JSON.parse(exported).deployment.resources.find(
      (r: { type: string }) => r.type === "pulumi:pulumi:Stack",
    );
    expect(Object.keys(stack.outputs.downloads)).toEqual(["4dabf18193072939515e22adb298388d", "ciphertext"]);
    expect(Object.keys(stack.outputs.firstUrl)).toEqual(["4dabf18193072939515e22adb298388d", "ciphertext"]);
    // The restriction's serialized provider is as small as every other resource's.
    const restriction = JSON.parse(exported).deployment.resources.find((r: { type: string }) =>
      r.type.endsWith(":BackupDownloadRestriction"),
    );
    expect(restriction.inputs.__provider.length).toBeLessThan(4096);
    expect(restriction.inputs.__provider).toContain(
      "pulumi-redis-backup/internal/tencentcloud/restrictionOperations",
    );
    // Whoever may read secrets gets the URLs the program was given.
    const shown = JSON.parse((await project.ok(["stack", "output", "--json", "--show-secrets"])).stdout);
    expect(shown.downloads.files).toHaveLength(1);
    expect(issued).toContain(shown.firstUrl);
    expect(shown.downloads.files[0].url).toBe(shown.firstUrl);
  });

  it("plans a download restriction changed out of band as an in-place update back to the program's", async () => {
    // Someone opens downloads in the console (here: the API, from this process).
    pointTencentAt(world.emulator);
    const client = new TencentClient(resolveTencentSettings());
    await modifyBackupDownloadRestriction(client, { LimitType: "NoLimit" });
    const preview = printed(await project.ok(["preview", "--refresh", "--diff"]));
    expect(preview).toMatch(/~ pulumi-nodejs:dynamic\/tencentcloud:BackupDownloadRestriction: \(update\)/);
    expect(preview).toMatch(/~ limitType\s*: "NoLimit" => "LimitOnlyIntranet"/);
    expect(preview).toMatch(/~ 1 to update/);
  });
});
