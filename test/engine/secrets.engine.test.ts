/**
 * Nothing secret in state, logs or errors, under the engine: canary credentials, given in stack
 * config with `--secret` (Tencent, UCloud) and in the environment (Alibaba, UCloud's public key),
 * open the emulated accounts for a whole up / preview / refresh / destroy, and appear nowhere in
 * `pulumi stack export`, the backend folder, the stack's config file or anything the CLI printed.
 * Once the secret is removed from stack config, `pulumi up` names both ways to set it.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiProject } from "../../tools/pulumi-cli/project";
import { describeEngine, useEngineWorld } from "./harness/suite";
import { printed } from "./harness/world";

const CANARY = {
  tencentSecretId: "AKIDcanaryEngineSuite0000000000000001",
  tencentSecretKey: "canary-tencent-secret-key-Qx7v",
  alicloudKeyId: "LTAI5tCanaryEngineSuite1",
  alicloudSecret: "canary-alicloud-secret-Zr4m",
  ucloudPublicKey: "canary-public-key@example.com00000000000000000",
  ucloudPrivateKey: "canary-ucloud-private-key-Hk2p",
};
/** Values that must never be seen (ids name an account; they are not secret). */
const SECRETS = [CANARY.tencentSecretKey, CANARY.alicloudSecret, CANARY.ucloudPrivateKey];

describeEngine("credentials under the Pulumi engine", () => {
  const world = useEngineWorld({
    credentials: [{ secretId: CANARY.tencentSecretId, secretKey: CANARY.tencentSecretKey }],
    alicloud: {
      credentials: [{ accessKeyId: CANARY.alicloudKeyId, accessKeySecret: CANARY.alicloudSecret }],
    },
    ucloud: { credentials: [{ publicKey: CANARY.ucloudPublicKey, privateKey: CANARY.ucloudPrivateKey }] },
  });
  let project: PulumiProject;
  const seen: string[] = [];

  beforeAll(async () => {
    project = world.project("lifecycle", {
      // Stack config carries Tencent's and UCloud's secrets; the environment Alibaba's.
      TENCENTCLOUD_SECRET_ID: "",
      TENCENTCLOUD_SECRET_KEY: "",
      ALIBABA_CLOUD_ACCESS_KEY_ID: CANARY.alicloudKeyId,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: CANARY.alicloudSecret,
      UCLOUD_PUBLIC_KEY: CANARY.ucloudPublicKey,
      UCLOUD_PRIVATE_KEY: "",
    });
    await project.initStack("dev");
    await project.setConfig({ "tencentcloud:secretId": CANARY.tencentSecretId });
    await project.setSecret("tencentcloud:secretKey", CANARY.tencentSecretKey);
    await project.setSecret("ucloud:privateKey", CANARY.ucloudPrivateKey);
  });

  it("opens the emulated accounts through a whole lifecycle", async () => {
    for (const args of [
      ["up", "--yes", "--skip-preview"],
      ["preview", "--refresh", "--diff"],
      ["refresh", "--yes", "--skip-preview"],
      ["stack", "export"],
      ["destroy", "--yes", "--skip-preview"],
    ]) {
      seen.push(printed(await project.ok(args)));
    }
    expect(seen[0]).toMatch(/\+ 5 created/);
    expect(seen[4]).toMatch(/- 5 deleted/);
  });

  it("leaves no canary in the export, the backend, the stack's config file or the CLI's output", () => {
    const places = {
      "the CLI's output": seen.join("\n"),
      "the backend folder": project.backendText(),
      "Pulumi.dev.yaml": fs.readFileSync(path.join(project.dir, "Pulumi.dev.yaml"), "utf8"),
    };
    for (const [where, text] of Object.entries(places)) {
      for (const secret of SECRETS)
        expect({ where, found: text.includes(secret) }).toEqual({ where, found: false });
    }
    // The search finds what is there (the key id, not secret, stands in plain text), and the
    // config file holds the secrets encrypted.
    expect(places["Pulumi.dev.yaml"]).toContain(CANARY.tencentSecretId);
    expect(places["Pulumi.dev.yaml"]).toMatch(/tencentcloud:secretKey:\s+secure: /);
  });

  it("a missing secret is named with both ways to set it: the variable and stack config", async () => {
    await project.removeConfig("tencentcloud:secretKey");
    const r = await project.run(["up", "--yes", "--skip-preview"]);
    expect(r.code).not.toBe(0);
    expect(printed(r)).toContain(
      "Tencent Cloud credentials are missing: set TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY, or `pulumi config set tencentcloud:secretId ...` and `pulumi config set --secret tencentcloud:secretKey ...`",
    );
  });
});
