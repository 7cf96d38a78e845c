/**
 * The checked-in SDKs (sdk/nodejs, sdk/python, sdk/go) are what `pulumi package gen-sdk` of the
 * pinned CLI makes of plugin/schema.json: `npm run native-sdk` after a schema change. Needs the CLI
 * from `npm run pulumi-cli`: under CI its absence fails the file, elsewhere skips it.
 */
import * as fs from "fs";
import * as path from "path";
import { pinnedTool } from "../../tools/pulumi-cli/location";
import { SDK_LANGUAGES, generateSdks } from "../../scripts/native-sdk";
import { SCHEMA_FILE } from "../../scripts/native-schema";

const SDK = path.resolve(__dirname, "../../sdk");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { version } = require("../../package.json") as { version: string };

function checkedIn(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, e.name);
      if (e.isDirectory()) walk(file);
      else files.set(path.relative(SDK, file), fs.readFileSync(file, "utf8"));
    }
  };
  for (const language of SDK_LANGUAGES) walk(path.join(SDK, language));
  return files;
}

const describeWithCli = pinnedTool("pulumi") || process.env.CI === "true" ? describe : describe.skip;

describeWithCli("the generated SDKs (pulumi package gen-sdk: `npm run pulumi-cli`)", () => {
  it("sdk/ is what `pulumi package gen-sdk` makes of plugin/schema.json (run `npm run native-sdk` after a change)", () => {
    const generated = generateSdks(SCHEMA_FILE, version);
    const have = checkedIn();
    expect([...have.keys()].sort()).toEqual([...generated.keys()].sort());
    for (const [name, text] of generated) expect({ name, text: have.get(name) }).toEqual({ name, text });
  });

  it("the SDKs name the plugin and its version, and every resource of the schema", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(SDK, "nodejs", "package.json"), "utf8"));
    expect(pkg).toMatchObject({ version, pulumi: { resource: true, name: "redis-backup" } });
    const ts = fs.readFileSync(path.join(SDK, "nodejs", "tencentcloud", "redisBackup.ts"), "utf8");
    expect(ts).toContain(`__pulumiType = 'redis-backup:tencentcloud:RedisBackup'`);
    const py = fs.readFileSync(
      path.join(SDK, "python", "pulumi_redis_backup", "ucloud", "final_backup.py"),
      "utf8",
    );
    expect(py).toContain(`'redis-backup:ucloud:FinalBackup'`);
  });
});
