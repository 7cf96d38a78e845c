/**
 * `npm run pulumi-cli`: builds the Pulumi CLI and its Node.js, Python, Go and YAML language hosts
 * from their Go modules (pinned by the go.mod of ./cli, ./language-nodejs, ./language-python,
 * ./language-go, ./language-yaml and ./language-bridge), or reuses an earlier build, and prints
 * the folder that holds them on its last line.
 *
 * The Node.js, Python, Go and YAML hosts buildable here predate the CLI (see
 * language-bridge/main.go): each is built as `pulumi-language-<lang>-base`, and
 * `pulumi-language-<lang>` is the bridge, which runs it and serves, with the CLI's own code, the
 * methods it lacks (GeneratePackage, GenerateProgram, Link, and for Node.js RunPlugin; for YAML,
 * Link).
 *
 * The folder is outside the repo (see location.ts) and carries a stamp per binary of the
 * go.mod/go.sum files it was built from: a clean clone reuses it, a change to one module's pins
 * rebuilds the binaries of that module only (the others are copied over). A build is written
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
    binary: "pulumi-language-nodejs-base",
    module: "language-nodejs",
    pkg: "github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs",
    version: "v3.68.0",
  },
  {
    binary: "pulumi-language-python-base",
    module: "language-python",
    pkg: "github.com/pulumi/pulumi/sdk/v3/python/cmd/pulumi-language-python",
    version: "v3.68.0",
  },
  {
    binary: "pulumi-language-go-base",
    module: "language-go",
    pkg: "github.com/pulumi/pulumi/sdk/v3/go/pulumi-language-go",
    version: "v3.66.0",
  },
  {
    binary: "pulumi-language-yaml-base",
    module: "language-yaml",
    pkg: "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml",
    version: "v1.25.0",
  },
  {
    // This repository's: the CLI's code (pkg/v3 at its version) over the base hosts; also installed as BRIDGED.
    binary: "pulumi-language-nodejs",
    module: "language-bridge",
    pkg: ".",
    version: PULUMI_VERSION,
  },
];

/** The other names the bridge is installed under (it takes its language from the name it runs as). */
const BRIDGED = ["pulumi-language-python", "pulumi-language-go", "pulumi-language-yaml"];

type Build = (typeof BUILDS)[number];

/** The dynamic-provider plugin: a script at the root of the installed @pulumi/pulumi. */
function dynamicProviderScript(): string {
  return path.join(
    path.dirname(require.resolve("@pulumi/pulumi/package.json")),
    "pulumi-resource-pulumi-nodejs",
  );
}

/** The files a binary is built from, besides its module's pins. */
function sourcesOf(b: Build): string[] {
  const dir = path.join(HERE, b.module);
  const own = b.pkg.startsWith(".") ? [path.join(dir, b.pkg)] : [];
  return own.flatMap((d) =>
    fs
      .readdirSync(d)
      .filter((f) => f.endsWith(".go"))
      .sort()
      .map((f) => path.join(d, f)),
  );
}

/** A digest of everything one binary's build depends on. */
function binaryStamp(b: Build): string {
  const h = createHash("sha256").update(PULUMI_VERSION).update(b.pkg).update(b.version);
  for (const f of ["go.mod", "go.sum", "tools.go"]) {
    const file = path.join(HERE, b.module, f);
    if (fs.existsSync(file)) h.update(fs.readFileSync(file));
  }
  for (const f of sourcesOf(b)) h.update(fs.readFileSync(f));
  return h.digest("hex");
}

/** Every binary's stamp, and the dynamic-provider script's: what `.stamp` records. */
function stampsOf(): Record<string, string> {
  const stamps: Record<string, string> = Object.fromEntries(BUILDS.map((b) => [b.binary, binaryStamp(b)]));
  // The shim comes with the Python host's sdk module: the same pins.
  stamps[PYTHON_SHIM] = stamps["pulumi-language-python-base"];
  for (const name of BRIDGED) stamps[name] = stamps["pulumi-language-nodejs"];
  stamps["pulumi-resource-pulumi-nodejs"] = createHash("sha256")
    .update(fs.readFileSync(dynamicProviderScript()))
    .digest("hex");
  return stamps;
}

/** What an earlier build's `.stamp` recorded (an older, single-digest stamp: nothing reusable). */
function recordedStamps(file: string): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    return parsed && typeof parsed === "object" ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The Python host runs programs through a shim script beside it, `pulumi-language-python-exec`,
 * shipped in the sdk module it is built from: copied from Go's module cache.
 */
function copyPythonShim(staging: string): void {
  const r = spawnSync("go", ["list", "-m", "-f", "{{.Dir}}", "github.com/pulumi/pulumi/sdk/v3"], {
    cwd: path.join(HERE, "language-python"),
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: `${process.env.GOFLAGS ?? ""} -mod=readonly`.trim() },
  });
  if (r.status !== 0) throw new Error(`go list github.com/pulumi/pulumi/sdk/v3: ${r.stderr}`);
  const shim = path.join(r.stdout.trim(), "python", "cmd", PYTHON_SHIM);
  fs.copyFileSync(shim, path.join(staging, PYTHON_SHIM));
  fs.chmodSync(path.join(staging, PYTHON_SHIM), 0o755);
}

const PYTHON_SHIM = "pulumi-language-python-exec";

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
  const stamps = stampsOf();
  const recorded = recordedStamps(stampFile);
  const reusable = (binary: string) =>
    recorded[binary] === stamps[binary] && fs.existsSync(path.join(dir, binary));
  if (CLI_FILES.every(reusable)) {
    say(`Pulumi CLI ${PULUMI_VERSION}: reusing the build in ${dir}`);
    process.stdout.write(`${dir}\n`);
    return;
  }
  const staging = `${dir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    for (const b of BUILDS) {
      if (reusable(b.binary)) {
        fs.copyFileSync(path.join(dir, b.binary), path.join(staging, b.binary));
        fs.chmodSync(path.join(staging, b.binary), 0o755);
        say(`Reusing ${b.binary} ${b.version} (its pins are unchanged)`);
        continue;
      }
      const started = Date.now();
      say(
        `Building ${b.binary} ${b.version} from ${b.pkg} (the first build downloads modules and takes minutes)`,
      );
      goBuild(path.join(HERE, b.module), b.pkg, b.version, path.join(staging, b.binary));
      say(`  built ${b.binary} in ${Math.round((Date.now() - started) / 1000)} s`);
    }
    for (const name of BRIDGED) {
      fs.copyFileSync(path.join(staging, "pulumi-language-nodejs"), path.join(staging, name));
      fs.chmodSync(path.join(staging, name), 0o755);
    }
    copyPythonShim(staging);
    fs.copyFileSync(dynamicProviderScript(), path.join(staging, "pulumi-resource-pulumi-nodejs"));
    fs.chmodSync(path.join(staging, "pulumi-resource-pulumi-nodejs"), 0o755);
    fs.writeFileSync(path.join(staging, ".stamp"), `${JSON.stringify(stamps, null, 2)}\n`);
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
