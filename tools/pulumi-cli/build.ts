/**
 * `npm run pulumi-cli`: builds the Pulumi CLI and its Node.js language host from their Go modules
 * (pinned by ./cli/go.mod and ./language-nodejs/go.mod), or reuses an earlier build, and prints the
 * folder that holds them on its last line.
 *
 * The folder is outside the repo (see location.ts) and carries a stamp of the go.mod/go.sum files
 * it was built from: a clean clone reuses it, a change to the pins rebuilds it. A build is written
 * beside the folder and renamed into place, so an interrupted one never looks complete.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { CLI_FILES, PULUMI_VERSION, pinnedCliDir } from "./location";

const HERE = __dirname;
const VERSION_FLAG = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

/** What each binary is built from: module folder, package, and the version it reports. */
const BUILDS = [
  {
    binary: "pulumi",
    module: "cli",
    pkg: "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
    version: PULUMI_VERSION,
  },
  {
    binary: "pulumi-language-nodejs",
    module: "language-nodejs",
    pkg: "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
    version: "v3.68.0",
  },
];

/** The dynamic-provider plugin: a script at the root of the installed @pulumi/pulumi. */
function dynamicProviderScript(): string {
  return path.join(
    path.dirname(require.resolve("@pulumi/pulumi/package.json")),
    "pulumi-resource-pulumi-nodejs",
  );
}

/** A digest of everything the build depends on. */
function stampOf(): string {
  const h = createHash("sha256").update(PULUMI_VERSION);
  for (const b of BUILDS) {
    for (const f of ["go.mod", "go.sum", "tools.go"]) h.update(fs.readFileSync(path.join(HERE, b.module, f)));
    h.update(b.version);
  }
  h.update(fs.readFileSync(dynamicProviderScript()));
  return h.digest("hex");
}

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function goBuild(moduleDir: string, pkg: string, version: string, out: string): void {
  const r = spawnSync(
    "go",
    ["build", "-trimpath", "-ldflags", `-s -w -X ${VERSION_FLAG}=${version}`, "-o", out, pkg],
    {
      cwd: moduleDir,
      stdio: ["ignore", "inherit", "inherit"],
      // go.sum is the pin: a missing entry is an error, never a silent download of something new.
      env: { ...process.env, GOFLAGS: `${process.env.GOFLAGS ?? ""} -mod=readonly`.trim() },
    },
  );
  if (r.error) throw new Error(`go build: ${r.error.message} (is Go 1.25 or later on PATH?)`);
  if (r.status !== 0) throw new Error(`go build ${pkg} failed (exit ${r.status})`);
}

function main(): void {
  const dir = pinnedCliDir();
  const stampFile = path.join(dir, ".stamp");
  const stamp = stampOf();
  const complete = CLI_FILES.every((f) => fs.existsSync(path.join(dir, f)));
  if (complete && fs.existsSync(stampFile) && fs.readFileSync(stampFile, "utf8") === stamp) {
    say(`Pulumi CLI ${PULUMI_VERSION}: reusing the build in ${dir}`);
    process.stdout.write(`${dir}\n`);
    return;
  }
  const staging = `${dir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const b of BUILDS) {
      const started = Date.now();
      say(
        `Building ${b.binary} ${b.version} from ${b.pkg} (the first build downloads modules and takes minutes)`,
      );
      goBuild(path.join(HERE, b.module), b.pkg, b.version, path.join(staging, b.binary));
      say(`  built ${b.binary} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    fs.copyFileSync(dynamicProviderScript(), path.join(staging, "pulumi-resource-pulumi-nodejs"));
    fs.chmodSync(path.join(staging, "pulumi-resource-pulumi-nodejs"), 0o755);
    fs.writeFileSync(path.join(staging, ".stamp"), stamp);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(staging, dir);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  say(`Pulumi CLI ${PULUMI_VERSION} built in ${dir}`);
  process.stdout.write(`${dir}\n`);
}

try {
  main();
} catch (e) {
  say(`npm run pulumi-cli: ${(e as Error).message}`);
  process.exit(1);
}
