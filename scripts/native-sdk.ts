/**
 * `npm run native-sdk`: writes plugin/schema.json (the native provider's schema) and the SDKs
 * generated from it into sdk/nodejs, sdk/python and sdk/go, with `pulumi package gen-sdk` of the
 * pinned CLI (`npm run pulumi-cli` builds it and the language hosts that generate). test/native/sdk.test.ts
 * fails when the checked-in files are not what this writes.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pinnedTool } from "../tools/pulumi-cli/location";
import { SCHEMA_FILE, schemaText } from "./native-schema";

const ROOT = path.join(__dirname, "..");
/** The Go package's folder: the last element of the schema's `importBasePath`. */
const GO_PACKAGE = "redisbackup";

/** The languages whose SDK is checked in, each in sdk/<language>. */
export const SDK_LANGUAGES = ["nodejs", "python", "go"] as const;

/** Every file of the SDKs generated from `schemaFile`, by path under sdk/, with the version filled in. */
export function generateSdks(schemaFile: string, version: string): Map<string, string> {
  const pulumi = pinnedTool("pulumi");
  if (!pulumi) throw new Error("no pinned Pulumi CLI: run `npm run pulumi-cli` first");
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "redis-backup-sdk-"));
  // The CLI finds the language host that generates beside it; it needs no login, and its home is ours.
  const env = {
    ...process.env,
    PATH: `${path.dirname(pulumi)}${path.delimiter}${process.env.PATH ?? ""}`,
    PULUMI_HOME: path.join(out, ".pulumi"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
  };
  try {
    const files = new Map<string, string>();
    for (const language of SDK_LANGUAGES) {
      const dir = path.join(out, language);
      const r = spawnSync(pulumi, ["package", "gen-sdk", schemaFile, "--language", language, "--out", out], {
        encoding: "utf8",
        env,
      });
      if (r.status !== 0) {
        throw new Error(`pulumi package gen-sdk --language ${language}: ${r.stderr || r.error?.message}`);
      }
      for (const file of walk(dir)) {
        const text = fs
          .readFileSync(file, "utf8")
          // The generators leave the version to a release step: this package's is the plugin's.
          .replace(/"\$\{VERSION\}"/g, JSON.stringify(version))
          .replace(/^VERSION = "0\.0\.0"$/m, `VERSION = ${JSON.stringify(version)}`);
        // Go's files sit under the package's own folder, as its import path (the schema's) says.
        const under = language === "go" ? path.join("go", GO_PACKAGE) : language;
        files.set(path.join(under, path.relative(dir, file)), text);
      }
    }
    return files;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function walk(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}

if (require.main === module) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require("../package.json") as { version: string };
  const files = generateSdks(SCHEMA_FILE, version);
  for (const language of SDK_LANGUAGES)
    fs.rmSync(path.join(ROOT, "sdk", language), { recursive: true, force: true });
  for (const [name, text] of files) {
    const file = path.join(ROOT, "sdk", name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  process.stdout.write(`wrote plugin/schema.json and ${files.size} files under sdk/\n`);
}
